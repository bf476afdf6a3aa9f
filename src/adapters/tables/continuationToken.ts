import { z } from 'zod';

/**
 * The listing's continuation token: base64url JSON saying where the next page starts, either a
 * day partition of the index (plus Table Storage's own continuation inside it) or an offset in
 * one order's records. Opaque to callers.
 */
const tokenSchema = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('day'),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    table: z.string().min(1).nullable(),
  }),
  z.object({ by: z.literal('order'), offset: z.number().int().positive() }),
]);
export type ListingPosition = z.infer<typeof tokenSchema>;

/** A continuation token this API did not issue (or one from a different kind of query). */
export class InvalidContinuationTokenError extends Error {
  override readonly name = 'InvalidContinuationTokenError';
  readonly code = 'INVALID_CONTINUATION_TOKEN';
  constructor(reason: string) {
    super(`continuationToken is invalid (${reason}): pass back the token of the previous page unchanged, or omit it to start over`);
  }
}

/** Encodes a position as an opaque token. */
export function encodeContinuationToken(position: ListingPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes a token; InvalidContinuationTokenError when it is not one encodeContinuationToken made. */
export function decodeContinuationToken(token: string): ListingPosition {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InvalidContinuationTokenError('not base64url');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidContinuationTokenError('not JSON');
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) throw new InvalidContinuationTokenError('unknown position');
  return parsed.data;
}
