import type { Random } from './random.js';

/** What happens to an order over the run. */
export const ORDER_ROLES = [
  /** Created, approved, maybe sent to the warehouse; nothing more by the end. */
  'open',
  /** Cancelled by the seller or the customer after it was visible. */
  'cancelled',
  /** Created and cancelled in the same moment: its first visible version is already cancelled. */
  'cancelledBeforeFirstSeen',
  /** Shipped, not delivered by the end. */
  'shipped',
  'delivered',
  /** Shipped and delivered in the same moment: no poll sees the shipped-only version. */
  'shippedAndDeliveredTogether',
  /** Delivered, then one sales return, registered without invoice, later issued. */
  'returned',
  /** Delivered, then two partial sales returns, each issued. */
  'twoPartialReturns',
  /** Delivered, then a sales return that is never invoiced. */
  'unissuedReturn',
  /** Delivered, then an exchange movement (tipo TROCA), which is not a sales return. */
  'exchange',
  /** 300 lines, shipped and delivered. */
  'bigOrder',
  /** Freight type SEDEX10, which HM_MAPPINGS does not know; shipped and delivered. */
  'unmappedFreight',
  /** First version unreadable (preco "12,3x"), corrected by a later version; then delivered. */
  'invalidThenCorrected',
] as const;
export type OrderRole = (typeof ORDER_ROLES)[number];

export type PartialPicking = 'removeLine' | 'reduceQuantity' | 'removeLineAndReduceQuantity';

/** The plan of one order: its role and the traits layered on top. */
export interface OrderPlan {
  role: OrderRole;
  partialPicking: PartialPicking | null;
  giftLine: boolean;
  voucherPayment: boolean;
}

const ONE_EACH: readonly OrderRole[] = ['bigOrder', 'unmappedFreight', 'invalidThenCorrected', 'twoPartialReturns', 'unissuedReturn', 'exchange', 'exchange'];
const SHIPS: ReadonlySet<OrderRole> = new Set(['shipped', 'delivered', 'shippedAndDeliveredTogether', 'returned']);
const PARTIAL_KINDS: readonly PartialPicking[] = ['removeLine', 'reduceQuantity', 'removeLineAndReduceQuantity'];

/** The smallest order count that still holds every kind of order at least once. */
export const MIN_ORDER_COUNT = 24;

/** Deals roles and traits over `count` orders: fixed one-offs, shares of the rest, then shuffled. */
export function planOrders(rng: Random, count: number): OrderPlan[] {
  if (count < MIN_ORDER_COUNT) throw new RangeError(`orderCount must be at least ${MIN_ORDER_COUNT} to hold every kind of order`);
  const share = (p: number, min: number) => Math.max(min, Math.round(p * count));
  const roles: OrderRole[] = [...ONE_EACH];
  const add = (role: OrderRole, n: number) => {
    for (let i = 0; i < n; i++) roles.push(role);
  };
  add('cancelledBeforeFirstSeen', share(0.03, 2));
  add('cancelled', share(0.08, 3));
  add('open', share(0.08, 2));
  add('shipped', share(0.08, 2));
  add('shippedAndDeliveredTogether', share(0.04, 2));
  add('returned', share(0.06, 2));
  add('delivered', count - roles.length);
  const plans: OrderPlan[] = rng.shuffle(roles).map((role) => ({ role, partialPicking: null, giftLine: false, voucherPayment: false }));

  const partial = rng.shuffle(plans.filter((p) => SHIPS.has(p.role))).slice(0, share(0.05, 3));
  partial.forEach((plan, i) => (plan.partialPicking = PARTIAL_KINDS[i % PARTIAL_KINDS.length] ?? null));
  for (const plan of rng.shuffle(plans.filter((p) => p.role !== 'bigOrder')).slice(0, share(0.04, 2))) plan.giftLine = true;
  for (const plan of rng.shuffle(plans).slice(0, share(0.08, 3))) plan.voucherPayment = true;
  return plans;
}
