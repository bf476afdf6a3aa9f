/**
 * Why a token could not be had. `refused`: Entra ID refused the app's settings (permanent until an
 * operator fixes them). `unreachable`: the authority could not be reached or failed (transient).
 */
export interface HmTokenFailure {
  kind: 'refused' | 'unreachable';
  message: string;
}

/** Thrown by the token provider; carries only text safe to log (no secret, no token). */
export class HmTokenError extends Error {
  override readonly name = 'HmTokenError';
  constructor(readonly failure: HmTokenFailure) {
    super(failure.message);
  }
}

const ALL_SETTINGS = 'HM_CLIENT_ID, HM_CLIENT_SECRET, HM_TENANT_ID and HM_RESOURCE';

/** The OAuth error codes by which Entra ID refuses a client-credentials request, with what to check. */
const REFUSALS: Record<string, string> = {
  invalid_client: 'check HM_CLIENT_SECRET (the secret value, not its ID, and not expired) of the app HM_CLIENT_ID',
  unauthorized_client: 'check HM_CLIENT_ID (no such app in tenant HM_TENANT_ID)',
  invalid_resource: 'check HM_RESOURCE (the token scope is <HM_RESOURCE>/.default)',
  invalid_scope: 'check HM_RESOURCE (the token scope is <HM_RESOURCE>/.default)',
  invalid_tenant: 'check HM_TENANT_ID',
  invalid_request: `check ${ALL_SETTINGS}`,
  invalid_grant: `check ${ALL_SETTINGS}`,
  unsupported_grant_type: `check ${ALL_SETTINGS}`,
};

/** What a thrown credential error says: @azure/identity wraps MSAL's errors into "code: … Description: …" text. */
export function readCredentialError(error: unknown): { code: string; description: string; status?: number } {
  const e = (error ?? {}) as { message?: unknown; statusCode?: unknown; errorResponse?: { error?: unknown; errorDescription?: unknown } };
  if (e.errorResponse && typeof e.errorResponse.error === 'string') {
    return {
      code: e.errorResponse.error,
      description: typeof e.errorResponse.errorDescription === 'string' ? e.errorResponse.errorDescription : '',
      ...(typeof e.statusCode === 'number' ? { status: e.statusCode } : {}),
    };
  }
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = /^([a-z_]+):/.exec(message)?.[1] ?? 'unknown_error';
  const description = /Description: (.*?)(?: Trace ID:| - Correlation ID:|$)/s.exec(message)?.[1] ?? message;
  return { code, description: description.trim() };
}

/** Classifies a credential error; `endpoints_resolution_error` is left 'unresolved' (it hides both cases). */
export function classifyCredentialError(error: unknown): HmTokenFailure | 'unresolved' {
  const { code, description } = readCredentialError(error);
  if (code === 'endpoints_resolution_error') return 'unresolved';
  const hint = REFUSALS[code];
  if (hint !== undefined) {
    return { kind: 'refused', message: `Entra ID refused the H&M client credentials (${code}: ${description}) — ${hint}.` };
  }
  return {
    kind: 'unreachable',
    message: `could not get an H&M token from HM_AUTHORITY_HOST (${code}: ${description}); retried later.`,
  };
}
