import { centsToAmount } from '../money.js';
import type { MappedLines } from './hmLines.js';
import type { HmStatusEvent } from './hmStatusEvent.js';

/** H&M totals from cent sums: totalAmount = itemsAmount − discountAmount + shippingAmount, exactly. */
export function mapTotals(mapped: MappedLines, shippingCents: number): HmStatusEvent['order']['totals'] {
  return {
    itemsAmount: centsToAmount(mapped.itemsCents),
    discountAmount: centsToAmount(mapped.discountCents),
    shippingAmount: centsToAmount(shippingCents),
    totalAmount: centsToAmount(mapped.itemsCents - mapped.discountCents + shippingCents),
  };
}
