import type { ErpChange, ErpDataset, MovementFacts, OrderFacts, SimulatedFeed } from './datasetTypes.js';
import { MessyWriter } from './messyWriter.js';
import { buildMovements, buildOrphanMovement } from './movementStories.js';
import { movementRow } from './movementRow.js';
import { orderRow } from './orderRow.js';
import { buildOrderStory, type Counters } from './orderStories.js';
import { ProductMaker } from './products.js';
import { Random } from './random.js';
import { planOrders, type OrderPlan } from './roles.js';
import type { MovementStory, OrderStory } from './storyTypes.js';

/** What decides a dataset. */
export interface DatasetOptions {
  scenario: 'lifecycle' | 'empty';
  orderCount: number;
  durationMs: number;
  seed: number;
}

interface Pending {
  feed: SimulatedFeed;
  key: string;
  fraction: number;
  seq: number;
  event: string;
  render: (w: MessyWriter, transId: number) => Record<string, unknown>;
  assigned: (transId: number) => void;
}

/** Generates the scenario: order and return stories, their changes in reveal order, trans_ids and rows. */
export function generateErpDataset(options: DatasetOptions): ErpDataset {
  const { scenario, orderCount, durationMs, seed } = options;
  if (scenario === 'empty') return { scenario, seed, orderCount: 0, durationMs, orders: [], movements: [], changes: [] };

  const rng = new Random(seed);
  const products = new ProductMaker(rng);
  const counters: Counters = { nextInvoice: 120_001, nextReturnId: 70_001 };
  const plans = planOrders(rng, orderCount);
  const stories = plans.map((plan, i) => buildOrderStory(rng, products, plan, i, counters));
  const movementStories = stories.flatMap((story, i) => buildMovements(rng, story, plans[i]?.role ?? 'open', counters));
  movementStories.push(buildOrphanMovement(rng, products, counters));

  const orderTransIds = stories.map((): number[] => []);
  const movementTransIds = movementStories.map((): number[] => []);
  const pending: Pending[] = [];
  stories.forEach((story, i) => {
    for (const snap of story.snapshots) {
      pending.push({
        feed: 'orders',
        key: story.orderNumber,
        fraction: snap.fraction,
        seq: pending.length,
        event: snap.event,
        render: (w, transId) => orderRow(w, story, snap, transId),
        assigned: (transId) => orderTransIds[i]?.push(transId),
      });
    }
  });
  movementStories.forEach((story, i) => {
    for (const snap of story.snapshots) {
      pending.push({
        feed: 'returns',
        key: String(story.returnId),
        fraction: snap.fraction,
        seq: pending.length,
        event: snap.event,
        render: (w, transId) => movementRow(w, story, snap, transId),
        assigned: (transId) => movementTransIds[i]?.push(transId),
      });
    }
  });

  // Reveal order decides trans_id order: a change seen later always carries a higher stamp.
  pending.sort((a, b) => a.fraction - b.fraction || a.seq - b.seq);
  const writer = new MessyWriter(rng);
  // Stretch the story over the whole run: the last change lands at durationMs.
  const last = pending[pending.length - 1]?.fraction ?? 0;
  const scale = last > 0 ? durationMs / last : 0;
  let transId = 48_210_000 + rng.int(0, 9_999);
  const changes: ErpChange[] = pending.map((p) => {
    // Other ERP tables share the stamp sequence, so the feed sees gaps.
    transId += rng.int(1, 3);
    p.assigned(transId);
    return { feed: p.feed, key: p.key, transId, atMs: Math.round(p.fraction * scale), event: p.event, row: p.render(writer, transId) };
  });

  return {
    scenario,
    seed,
    orderCount,
    durationMs,
    orders: stories.map((story, i) => orderFacts(story, plans[i], orderTransIds[i] ?? [])),
    movements: movementStories.map((story, i) => movementFacts(story, movementTransIds[i] ?? [])),
    changes,
  };
}

function orderFacts(story: OrderStory, plan: OrderPlan | undefined, transIds: number[]): OrderFacts {
  if (plan === undefined) throw new RangeError(`no plan for order ${story.orderNumber}`);
  const created = story.snapshots[0];
  const last = story.snapshots[story.snapshots.length - 1];
  if (created === undefined || last === undefined) throw new RangeError(`order ${story.orderNumber} has no versions`);
  const shippedIndex = story.snapshots.findIndex((s) => s.event === 'shipped');
  const shippedSnap = story.snapshots[shippedIndex];
  const deliveredSnap = story.snapshots.find((s) => s.event === 'delivered');
  const cancelledSnap = story.snapshots.find((s) => s.event === 'cancelled');
  const defectIndex = story.snapshots.findIndex((s) => s.defect !== null);
  const defect = story.snapshots[defectIndex]?.defect ?? null;
  const shippedLines = new Map((shippedSnap?.lines ?? []).map((l) => [l.item, l.quantity]));
  return {
    orderNumber: story.orderNumber,
    erpId: story.erpId,
    role: plan.role,
    brandCode: story.brand.code,
    freightType: story.freight.code,
    lineCount: created.lines.length,
    giftLine: created.lines.some((l) => l.gift),
    voucherPayment: plan.voucherPayment,
    lineDiscounts: created.lines.some((l) => l.discountCents > 0),
    cancelledBy: last.cancelledBy,
    cancelledBeforeFirstSeen: cancelledSnap !== undefined && cancelledSnap.fraction === created.fraction,
    shipped: shippedSnap !== undefined,
    delivered: deliveredSnap !== undefined,
    shippedAndDeliveredTogether: deliveredSnap !== undefined && deliveredSnap.fraction === shippedSnap?.fraction,
    partialPicking:
      plan.partialPicking === null || shippedSnap === undefined
        ? null
        : {
            kind: plan.partialPicking,
            removedItems: created.lines.filter((l) => !shippedLines.has(l.item)).map((l) => l.item),
            reducedItems: created.lines.flatMap((l) => {
              const shipped = shippedLines.get(l.item);
              return shipped !== undefined && shipped < l.quantity ? [{ item: l.item, ordered: l.quantity, shipped }] : [];
            }),
          },
    invalidVersion:
      defect === null
        ? null
        : { transId: transIds[defectIndex] ?? -1, problem: defect, correctedByTransId: transIds[defectIndex + 1] ?? -1 },
    transIds,
  };
}

function movementFacts(story: MovementStory, transIds: number[]): MovementFacts {
  const issuedIndex = story.snapshots.findIndex((s) => s.invoice !== null);
  const last = story.snapshots[story.snapshots.length - 1];
  return {
    returnId: String(story.returnId),
    kind: story.kind,
    orderNumber: story.order?.orderNumber ?? null,
    issuedTransId: issuedIndex === -1 ? null : (transIds[issuedIndex] ?? null),
    lines: (last?.lines ?? []).map((l) => ({ item: l.item, quantity: l.quantity })),
    transIds,
  };
}
