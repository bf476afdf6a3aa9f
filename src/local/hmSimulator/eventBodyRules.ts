import type { SimulatorEvent } from './eventBodySchema.js';
import { STATUS_BLOCKS } from './eventBodySchema.js';

/** One field error as H&M reports it: `{ field: "order.lines[2].lineTotal", message }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** Money compared in integer cents, never in floating point. */
function cents(amount: number): number {
  return Math.round(amount * 100);
}

function brl(amountInCents: number): string {
  return (amountInCents / 100).toFixed(2);
}

/** Exactly the block of the event's own status is present (shipment only with SHIPPED, and so on). */
function blockRules(event: SimulatorEvent): FieldError[] {
  const errors: FieldError[] = [];
  const own = STATUS_BLOCKS[event.status];
  for (const block of Object.values(STATUS_BLOCKS)) {
    if (block === null) continue;
    const present = event[block] !== undefined;
    if (block === own && !present) errors.push({ field: block, message: `is required when status is ${event.status}` });
    if (block !== own && present) errors.push({ field: block, message: `must be absent when status is ${event.status}` });
  }
  return errors;
}

/** lineTotal, itemsAmount, discountAmount, shippingAmount and totalAmount agree to the cent. */
function moneyRules(event: SimulatorEvent): FieldError[] {
  const errors: FieldError[] = [];
  const { lines, totals, delivery } = event.order;
  let items = 0;
  let discounts = 0;
  const seen = new Set<number>();
  lines.forEach((line, i) => {
    if (seen.has(line.lineNumber)) {
      errors.push({ field: `order.lines[${i}].lineNumber`, message: `line number ${line.lineNumber} appears twice` });
    }
    seen.add(line.lineNumber);
    const gross = line.quantity * cents(line.unitPrice);
    const lineDiscount = line.discounts.reduce((sum, d) => sum + cents(d.amount), 0);
    items += gross;
    discounts += lineDiscount;
    if (cents(line.lineTotal) !== gross - lineDiscount) {
      errors.push({
        field: `order.lines[${i}].lineTotal`,
        message: `must be quantity × unitPrice − discounts = ${brl(gross - lineDiscount)}, got ${brl(cents(line.lineTotal))}`,
      });
    }
  });
  const expect = (field: keyof typeof totals, want: number, rule: string): void => {
    if (cents(totals[field]) !== want) {
      errors.push({ field: `order.totals.${field}`, message: `must be ${rule} = ${brl(want)}, got ${brl(cents(totals[field]))}` });
    }
  };
  expect('itemsAmount', items, 'Σ quantity × unitPrice');
  expect('discountAmount', discounts, 'Σ line discounts');
  expect('shippingAmount', cents(delivery.shippingAmount), 'order.delivery.shippingAmount');
  expect(
    'totalAmount',
    cents(totals.itemsAmount) - cents(totals.discountAmount) + cents(totals.shippingAmount),
    'itemsAmount − discountAmount + shippingAmount',
  );
  return errors;
}

/** Returned lines must be lines of the order. */
function returnRules(event: SimulatorEvent): FieldError[] {
  if (!event.return) return [];
  const known = new Set(event.order.lines.map((l) => l.lineNumber));
  return event.return.lines.flatMap((l, i) =>
    known.has(l.lineNumber)
      ? []
      : [{ field: `return.lines[${i}].lineNumber`, message: `line ${l.lineNumber} is not a line of order ${event.order.orderNumber}` }],
  );
}

/** Every cross-field rule of the contract; an empty list means the body is valid. */
export function checkEventRules(event: SimulatorEvent): FieldError[] {
  return [...blockRules(event), ...moneyRules(event), ...returnRules(event)];
}
