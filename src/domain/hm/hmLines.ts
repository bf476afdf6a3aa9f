import { IntegrationError } from '../errors.js';
import { centsToAmount, lineGrossCents } from '../money.js';
import type { OrderLine } from '../order.js';
import { requireLineEan, type BarcodeRule } from './hmBarcodeChoice.js';
import type { HmStatusEvent } from './hmStatusEvent.js';

export type HmLine = HmStatusEvent['order']['lines'][number];

/** The lines of a payload plus the cent sums its totals are made of (kept as integers until the end). */
export interface MappedLines {
  lines: HmLine[];
  itemsCents: number;
  discountCents: number;
}

/** Maps order lines to H&M lines: lineTotal = quantity × unitPrice − discount, computed in cents. */
export function mapLines(
  orderNumber: string,
  source: readonly OrderLine[],
  itemDiscountType: string,
  barcodes: BarcodeRule,
): MappedLines {
  const lines: HmLine[] = [];
  let itemsCents = 0;
  let discountCents = 0;
  for (const line of source) {
    const grossCents = lineGrossCents(line.quantity, line.unitPriceCents);
    // A discount above the line's own value would send a negative lineTotal: bad ERP data, not a refund.
    if (line.discountCents > grossCents) {
      throw new IntegrationError(
        'HM_PAYLOAD_INVALID',
        `order "${orderNumber}" line ${line.lineNumber} (SKU "${line.sku}"): discount ${centsToAmount(line.discountCents)} exceeds quantity × price ${centsToAmount(grossCents)} (fix the line's discount in the ERP)`,
      );
    }
    itemsCents += grossCents;
    discountCents += line.discountCents;
    lines.push({
      lineNumber: line.lineNumber,
      ean: requireLineEan(line, barcodes),
      sku: line.sku,
      description: line.description,
      // The colour's name when the ERP has one (desc_cor), else its code (cod_cor).
      color: line.color ?? line.colorCode,
      size: line.size,
      quantity: line.quantity,
      unitPrice: centsToAmount(line.unitPriceCents),
      discounts: line.discountCents === 0 ? [] : [{ type: itemDiscountType, amount: centsToAmount(line.discountCents) }],
      lineTotal: centsToAmount(grossCents - line.discountCents),
    });
  }
  return { lines, itemsCents, discountCents };
}
