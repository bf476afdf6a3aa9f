import { z } from 'zod';

/** The ERP gateway's list answer: `{"odata.metadata"?, "odata.count"?, "value": [...]}`; rows stay raw. */
export const odataEnvelopeSchema = z.object({
  'odata.metadata': z.string().optional(),
  'odata.count': z.number().optional(),
  value: z.array(z.unknown()),
});
export type OdataEnvelope = z.infer<typeof odataEnvelopeSchema>;

/** The ERP's answer to GET /api/login in session mode. */
export const loginAnswerSchema = z.object({ session: z.string().min(1) });

/** Issues as `path: message`, without the offending values (they may be large or sensitive). */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}
