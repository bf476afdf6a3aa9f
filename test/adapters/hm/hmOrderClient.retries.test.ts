import { afterEach, describe, expect, it } from 'vitest';
import { createdEvent } from '../../local/hmSimulator/hmTestEvents.js';
import { createHmOrderClient } from '../../../src/adapters/hm/hmOrderClient.js';
import { answeredStatuses, clientOptionsFor, startPair } from './hmClientHarness.js';

describe('H&M client — transient failures', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('waits the Retry-After of a 429, then succeeds', async () => {
    const pair = await startPair({ faults: { throttleNext: 1 } });
    stop = pair.stop;
    const started = performance.now();
    const answer = await pair.client.send(createdEvent('R-429'), 'q-1');
    const elapsed = performance.now() - started;
    expect(answer.kind).toBe('accepted');
    expect(answeredStatuses(pair.sim)).toEqual([429, 201]);
    expect(elapsed).toBeGreaterThanOrEqual(1000); // Retry-After: 1 (a lower bound, not a race)
  });

  it('caps the Retry-After wait at maxRetryAfterMs', async () => {
    const pair = await startPair({ faults: { throttleNext: 1 } }, { maxRetryAfterMs: 0 });
    stop = pair.stop;
    expect((await pair.client.send(createdEvent('R-429-CAP'), 'q-2')).kind).toBe('accepted');
    expect(answeredStatuses(pair.sim)).toEqual([429, 201]);
  });

  it('retries 503s with backoff, then succeeds', async () => {
    const pair = await startPair({ faults: { failNext: 2 } }, { maxRetries: 3 });
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('R-503'), 's-1');
    expect(answer).toMatchObject({ kind: 'accepted', httpStatus: 201 });
    expect(answeredStatuses(pair.sim)).toEqual([503, 503, 201]);
    expect(pair.logger.entries.filter((e) => e.message === 'H&M status event call').map((e) => e.fields?.attempt)).toEqual([1, 2, 3]);
  });

  it('answers unavailable with the last status after maxRetries when H&M keeps failing', async () => {
    const pair = await startPair({ faults: { errorRate: 1 } }, { maxRetries: 2 });
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('R-DOWN'), 'u-1');
    expect(answer).toMatchObject({ kind: 'unavailable', httpStatus: 503 });
    expect(answer.kind === 'unavailable' && answer.message).toMatch(/HTTP 503.*3 attempt/);
    expect(answeredStatuses(pair.sim)).toEqual([503, 503, 503]);
  });

  it('answers unavailable with no status when every attempt times out', async () => {
    const pair = await startPair({ faults: { latencyMs: 3_000 } }, { timeoutMs: 300, maxRetries: 1 });
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('R-SLOW'), 't-1');
    expect(answer).toMatchObject({ kind: 'unavailable', httpStatus: null });
    expect(answer.kind === 'unavailable' && answer.message).toMatch(/timeout/i);
  });

  it('answers unavailable when the API host refuses connections', async () => {
    const pair = await startPair(); // its Entra ID stays up; only the API host is gone
    stop = pair.stop;
    const closedUrl = 'https://127.0.0.1:1/hm';
    const client = createHmOrderClient(clientOptionsFor(pair.sim, { maxRetries: 1, apiUrl: closedUrl }));
    try {
      const answer = await client.send(createdEvent('R-REFUSED'), 'n-1');
      expect(answer).toMatchObject({ kind: 'unavailable', httpStatus: null });
      expect(answer.kind === 'unavailable' && answer.message).toMatch(/ECONNREFUSED/);
    } finally {
      client.close();
    }
  });
});
