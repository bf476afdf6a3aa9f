import type { ProductMaker } from './products.js';
import type { Random } from './random.js';
import type { OrderRole } from './roles.js';
import { BRANDS } from './catalog.js';
import type { Counters } from './orderStories.js';
import type { LineFacts, MovementSnapshot, MovementStory, OrderStory } from './storyTypes.js';
import { SCENARIO_START_MS, capFraction, plusHours } from './timeline.js';

type ReturnLine = MovementSnapshot['lines'][number];

/** The return movements of a delivered order, by its role (none for most roles). */
export function buildMovements(rng: Random, story: OrderStory, role: OrderRole, counters: Counters): MovementStory[] {
  const delivered = story.snapshots[story.snapshots.length - 1];
  if (delivered?.deliveredAtMs == null) return [];
  const sold = delivered.lines.filter((l) => !l.gift);
  const order = { orderNumber: story.orderNumber, erpId: story.erpId };
  const start = { fraction: delivered.fraction, ms: delivered.deliveredAtMs };
  switch (role) {
    case 'returned':
      return [movement(rng, counters, 'DEVOLUCAO_VENDA', order, someOf(rng, sold), start, true)];
    case 'unissuedReturn':
      return [movement(rng, counters, 'DEVOLUCAO_VENDA', order, someOf(rng, sold), start, false)];
    case 'exchange':
      return [movement(rng, counters, 'TROCA', order, someOf(rng, sold.slice(0, 1)), start, true)];
    case 'twoPartialReturns': {
      // Two returns of different lines of the same order, one after the other.
      const first = movement(rng, counters, 'DEVOLUCAO_VENDA', order, [returnOf(sold[0], 1)], start, true);
      const firstIssued = first.snapshots[first.snapshots.length - 1] ?? first.snapshots[0];
      const next = { fraction: firstIssued?.fraction ?? start.fraction, ms: firstIssued?.updatedAtMs ?? start.ms };
      return [first, movement(rng, counters, 'DEVOLUCAO_VENDA', order, [returnOf(sold[1], 1)], next, true)];
    }
    default:
      return [];
  }
}

/** A sales return with no sales order behind it (the ERP allows it; the bridge must ignore it). */
export function buildOrphanMovement(rng: Random, products: ProductMaker, counters: Counters): MovementStory {
  const line = products.line(1, rng.pick(BRANDS), 1);
  return movement(rng, counters, 'DEVOLUCAO_VENDA', null, [returnOf(line, 1)], { fraction: rng.float(0.2, 0.5), ms: plusHours(SCENARIO_START_MS, rng.float(72, 240)) }, true);
}

function movement(
  rng: Random,
  counters: Counters,
  kind: MovementStory['kind'],
  order: MovementStory['order'],
  lines: ReturnLine[],
  after: { fraction: number; ms: number },
  issued: boolean,
): MovementStory {
  const gap = () => rng.float(0.01, 0.05);
  const snapshots: MovementSnapshot[] = [];
  const registeredAt = plusHours(after.ms, rng.float(48, 360));
  let fraction = capFraction(after.fraction + gap());
  // "Retorno registrado": the items are often only listed once the parcel is opened.
  snapshots.push({ event: 'registered', fraction, updatedAtMs: registeredAt, invoice: null, lines: rng.chance(0.4) ? [] : lines });
  let at = registeredAt;
  if (kind === 'DEVOLUCAO_VENDA') {
    at = plusHours(at, rng.float(24, 72));
    fraction = capFraction(fraction + gap());
    snapshots.push({ event: 'receivedInWarehouse', fraction, updatedAtMs: at, invoice: null, lines });
  }
  if (issued) {
    at = plusHours(at, rng.float(2, 48));
    fraction = capFraction(fraction + gap());
    const invoice = { number: String(counters.nextInvoice++), series: '2', key: `35${rng.digits(42)}`, issuedAtMs: at };
    snapshots.push({ event: 'issued', fraction, updatedAtMs: at, invoice, lines });
  }
  return { returnId: counters.nextReturnId++, kind, order, snapshots };
}

/** One to two of the lines, each returned in part or whole. */
function someOf(rng: Random, sold: readonly LineFacts[]): ReturnLine[] {
  const chosen = rng.shuffle(sold).slice(0, rng.int(1, Math.min(2, sold.length)));
  return chosen.sort((a, b) => a.item - b.item).map((l) => returnOf(l, rng.int(1, l.quantity)));
}

function returnOf(line: LineFacts | undefined, quantity: number): ReturnLine {
  if (line === undefined) throw new RangeError('a return needs a sold line');
  return { item: line.item, sku: line.sku, barcode: line.defaultBarcode, quantity, unitPriceCents: line.unitPriceCents };
}
