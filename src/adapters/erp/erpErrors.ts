import { isAxiosError } from 'axios';
import { IntegrationError } from '../../domain/errors.js';

const CHECK_CREDENTIALS = 'check ERP_USERNAME / ERP_PASSWORD / ERP_AUTH_MODE';
const BODY_EXCERPT_CHARS = 200;

/** Replaces every known secret (password, credential headers, session token) in a text. */
export type Redact = (text: string) => string;

/** The error for an HTTP answer that is not a success; `body` is shown redacted and shortened. */
export function erpStatusError(method: string, path: string, status: number, body: string, redact: Redact): IntegrationError {
  const details = { method, path, status, body: excerpt(body, redact) };
  if (status === 401 || status === 403) {
    return new IntegrationError(
      'ERP_AUTH_FAILED',
      `e-Millennium refused the credentials: ${method} ${path} answered ${status} (${CHECK_CREDENTIALS})`,
      details,
    );
  }
  if (status === 429 || status >= 500) {
    return new IntegrationError('ERP_UNAVAILABLE', `e-Millennium is unavailable: ${method} ${path} answered ${status}`, details);
  }
  const hint = status === 404 ? ' (check ERP_BASE_URL, ERP_ORDERS_PATH / ERP_RETURNS_PATH)' : '';
  return new IntegrationError('ERP_UNAVAILABLE', `e-Millennium answered ${status} to ${method} ${path}${hint}`, details);
}

/**
 * The error for a call that got no answer (network, timeout). Built from the error's code and
 * message only: an axios error carries the request config, headers included, so it is never kept.
 */
export function erpTransportError(method: string, path: string, error: unknown, redact: Redact): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const code = isAxiosError(error) ? (error.code ?? null) : null;
  const reason =
    code === 'ECONNABORTED' || code === 'ETIMEDOUT'
      ? 'timed out (ERP_TIMEOUT_MS)'
      : redact(error instanceof Error ? error.message : String(error));
  return new IntegrationError('ERP_UNAVAILABLE', `e-Millennium did not answer ${method} ${path}: ${reason}`, {
    method,
    path,
    status: null,
    code,
  });
}

/** The error for a 2xx answer whose body is not what the contract says. */
export function erpBodyError(method: string, path: string, problem: string, issues?: unknown): IntegrationError {
  return new IntegrationError(
    'ERP_UNAVAILABLE',
    `e-Millennium answered ${method} ${path} with an unexpected body: ${problem}`,
    issues === undefined ? { method, path } : { method, path, issues },
  );
}

function excerpt(body: string, redact: Redact): string {
  const text = redact(body);
  return text.length > BODY_EXCERPT_CHARS ? `${text.slice(0, BODY_EXCERPT_CHARS)}…` : text;
}

/** A redactor for the given secrets (empty ones are skipped). */
export function redactorFor(secrets: () => readonly string[]): Redact {
  return (text) => {
    let out = text;
    for (const secret of secrets()) if (secret.length > 0) out = out.split(secret).join('***');
    return out;
  };
}
