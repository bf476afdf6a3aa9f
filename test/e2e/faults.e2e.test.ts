import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordPage } from '../../src/app/integrationRecord.js';
import type { LocalRuntime } from '../../src/local/runtime/localRuntime.js';
import { acceptedByOrder, expectedByOrder, pollAcrossTimeline, startOutsideWorld, startQuietRuntime } from './e2eKit.js';

type World = Awaited<ReturnType<typeof startOutsideWorld>>;


/**
 * The whole job while H&M misbehaves: 503s and 429s at random (seeded). Retries inside one delivery
 * and Service Bus redeliveries must still leave H&M with every owed status exactly once, in order.
 */
describe('local runtime while H&M answers 503 and 429 at random', () => {
  let world: World;
  let runtime: LocalRuntime;

  beforeAll(async () => {
    world = await startOutsideWorld(40);
    world.hm.setFaults({ errorRate: 0.2, throttleRate: 0.05, seed: 20260101 });
    // One retry inside an invocation (a 429 waits its Retry-After of 1 s), then redelivery after 200 ms.
    runtime = await startQuietRuntime({ ...world.env, HM_MAX_RETRIES: '1' });
    await pollAcrossTimeline(world.erp, runtime, 4);
  }, 120_000);

  afterAll(async () => {
    await runtime?.stop();
    await world?.close();
  });

  it('really injected faults: H&M answered both 503 and 429', () => {
    const statuses = world.hm.received().map((r) => r.status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('leaves H&M with exactly the owed statuses of every order, once each, in lifecycle order', () => {
    const accepted = acceptedByOrder(world.hm);
    const expected = expectedByOrder(world.erp);
    expect(expected.size).toBeGreaterThanOrEqual(35);
    for (const [orderNumber, statuses] of expected) expect(accepted.get(orderNumber) ?? [], orderNumber).toEqual(statuses);
    expect([...accepted.keys()].filter((n) => !expected.has(n))).toEqual([]);
  });

  it('was refused nothing but throttling: no 4xx other than 429', () => {
    expect(world.hm.received().filter((r) => r.status >= 400 && r.status < 500 && r.status !== 429)).toEqual([]);
  });

  it('dead-lettered nothing: every fault was overcome by a retry or a redelivery', () => {
    expect(runtime.queue.deadLetters()).toEqual([]);
    expect(runtime.progress.deadLettered).toBe(0);
  });
});

/**
 * H&M down for good: each message is delivered SERVICEBUS_MAX_DELIVERY_COUNT times, then dead-lettered
 * and its status shown FAILED; once H&M is back, an operator's resync sends the order.
 */
describe('local runtime while H&M is down, then an operator resync', () => {
  let world: World;
  let runtime: LocalRuntime;

  beforeAll(async () => {
    world = await startOutsideWorld(24);
    world.hm.setFaults({ errorRate: 1 });
    world.erp.revealAll();
    runtime = await startQuietRuntime({ ...world.env, HM_MAX_RETRIES: '0', SERVICEBUS_MAX_DELIVERY_COUNT: '2' });
    await runtime.runUntilIdle();
  }, 120_000);

  afterAll(async () => {
    await runtime?.stop();
    await world?.close();
  });

  it('accepted nothing and dead-lettered the messages', () => {
    expect(acceptedByOrder(world.hm).size).toBe(0);
    expect(runtime.queue.deadLetters().length).toBeGreaterThan(0);
    const deadOrders = new Set(runtime.queue.deadLetters().map((d) => d.sessionId));
    expect([...expectedByOrder(world.erp).keys()].filter((n) => !deadOrders.has(n))).toEqual([]);
  });

  it('shows every order’s CREATED as FAILED with DEAD_LETTERED through GET /api/integrations?state=FAILED', async () => {
    const items: RecordPage['items'] = [];
    let token: string | null = null;
    do {
      const url = new URL(`${runtime.httpUrl}/api/integrations`);
      url.searchParams.set('state', 'FAILED');
      url.searchParams.set('limit', '200');
      if (token) url.searchParams.set('continuationToken', token);
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      const page = (await answer.json()) as RecordPage;
      items.push(...page.items);
      token = page.continuationToken;
    } while (token);
    for (const orderNumber of expectedByOrder(world.erp).keys()) {
      const created = items.find((i) => i.orderNumber === orderNumber && i.status === 'CREATED');
      expect(created, orderNumber).toMatchObject({ state: 'FAILED', error: { code: 'DEAD_LETTERED' } });
    }
  });

  it('sends the order once H&M is back and an operator resyncs it', async () => {
    const expected = expectedByOrder(world.erp);
    // The order with the most statuses owed, so the resync has to send a whole lifecycle in order.
    const [orderNumber, statuses] = [...expected].sort((a, b) => b[1].length - a[1].length)[0]!;
    world.hm.setFaults({});
    const answer = await fetch(`${runtime.httpUrl}/api/integrations/${encodeURIComponent(orderNumber)}/resync`, { method: 'POST' });
    expect(answer.status).toBe(202);
    await runtime.queue.waitUntilIdle({ timeoutMs: 60_000 });

    const accepted = acceptedByOrder(world.hm);
    expect(accepted.get(orderNumber)).toEqual(statuses);
    expect([...accepted.keys()]).toEqual([orderNumber]);
    const timeline = (await (await fetch(`${runtime.httpUrl}/api/integrations/${encodeURIComponent(orderNumber)}`)).json()) as { records: { status: string | null; state: string }[] };
    expect(timeline.records.filter((r) => r.status !== null).every((r) => r.state === 'SENT')).toBe(true);
  });
});
