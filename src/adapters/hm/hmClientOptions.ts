import { z } from 'zod';
import { IntegrationError } from '../../domain/errors.js';
import type { Logger } from '../../app/ports.js';

/** The client's settings; each key's error names the app setting it comes from (contracts/hm-order-api.md). */
export const hmClientOptionsSchema = z.object({
  apiUrl: z.url({ protocol: /^https?$/ }),
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  resource: z.string().min(1),
  authorityHost: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
  subscriptionKey: z.string().min(1),
  timeoutMs: z.number().int().positive(),
  maxRetries: z.number().int().min(0),
  /** PEM of a certificate to trust besides the public roots (the local simulator's); null in Azure. */
  caPem: z.string().min(1).nullish(),
  /** First backoff delay before retrying a 5xx, timeout or network error; doubles each retry, with jitter. */
  retryBaseDelayMs: z.number().int().min(0).default(500),
  /** Longest wait honoured from a 429's Retry-After. */
  maxRetryAfterMs: z.number().int().min(0).default(30_000),
  /** A cached token is replaced this long before it expires (kept under MSAL's own 5-minute renewal window). */
  tokenRefreshMarginMs: z.number().int().min(0).default(180_000),
});

export type HmClientSettings = z.output<typeof hmClientOptionsSchema>;
export type HmClientOptions = z.input<typeof hmClientOptionsSchema> & { logger?: Logger };

const SETTING_NAMES: Record<string, string> = {
  apiUrl: 'HM_API_URL',
  tenantId: 'HM_TENANT_ID',
  clientId: 'HM_CLIENT_ID',
  clientSecret: 'HM_CLIENT_SECRET',
  resource: 'HM_RESOURCE',
  authorityHost: 'HM_AUTHORITY_HOST',
  subscriptionKey: 'HM_SUBSCRIPTION_KEY',
};

/** Validates the options once; the error names settings, never their values. */
export function parseHmClientOptions(options: HmClientOptions): HmClientSettings {
  const { logger: _logger, ...settings } = options;
  const parsed = hmClientOptionsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return `${SETTING_NAMES[key] ?? key}: ${issue.message}`;
  });
  throw new IntegrationError('CONFIG_INVALID', `H&M client settings are invalid — ${problems.join('; ')}`, { problems });
}
