import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseErpOrder, parseErpReturn } from '../../src/domain/erp/index.js';
import { mapStatusEvent, type MapperOptions } from '../../src/domain/hm/hmPayloadMapper.js';
import { hmMappingsSchema } from '../../src/domain/hm/hmMappings.js';
import type { HmStatusEvent } from '../../src/domain/hm/hmStatusEvent.js';
import { detectOwedEvents, markSent, type OrderChange } from '../../src/domain/lifecycleDetector.js';
import { emptyTrackedState, type TrackedOrderState } from '../../src/domain/trackedState.js';
import { largeOrderFeed, LARGE_ORDER } from '../fixtures/golden/03-large-order-300-lines/largeOrderFeed.js';

/**
 * Golden cases (test/fixtures/golden/README.md): ERP rows as the ERP sends them go through the whole
 * domain — ERP schema → lifecycle detector → H&M mapper → markSent — and the bodies sent must equal
 * expected.json, which was written by hand, never produced by the mapper.
 */

const GOLDEN = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const settings: MapperOptions = z
  .object({ mappings: hmMappingsSchema, itemDiscountType: z.string().min(1), barcodeType: z.string().nullable() })
  .parse(readJson(join(GOLDEN, 'settings.json')));

const feedSchema = z.array(z.object({ feed: z.enum(['orders', 'returns']), row: z.unknown() }));
type FeedEntry = z.infer<typeof feedSchema>[number];

function toChange(entry: FeedEntry, index: number): OrderChange {
  if (entry.feed === 'orders') {
    const parsed = parseErpOrder(entry.row);
    if (!parsed.ok) throw new Error(`feed entry ${index}: ${parsed.error.message}`);
    return { kind: 'order', order: parsed.value };
  }
  const parsed = parseErpReturn(entry.row);
  if (!parsed.ok) throw new Error(`feed entry ${index}: ${parsed.error.message}`);
  return { kind: 'return', movement: parsed.value };
}

/** Plays the feed like a healthy dispatcher: every owed event is mapped, sent and marked sent, per order. */
function replay(entries: readonly FeedEntry[]): HmStatusEvent[] {
  const states = new Map<string, TrackedOrderState>();
  const sent: HmStatusEvent[] = [];
  entries.forEach((entry, index) => {
    const change = toChange(entry, index);
    const orderNumber = change.kind === 'order' ? change.order.orderNumber : (change.movement.orderNumber ?? '(no order)');
    const detection = detectOwedEvents(states.get(orderNumber) ?? emptyTrackedState(orderNumber), change);
    let state = detection.state;
    for (const owed of detection.owed) {
      sent.push(mapStatusEvent(owed, state, settings));
      state = markSent(state, owed.eventId);
    }
    states.set(orderNumber, state);
  });
  return sent;
}

const cases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(GOLDEN, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

describe('golden cases: ERP feed in, H&M request bodies out', () => {
  it('has the documented cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  it.each(cases)('%s', (name) => {
    const feed = feedSchema.parse(readJson(join(GOLDEN, name, 'erp-feed.json')));
    const expected = readJson(join(GOLDEN, name, 'expected.json'));
    // Compared as the JSON that goes on the wire: an `undefined` block or a -0 would show here.
    expect(JSON.parse(JSON.stringify(replay(feed)))).toStrictEqual(expected);
  });
});

describe('golden case 03-large-order-300-lines (generated feed, checked by formula)', () => {
  it('sends one CREATED with all 300 lines, each line and the totals right to the cent', () => {
    const sent = replay(feedSchema.parse(largeOrderFeed()));
    expect(sent.map((b) => [b.eventId, b.status])).toEqual([['cc060b5e-20eb-5e20-79cf-b7b081ad61ad', 'CREATED']]);
    const order = (sent[0] as HmStatusEvent).order;
    expect(order.corporateBrandId).toBe('1');
    expect(order.customer).toEqual({
      customerId: '100777',
      name: 'Loja Parceira Ltda',
      email: 'compras@parceira.example.com',
      document: '12345678000195',
    });
    expect(order.lines).toHaveLength(LARGE_ORDER.lineCount);
    order.lines.forEach((line, k) => {
      const i = k + 1;
      const grossCents = LARGE_ORDER.quantity(i) * LARGE_ORDER.unitPriceCents(i);
      const discountCents = LARGE_ORDER.discountCents(i);
      expect(line).toMatchObject({
        lineNumber: i,
        ean: LARGE_ORDER.ean(i),
        quantity: LARGE_ORDER.quantity(i),
        unitPrice: LARGE_ORDER.unitPriceCents(i) / 100,
        discounts: discountCents === 0 ? [] : [{ type: 'ITEM_PROMOTION', amount: 0.33 }],
        lineTotal: (grossCents - discountCents) / 100,
      });
    });
    // By hand: each residue class of i mod 3 holds 100 lines, with Σi = 14950 (i≡1), 15050 (i≡2), 15150 (i≡0).
    // Σq = 100 × (2 + 3 + 1) = 600; Σq·i = 2×14950 + 3×15050 + 1×15150 = 90200.
    // items = Σ q·(990 + 10i) cents = 990×600 + 10×90200 = 1 496 000 cents = 14960.00.
    // discount = 60 fifth lines × 0.33 = 19.80; total = 14960.00 − 19.80 + 29.90 = 14970.10.
    expect(order.totals).toEqual({ itemsAmount: 14960, discountAmount: 19.8, shippingAmount: 29.9, totalAmount: 14970.1 });
  });
});
