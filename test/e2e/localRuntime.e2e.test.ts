import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedOutcome } from '../../src/local/erpSimulator/index.js';
import type { LocalRuntime } from '../../src/local/runtime/localRuntime.js';
import { acceptedByOrder, expectedByOrder, pollAcrossTimeline, startOutsideWorld, startQuietRuntime } from './e2eKit.js';

/**
 * The whole job on real parts: Azurite, the in-process session queue, the three functions' handlers,
 * the ERP simulator's 300-order scenario (stepped through its timeline) and the strict H&M simulator.
 */
describe('local runtime, end to end on the simulator dataset', () => {
  let world: Awaited<ReturnType<typeof startOutsideWorld>>;
  let runtime: LocalRuntime;

  beforeAll(async () => {
    world = await startOutsideWorld(300);
    runtime = await startQuietRuntime(world.env);
    await pollAcrossTimeline(world.erp, runtime, 10);
  }, 240_000);

  afterAll(async () => {
    await runtime?.stop();
    await world?.close();
  });

  it('leaves H&M with exactly the owed statuses of every order, once each, in lifecycle order', () => {
    const accepted = acceptedByOrder(world.hm);
    const expected = expectedByOrder(world.erp);
    expect(expected.size).toBeGreaterThanOrEqual(290);
    for (const [orderNumber, statuses] of expected) expect(accepted.get(orderNumber) ?? [], orderNumber).toEqual(statuses);
    expect([...accepted.keys()].filter((n) => !expected.has(n))).toEqual([]);
  });

  it('sends only bodies the H&M contract accepts, and never the same event twice', () => {
    const received = world.hm.received();
    expect(received.filter((r) => r.status >= 400)).toEqual([]);
    const ids = received.map((r) => (r.body as { eventId: string }).eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses one H&M token for the whole run: the credential is built once per process, not per message', () => {
    expect(world.hm.received().length).toBeGreaterThan(500);
    expect(world.hm.tokensIssued()).toBe(1);
  });

  it('shows the failed order through GET /api/integrations/{orderNumber}, with its error and its blocked statuses', async () => {
    const failures = Object.values(expectedOutcome(world.erp.dataset).orders).filter((o) => o.failed);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      const answer = await fetch(`${runtime.httpUrl}/api/integrations/${encodeURIComponent(failure.orderNumber)}`);
      expect(answer.status).toBe(200);
      const timeline = (await answer.json()) as { records: { status: string | null; state: string; error: { code: string; message: string } | null }[] };
      const failed = timeline.records.find((r) => r.status === failure.failed?.status);
      expect(failed).toMatchObject({ state: 'FAILED', error: { code: failure.failed?.code } });
      expect(failed?.error?.message).toMatch(/HM_MAPPINGS/);
      for (const held of failure.heldBack) expect(timeline.records.find((r) => r.status === held.status)?.state).toBe('BLOCKED');
    }
  });

  it('records the invalid ERP row as FAILED against its order, and processes the later valid version', async () => {
    const { invalidRows } = expectedOutcome(world.erp.dataset);
    expect(invalidRows).toHaveLength(1);
    const [row] = invalidRows;
    const answer = await fetch(`${runtime.httpUrl}/api/integrations/${encodeURIComponent(row!.orderNumber)}`);
    const timeline = (await answer.json()) as { records: { status: string | null; state: string; transId: number | null; error: { code: string } | null }[] };
    expect(timeline.records.find((r) => r.status === null)).toMatchObject({ state: 'FAILED', transId: row!.transId, error: { code: 'ERP_INVALID_ROW' } });
    expect(timeline.records.find((r) => r.status === 'CREATED')?.state).toBe('SENT');
  });

  it('lists failures newest first through GET /api/integrations?state=FAILED, without payloads', async () => {
    const answer = await fetch(`${runtime.httpUrl}/api/integrations?state=FAILED&limit=50`);
    expect(answer.status).toBe(200);
    const page = (await answer.json()) as { items: { state: string; payload: unknown; firstSeenAt: string }[] };
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.items.every((i) => i.state === 'FAILED' && i.payload === null)).toBe(true);
    const times = page.items.map((i) => i.firstSeenAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('resyncs every order failed for one reason with POST /api/integrations/resync?code=…', async () => {
    const failures = Object.values(expectedOutcome(world.erp.dataset).orders).filter((o) => o.failed);
    const code = failures[0]!.failed!.code;
    const answer = await fetch(`${runtime.httpUrl}/api/integrations/resync?state=FAILED&code=${code}`, { method: 'POST' });
    expect(answer.status).toBe(202);
    const result = (await answer.json()) as { queued: number; orderNumbers: string[] };
    expect(result.orderNumbers.sort()).toEqual(failures.filter((f) => f.failed?.code === code).map((f) => f.orderNumber).sort());
    await runtime.queue.waitUntilIdle({ timeoutMs: 60_000 });
    const bad = await fetch(`${runtime.httpUrl}/api/integrations/resync?code=NOPE`, { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('code');
  });

  it('answers a malformed filter with 400 naming the parameter', async () => {
    const answer = await fetch(`${runtime.httpUrl}/api/integrations?state=LOST`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain('state');
  });
});
