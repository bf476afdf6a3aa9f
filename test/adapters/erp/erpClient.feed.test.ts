import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpClient } from '../../../src/adapters/erp/erpClient.js';
import type { ErpSimulator } from '../../../src/local/erpSimulator/index.js';
import { clientFor, requestsSince, startSimulator } from './erpTestKit.js';

type Row = { trans_id: number; cod_pedidov?: string | null; devolucao?: number };
const asRows = (rows: unknown[]) => rows as Row[];

describe('ErpClient reading the change feeds', () => {
  let sim: ErpSimulator;
  let client: ErpClient;
  beforeAll(async () => {
    sim = await startSimulator();
    client = clientFor(sim);
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('pages through the orders feed with $top until a short page, seeing every order once at its current version', async () => {
    const top = 7;
    const seen = new Map<string, number>();
    let from = 0;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(100);
      const rows = asRows(await client.readChanges('orders', from, top));
      expect(rows.length).toBeLessThanOrEqual(top);
      for (const row of rows) seen.set(String(row.cod_pedidov), row.trans_id);
      const last = rows[rows.length - 1];
      if (rows.length < top || last === undefined) break;
      // The boundary is inclusive: the next page starts at the highest trans_id received.
      from = last.trans_id;
    }
    const expected = new Map(sim.dataset.orders.map((o) => [o.orderNumber, o.transIds[o.transIds.length - 1]]));
    expect(seen).toEqual(expected);
  });

  it('returns rows in ascending trans_id, starting with the row at the requested trans_id (inclusive boundary)', async () => {
    const first = asRows(await client.readChanges('orders', 0, 6));
    const boundary = first[3]?.trans_id ?? -1;
    const next = asRows(await client.readChanges('orders', boundary, 3));
    expect(next[0]?.trans_id).toBe(boundary);
    expect(next.map((r) => r.trans_id)).toEqual(first.slice(3, 6).map((r) => r.trans_id));
  });

  it('reads the return movements feed from its own path', async () => {
    const before = sim.requests().length;
    const rows = asRows(await client.readChanges('returns', 0, 500));
    expect(rows.map((r) => String(r.devolucao)).sort()).toEqual(sim.dataset.movements.map((m) => m.returnId).sort());
    expect(requestsSince(sim, before)[0]?.path).toBe('/api/millenium_eco/troca_devolucao/lista');
  });

  it('asks for trans_id, $top and $format=json on every list call', async () => {
    const before = sim.requests().length;
    await client.readChanges('orders', 123, 9);
    expect(requestsSince(sim, before)[0]?.query).toEqual({ trans_id: '123', $top: '9', $format: 'json' });
  });

  it('fetches the current version of one order by cod_pedidov', async () => {
    const order = sim.dataset.orders[2];
    const row = (await client.fetchOrder(order?.orderNumber ?? '')) as Row | null;
    expect(row?.cod_pedidov).toBe(order?.orderNumber);
    expect(row?.trans_id).toBe(order?.transIds[order.transIds.length - 1]);
  });

  it('answers null for an order the ERP does not know', async () => {
    expect(await client.fetchOrder('999999999')).toBeNull();
  });

  it('reuses one keep-alive connection for successive calls', async () => {
    const fresh = clientFor(sim);
    try {
      const before = sim.connectionCount();
      for (let i = 0; i < 4; i++) await fresh.readChanges('orders', 0, 1);
      expect(sim.connectionCount() - before).toBe(1);
    } finally {
      fresh.close();
    }
  });
});

describe('ErpClient with ERP_VITRINE set', () => {
  let sim: ErpSimulator;
  let client: ErpClient;
  beforeAll(async () => {
    sim = await startSimulator();
    client = clientFor(sim, { vitrine: '3' });
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('sends vitrine=<n> with $format=json on feed reads and on single-order fetches', async () => {
    await client.readChanges('orders', 0, 2);
    await client.readChanges('returns', 0, 2);
    await client.fetchOrder(sim.dataset.orders[0]?.orderNumber ?? '');
    const queries = sim.requests().map((r) => r.query);
    expect(queries).toHaveLength(3);
    for (const query of queries) expect(query).toMatchObject({ vitrine: '3', $format: 'json' });
  });
});
