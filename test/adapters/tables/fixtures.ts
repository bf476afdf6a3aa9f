import { randomBytes } from 'node:crypto';
import type { IntegrationRecord } from '../../../src/app/integrationRecord.js';
import type { Order, OrderLine } from '../../../src/domain/order.js';
import { emptyTrackedState, type TrackedOrderState } from '../../../src/domain/trackedState.js';

/** Random text: keeps big fixtures from compressing to nothing, so chunking is really exercised. */
function noise(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}

function line(lineNumber: number): OrderLine {
  return {
    lineNumber,
    productCode: `P${lineNumber}`,
    sku: `SKU-${lineNumber}-${noise(6)}`,
    description: `Camiseta algodão ${noise(24)}`,
    colorCode: '09',
    color: 'Preto',
    size: 'M',
    quantity: 1 + (lineNumber % 3),
    unitPriceCents: 4_990 + lineNumber,
    discountCents: lineNumber % 5 === 0 ? 500 : 0,
    barcode: `789${String(lineNumber).padStart(10, '0')}`,
    barcodes: [
      { type: 'EAN13', code: `789${String(lineNumber).padStart(10, '0')}` },
      { type: 'HM', code: noise(9) },
    ],
    brandCode: 'HM',
    brandName: 'H&M',
  };
}

/** A valid order with `lineCount` lines. */
export function largeOrder(orderNumber: string, lineCount = 500): Order {
  const lines = Array.from({ length: lineCount }, (_unused, i) => line(i + 1));
  return {
    erpId: 123_456,
    orderNumber,
    webOrderNumber: `WEB-${orderNumber}`,
    transId: 9_000_000_001,
    orderDate: '2026-03-01T10:15:00.000-03:00',
    updatedAt: '2026-03-02T08:00:00.000-03:00',
    approved: true,
    cancelled: false,
    cancellationReason: null,
    workflowStatus: 'RESERVADO',
    customer: {
      customerId: 'C-1',
      name: 'Maria Silva',
      email: 'maria@example.com',
      document: '12345678909',
      deliveryAddress: {
        street: 'Rua Augusta',
        number: '1000',
        complement: null,
        district: 'Consolação',
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01304001',
        phone: '11999999999',
      },
    },
    lines,
    payments: [{ paymentTypeCode: 'CC', description: 'Cartão', amountCents: 1_000_000, installments: 3 }],
    itemsTotalCents: 1_000_000,
    finalTotalCents: 1_001_990,
    freightCents: 1_990,
    freightTypeCode: 'SEDEX',
    freightTypeName: 'Sedex',
    carrier: 'Correios',
    invoice: null,
    shippedAt: null,
    trackingNumber: null,
    deliveredAt: null,
  };
}

/** The tracked state of a 500-line order just sent as CREATED (the order plus its created lines). */
export function largeState(orderNumber: string): TrackedOrderState {
  const order = largeOrder(orderNumber);
  return {
    ...emptyTrackedState(orderNumber),
    orderTransId: order.transId,
    order,
    createdLines: order.lines.map((orderLine) => ({ ...orderLine, description: `${orderLine.description} (criada)` })),
    sentEventIds: [`${orderNumber}:CREATED`],
    factsVersion: 3,
  };
}

/** A CREATED-like H&M payload with `lineCount` lines (its exact shape does not matter to the store). */
export function largePayload(orderNumber: string, lineCount = 500): unknown {
  return {
    eventId: `${orderNumber}:CREATED`,
    status: 'CREATED',
    order: {
      orderNumber,
      customer: { name: 'Maria Silva', email: 'maria@example.com' },
      lines: Array.from({ length: lineCount }, (_unused, i) => ({
        lineNumber: i + 1,
        ean: `789${String(i).padStart(10, '0')}`,
        sku: `SKU-${i}-${noise(9)}`,
        description: `Camiseta algodão ${noise(90)}`,
        color: 'Preto',
        size: 'M',
        quantity: 1,
        unitPrice: 49.9,
        discounts: [{ type: 'PROMO', amount: 5 }],
        lineTotal: 44.9,
      })),
    },
  };
}

/** An integration record with sensible defaults; override what the test is about. */
export function aRecord(overrides: Partial<IntegrationRecord> & Pick<IntegrationRecord, 'orderNumber' | 'recordId'>): IntegrationRecord {
  return {
    status: 'CREATED',
    state: 'SENT',
    attempts: 1,
    firstSeenAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:01.000Z',
    lastAttemptAt: '2026-03-10T09:00:01.000Z',
    transId: 4_100_000_000,
    payload: { eventId: overrides.recordId, customer: { name: 'Maria Silva' } },
    response: { httpStatus: 202, body: { accepted: true } },
    error: null,
    correlationId: 'corr-1',
    raw: null,
    ...overrides,
  };
}
