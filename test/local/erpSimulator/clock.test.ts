import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_ORDER_COUNT, startErpSimulator, type ErpChange, type ErpSimulator } from '../../../src/local/erpSimulator/index.js';

const USER = 'integra';
const PASS = 'Senha-Forte-123';
const ORDERS = '/api/millenium_eco/pedido_venda/listapedidos';
const headers = { Authorization: `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}` };
type Row = Record<string, unknown> & { trans_id: number; cod_pedidov: string };

async function feed(sim: ErpSimulator): Promise<Row[]> {
  const response = await fetch(`${sim.url}${ORDERS}?trans_id=0&$top=500&$format=json`, { headers });
  return ((await response.json()) as { value: Row[] }).value;
}

async function current(sim: ErpSimulator, orderNumber: string): Promise<Row | undefined> {
  const response = await fetch(`${sim.url}${ORDERS}?cod_pedidov=${orderNumber}&$format=json`, { headers });
  return ((await response.json()) as { value: Row[] }).value[0];
}

describe('ERP simulator on a manual clock', () => {
  let sim: ErpSimulator;
  let changes: Map<number, ErpChange>;
  const changesOf = (orderNumber: string) => [...changes.values()].filter((c) => c.feed === 'orders' && c.key === orderNumber);
  beforeAll(async () => {
    sim = await startErpSimulator({ authMode: 'basic', username: USER, password: PASS, orderCount: MIN_ORDER_COUNT, clock: 'manual', durationMs: 10_000 });
    changes = new Map(sim.dataset.changes.map((c) => [c.transId, c]));
  });
  afterAll(() => sim.close());

  it('shows an order only once its creation is due, then each newer version in place of the older one', async () => {
    const order = sim.dataset.orders.find((o) => {
      const [a, b, c] = changesOf(o.orderNumber);
      return a && b && c && a.atMs > sim.elapsedMs() && a.atMs < b.atMs && b.atMs < c.atMs;
    });
    const [v1, v2] = changesOf(order?.orderNumber ?? '');
    if (!order || !v1 || !v2) throw new Error('the scenario has no order with three separate versions');

    sim.advanceTo(v1.atMs - 1);
    expect(await current(sim, order.orderNumber)).toBeUndefined();
    sim.advanceTo(v1.atMs);
    expect((await current(sim, order.orderNumber))?.trans_id).toBe(v1.transId);
    sim.advanceTo(v2.atMs);
    expect((await current(sim, order.orderNumber))?.trans_id).toBe(v2.transId);
    const rows = (await feed(sim)).filter((r) => r.cod_pedidov === order.orderNumber);
    expect(rows.map((r) => r.trans_id)).toEqual([v2.transId]);
    for (const row of await feed(sim)) expect(changes.get(row.trans_id)?.atMs).toBeLessThanOrEqual(v2.atMs);
  });

  it('never moves back', () => {
    const now = sim.elapsedMs();
    sim.advanceTo(now - 500);
    expect(sim.elapsedMs()).toBe(now);
  });

  it('first shows an order created and cancelled in the same moment already cancelled', async () => {
    const order = sim.dataset.orders.find((o) => o.cancelledBeforeFirstSeen);
    const [created, cancelled] = changesOf(order?.orderNumber ?? '');
    if (!order || !created || !cancelled) throw new Error('the scenario has no order cancelled before it was seen');
    sim.advanceTo(created.atMs);
    const row = await current(sim, order.orderNumber);
    expect(row?.trans_id).toBe(cancelled.transId);
    expect([true, 'T', 1]).toContain(row?.cancelado);
  });

  it('first shows an order shipped and delivered in the same moment already delivered', async () => {
    const order = sim.dataset.orders.find((o) => o.shippedAndDeliveredTogether);
    const shipped = changesOf(order?.orderNumber ?? '').find((c) => c.event === 'shipped');
    if (!order || !shipped) throw new Error('the scenario has no order shipped and delivered together');
    sim.advanceTo(shipped.atMs);
    const row = await current(sim, order.orderNumber);
    expect(row?.data_conclusao_embarque).not.toBeNull();
    expect(row?.data_entrega_cliente).not.toBeNull();
  });

  it('shows every order at its last version after revealAll', async () => {
    sim.revealAll();
    const rows = await feed(sim);
    expect(new Map(rows.map((r) => [r.cod_pedidov, r.trans_id]))).toEqual(
      new Map(sim.dataset.orders.map((o) => [o.orderNumber, o.transIds.at(-1)])),
    );
  });
});

describe('ERP simulator on the real clock', () => {
  let sim: ErpSimulator;
  beforeAll(async () => {
    sim = await startErpSimulator({ authMode: 'basic', username: USER, password: PASS, orderCount: MIN_ORDER_COUNT, durationMs: 20 });
  });
  afterAll(() => sim.close());

  it('has unfolded the whole story once durationMs has passed', async () => {
    await sleep(50);
    expect((await feed(sim)).length).toBe(MIN_ORDER_COUNT);
  });
});
