/**
 * Typed errors with a stable code and a message an operator can act on. Only the dispatcher decides
 * whether a code is retried; only the HTTP function maps codes to HTTP statuses.
 */
export const ERROR_CODES = [
  'ERP_INVALID_ROW',
  'ERP_ORDER_NOT_FOUND',
  'ERP_UNAVAILABLE',
  'ERP_AUTH_FAILED',
  'MAPPING_MISSING_BRAND',
  'MAPPING_MISSING_FREIGHT_TYPE',
  'MAPPING_MISSING_BARCODE',
  'MAPPING_INVALID',
  'HM_PAYLOAD_INVALID',
  'HM_REJECTED',
  'HM_FORBIDDEN',
  'HM_AUTH_FAILED',
  'HM_UNAVAILABLE',
  'CONFIG_INVALID',
  'DEAD_LETTERED',
  'HM_DISABLED',
  'BLOCKED_BY_EARLIER_STATUS',
  'MESSAGE_UNREADABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error whose code says what went wrong and whose message says what to fix and where. */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Structured details shown to operators (validation issues, H&M's errors). Never secrets. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Normalises anything thrown into an IntegrationError (unknown errors become INTERNAL). */
export function toIntegrationError(error: unknown): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IntegrationError('INTERNAL', message);
}
