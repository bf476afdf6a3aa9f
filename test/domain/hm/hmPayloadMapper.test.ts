import { describe, expect, it } from 'vitest';
import { statusEventId } from '../../../src/domain/eventId.js';
import { mapStatusEvent } from '../../../src/domain/hm/hmPayloadMapper.js';
import { hmStatusEventSchema } from '../../../src/domain/hm/hmStatusEvent.js';
import { HM_STATUSES } from '../../../src/domain/status.js';
import { aLine, anOrder, aReturn } from '../../support/orderBuilder.js';
import { options, owed, stateOf, thrownBy } from './mapperFixtures.js';

const SHIPPED_AT = '2026-12-03T15:30:00.000-03:00';
const DELIVERED_AT = '2026-12-05T11:00:00.000-03:00';
const CANCELLED_AT = '2026-12-02T08:00:00.000-03:00';

/** An order that has been through everything, so that any status can be mapped from it. */
function fullState() {
  const order = anOrder({
    cancelled: true,
    cancellationReason: 'Desistência do cliente',
    invoice: { number: '12345', series: '1', key: '3526'.padEnd(44, '1'), issuedAt: '2026-12-03T09:00:00.000-03:00' },
    shippedAt: SHIPPED_AT,
    trackingNumber: 'BR123456789BR',
    deliveredAt: DELIVERED_AT,
  });
  return stateOf(order, { cancelledAt: CANCELLED_AT, returns: [aReturn()] });
}

describe('mapStatusEvent: the body of one owed status event', () => {
  it('builds CREATED with the contract envelope and the order full data, money computed from cents', () => {
    const body = mapStatusEvent(owed('CREATED'), stateOf(), options());
    expect(body).toEqual({
      eventId: statusEventId('BR-1001', 'CREATED'),
      status: 'CREATED',
      statusTimestamp: '2026-12-01T10:00:00.000-03:00',
      sourceSystem: 'E_MILLENNIUM_BR',
      countryCode: 'BR',
      currency: 'BRL',
      order: {
        orderNumber: 'BR-1001',
        webOrderNumber: 'WEB-1001',
        orderDate: '2026-12-01T10:00:00.000-03:00',
        corporateBrandId: '1',
        customer: { customerId: 'C-77', name: 'João da Silva', email: 'joao@example.com', document: '12345678909' },
        delivery: {
          deliveryMethod: 'HOME_DELIVERY',
          deliveryMode: 'STANDARD',
          carrier: 'Correios',
          address: {
            street: 'Avenida Paulista',
            number: '1000',
            complement: null,
            district: 'Bela Vista',
            city: 'São Paulo',
            state: 'SP',
            postalCode: '01310100',
            country: 'BR',
          },
          shippingAmount: 19.9,
        },
        payments: [{ paymentType: 'CC', description: 'Cartão', amount: 309.7, installments: 1, voucher: false }],
        lines: [
          { lineNumber: 1, ean: '7891000000001', sku: 'SKU-1', description: 'Camiseta básica', color: 'Preto', size: 'M',
            quantity: 2, unitPrice: 99.9, discounts: [], lineTotal: 199.8 },
          { lineNumber: 2, ean: '7891000000002', sku: 'SKU-2', description: 'Camiseta básica', color: 'Preto', size: 'M',
            quantity: 1, unitPrice: 99.9, discounts: [], lineTotal: 99.9 },
        ],
        totals: { itemsAmount: 299.7, discountAmount: 0, shippingAmount: 19.9, totalAmount: 319.6 },
      },
    });
  });

  it('uses the owed event id as the body eventId', () => {
    const event = { eventId: 'given-by-the-detector', status: 'CREATED' as const, returnId: null };
    expect(mapStatusEvent(event, stateOf(), options()).eventId).toBe('given-by-the-detector');
  });

  it.each([
    ['CREATED', '2026-12-01T10:00:00.000-03:00'],
    ['CANCELLED', CANCELLED_AT],
    ['SHIPPED', SHIPPED_AT],
    ['DELIVERED', DELIVERED_AT],
    ['RETURNED', '2026-12-10T09:00:00.000-03:00'],
  ] as const)('stamps %s with the instant it happened (%s)', (status, instant) => {
    const body = mapStatusEvent(owed(status, 'BR-1001', status === 'RETURNED' ? '7001' : null), fullState(), options());
    expect(body.statusTimestamp).toBe(instant);
  });

  it.each([
    ['CREATED', []],
    ['CANCELLED', ['cancellation']],
    ['SHIPPED', ['shipment']],
    ['DELIVERED', ['delivery']],
    ['RETURNED', ['return']],
  ] as const)('carries only its own block for %s', (status, blocks) => {
    const body = mapStatusEvent(owed(status, 'BR-1001', status === 'RETURNED' ? '7001' : null), fullState(), options());
    const present = ['shipment', 'cancellation', 'delivery', 'return'].filter((k) => k in body);
    expect(present).toEqual(blocks);
    // No `undefined` keys either: the JSON sent must read the same.
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    expect(Object.keys(body).length).toBe(7 + blocks.length);
  });

  it('writes the cancellation block with the date the order was first seen cancelled and its reason', () => {
    const body = mapStatusEvent(owed('CANCELLED'), fullState(), options());
    expect(body.cancellation).toEqual({ cancelledAt: CANCELLED_AT, reason: 'Desistência do cliente' });
  });

  it('sends a null cancellation reason when the ERP gives none (cancelled by seller or customer alike)', () => {
    const state = stateOf(anOrder({ cancelled: true }), { cancelledAt: CANCELLED_AT });
    expect(mapStatusEvent(owed('CANCELLED'), state, options()).cancellation).toEqual({ cancelledAt: CANCELLED_AT, reason: null });
  });

  it('writes the delivery block with the delivery date', () => {
    expect(mapStatusEvent(owed('DELIVERED'), fullState(), options()).delivery).toEqual({ deliveredAt: DELIVERED_AT });
  });

  it('writes the shipment block with the invoice and the tracking number', () => {
    expect(mapStatusEvent(owed('SHIPPED'), fullState(), options()).shipment).toEqual({
      shippedAt: SHIPPED_AT,
      invoiceNumber: '12345',
      invoiceSeries: '1',
      invoiceKey: '3526'.padEnd(44, '1'),
      trackingNumber: 'BR123456789BR',
      notShippedLines: [],
    });
  });

  it('sends null invoice fields in the shipment block when the order has no invoice yet', () => {
    const state = stateOf(anOrder({ shippedAt: SHIPPED_AT }));
    expect(mapStatusEvent(owed('SHIPPED'), state, options()).shipment).toMatchObject({
      invoiceNumber: null,
      invoiceSeries: null,
      invoiceKey: null,
      trackingNumber: null,
    });
  });

  it('gives every status of an order a body that passes the H&M contract schema', () => {
    for (const status of HM_STATUSES) {
      const body = mapStatusEvent(owed(status, 'BR-1001', status === 'RETURNED' ? '7001' : null), fullState(), options());
      expect(hmStatusEventSchema.safeParse(body).success).toBe(true);
    }
  });
});

describe('mapStatusEvent: the order block', () => {
  it('marks a payment as voucher when its payment type is listed in voucherPaymentTypes', () => {
    const order = anOrder({
      payments: [
        { paymentTypeCode: 'CC', description: 'Cartão de crédito', amountCents: 25000, installments: 3 },
        { paymentTypeCode: 'VALE', description: 'Vale-troca', amountCents: 4970, installments: 1 },
      ],
    });
    expect(mapStatusEvent(owed('CREATED'), stateOf(order), options()).order.payments).toEqual([
      { paymentType: 'CC', description: 'Cartão de crédito', amount: 250, installments: 3, voucher: false },
      { paymentType: 'VALE', description: 'Vale-troca', amount: 49.7, installments: 1, voucher: true },
    ]);
  });

  it('sends an all-null address (country BR) when the customer has no delivery address', () => {
    const base = anOrder();
    const order = anOrder({ customer: { ...base.customer, deliveryAddress: null } });
    expect(mapStatusEvent(owed('CREATED'), stateOf(order), options()).order.delivery.address).toEqual({
      street: null, number: null, complement: null, district: null, city: null, state: null, postalCode: null, country: 'BR',
    });
  });

  it('takes Delivery Method and Mode from the freight type mapping, and the carrier as the ERP names it', () => {
    const order = anOrder({ freightTypeCode: 'SEDEX', carrier: null });
    expect(mapStatusEvent(owed('CREATED'), stateOf(order), options()).order.delivery).toMatchObject({
      deliveryMethod: 'HOME_DELIVERY',
      deliveryMode: 'EXPRESS',
      carrier: null,
    });
  });

  it('writes no discount for a line without one, and one discount of HM_ITEM_DISCOUNT_TYPE otherwise', () => {
    const order = anOrder({ lines: [aLine({ lineNumber: 1, discountCents: 0 }), aLine({ lineNumber: 2, discountCents: 1000 })] });
    const lines = mapStatusEvent(owed('CREATED'), stateOf(order), options({ itemDiscountType: 'ITEM_PROMO' })).order.lines;
    expect(lines.map((l) => l.discounts)).toEqual([[], [{ type: 'ITEM_PROMO', amount: 10 }]]);
    expect(lines.map((l) => l.lineTotal)).toEqual([199.8, 189.8]);
  });

  it('sends a zero-priced gift line with a zero total', () => {
    const order = anOrder({ lines: [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2, quantity: 1, unitPriceCents: 0, sku: 'GIFT' })] });
    const { lines, totals } = mapStatusEvent(owed('CREATED'), stateOf(order), options()).order;
    expect(lines[1]).toMatchObject({ sku: 'GIFT', unitPrice: 0, discounts: [], lineTotal: 0 });
    expect(totals).toEqual({ itemsAmount: 199.8, discountAmount: 0, shippingAmount: 19.9, totalAmount: 219.7 });
  });

  it('falls back to the colour code when the colour has no name', () => {
    const order = anOrder({ lines: [aLine({ color: null, colorCode: '09' })] });
    expect(mapStatusEvent(owed('CREATED'), stateOf(order), options()).order.lines[0]?.color).toBe('09');
  });

  it('sends CREATED with the lines as first seen and later statuses with the current (invoiced) lines', () => {
    const created = [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2, quantity: 1 })];
    const order = anOrder({ lines: [aLine({ lineNumber: 1 })], shippedAt: SHIPPED_AT });
    const state = stateOf(order, { createdLines: created });
    expect(mapStatusEvent(owed('CREATED'), state, options()).order.lines.map((l) => l.lineNumber)).toEqual([1, 2]);
    expect(mapStatusEvent(owed('SHIPPED'), state, options()).order.lines.map((l) => l.lineNumber)).toEqual([1]);
  });
});

describe('mapStatusEvent: facts a status needs', () => {
  const expectInvalid = (fn: () => unknown, text: RegExp) => {
    const error = thrownBy(fn);
    expect(error.code).toBe('HM_PAYLOAD_INVALID');
    expect(error.message).toMatch(text);
  };

  it('refuses SHIPPED without a shipment date', () => {
    expectInvalid(() => mapStatusEvent(owed('SHIPPED'), stateOf(), options()), /BR-1001.*SHIPPED.*data_conclusao_embarque/);
  });

  it('refuses DELIVERED without a delivery date', () => {
    expectInvalid(() => mapStatusEvent(owed('DELIVERED'), stateOf(), options()), /DELIVERED.*data_entrega_cliente/);
  });

  it('refuses CANCELLED when the order was never seen cancelled', () => {
    expectInvalid(() => mapStatusEvent(owed('CANCELLED'), stateOf(), options()), /CANCELLED.*never been seen cancelled/);
  });

  it('refuses RETURNED for a return the state does not hold', () => {
    expectInvalid(() => mapStatusEvent(owed('RETURNED', 'BR-1001', '9999'), stateOf(), options()), /return "9999"/);
  });

  it('refuses any status while only a return movement has been seen (no order yet)', () => {
    const state = { ...stateOf(), order: null, createdLines: null };
    expectInvalid(() => mapStatusEvent(owed('CREATED'), state, options()), /not been read from the ERP/);
  });

  it('refuses a line whose discount exceeds quantity × price (never a negative line total)', () => {
    const order = anOrder({ lines: [aLine({ quantity: 1, unitPriceCents: 500, discountCents: 501 })] });
    expectInvalid(() => mapStatusEvent(owed('CREATED'), stateOf(order), options()), /line 1 .*discount 5\.01 exceeds .* 5/);
  });

  it('never returns a body that breaks the contract: it names the failing paths instead', () => {
    // An order that skipped the ERP schema (a date without offset): our bug, caught before sending.
    const order = anOrder({ orderDate: '2026-12-01 10:00' });
    const error = thrownBy(() => mapStatusEvent(owed('CREATED'), stateOf(order), options()));
    expect(error.code).toBe('HM_PAYLOAD_INVALID');
    expect(error.message).toContain('statusTimestamp');
    expect(error.message).toContain('order.orderDate');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'order.orderDate' })]));
  });
});
