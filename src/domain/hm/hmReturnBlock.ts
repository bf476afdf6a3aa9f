import { centsToAmount, lineGrossCents } from '../money.js';
import type { Order, OrderLine, ReturnMovement } from '../order.js';
import { findLineEan, missingBarcode, type BarcodeRule } from './hmBarcodeChoice.js';
import { payloadInvalid } from './hmPayloadInvalid.js';
import type { HmStatusEvent } from './hmStatusEvent.js';

type Return = NonNullable<HmStatusEvent['return']>;

/**
 * When a return happened: its invoice's issue date. An issued invoice without a date (data_emissao
 * empty) falls back to the order's last change, then to the order date, so the event still has an instant.
 */
export function returnedAt(order: Order, movement: ReturnMovement): string {
  return movement.invoice?.issuedAt ?? order.updatedAt ?? order.orderDate;
}

/** RETURNED's block: the return movement, its invoice and its lines with their amounts (rule 5). */
export function mapReturnBlock(
  order: Order,
  createdLines: readonly OrderLine[],
  movement: ReturnMovement,
  barcodes: BarcodeRule,
): Return {
  const invoice = movement.invoice;
  // The detector only keeps issued returns; a missing invoice here means the state was tampered with.
  if (invoice === null) throw payloadInvalid(order.orderNumber, 'RETURNED', `return "${movement.returnId}" has no return invoice (nota)`);
  return {
    returnId: movement.returnId,
    returnedAt: returnedAt(order, movement),
    invoiceNumber: invoice.number,
    invoiceSeries: invoice.series,
    invoiceKey: invoice.key,
    lines: movement.lines.map((line) => {
      // The EAN the order line was sent with, so H&M can match the item; else the return row's own barcode.
      const orderLine = findOrderLine(order.lines, line.lineNumber) ?? findOrderLine(createdLines, line.lineNumber);
      const ean = (orderLine ? findLineEan(orderLine, barcodes) : null) ?? nonBlank(line.barcode);
      if (ean === null) {
        throw missingBarcode(`return "${movement.returnId}" product SKU "${line.sku ?? orderLine?.sku ?? '?'}" (line ${line.lineNumber})`, barcodes);
      }
      return {
        lineNumber: line.lineNumber,
        ean,
        quantity: line.quantity,
        amount: centsToAmount(lineGrossCents(line.quantity, line.unitPriceCents)),
      };
    }),
  };
}

function findOrderLine(lines: readonly OrderLine[], lineNumber: number): OrderLine | undefined {
  return lines.find((l) => l.lineNumber === lineNumber);
}

function nonBlank(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
