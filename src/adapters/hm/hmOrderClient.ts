import axios from 'axios';
import pRetry from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HmAnswer, HmOrderApi, Logger } from '../../app/ports.js';
import type { HmStatusEvent } from '../../domain/hm/hmStatusEvent.js';
import { classifyHmAnswer } from './hmAnswerClassifier.js';
import { probeAuthority } from './hmAuthorityProbe.js';
import type { HmClientOptions } from './hmClientOptions.js';
import { parseHmClientOptions } from './hmClientOptions.js';
import { createHmCredential } from './hmCredential.js';
import { createHmHttpsAgent } from './hmHttpAgent.js';
import type { HmTokenFailure } from './hmTokenFailure.js';
import { HmTokenError } from './hmTokenFailure.js';
import { createHmTokenProvider } from './hmTokenProvider.js';
import { redact } from './redact.js';
import { retryAfterMs } from './retryAfter.js';

export type { HmClientOptions } from './hmClientOptions.js';

/** A 5xx, 429, 408, timeout, network or token-endpoint failure: worth another attempt. */
class RetryableFailure extends Error {
  constructor(
    readonly httpStatus: number | null,
    readonly body: unknown,
    message: string,
    /** Wait asked by the server (Retry-After), honoured before the backoff delay. */
    readonly waitMs: number,
  ) {
    super(message);
  }
}

/** Backoff between attempts: base, ×2 each retry, jitter ×[1,2), never above this. */
const MAX_BACKOFF_MS = 30_000;

/**
 * The H&M order API client (port HmOrderApi): Entra ID token (cached, shared), the POST with its
 * headers, and every answer classified — it never throws for an HTTP answer. Call close() when done.
 */
export function createHmOrderClient(options: HmClientOptions): HmOrderApi & { close(): void } {
  const settings = parseHmClientOptions(options);
  const logger: Logger | undefined = options.logger;
  const hide = (text: string): string => redact(text, [settings.clientSecret, settings.subscriptionKey]);
  const agent = createHmHttpsAgent(settings.caPem);
  const http = axios.create({
    httpsAgent: agent,
    timeout: settings.timeoutMs,
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: 1024 * 1024,
  });
  const tokens = createHmTokenProvider({
    credential: createHmCredential(settings, agent),
    scope: `${settings.resource}/.default`,
    refreshMarginMs: settings.tokenRefreshMarginMs,
    probeAuthority: () => probeAuthority(http, settings.authorityHost, settings.tenantId),
    onTokenAcquired: (expiresOn) => logger?.info('H&M access token acquired', { expiresOn: new Date(expiresOn).toISOString() }),
  });
  const url = `${settings.apiUrl.replace(/\/+$/, '')}/order-status-events`;

  /** One POST; resolves with any HTTP answer, throws RetryableFailure when no answer came. */
  async function post(event: HmStatusEvent, correlationId: string, token: string, attempt: number) {
    const fields = { eventId: event.eventId, status: event.status, orderNumber: event.order.orderNumber, correlationId, attempt };
    const started = performance.now();
    try {
      const res = await http.post<unknown>(url, event, {
        headers: {
          Authorization: `Bearer ${token}`,
          'Ocp-Apim-Subscription-Key': settings.subscriptionKey,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Idempotency-Key': event.eventId,
          'x-correlation-id': correlationId,
        },
      });
      const durationMs = Math.round(performance.now() - started);
      const level = res.status < 300 || res.status === 409 ? 'info' : 'warn';
      logger?.[level]('H&M status event call', { ...fields, httpStatus: res.status, durationMs });
      return { status: res.status, body: res.data, retryAfter: res.headers['retry-after'] as unknown };
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const { code, message } = error as { code?: unknown; message?: unknown };
      const reason = hide(`${String(code ?? 'ERROR')}: ${String(message ?? error)}`);
      logger?.warn('H&M status event call failed', { ...fields, httpStatus: null, durationMs, reason });
      throw new RetryableFailure(null, null, `H&M did not answer (${reason})`, 0);
    }
  }

  async function send(event: HmStatusEvent, correlationId: string): Promise<HmAnswer> {
    let reauthenticated = false;

    const attemptOnce = async (attempt: number): Promise<HmAnswer> => {
      for (;;) {
        let token: string;
        try {
          token = await tokens.token();
        } catch (error) {
          const failure: HmTokenFailure =
            error instanceof HmTokenError ? error.failure : { kind: 'unreachable', message: String(error) };
          logger?.warn('H&M access token not acquired', { eventId: event.eventId, correlationId, attempt, reason: hide(failure.message) });
          if (failure.kind === 'refused') return { kind: 'authFailed', httpStatus: null, message: hide(failure.message) };
          throw new RetryableFailure(null, null, hide(failure.message), 0);
        }
        const res = await post(event, correlationId, token, attempt);
        const verdict = classifyHmAnswer(res.status, res.body);
        if (verdict.action === 'answer') return verdict.answer;
        if (verdict.action === 'retry') {
          const wait = verdict.honourRetryAfter ? retryAfterMs(res.retryAfter, settings.maxRetryAfterMs) : 0;
          throw new RetryableFailure(res.status, res.body, `H&M answered HTTP ${res.status}`, wait);
        }
        if (reauthenticated) {
          return {
            kind: 'authFailed',
            httpStatus: 401,
            message:
              'H&M refused a freshly issued token (HTTP 401) — check that the app HM_CLIENT_ID of tenant HM_TENANT_ID is granted access to HM_RESOURCE.',
          };
        }
        // 401: the token expired early or was revoked; one fresh token, then the same attempt again.
        reauthenticated = true;
        tokens.invalidate(token);
      }
    };

    try {
      return await pRetry(attemptOnce, {
        retries: settings.maxRetries,
        factor: 2,
        minTimeout: settings.retryBaseDelayMs,
        maxTimeout: MAX_BACKOFF_MS,
        randomize: true,
        shouldRetry: ({ error }) => error instanceof RetryableFailure,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (error instanceof RetryableFailure && error.waitMs > 0 && retriesLeft > 0) await sleep(error.waitMs);
        },
      });
    } catch (error) {
      if (error instanceof RetryableFailure) {
        const message = `${error.message}; gave up after ${settings.maxRetries + 1} attempt(s)`;
        logger?.error('H&M unavailable', { eventId: event.eventId, correlationId, httpStatus: error.httpStatus, message });
        return { kind: 'unavailable', httpStatus: error.httpStatus, body: error.body, message };
      }
      const message = hide(`unexpected error while calling H&M: ${error instanceof Error ? error.message : String(error)}`);
      logger?.error('H&M call crashed', { eventId: event.eventId, correlationId, message });
      return { kind: 'unavailable', httpStatus: null, body: null, message };
    }
  }

  return {
    send,
    close: () => agent.destroy(),
  };
}
