import { BRANDS, CANCELLATION_REASONS, FREIGHT_TYPES, PAYMENT_TYPES, UNMAPPED_FREIGHT, VOUCHER_PAYMENT } from './catalog.js';
import { makeCustomer } from './people.js';
import type { ProductMaker } from './products.js';
import type { Random } from './random.js';
import type { OrderPlan, PartialPicking } from './roles.js';
import type { InvoiceFacts, LineFacts, OrderSnapshot, OrderStory, PaymentFacts } from './storyTypes.js';
import { SCENARIO_START_MS, capFraction, plusHours, plusMinutes, wholeSeconds } from './timeline.js';

/** Running numbers shared by all stories of one dataset. */
export interface Counters {
  nextInvoice: number;
  nextReturnId: number;
}

/** The invalid version's broken price, as the ERP sent it. */
export const BROKEN_PRICE = '12,3x';

/** Writes the order's versions: created, workflow-only changes, then its role's ending. */
export function buildOrderStory(rng: Random, products: ProductMaker, plan: OrderPlan, index: number, counters: Counters): OrderStory {
  const brand = rng.pick(BRANDS);
  const freight = plan.role === 'unmappedFreight' ? UNMAPPED_FREIGHT : rng.pick(FREIGHT_TYPES);
  const lines = makeLines(rng, products, plan, brand);
  const createdAt = plan.role === 'invalidThenCorrected' ? rng.float(0, 0.25) : rng.chance(0.05) ? 0 : rng.float(0, 0.4);
  const orderDateMs = wholeSeconds(SCENARIO_START_MS + createdAt * 3 * 24 * 3_600_000);
  const finalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents - l.discountCents, 0) + freight.freightCents;

  const story: OrderStory = {
    orderNumber: String(5_200_001 + index),
    erpId: 880_001 + index,
    webOrderNumber: `HMBR-${String(10_000_000 + index * 7)}`,
    orderDateMs,
    customer: makeCustomer(rng, index),
    payments: makePayments(rng, finalCents, plan.voucherPayment),
    freight,
    brand,
    snapshots: [],
  };
  const b = new StoryBuilder(rng, story, {
    event: 'created',
    fraction: createdAt,
    updatedAtMs: orderDateMs,
    workflowStatus: 'RESERVADO',
    approved: false,
    cancelled: false,
    cancelledBy: null,
    cancellationReason: null,
    lines,
    invoice: null,
    shippedAtMs: null,
    trackingNumber: null,
    deliveredAtMs: null,
    defect: null,
  });

  if (plan.role === 'invalidThenCorrected') {
    b.first.defect = `produtos item ${lines[0]?.item ?? 1}: preco "${BROKEN_PRICE}" is not a number`;
    // Far enough from the broken version that a poll sees it before the correction hides it.
    b.next('corrected', 0.2, 1, { defect: null });
  }
  if (plan.role === 'cancelledBeforeFirstSeen') {
    b.next('cancelled', 0, rng.float(0.1, 0.8), cancellation(rng));
    return story;
  }
  if (plan.role === 'cancelled' && rng.chance(0.4)) {
    b.next('cancelled', b.gap(), rng.float(0.5, 30), cancellation(rng));
    return story;
  }
  b.next('approved', b.gap(), rng.float(0.2, 2), { approved: true });
  if (plan.role === 'open' && rng.chance(0.5)) return story;
  b.next('sentToWarehouse', b.gap(), rng.float(2, 20), { workflowStatus: 'ENVIADO PARA O ARMAZEM' });
  if (plan.role === 'open') return story;
  if (plan.role === 'cancelled') {
    b.next('cancelled', b.gap(), rng.float(1, 24), cancellation(rng));
    return story;
  }

  const shippedAtMs = plusHours(b.last.updatedAtMs, rng.float(12, 48));
  const invoice: InvoiceFacts = {
    number: String(counters.nextInvoice++),
    series: '1',
    key: `35${rng.digits(42)}`,
    issuedAtMs: plusMinutes(shippedAtMs, -rng.float(30, 180)),
  };
  b.next('shipped', b.gap(), 0, {
    workflowStatus: 'EMBARQUE CONCLUIDO',
    // Partial picking: the same version that completes the shipment drops or shrinks lines.
    lines: plan.partialPicking ? partialPick(lines, plan.partialPicking) : lines,
    invoice,
    shippedAtMs,
    updatedAtMs: shippedAtMs,
    trackingNumber: trackingNumber(rng, freight.carrier),
  });
  if (plan.role === 'shipped') return story;

  const together = plan.role === 'shippedAndDeliveredTogether';
  const deliveredAtMs = plusHours(shippedAtMs, rng.float(20, 120));
  b.next('delivered', together ? 0 : b.gap(), 0, { workflowStatus: 'ENTREGUE', deliveredAtMs, updatedAtMs: deliveredAtMs });
  return story;
}

/** Adds versions one after the other, each a copy of the last with some facts changed. */
class StoryBuilder {
  readonly first: OrderSnapshot;

  constructor(
    private readonly rng: Random,
    private readonly story: OrderStory,
    first: OrderSnapshot,
  ) {
    this.first = first;
    story.snapshots.push(first);
  }

  get last(): OrderSnapshot {
    return this.story.snapshots[this.story.snapshots.length - 1] ?? this.first;
  }

  /** The reveal delay between two changes of one order, as a share of the run. */
  gap(): number {
    return this.rng.float(0.01, 0.05);
  }

  /** A new version `afterFraction` later in reveal time and `afterHours` later in ERP time. */
  next(event: OrderSnapshot['event'], afterFraction: number, afterHours: number, changes: Partial<OrderSnapshot>): void {
    const last = this.last;
    this.story.snapshots.push({
      ...last,
      updatedAtMs: plusHours(last.updatedAtMs, afterHours),
      ...changes,
      event,
      fraction: capFraction(last.fraction + afterFraction),
    });
  }
}

function makeLines(rng: Random, products: ProductMaker, plan: OrderPlan, brand: (typeof BRANDS)[number]): LineFacts[] {
  const needsSeveral = plan.partialPicking !== null || plan.role === 'twoPartialReturns';
  const count = plan.role === 'bigOrder' ? 300 : needsSeveral ? rng.int(3, 6) : lineCount(rng);
  const lines: LineFacts[] = [];
  for (let item = 1; item <= count; item++) {
    const quantity = needsSeveral && item === 2 ? rng.int(2, 3) : rng.chance(0.75) ? 1 : rng.int(2, 3);
    lines.push(products.line(item, brand, quantity));
  }
  if (plan.giftLine) lines.push(products.giftLine(count + 1, brand));
  return lines;
}

function lineCount(rng: Random): number {
  const r = rng.next();
  if (r < 0.3) return 1;
  if (r < 0.55) return 2;
  if (r < 0.7) return 3;
  return rng.int(4, 10);
}

/** The invoiced lines after a partial picking: the last sold line dropped and/or line 2 reduced by one. */
function partialPick(lines: readonly LineFacts[], kind: PartialPicking): LineFacts[] {
  const sold = lines.filter((l) => !l.gift);
  const dropped = kind === 'reduceQuantity' ? null : (sold[sold.length - 1]?.item ?? null);
  return lines
    .filter((l) => l.item !== dropped)
    .map((l) => {
      if (kind === 'removeLine' || l.item !== 2) return l;
      const quantity = l.quantity - 1;
      return { ...l, quantity, discountCents: Math.round((l.discountCents * quantity) / l.quantity) };
    });
}

function makePayments(rng: Random, finalCents: number, voucher: boolean): PaymentFacts[] {
  const main = rng.pick(PAYMENT_TYPES);
  const installments = rng.int(1, main.maxInstallments);
  if (!voucher) return [{ code: main.code, description: main.description, amountCents: finalCents, installments }];
  const voucherCents = Math.min(5000, Math.floor(finalCents / 2));
  return [
    { code: VOUCHER_PAYMENT.code, description: VOUCHER_PAYMENT.description, amountCents: voucherCents, installments: 1 },
    { code: main.code, description: main.description, amountCents: finalCents - voucherCents, installments },
  ];
}

function cancellation(rng: Random): Partial<OrderSnapshot> {
  const side: 'customer' | 'seller' = rng.chance(0.5) ? 'customer' : 'seller';
  // The reason is optional in the ERP: sometimes there is none.
  const reason = rng.chance(0.8) ? rng.pick(CANCELLATION_REASONS[side]) : null;
  return { workflowStatus: 'CANCELADO', cancelled: true, cancellationReason: reason, cancelledBy: side };
}

function trackingNumber(rng: Random, carrier: string | null): string | null {
  if (carrier === 'Correios') return `${rng.pick(['QB', 'OY', 'PX'])}${rng.digits(9)}BR`;
  if (carrier === 'Loggi') return `LGI${rng.digits(10)}`;
  return null;
}
