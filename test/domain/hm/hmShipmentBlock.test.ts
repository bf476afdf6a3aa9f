import { describe, expect, it } from 'vitest';
import { mapStatusEvent } from '../../../src/domain/hm/hmPayloadMapper.js';
import { aLine, anOrder } from '../../support/orderBuilder.js';
import { options, owed, stateOf, thrownBy } from './mapperFixtures.js';

const SHIPPED_AT = '2026-12-03T15:30:00.000-03:00';
// Ordered: line 1 = 2 × 99.90, line 2 = 3 × 49.90 (10.00 off), line 3 = 1 × 29.90.
const created = [
  aLine({ lineNumber: 1, quantity: 2, unitPriceCents: 9990 }),
  aLine({ lineNumber: 2, quantity: 3, unitPriceCents: 4990, discountCents: 1000 }),
  aLine({ lineNumber: 3, quantity: 1, unitPriceCents: 2990 }),
];

describe('SHIPPED after a partial picking (rule 2)', () => {
  // Invoiced: line 1 whole, line 2 reduced to 1 unit (its discount re-computed by the ERP to 3.33), line 3 gone.
  const invoiced = [created[0], aLine({ lineNumber: 2, quantity: 1, unitPriceCents: 4990, discountCents: 333 })].map((l) => aLine(l));
  const state = stateOf(anOrder({ lines: invoiced, shippedAt: SHIPPED_AT, freightCents: 1990 }), { createdLines: created });

  it('lists each ordered quantity that was not invoiced, by line number, with its EAN', () => {
    expect(mapStatusEvent(owed('SHIPPED'), state, options()).shipment?.notShippedLines).toEqual([
      { lineNumber: 2, ean: '7891000000002', quantity: 2 },
      { lineNumber: 3, ean: '7891000000003', quantity: 1 },
    ]);
  });

  it('carries the invoiced lines and totals, not the ordered ones', () => {
    const { order } = mapStatusEvent(owed('SHIPPED'), state, options());
    expect(order.lines.map((l) => [l.lineNumber, l.quantity, l.lineTotal])).toEqual([
      [1, 2, 199.8],
      [2, 1, 46.57],
    ]);
    // items 199.80 + 49.90 = 249.70; discount 3.33; freight 19.90; total 249.70 − 3.33 + 19.90 = 266.27.
    expect(order.totals).toEqual({ itemsAmount: 249.7, discountAmount: 3.33, shippingAmount: 19.9, totalAmount: 266.27 });
  });

  it('leaves CREATED with every ordered line', () => {
    const { order } = mapStatusEvent(owed('CREATED'), state, options());
    // items 199.80 + 149.70 + 29.90 = 379.40; discount 10.00; total 379.40 − 10.00 + 19.90 = 389.30.
    expect(order.totals).toEqual({ itemsAmount: 379.4, discountAmount: 10, shippingAmount: 19.9, totalAmount: 389.3 });
  });

  it('lists nothing when everything ordered was shipped', () => {
    const whole = stateOf(anOrder({ lines: created, shippedAt: SHIPPED_AT }), { createdLines: created });
    expect(mapStatusEvent(owed('SHIPPED'), whole, options()).shipment?.notShippedLines).toEqual([]);
  });

  it('needs a barcode for a line that was not shipped too', () => {
    const noBarcode = [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2, sku: 'SKU-NB', barcodes: [] })];
    const order = anOrder({ lines: [aLine({ lineNumber: 1 })], shippedAt: SHIPPED_AT });
    const error = thrownBy(() => mapStatusEvent(owed('SHIPPED'), stateOf(order, { createdLines: noBarcode }), options()));
    expect(error.code).toBe('MAPPING_MISSING_BARCODE');
    expect(error.message).toContain('product SKU "SKU-NB" (line 2)');
  });
});
