import { z } from 'zod';

/** H&M's rejection body (contracts/hm-order-api.md): `{"errors":[{"field":"…","message":"…"}]}`. */
export const hmErrorBodySchema = z.object({
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** The gateway's (APIM's) own error body: `{"statusCode":403,"message":"…"}`. */
const gatewayErrorSchema = z.object({ message: z.string() });

const MAX_TEXT = 500;

/** The field errors of a rejection, tolerating gateway bodies, plain text and empty bodies. */
export function readFieldErrors(httpStatus: number, body: unknown): { field: string; message: string }[] {
  const contract = hmErrorBodySchema.safeParse(body);
  if (contract.success && contract.data.errors.length > 0) return contract.data.errors;
  const gateway = gatewayErrorSchema.safeParse(body);
  if (gateway.success) return [{ field: '', message: gateway.data.message }];
  if (typeof body === 'string' && body.trim() !== '') return [{ field: '', message: body.trim().slice(0, MAX_TEXT) }];
  return [{ field: '', message: `H&M answered HTTP ${httpStatus} without error details` }];
}
