import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { HmTokenFailure } from './hmTokenFailure.js';

const entraErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/**
 * MSAL reports "endpoints_resolution_error" both for an unknown tenant and for an unreachable host.
 * Reading the tenant's OpenID metadata ourselves tells the two apart, so only a wrong HM_TENANT_ID
 * becomes a permanent failure.
 */
export async function probeAuthority(http: AxiosInstance, authorityHost: string, tenantId: string): Promise<HmTokenFailure> {
  const url = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
  try {
    const res = await http.get(url);
    const refused = entraErrorSchema.safeParse(res.data);
    if (res.status >= 400 && res.status < 500 && refused.success) {
      const description = (refused.data.error_description ?? '').split(' Trace ID:')[0];
      return {
        kind: 'refused',
        message: `Entra ID does not know the tenant (${refused.data.error}: ${description}) — check HM_TENANT_ID (and HM_AUTHORITY_HOST).`,
      };
    }
    return {
      kind: 'unreachable',
      message: `could not read the Entra ID metadata of the tenant at HM_AUTHORITY_HOST (HTTP ${res.status}); retried later.`,
    };
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      kind: 'unreachable',
      message: `could not reach Entra ID at HM_AUTHORITY_HOST (${String(code ?? 'error')}: ${String(message ?? '')}); retried later.`,
    };
  }
}
