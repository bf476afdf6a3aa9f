import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordPage } from '../../src/app/integrationRecord.js';
import { expectedOutcome } from '../../src/local/erpSimulator/index.js';
import type { LocalRuntime } from '../../src/local/runtime/localRuntime.js';
import { acceptedByOrder, expectedByOrder, pollAcrossTimeline, startOutsideWorld, startQuietRuntime } from './e2eKit.js';

/** Every record in a state, following continuation tokens. */
async function recordsInState(httpUrl: string, state: string): Promise<RecordPage['items']> {
  const items: RecordPage['items'] = [];
  let token: string | null = null;
  do {
    const url = new URL(`${httpUrl}/api/integrations`);
    url.searchParams.set('state', state);
    url.searchParams.set('limit', '200');
    if (token) url.searchParams.set('continuationToken', token);
    const answer = await fetch(url);
    if (answer.status !== 200) throw new Error(`GET ${url.toString()} answered ${answer.status}: ${await answer.text()}`);
    const page = (await answer.json()) as RecordPage;
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}

/**
 * Business rule 8: while HM_ENABLED=false nothing is sent, but changes are tracked; once it is true,
 * the extract's sweep queues the parked orders again and H&M receives what it is owed.
 */
describe('HM_ENABLED=false, then true on the same data (business rule 8)', () => {
  let world: Awaited<ReturnType<typeof startOutsideWorld>>;
  let runtime: LocalRuntime | null = null;
  let pendingWhileDisabled: RecordPage['items'] = [];

  beforeAll(async () => {
    world = await startOutsideWorld(24);
    runtime = await startQuietRuntime({ ...world.env, HM_ENABLED: 'false' });
    // Two polls: an order's later changes (shipped, delivered, returned) arrive while it is already parked.
    await pollAcrossTimeline(world.erp, runtime, 2);
    pendingWhileDisabled = await recordsInState(runtime.httpUrl, 'PENDING');
  }, 120_000);

  afterAll(async () => {
    await runtime?.stop();
    await world?.close();
  });

  it('sends nothing to H&M while disabled', () => {
    expect(world.hm.received()).toEqual([]);
    expect(world.hm.tokensIssued()).toBe(0);
  });

  it('tracks every owed status as PENDING, shown by GET /api/integrations?state=PENDING', () => {
    const owed = Object.values(expectedOutcome(world.erp.dataset).orders).map((o) => ({
      orderNumber: o.orderNumber,
      statuses: [...o.sent, ...(o.failed ? [{ status: o.failed.status }] : []), ...o.heldBack].map((s) => s.status).sort(),
    }));
    for (const { orderNumber, statuses } of owed) {
      const pending = pendingWhileDisabled.filter((i) => i.orderNumber === orderNumber);
      expect(pending.map((i) => i.status).sort(), orderNumber).toEqual(statuses);
      expect(pending.every((i) => i.error?.code === 'HM_DISABLED'), orderNumber).toBe(true);
    }
    expect(pendingWhileDisabled.length).toBe(owed.reduce((n, o) => n + o.statuses.length, 0));
  });

  // A restart must find what the stopped runtime wrote: Azurite is stopped with SIGINT so it saves
  // (it once was stopped with SIGTERM and lost its last writes: cursors and parked orders).
  describe('after a restart on the same LOCAL_DATA_DIR with HM_ENABLED=true', () => {
    let cursorsWhileDisabled: { orders: number; returns: number };
    let erpCallsBefore = 0;

    beforeAll(async () => {
      cursorsWhileDisabled = runtime!.progress.cursors;
      erpCallsBefore = world.erp.requests().length;
      await runtime?.stop();
      runtime = null;
      runtime = await startQuietRuntime({ ...world.env, HM_ENABLED: 'true' }, false);
      await runtime.runUntilIdle();
    }, 120_000);

    it('resumes both ERP feeds from the cursors stored before the stop', () => {
      const feedReads = world.erp.requests().slice(erpCallsBefore).filter((r) => r.query['trans_id'] !== undefined);
      expect(feedReads.length).toBeGreaterThan(0);
      const stored = [String(cursorsWhileDisabled.orders), String(cursorsWhileDisabled.returns)];
      expect(feedReads.map((r) => r.query['trans_id']).filter((t) => !stored.includes(t!))).toEqual([]);
    });

    it('sends exactly what is owed, queued again by the extract’s sweep of parked orders', async () => {
      const accepted = acceptedByOrder(world.hm);
      const expected = expectedByOrder(world.erp);
      for (const [orderNumber, statuses] of expected) expect(accepted.get(orderNumber) ?? [], orderNumber).toEqual(statuses);
      expect([...accepted.keys()].filter((n) => !expected.has(n))).toEqual([]);
      expect(world.hm.received().filter((r) => r.status >= 400)).toEqual([]);
      expect(await recordsInState(runtime!.httpUrl, 'PENDING')).toEqual([]);
    });
  });
});
