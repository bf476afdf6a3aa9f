import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIMULATOR_SEED,
  MIN_ORDER_COUNT,
  generateErpDataset,
  simulatorBarcodeType,
  simulatorMappings,
  type ErpChange,
  type ErpDataset,
} from '../../../src/local/erpSimulator/index.js';

type Row = Record<string, unknown>;
type Line = Row & { item: number; barras?: { tipo: string; barra: string }[] };
const lifecycle = { scenario: 'lifecycle', orderCount: 300, durationMs: 120_000, seed: DEFAULT_SIMULATOR_SEED } as const;
const linesOf = (row: Row) => (row.produtos ?? []) as Line[];
const isTrue = (v: unknown) => v === true || v === 'T' || v === 1;

describe('the lifecycle scenario of the ERP simulator', () => {
  let dataset: ErpDataset;
  let orderRows: ErpChange[];
  let returnRows: ErpChange[];
  const versions = (orderNumber: string) => orderRows.filter((c) => c.key === orderNumber);
  const lastRow = (orderNumber: string) => versions(orderNumber).at(-1)?.row ?? {};
  beforeAll(() => {
    dataset = generateErpDataset(lifecycle);
    orderRows = dataset.changes.filter((c) => c.feed === 'orders');
    returnRows = dataset.changes.filter((c) => c.feed === 'returns');
  });

  it('holds at least 300 distinct orders whose changes unfold until durationMs', () => {
    expect(new Set(dataset.orders.map((o) => o.orderNumber)).size).toBeGreaterThanOrEqual(300);
    expect(dataset.changes[0]?.atMs).toBe(0);
    expect(dataset.changes.at(-1)?.atMs).toBe(lifecycle.durationMs);
  });

  it('gives every change a new trans_id, increasing across both feeds, in the order changes become visible', () => {
    const outOfOrder = dataset.changes.filter((b, i) => {
      const a = dataset.changes[i - 1];
      return b.row.trans_id !== b.transId || (a !== undefined && (b.transId <= a.transId || b.atMs < a.atMs));
    });
    expect(outOfOrder).toEqual([]);
  });

  it('has workflow-only changes (approval, ENVIADO PARA O ARMAZEM) that neither cancel nor ship', () => {
    const workflow = orderRows.filter((c) => c.event === 'approved' || c.event === 'sentToWarehouse');
    expect(workflow.filter((c) => c.row.status_workflow_desc === 'ENVIADO PARA O ARMAZEM').length).toBeGreaterThan(100);
    expect(workflow.filter((c) => c.event === 'approved' && isTrue(c.row.aprovado)).length).toBeGreaterThan(100);
    for (const c of workflow) {
      expect(isTrue(c.row.cancelado)).toBe(false);
      expect(c.row.data_conclusao_embarque).toBeNull();
    }
  });

  it('cancels some orders by the seller and some by the customer, and some before they are ever visible', () => {
    expect(dataset.orders.filter((o) => o.cancelledBy === 'seller').length).toBeGreaterThan(0);
    expect(dataset.orders.filter((o) => o.cancelledBy === 'customer').length).toBeGreaterThan(0);
    const early = dataset.orders.filter((o) => o.cancelledBeforeFirstSeen);
    expect(early.length).toBeGreaterThan(0);
    for (const order of early) {
      const [created, cancelled] = versions(order.orderNumber);
      expect(versions(order.orderNumber)).toHaveLength(2);
      expect(cancelled?.atMs).toBe(created?.atMs);
      expect(isTrue(cancelled?.row.cancelado)).toBe(true);
    }
  });

  it('ships most orders with invoice, tracking and shipment date set in one version', () => {
    const shipped = orderRows.filter((c) => c.event === 'shipped');
    expect(shipped.length).toBeGreaterThan(dataset.orders.length / 2);
    for (const c of shipped) {
      expect(c.row).toMatchObject({ nf: expect.any(String), serie_nf: expect.any(String), chave_nfe: expect.stringMatching(/^\d{44}$/) });
      expect(c.row.data_nf).not.toBeNull();
      expect(c.row.data_conclusao_embarque).not.toBeNull();
    }
    expect(shipped.filter((c) => typeof c.row.numero_objeto === 'string').length).toBeGreaterThan(0);
  });

  it('removes lines and reduces quantities in the version that completes a partial picking, with valor_final updated', () => {
    const partial = dataset.orders.filter((o) => o.partialPicking !== null);
    expect(partial.some((o) => (o.partialPicking?.removedItems.length ?? 0) > 0)).toBe(true);
    expect(partial.some((o) => (o.partialPicking?.reducedItems.length ?? 0) > 0)).toBe(true);
    for (const order of partial) {
      const created = versions(order.orderNumber)[0]?.row ?? {};
      const shipped = versions(order.orderNumber).find((c) => c.event === 'shipped')?.row ?? {};
      const shippedItems = linesOf(shipped).map((l) => l.item);
      for (const item of order.partialPicking?.removedItems ?? []) expect(shippedItems).not.toContain(item);
      expect(linesOf(shipped).length + (order.partialPicking?.removedItems.length ?? 0)).toBe(linesOf(created).length);
      expect(decimal(shipped.valor_final)).toBeLessThan(decimal(created.valor_final));
    }
  });

  it('delivers orders, some shipped and delivered in the same moment', () => {
    expect(orderRows.filter((c) => c.event === 'delivered' && c.row.data_entrega_cliente !== null).length).toBeGreaterThan(100);
    const together = dataset.orders.filter((o) => o.shippedAndDeliveredTogether);
    expect(together.length).toBeGreaterThan(0);
    for (const order of together) {
      const shipped = versions(order.orderNumber).find((c) => c.event === 'shipped');
      const delivered = versions(order.orderNumber).find((c) => c.event === 'delivered');
      expect(delivered?.atMs).toBe(shipped?.atMs);
    }
  });

  it('registers sales returns without a nota first and issues the same devolucao later', () => {
    const issued = dataset.movements.filter((m) => m.kind === 'DEVOLUCAO_VENDA' && m.orderNumber !== null && m.issuedTransId !== null);
    expect(issued.length).toBeGreaterThan(1);
    for (const m of issued) {
      const rows = returnRows.filter((c) => c.key === m.returnId);
      expect(rows[0]?.row.nota ?? null).toBeNull();
      expect(rows.at(-1)?.row.nota).toEqual(expect.any(String));
      expect(rows.at(-1)?.transId).toBe(m.issuedTransId);
      expect(rows.every((c) => c.row.tipo === 'DEVOLUCAO_VENDA' && c.row.devolucao === Number(m.returnId))).toBe(true);
    }
  });

  it('has one order with two partial returns, one return never invoiced, exchanges and a movement with no order', () => {
    const issuedPerOrder = new Map<string | null, number>();
    for (const m of dataset.movements) {
      if (m.kind === 'DEVOLUCAO_VENDA' && m.issuedTransId !== null) issuedPerOrder.set(m.orderNumber, (issuedPerOrder.get(m.orderNumber) ?? 0) + 1);
    }
    expect([...issuedPerOrder.entries()].filter(([order, n]) => order !== null && n === 2)).toHaveLength(1);
    const unissued = dataset.movements.filter((m) => m.kind === 'DEVOLUCAO_VENDA' && m.issuedTransId === null);
    expect(unissued).toHaveLength(1);
    expect(returnRows.filter((c) => c.key === unissued[0]?.returnId).every((c) => (c.row.nota ?? null) === null)).toBe(true);
    expect(returnRows.some((c) => c.row.tipo === 'TROCA')).toBe(true);
    expect(returnRows.filter((c) => c.row.cod_pedidov === null && c.row.pedidov === undefined).length).toBeGreaterThan(0);
  });

  it('has 1–10 lines on most orders and one order with 300 lines', () => {
    const counts = dataset.orders.map((o) => o.lineCount);
    expect(counts.filter((n) => n >= 1 && n <= 10).length).toBeGreaterThan(0.9 * counts.length);
    const big = dataset.orders.filter((o) => o.lineCount === 300);
    expect(big).toHaveLength(1);
    expect(linesOf(lastRow(big[0]?.orderNumber ?? ''))).toHaveLength(300);
  });

  it('has zero-priced gift lines, line discounts and voucher payments', () => {
    const lines = orderRows.flatMap((c) => linesOf(c.row));
    expect(lines.some((l) => decimal(l.preco) === 0)).toBe(true);
    expect(lines.some((l) => decimal(l.desconto ?? l.it_valor_desconto ?? 0) > 0)).toBe(true);
    const voucher = simulatorMappings.voucherPaymentTypes[0];
    const paidWithVoucher = dataset.orders.filter((o) =>
      ((lastRow(o.orderNumber).lancamentos ?? []) as Row[]).some((p) => p.cod_tipo_pgto === voucher),
    );
    expect(paidWithVoucher.length).toBeGreaterThan(1);
  });

  it('uses several brands and freight types, all mapped but the one order with SEDEX10', () => {
    expect(new Set(dataset.orders.map((o) => o.brandCode)).size).toBeGreaterThan(2);
    for (const o of dataset.orders) expect(simulatorMappings.brands).toHaveProperty([o.brandCode]);
    const unmapped = dataset.orders.filter((o) => !(o.freightType in simulatorMappings.freightTypes));
    expect(unmapped.map((o) => o.freightType)).toEqual(['SEDEX10']);
    expect(new Set(dataset.orders.map((o) => o.freightType)).size).toBeGreaterThan(2);
  });

  it(`gives every order line a typed ${simulatorBarcodeType} barcode among others, plus a default barra`, () => {
    const lines = orderRows.flatMap((c) => linesOf(c.row));
    const withoutOne = lines.filter((l) => l.barras?.filter((b) => b.tipo === simulatorBarcodeType).length !== 1 || typeof l.barra !== 'string');
    expect(withoutOne).toEqual([]);
    expect(lines.some((l) => l.barras?.some((b) => b.tipo !== simulatorBarcodeType))).toBe(true);
    // barra is one of the typed barcodes, and not always the EAN13: HM_BARCODE_TYPE matters.
    expect(lines.every((l) => l.barras?.some((b) => b.barra === l.barra))).toBe(true);
    expect(lines.some((l) => l.barras?.some((b) => b.tipo === simulatorBarcodeType && b.barra !== l.barra))).toBe(true);
  });

  it('has one invalid order version (preco "12,3x"), followed later by a valid version of the same order', () => {
    const broken = orderRows.filter((c) => linesOf(c.row).some((l) => l.preco === '12,3x'));
    expect(broken).toHaveLength(1);
    const order = dataset.orders.find((o) => o.invalidVersion !== null);
    expect(order?.invalidVersion?.transId).toBe(broken[0]?.transId);
    const later = versions(order?.orderNumber ?? '').filter((c) => c.transId > (broken[0]?.transId ?? Infinity));
    expect(later.length).toBeGreaterThan(0);
    expect(later[0]?.transId).toBe(order?.invalidVersion?.correctedByTransId);
    expect(linesOf(later[0]?.row ?? {}).every((l) => Number.isFinite(decimal(l.preco)))).toBe(true);
  });

  it('writes values in every format the real ERP uses', () => {
    const dates = dataset.changes
      .flatMap((c) => [c.row.data_emissao, c.row.data_atualizacao, c.row.data_conclusao_embarque])
      .filter((v): v is string => typeof v === 'string');
    expect(dates.some((d) => /^\/Date\(\d+-0300\)\/$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\/Date\(\d+\)\/$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-03:00$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(d))).toBe(true);
    const prices = orderRows.flatMap((c) => linesOf(c.row).map((l) => l.preco));
    expect(prices.some((p) => typeof p === 'number')).toBe(true);
    expect(prices.some((p) => typeof p === 'string' && /^\d+\.\d\d$/.test(p))).toBe(true);
    expect(prices.some((p) => typeof p === 'string' && /^\d+,\d\d$/.test(p))).toBe(true);
    const flags = orderRows.map((c) => c.row.cancelado);
    for (const form of [true, false, 'T', 'F', 1, 0]) expect(flags).toContain(form);
  });

  it('leaves empty lists out or sends them empty, and adds fields the bridge does not know', () => {
    expect(returnRows.some((c) => !('produtos' in c.row))).toBe(true);
    expect(returnRows.some((c) => Array.isArray(c.row.produtos) && c.row.produtos.length === 0)).toBe(true);
    expect(orderRows.some((c) => 'origem_pedido' in c.row)).toBe(true);
  });

  it('writes accented names, some with stray spaces', () => {
    const names = orderRows.map((c) => ((c.row.cliente as Row[])[0]?.nome ?? '') as string);
    expect(names.some((n) => /[áâãçéêíóôõú]/i.test(n))).toBe(true);
    expect(names.some((n) => n !== n.trim() || n.includes('  '))).toBe(true);
  });

  it('is the same for the same seed and different for another seed', () => {
    expect(fingerprint(generateErpDataset(lifecycle))).toBe(fingerprint(dataset));
    const other = generateErpDataset({ ...lifecycle, seed: lifecycle.seed + 1 });
    expect(other.changes.map((c) => c.row)).not.toEqual(dataset.changes.map((c) => c.row));
  });
});

describe('other scenarios of the ERP simulator', () => {
  it('has no change at all in the empty scenario', () => {
    expect(generateErpDataset({ scenario: 'empty', orderCount: 300, durationMs: 1_000, seed: 1 }).changes).toEqual([]);
  });

  it(`refuses fewer than ${MIN_ORDER_COUNT} orders, which could not hold every kind of order`, () => {
    expect(() => generateErpDataset({ scenario: 'lifecycle', orderCount: MIN_ORDER_COUNT - 1, durationMs: 1_000, seed: 1 })).toThrow(
      /at least/,
    );
  });
});

/** Reads an ERP number the test needs to compare (dot or comma decimal). */
function decimal(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value)) return Number(value.replace(',', '.'));
  return Number.NaN;
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

