import { describe, expect, it } from 'vitest';
import { mapStatusEvent } from '../../../src/domain/hm/hmPayloadMapper.js';
import type { ReturnMovement } from '../../../src/domain/order.js';
import { aLine, anOrder, aReturn } from '../../support/orderBuilder.js';
import { options, owed, stateOf, thrownBy } from './mapperFixtures.js';

const delivered = anOrder({
  updatedAt: '2026-12-06T10:00:00.000-03:00',
  shippedAt: '2026-12-03T15:30:00.000-03:00',
  deliveredAt: '2026-12-05T11:00:00.000-03:00',
});
const returned = (movement: Partial<ReturnMovement>, opts = options()) =>
  mapStatusEvent(owed('RETURNED', 'BR-1001', movement.returnId ?? '7001'), stateOf(delivered, { returns: [aReturn(movement)] }), opts);

describe('RETURNED: the return block (rule 5)', () => {
  it('carries the return id, its invoice and its lines with amount = quantity × unit price', () => {
    const body = returned({
      returnId: '7002',
      lines: [
        { lineNumber: 1, sku: 'SKU-1', barcode: null, quantity: 2, unitPriceCents: 9990 },
        { lineNumber: 2, sku: 'SKU-2', barcode: null, quantity: 1, unitPriceCents: 3333 },
      ],
    });
    expect(body.return).toEqual({
      returnId: '7002',
      returnedAt: '2026-12-10T09:00:00.000-03:00',
      invoiceNumber: '4455',
      invoiceSeries: '1',
      invoiceKey: '3526'.padEnd(44, '0'),
      lines: [
        { lineNumber: 1, ean: '7891000000001', quantity: 2, amount: 199.8 },
        { lineNumber: 2, ean: '7891000000002', quantity: 1, amount: 33.33 },
      ],
    });
  });

  it('sends the EAN the order line has by the barcode rule rather than the return row barcode', () => {
    const body = returned({ lines: [{ lineNumber: 1, sku: 'SKU-1', barcode: '7890000000001', quantity: 1, unitPriceCents: 9990 }] });
    expect(body.return?.lines[0]?.ean).toBe('7891000000001');
  });

  it('falls back to the return row barcode when the order has no such line', () => {
    const body = returned({ lines: [{ lineNumber: 9, sku: 'SKU-9', barcode: '7899999999999', quantity: 1, unitPriceCents: 100 }] });
    expect(body.return?.lines[0]?.ean).toBe('7899999999999');
  });

  it('finds a line removed by partial picking among the lines as first seen', () => {
    const created = [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2 })];
    const order = anOrder({ lines: [aLine({ lineNumber: 1 })], shippedAt: '2026-12-03T15:30:00.000-03:00' });
    const movement = aReturn({ lines: [{ lineNumber: 2, sku: 'SKU-2', barcode: null, quantity: 1, unitPriceCents: 9990 }] });
    const body = mapStatusEvent(owed('RETURNED', 'BR-1001', '7001'), stateOf(order, { createdLines: created, returns: [movement] }), options());
    expect(body.return?.lines[0]?.ean).toBe('7891000000002');
  });

  it('falls back to the return row barcode when the order line has no barcode of HM_BARCODE_TYPE', () => {
    // Line 2 was removed by partial picking (so it is in no body but CREATED's) and has no EAN13.
    const created = [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2, barcodes: [{ type: 'DUN14', code: '17890000000028' }] })];
    const order = anOrder({ lines: [aLine({ lineNumber: 1 })], shippedAt: '2026-12-03T15:30:00.000-03:00' });
    const movement = aReturn({ lines: [{ lineNumber: 2, sku: 'SKU-2', barcode: '7890000000002', quantity: 1, unitPriceCents: 9990 }] });
    const body = mapStatusEvent(owed('RETURNED', 'BR-1001', '7001'), stateOf(order, { createdLines: created, returns: [movement] }), options());
    expect(body.return?.lines[0]?.ean).toBe('7890000000002');
  });

  it('fails with MAPPING_MISSING_BARCODE when neither the order line nor the return row has one', () => {
    const error = thrownBy(() =>
      returned({ lines: [{ lineNumber: 9, sku: 'SKU-9', barcode: null, quantity: 1, unitPriceCents: 100 }] }),
    );
    expect(error.code).toBe('MAPPING_MISSING_BARCODE');
    expect(error.message).toContain('return "7001" product SKU "SKU-9" (line 9) has no barcode of type "EAN13"');
    expect(error.message).toContain('Produtos e Serviços > Cadastros > Códigos de Barras');
  });

  it('stamps a return whose invoice has no date with the order last change', () => {
    const body = returned({ invoice: { number: '4455', series: null, key: null, issuedAt: null } });
    expect(body.statusTimestamp).toBe('2026-12-06T10:00:00.000-03:00');
    expect(body.return?.returnedAt).toBe('2026-12-06T10:00:00.000-03:00');
  });

  it('maps each of several partial returns to its own body', () => {
    const second = aReturn({ returnId: '7002', transId: 600, lines: [{ lineNumber: 2, sku: 'SKU-2', barcode: null, quantity: 1, unitPriceCents: 9990 }] });
    const state = stateOf(delivered, { returns: [aReturn(), second] });
    const first = mapStatusEvent(owed('RETURNED', 'BR-1001', '7001'), state, options());
    const other = mapStatusEvent(owed('RETURNED', 'BR-1001', '7002'), state, options());
    expect([first.return?.returnId, other.return?.returnId]).toEqual(['7001', '7002']);
    expect(first.eventId).not.toBe(other.eventId);
    expect(other.return?.lines).toEqual([{ lineNumber: 2, ean: '7891000000002', quantity: 1, amount: 99.9 }]);
  });
});
