import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { startHmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { createdEvent } from './hmTestEvents.js';
import { SIM, simulatorHttp } from './simulatorHttp.js';

describe('H&M simulator — gateway checks and faults', () => {
  let sim: HmSimulator;
  let io: ReturnType<typeof simulatorHttp>;

  beforeAll(async () => {
    sim = await startHmSimulator(SIM);
    io = simulatorHttp(sim);
  });
  afterAll(async () => {
    io.close();
    await sim.close();
  });

  it('answers 403 when the subscription key is missing', async () => {
    const res = await io.postEvent(createdEvent('G-1'), { 'ocp-apim-subscription-key': undefined });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.data)).toMatch(/missing subscription key/);
  });

  it('answers 403 when the subscription key is wrong', async () => {
    const res = await io.postEvent(createdEvent('G-2'), { 'ocp-apim-subscription-key': 'wrong-key' });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.data)).toMatch(/invalid subscription key/);
  });

  it('answers 401 without a bearer token, or with one it never issued', async () => {
    expect((await io.postEvent(createdEvent('G-3'), { authorization: undefined })).status).toBe(401);
    const res = await io.postEvent(createdEvent('G-3'), {}, 'forged-token');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('answers 401 with a token issued before revokeTokens()', async () => {
    const token = await io.token();
    sim.revokeTokens();
    expect((await io.postEvent(createdEvent('G-4'), {}, token)).status).toBe(401);
    expect((await io.postEvent(createdEvent('G-4'))).status).toBe(201);
  });

  it('answers 401 once a token has expired', async () => {
    const shortLived = await startHmSimulator({ ...SIM, tokenTtlSeconds: 1 });
    const shortIo = simulatorHttp(shortLived);
    try {
      const token = await shortIo.token();
      await sleep(1100); // at least the token's lifetime: a lower bound, not a race
      expect((await shortIo.postEvent(createdEvent('G-5'), {}, token)).status).toBe(401);
    } finally {
      shortIo.close();
      await shortLived.close();
    }
  });

  it('answers 401 to every token, fresh or not, with refuseTokens', async () => {
    sim.setFaults({ refuseTokens: true });
    const refused = await io.postEvent(createdEvent('G-13'));
    sim.setFaults({});
    expect(refused.status).toBe(401);
    expect((await io.postEvent(createdEvent('G-13'))).status).toBe(201);
  });

  it('checks the subscription key before the token, as APIM does', async () => {
    const res = await io.postEvent(createdEvent('G-6'), { 'ocp-apim-subscription-key': 'wrong-key' }, 'forged-token');
    expect(res.status).toBe(403);
  });

  it('answers the next N POSTs 503 with failNext, then serves normally', async () => {
    sim.setFaults({ failNext: 2 });
    expect((await io.postEvent(createdEvent('G-7'))).status).toBe(503);
    expect((await io.postEvent(createdEvent('G-7'))).status).toBe(503);
    expect((await io.postEvent(createdEvent('G-7'))).status).toBe(201);
  });

  it('answers 429 with Retry-After: 1 when throttling', async () => {
    sim.setFaults({ throttleNext: 1 });
    const res = await io.postEvent(createdEvent('G-8'));
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect((await io.postEvent(createdEvent('G-8'))).status).toBe(201);
  });

  it('answers every POST 503 with errorRate 1 and every POST 429 with throttleRate 1', async () => {
    sim.setFaults({ errorRate: 1 });
    expect((await io.postEvent(createdEvent('G-9'))).status).toBe(503);
    sim.setFaults({ throttleRate: 1 });
    expect((await io.postEvent(createdEvent('G-9'))).status).toBe(429);
    sim.setFaults({});
    expect((await io.postEvent(createdEvent('G-9'))).status).toBe(201);
  });

  it('draws the same faults again from the same seed', async () => {
    const statuses = async (): Promise<number[]> => {
      sim.setFaults({ errorRate: 0.5, seed: 42 });
      const seen: number[] = [];
      // A token per run, fetched before the draws so only POSTs consume them.
      const token = await io.token();
      for (let i = 0; i < 8; i++) seen.push((await io.postEvent(createdEvent(`G-10-${i}`), {}, token)).status);
      return seen;
    };
    const first = await statuses();
    const second = await statuses();
    sim.setFaults({});
    expect(first.some((s) => s === 503)).toBe(true);
    expect(first.map((s) => s === 503)).toEqual(second.map((s) => s === 503));
  });

  it('delays answers by latencyMs', async () => {
    sim.setFaults({ latencyMs: 300 });
    const token = await io.token();
    const started = performance.now();
    const res = await io.postEvent(createdEvent('G-11'), {}, token);
    const elapsed = performance.now() - started;
    sim.setFaults({});
    expect(res.status).toBe(201);
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it('keeps every request with its answer, but never the Authorization or subscription key headers', async () => {
    await io.postEvent(createdEvent('G-12'), { 'x-correlation-id': 'corr-kept' });
    const kept = sim.received().find((r) => r.headers['x-correlation-id'] === 'corr-kept');
    expect(kept).toMatchObject({ method: 'POST', path: '/hm/order-status-events', status: 201, body: { eventId: 'G-12:CREATED' } });
    expect(kept?.headers['idempotency-key']).toBe('G-12:CREATED');
    const everything = JSON.stringify(sim.received());
    expect(everything).not.toContain(SIM.subscriptionKey);
    expect(everything).not.toMatch(/Bearer /);
    expect(Object.keys(kept?.headers ?? {})).not.toContain('authorization');
  });
});
