import type { AccessToken, TokenCredential } from '@azure/identity';
import type { HmTokenFailure } from './hmTokenFailure.js';
import { classifyCredentialError, HmTokenError } from './hmTokenFailure.js';

export interface HmTokenProviderOptions {
  credential: TokenCredential;
  /** `<HM_RESOURCE>/.default`. */
  scope: string;
  refreshMarginMs: number;
  /** Tells an unknown tenant from an unreachable host when MSAL cannot say which. */
  probeAuthority: () => Promise<HmTokenFailure>;
  onTokenAcquired?: (expiresOnTimestamp: number) => void;
  now?: () => number;
}

export interface HmTokenProvider {
  /** A token valid for at least the refresh margin; one fetch serves every concurrent caller. Throws HmTokenError. */
  token(): Promise<string>;
  /** Forgets a token the API refused (401): the next token() fetches a fresh one, bypassing MSAL's cache. */
  invalidate(token: string): void;
}

/**
 * A claims challenge asking for a token issued from now on: the documented way to make MSAL skip its
 * cache (the same "nbf" challenge a CAE-enabled API sends after revoking a session).
 */
function freshTokenClaims(nowMs: number): string {
  return JSON.stringify({ access_token: { nbf: { essential: true, value: String(Math.floor(nowMs / 1000)) } } });
}

/** Caches the H&M access token until shortly before it expires; never one fetch per event. */
export function createHmTokenProvider(options: HmTokenProviderOptions): HmTokenProvider {
  const now = options.now ?? Date.now;
  let cached: AccessToken | null = null;
  let inFlight: Promise<AccessToken> | null = null;
  let forceFresh = false;

  const fetchToken = async (fresh: boolean): Promise<AccessToken> => {
    let token: AccessToken | null;
    try {
      token = await options.credential.getToken(options.scope, fresh ? { claims: freshTokenClaims(now()) } : {});
    } catch (error) {
      const failure = classifyCredentialError(error);
      throw new HmTokenError(failure === 'unresolved' ? await options.probeAuthority() : failure);
    }
    if (!token) throw new HmTokenError({ kind: 'unreachable', message: 'Entra ID answered without an access token; retried later.' });
    options.onTokenAcquired?.(token.expiresOnTimestamp);
    return token;
  };

  return {
    async token() {
      if (cached && now() < cached.expiresOnTimestamp - options.refreshMarginMs) return cached.token;
      if (!inFlight) {
        const fresh = forceFresh;
        forceFresh = false;
        inFlight = fetchToken(fresh)
          .then(
            (token) => {
              cached = token;
              return token;
            },
            (error: unknown) => {
              forceFresh ||= fresh; // a refused token must not come back from MSAL's cache on the next try
              throw error;
            },
          )
          .finally(() => {
            inFlight = null;
          });
      }
      return (await inFlight).token;
    },
    invalidate(token) {
      if (cached?.token !== token) return; // already replaced by a concurrent caller
      cached = null;
      forceFresh = true;
    },
  };
}
