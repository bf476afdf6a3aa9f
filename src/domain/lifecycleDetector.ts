import { statusEventId } from './eventId.js';
import { SALES_RETURN_KIND, type Order, type ReturnMovement } from './order.js';
import type { HmStatus } from './status.js';
import type { TrackedOrderState } from './trackedState.js';

/**
 * The lifecycle detector: business rules 1–7 of ARCHITECTURE.md as pure functions.
 * It merges a change from the ERP into the order's tracked state, then lists the statuses H&M is owed
 * and does not have yet, in lifecycle order. Sending and recording are the dispatcher's job.
 */

/** One ERP change of one order: a new order version, or a return movement linked to it. */
export type OrderChange = { kind: 'order'; order: Order } | { kind: 'return'; movement: ReturnMovement };

/** A status H&M is owed. `returnId` is set for RETURNED only. */
export interface OwedEvent {
  eventId: string;
  status: HmStatus;
  returnId: string | null;
}

/** Why a change added no facts (null when it did). */
export type IgnoredReason =
  | 'stale-version'
  | 'not-a-sales-return'
  | 'return-without-order'
  | 'return-invoice-not-issued'
  | 'stale-return';

export interface Detection {
  state: TrackedOrderState;
  owed: OwedEvent[];
  ignored: IgnoredReason | null;
}

/** Merges the change into the state, then lists what H&M is owed. */
export function detectOwedEvents(state: TrackedOrderState, change: OrderChange): Detection {
  const applied = applyChange(state, change);
  return { ...applied, owed: owedEvents(applied.state) };
}

/** Merges one ERP change into the tracked state; an equal or older version changes nothing. */
export function applyChange(
  state: TrackedOrderState,
  change: OrderChange,
): { state: TrackedOrderState; ignored: IgnoredReason | null } {
  return change.kind === 'order' ? applyOrderVersion(state, change.order) : applyReturn(state, change.movement);
}

function applyOrderVersion(state: TrackedOrderState, order: Order): { state: TrackedOrderState; ignored: IgnoredReason | null } {
  // trans_id only grows; the feed's inclusive boundary and Service Bus redelivery replay old versions.
  if (state.orderTransId !== null && order.transId <= state.orderTransId) return { state, ignored: 'stale-version' };
  return {
    ignored: null,
    state: {
      ...state,
      order,
      orderTransId: order.transId,
      // Rule 2: the lines as first seen are what CREATED carries and what SHIPPED is compared with.
      createdLines: state.createdLines ?? order.lines,
      // Rule 3: cancelled by seller or customer is one fact; the ERP has no date, so the first version seen cancelled gives it.
      cancelledAt: state.cancelledAt ?? (order.cancelled ? (order.updatedAt ?? order.orderDate) : null),
      factsVersion: state.factsVersion + 1,
    },
  };
}

function applyReturn(
  state: TrackedOrderState,
  movement: ReturnMovement,
): { state: TrackedOrderState; ignored: IgnoredReason | null } {
  // Rule 5: only a "Devolução de Venda" linked to an order, and only once its return invoice is issued.
  if (movement.kind !== SALES_RETURN_KIND) return { state, ignored: 'not-a-sales-return' };
  if (movement.orderNumber === null) return { state, ignored: 'return-without-order' };
  if (movement.invoice === null) return { state, ignored: 'return-invoice-not-issued' };
  const index = state.returns.findIndex((r) => r.returnId === movement.returnId);
  const known = index >= 0 ? state.returns[index] : undefined;
  if (known && movement.transId <= known.transId) return { state, ignored: 'stale-return' };
  const returns = known ? state.returns.map((r, i) => (i === index ? movement : r)) : [...state.returns, movement];
  return { ignored: null, state: { ...state, returns, factsVersion: state.factsVersion + 1 } };
}

/**
 * Every status the tracked facts justify and H&M has not accepted yet, in lifecycle order.
 * Rule 7: CREATED is always first, so a cancel or return seen before CREATED was sent still sends
 * CREATED before it. Rule 6 holds by construction: workflow states never produce a status.
 */
export function owedEvents(state: TrackedOrderState): OwedEvent[] {
  const order = state.order;
  // Without the order itself nothing can be sent: the dispatcher fetches it first.
  if (order === null) return [];
  const n = state.orderNumber;
  const all: OwedEvent[] = [{ eventId: statusEventId(n, 'CREATED'), status: 'CREATED', returnId: null }];
  if (state.cancelledAt !== null) all.push({ eventId: statusEventId(n, 'CANCELLED'), status: 'CANCELLED', returnId: null });
  if (order.shippedAt !== null) all.push({ eventId: statusEventId(n, 'SHIPPED'), status: 'SHIPPED', returnId: null });
  if (order.deliveredAt !== null) all.push({ eventId: statusEventId(n, 'DELIVERED'), status: 'DELIVERED', returnId: null });
  for (const r of state.returns) {
    all.push({ eventId: statusEventId(n, 'RETURNED', r.returnId), status: 'RETURNED', returnId: r.returnId });
  }
  if (state.sentEventIds.length === 0) return all;
  const sent = new Set(state.sentEventIds);
  return all.filter((e) => !sent.has(e.eventId));
}

/** Records that H&M accepted an event (2xx or 409); clears a halt on that event. */
export function markSent(state: TrackedOrderState, eventId: string): TrackedOrderState {
  if (state.sentEventIds.includes(eventId)) return state;
  const halted = state.halted?.eventId === eventId ? null : state.halted;
  return { ...state, sentEventIds: [...state.sentEventIds, eventId], halted };
}

/** Records that H&M no longer knows an event we thought sent (404 on a later status): it is owed again. */
export function markUnsent(state: TrackedOrderState, eventId: string): TrackedOrderState {
  return { ...state, sentEventIds: state.sentEventIds.filter((id) => id !== eventId) };
}

/** Stops the order at a permanent failure until its facts change or an operator resyncs. */
export function haltAt(state: TrackedOrderState, eventId: string, code: string): TrackedOrderState {
  return { ...state, halted: { eventId, factsVersion: state.factsVersion, code } };
}

/** True while a permanent failure holds the order: no new facts since it happened. */
export function isHalted(state: TrackedOrderState): boolean {
  return state.halted !== null && state.halted.factsVersion === state.factsVersion;
}
