import type { Order, OrderLine } from '../order.js';
import { requireLineEan, type BarcodeRule } from './hmBarcodeChoice.js';
import { payloadInvalid } from './hmPayloadInvalid.js';
import type { HmStatusEvent } from './hmStatusEvent.js';

type Shipment = NonNullable<HmStatusEvent['shipment']>;

/** SHIPPED's block: shipment date, invoice, tracking, and what partial picking left out (rule 2). */
export function mapShipmentBlock(order: Order, createdLines: readonly OrderLine[], barcodes: BarcodeRule): Shipment {
  if (order.shippedAt === null) {
    throw payloadInvalid(order.orderNumber, 'SHIPPED', 'the order has no shipment date (data_conclusao_embarque)');
  }
  const invoice = order.invoice;
  return {
    shippedAt: order.shippedAt,
    invoiceNumber: invoice?.number ?? null,
    invoiceSeries: invoice?.series ?? null,
    invoiceKey: invoice?.key ?? null,
    trackingNumber: order.trackingNumber,
    notShippedLines: notShippedLines(createdLines, order.lines, barcodes),
  };
}

/**
 * On partial picking the ERP removes the missing items and invoices the rest: for each line as first
 * seen, the quantity ordered but absent from the current lines (matched by line number).
 */
export function notShippedLines(
  createdLines: readonly OrderLine[],
  currentLines: readonly OrderLine[],
  barcodes: BarcodeRule,
): Shipment['notShippedLines'] {
  const shipped = new Map<number, number>();
  for (const line of currentLines) shipped.set(line.lineNumber, (shipped.get(line.lineNumber) ?? 0) + line.quantity);
  const missing: Shipment['notShippedLines'] = [];
  for (const line of createdLines) {
    const quantity = line.quantity - (shipped.get(line.lineNumber) ?? 0);
    if (quantity > 0) missing.push({ lineNumber: line.lineNumber, ean: requireLineEan(line, barcodes), quantity });
  }
  return missing;
}
