import { describe, expect, it } from 'vitest';
import { mapStatusEvent } from '../../src/domain/hm/hmPayloadMapper.js';
import { centsToAmount } from '../../src/domain/money.js';
import { aLine, anOrder } from '../support/orderBuilder.js';
import { options, owed, stateOf } from './hm/mapperFixtures.js';

/** The decimal text of `cents` built with integer arithmetic only: an independent oracle for centsToAmount. */
function decimalText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? `${sign}${units}` : `${sign}${units}.${fraction}`;
}

const created = (lines: Parameters<typeof aLine>[0][], freightCents = 0) =>
  mapStatusEvent(owed('CREATED'), stateOf(anOrder({ freightCents, lines: lines.map((l) => aLine(l)) })), options()).order;

describe('money: integer cents until the last step', () => {
  it('turns 20970 cents into 209.7', () => {
    expect(centsToAmount(20970)).toBe(209.7);
    expect(JSON.stringify({ amount: centsToAmount(20970) })).toBe('{"amount":209.7}');
  });

  it('prints every amount from -1000.00 to 1000.00 as its exact decimal text (at most two decimals)', () => {
    for (let cents = -100_000; cents <= 100_000; cents++) {
      const text = JSON.stringify(centsToAmount(cents));
      if (text !== decimalText(cents)) expect.fail(`${cents} cents printed as ${text}`);
    }
  });

  it('stays exact for large amounts', () => {
    expect(JSON.stringify(centsToAmount(999_999_999_999))).toBe('9999999999.99');
    expect(JSON.stringify(centsToAmount(100_000_000_001))).toBe('1000000000.01');
  });

  it('refuses anything but integer cents', () => {
    expect(() => centsToAmount(10.5)).toThrow(RangeError);
    expect(() => centsToAmount(Number.NaN)).toThrow(RangeError);
    expect(() => centsToAmount(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('computes 3 × 33.33 with a 0.01 discount to the cent', () => {
    const order = created([{ quantity: 3, unitPriceCents: 3333, discountCents: 1 }], 990);
    expect(order.lines[0]).toMatchObject({ quantity: 3, unitPrice: 33.33, discounts: [{ type: 'PROMOTION', amount: 0.01 }], lineTotal: 99.98 });
    expect(order.totals).toEqual({ itemsAmount: 99.99, discountAmount: 0.01, shippingAmount: 9.9, totalAmount: 109.88 });
  });

  it('adds 0.10 and 0.20 to exactly 0.3 (no floating-point drift)', () => {
    const order = created([
      { lineNumber: 1, quantity: 1, unitPriceCents: 10 },
      { lineNumber: 2, quantity: 1, unitPriceCents: 20 },
    ]);
    expect(order.totals.itemsAmount).toBe(0.3);
    expect(order.totals.totalAmount).toBe(0.3);
  });

  it('keeps lineTotal, items, discount and total consistent to the cent across awkward prices', () => {
    const prices = [1, 7, 33, 333, 1999, 3333, 9990, 10001, 14285, 99999];
    const lines = prices.map((unitPriceCents, i) => ({
      lineNumber: i + 1,
      quantity: (i % 4) + 1,
      unitPriceCents,
      discountCents: i % 3 === 0 ? Math.floor(unitPriceCents / 7) : 0,
    }));
    const order = created(lines, 1337);
    const cents = (amount: number) => {
      // At most two decimals: the amount times 100 is an integer up to float noise well below a cent.
      expect(Math.abs(amount * 100 - Math.round(amount * 100))).toBeLessThan(1e-6);
      return Math.round(amount * 100);
    };
    let items = 0;
    let discount = 0;
    lines.forEach((l, i) => {
      const sent = order.lines[i];
      expect(cents(sent?.lineTotal ?? Number.NaN)).toBe(l.quantity * l.unitPriceCents - l.discountCents);
      items += l.quantity * l.unitPriceCents;
      discount += l.discountCents;
    });
    expect(cents(order.totals.itemsAmount)).toBe(items);
    expect(cents(order.totals.discountAmount)).toBe(discount);
    expect(cents(order.totals.totalAmount)).toBe(items - discount + 1337);
    expect(order.totals.shippingAmount).toBe(13.37);
  });
});
