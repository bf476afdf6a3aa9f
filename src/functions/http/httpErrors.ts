import type { HttpResponseInit } from '@azure/functions';
import { ZodError } from 'zod';
import { IntegrationError } from '../../domain/errors.js';

/** Maps anything thrown by a use case to an HTTP answer; never echoes internals or secrets. */
export function toHttpError(error: unknown, log: (message: string) => void): HttpResponseInit {
  if (error instanceof ZodError) {
    return problem(400, 'invalid request', error.issues.map((i) => ({ field: i.path.join('.') || '(query)', message: i.message })));
  }
  if (error instanceof IntegrationError && error.code === 'CONFIG_INVALID') return problem(500, error.message);
  if (error instanceof Error && error.name === 'InvalidContinuationTokenError') return problem(400, error.message);
  log(`status API failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return problem(500, 'internal error; see the function logs');
}

/** A JSON error answer. */
export function problem(status: number, message: string, errors?: unknown): HttpResponseInit {
  return { status, jsonBody: errors === undefined ? { error: message } : { error: message, errors } };
}
