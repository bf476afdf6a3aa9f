import type { Order, OrderLine, ReturnMovement } from '../../src/domain/order.js';

/** A ten-line-or-so normalised order for tests; override what the test is about. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    erpId: 9001,
    orderNumber: 'BR-1001',
    webOrderNumber: 'WEB-1001',
    transId: 100,
    orderDate: '2026-12-01T10:00:00.000-03:00',
    updatedAt: '2026-12-01T10:00:00.000-03:00',
    approved: true,
    cancelled: false,
    cancellationReason: null,
    workflowStatus: 'RESERVADO',
    customer: {
      customerId: 'C-77',
      name: 'João da Silva',
      email: 'joao@example.com',
      document: '12345678909',
      deliveryAddress: {
        street: 'Avenida Paulista',
        number: '1000',
        complement: null,
        district: 'Bela Vista',
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01310100',
        phone: '11999990000',
      },
    },
    lines: [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2, sku: 'SKU-2', quantity: 1 })],
    payments: [{ paymentTypeCode: 'CC', description: 'Cartão', amountCents: 30970, installments: 1 }],
    itemsTotalCents: 29970,
    finalTotalCents: 30970,
    freightCents: 1990,
    freightTypeCode: 'PAC',
    freightTypeName: 'PAC',
    carrier: 'Correios',
    invoice: null,
    shippedAt: null,
    trackingNumber: null,
    deliveredAt: null,
    ...overrides,
  };
}

/** One order line (2 × 99.90, no discount) with an EAN13 typed barcode. */
export function aLine(overrides: Partial<OrderLine> = {}): OrderLine {
  const lineNumber = overrides.lineNumber ?? 1;
  return {
    lineNumber,
    productCode: `P-${lineNumber}`,
    sku: `SKU-${lineNumber}`,
    description: 'Camiseta básica',
    colorCode: '01',
    color: 'Preto',
    size: 'M',
    quantity: 2,
    unitPriceCents: 9990,
    discountCents: 0,
    barcode: `789000000000${lineNumber}`,
    barcodes: [{ type: 'EAN13', code: `789100000000${lineNumber}` }],
    brandCode: 'HM',
    brandName: 'H&M',
    ...overrides,
  };
}

/** An issued sales return of one unit of line 1. */
export function aReturn(overrides: Partial<ReturnMovement> = {}): ReturnMovement {
  return {
    transId: 500,
    returnId: '7001',
    kind: 'DEVOLUCAO_VENDA',
    erpOrderId: 9001,
    orderNumber: 'BR-1001',
    invoice: { number: '4455', series: '1', key: '3526'.padEnd(44, '0'), issuedAt: '2026-12-10T09:00:00.000-03:00' },
    lines: [{ lineNumber: 1, sku: 'SKU-1', barcode: '7890000000001', quantity: 1, unitPriceCents: 9990 }],
    ...overrides,
  };
}
