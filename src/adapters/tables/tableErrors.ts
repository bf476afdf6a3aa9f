import { z } from 'zod';

/** The HTTP status of an Azure SDK RestError (or anything shaped like one); null otherwise. */
export function statusCodeOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const { statusCode } = error as { statusCode: unknown };
    return typeof statusCode === 'number' ? statusCode : null;
  }
  return null;
}

/**
 * True when a conditional write lost a race: 409 (create: the entity already exists),
 * 412 (update: the ETag no longer matches) or 404 (update: the entity was deleted meanwhile).
 */
export function isConcurrencyFailure(error: unknown, conditional: 'create' | 'update'): boolean {
  const status = statusCodeOf(error);
  return conditional === 'create' ? status === 409 : status === 412 || status === 404;
}

/** The service error code of an Azure SDK RestError ("TableAlreadyExists", ...); null otherwise. */
export function errorCodeOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** A short reason for an unreadable entity: zod issues on one line, or the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
