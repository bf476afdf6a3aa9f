import { beforeAll, describe, expect, it } from 'vitest';
import { lifecycleRank } from '../../../src/domain/status.js';
import {
  DEFAULT_SIMULATOR_SEED,
  expectedOutcome,
  generateErpDataset,
  simulatorMappings,
  type ErpDataset,
  type ExpectedOutcome,
} from '../../../src/local/erpSimulator/index.js';

type Row = Record<string, unknown>;
const isTrue = (v: unknown) => v === true || v === 'T' || v === 1;

describe('expectedOutcome of the lifecycle scenario', () => {
  let dataset: ErpDataset;
  let outcome: ExpectedOutcome;
  /** The last row of each order and movement: what the ERP shows at the end, read independently of the facts. */
  const finalRows = new Map<string, Row>();
  beforeAll(() => {
    dataset = generateErpDataset({ scenario: 'lifecycle', orderCount: 300, durationMs: 60_000, seed: DEFAULT_SIMULATOR_SEED });
    outcome = expectedOutcome(dataset);
    for (const c of dataset.changes) finalRows.set(`${c.feed}:${c.key}`, c.row);
  });

  it('has an outcome for every order, starting with CREATED and in lifecycle order', () => {
    expect(Object.keys(outcome.orders).sort()).toEqual(dataset.orders.map((o) => o.orderNumber).sort());
    for (const o of Object.values(outcome.orders)) {
      const statuses = [...o.sent, ...(o.failed ? [o.failed] : []), ...o.heldBack].map((s) => s.status);
      expect(statuses[0]).toBe('CREATED');
      expect(statuses.map(lifecycleRank)).toEqual([...statuses.map(lifecycleRank)].sort((a, b) => a - b));
    }
  });

  it('owes CANCELLED, SHIPPED and DELIVERED exactly when the final ERP row says so', () => {
    for (const order of dataset.orders) {
      const row = finalRows.get(`orders:${order.orderNumber}`) ?? {};
      const o = outcome.orders[order.orderNumber];
      const owed = [...(o?.sent ?? []), ...(o?.failed ? [o.failed] : []), ...(o?.heldBack ?? [])].map((s) => s.status);
      expect(owed.includes('CANCELLED')).toBe(isTrue(row.cancelado));
      expect(owed.includes('SHIPPED')).toBe(row.data_conclusao_embarque !== null);
      expect(owed.includes('DELIVERED')).toBe(row.data_entrega_cliente !== null);
    }
  });

  it('owes one RETURNED per issued sales return of the order, in the order they were issued, and none for the rest', () => {
    const issued = dataset.changes.filter((c) => c.feed === 'returns' && c.event === 'issued');
    const expected = new Map<string, string[]>();
    for (const c of issued) {
      const row = finalRows.get(`returns:${c.key}`) ?? {};
      if (row.tipo !== 'DEVOLUCAO_VENDA' || typeof row.cod_pedidov !== 'string' || typeof row.nota !== 'string') continue;
      expected.set(row.cod_pedidov, [...(expected.get(row.cod_pedidov) ?? []), c.key]);
    }
    const actual = new Map<string, string[]>();
    for (const o of Object.values(outcome.orders)) {
      const ids = [...o.sent, ...o.heldBack].filter((s) => s.status === 'RETURNED').map((s) => s.returnId ?? '');
      if (ids.length > 0) actual.set(o.orderNumber, ids);
    }
    expect(actual).toEqual(expected);
    expect([...actual.values()].some((ids) => ids.length === 2)).toBe(true);
  });

  it('fails the CREATED of the SEDEX10 order for its unmapped freight type and holds everything else of it back', () => {
    const failed = Object.values(outcome.orders).filter((o) => o.failed !== null);
    expect(failed).toHaveLength(1);
    const [order] = failed;
    expect(finalRows.get(`orders:${order?.orderNumber}`)?.cod_tipo_frete).toBe('SEDEX10');
    expect(order?.failed).toMatchObject({ status: 'CREATED', code: 'MAPPING_MISSING_FREIGHT_TYPE' });
    expect(order?.sent).toEqual([]);
    expect(order?.heldBack.map((s) => s.status)).toEqual(['SHIPPED', 'DELIVERED']);
  });

  it('names the invalid row, and still expects its order to go through once corrected', () => {
    expect(outcome.invalidRows).toHaveLength(1);
    const [invalid] = outcome.invalidRows;
    const row = dataset.changes.find((c) => c.transId === invalid?.transId)?.row ?? {};
    expect(row.cod_pedidov).toBe(invalid?.orderNumber);
    expect(JSON.stringify(row.produtos)).toContain('12,3x');
    expect(outcome.orders[invalid?.orderNumber ?? '']?.sent.map((s) => s.status)).toEqual(['CREATED', 'SHIPPED', 'DELIVERED']);
  });

  it('ignores exchanges and the movement without an order, and lists the return never invoiced', () => {
    const reasons = outcome.ignoredMovements.map((m) => m.reason);
    expect(reasons.filter((r) => r.includes('TROCA')).length).toBeGreaterThan(0);
    expect(reasons.filter((r) => r.includes('no sales order'))).toHaveLength(1);
    expect(outcome.unissuedReturns).toHaveLength(1);
    const all = Object.values(outcome.orders).flatMap((o) => [...o.sent, ...o.heldBack]);
    for (const m of [...outcome.ignoredMovements, ...outcome.unissuedReturns]) {
      expect(all.some((s) => s.returnId === m.returnId)).toBe(false);
    }
  });

  it('fails MAPPING_MISSING_BRAND for the orders of a brand the mappings lack', () => {
    const [code, ...rest] = Object.keys(simulatorMappings.brands);
    const mappings = { ...simulatorMappings, brands: Object.fromEntries(rest.map((c) => [c, simulatorMappings.brands[c] ?? ''])) };
    const withoutBrand = expectedOutcome(dataset, mappings);
    const failed = Object.values(withoutBrand.orders).filter((o) => o.failed?.code === 'MAPPING_MISSING_BRAND');
    expect(failed.map((o) => o.orderNumber).sort()).toEqual(
      dataset.orders.filter((o) => o.brandCode === code && o.freightType !== 'SEDEX10').map((o) => o.orderNumber).sort(),
    );
  });
});
