import type { HmStatusEvent } from '../../../src/domain/hm/hmStatusEvent.js';

/**
 * Valid H&M status events written by hand from contracts/hm-order-api.md (not built by app code):
 * line 1: 2 × 99.90 − 10.00 = 189.80; line 2: 1 × 49.95 = 49.95;
 * items 249.75 − discounts 10.00 + shipping 19.90 = total 259.65.
 */
export function createdEvent(orderNumber: string, eventId = `${orderNumber}:CREATED`): HmStatusEvent {
  return {
    eventId,
    status: 'CREATED',
    statusTimestamp: '2024-05-01T10:00:00-03:00',
    sourceSystem: 'E_MILLENNIUM_BR',
    countryCode: 'BR',
    currency: 'BRL',
    order: {
      orderNumber,
      webOrderNumber: `WEB-${orderNumber}`,
      orderDate: '2024-05-01T09:58:12-03:00',
      corporateBrandId: '0',
      customer: { customerId: 'C-1', name: 'Maria Silva', email: 'maria@example.com', document: '12345678909' },
      delivery: {
        deliveryMethod: 'HOME_DELIVERY',
        deliveryMode: 'STANDARD',
        carrier: null,
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
      payments: [{ paymentType: 'CC', description: 'Cartão de crédito', amount: 259.65, installments: 1, voucher: false }],
      lines: [
        {
          lineNumber: 1,
          ean: '7891234567895',
          sku: '0970819001',
          description: 'Camiseta',
          color: 'Preto',
          size: 'M',
          quantity: 2,
          unitPrice: 99.9,
          discounts: [{ type: 'PROMO', amount: 10 }],
          lineTotal: 189.8,
        },
        {
          lineNumber: 2,
          ean: '7891234567901',
          sku: '0970819002',
          description: 'Meia',
          color: null,
          size: null,
          quantity: 1,
          unitPrice: 49.95,
          discounts: [],
          lineTotal: 49.95,
        },
      ],
      totals: { itemsAmount: 249.75, discountAmount: 10, shippingAmount: 19.9, totalAmount: 259.65 },
    },
  };
}

/** The SHIPPED event of the same order (everything shipped). */
export function shippedEvent(orderNumber: string, eventId = `${orderNumber}:SHIPPED`): HmStatusEvent {
  return {
    ...createdEvent(orderNumber, eventId),
    status: 'SHIPPED',
    statusTimestamp: '2024-05-03T15:30:00-03:00',
    shipment: {
      shippedAt: '2024-05-03T15:30:00-03:00',
      invoiceNumber: '123456',
      invoiceSeries: '1',
      invoiceKey: '35240512345678000190550010001234561000000012',
      trackingNumber: 'BR123456789',
      notShippedLines: [],
    },
  };
}

/** A deep copy to break on purpose. */
export function mutable(event: HmStatusEvent): Record<string, unknown> & HmStatusEvent {
  return structuredClone(event) as Record<string, unknown> & HmStatusEvent;
}

type Line = HmStatusEvent['order']['lines'][number];
type Payment = HmStatusEvent['order']['payments'][number];

/** Line i of an event (throws rather than hand back undefined). */
export function lineOf(event: HmStatusEvent, i: number): Line {
  const line = event.order.lines[i];
  if (!line) throw new Error(`event has no line ${i}`);
  return line;
}

/** The first payment of an event. */
export function firstPayment(event: HmStatusEvent): Payment {
  const payment = event.order.payments[0];
  if (!payment) throw new Error('event has no payment');
  return payment;
}
