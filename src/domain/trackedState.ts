import { z } from 'zod';
import { instantSchema, orderLineSchema, orderSchema, returnMovementSchema } from './order.js';

/**
 * What the app knows about one order: the latest ERP version, the issued returns, and which status
 * events H&M has accepted. The lifecycle detector reads and returns it; the state store persists it.
 */
export const trackedOrderStateSchema = z.object({
  orderNumber: z.string().min(1),
  /** Highest order trans_id applied; an equal or older version changes nothing. */
  orderTransId: z.number().int().nullable(),
  /** Latest order version; null while only a return movement has been seen. */
  order: orderSchema.nullable(),
  /** Lines as first seen: CREATED's lines, and the base for SHIPPED's notShippedLines. */
  createdLines: z.array(orderLineSchema).nullable(),
  /** When the order was first seen cancelled (the ERP has no cancellation date). */
  cancelledAt: instantSchema.nullable(),
  /** Issued sales returns (invoice set), one per returnId, in the order they were seen. */
  returns: z.array(returnMovementSchema),
  /** eventIds H&M has accepted (2xx or 409). */
  sentEventIds: z.array(z.string()),
  /** Grows whenever new facts arrive; a permanent failure is retried only when it grew, or on resync. */
  factsVersion: z.number().int().nonnegative(),
  /** The permanent failure that stops this order, until facts change or an operator resyncs. */
  halted: z
    .object({ eventId: z.string(), factsVersion: z.number().int(), code: z.string() })
    .nullable(),
  /** True while owed statuses wait for HM_ENABLED=true. */
  parked: z.boolean(),
});
export type TrackedOrderState = z.infer<typeof trackedOrderStateSchema>;

/** The state of an order the app has never seen. */
export function emptyTrackedState(orderNumber: string): TrackedOrderState {
  return {
    orderNumber,
    orderTransId: null,
    order: null,
    createdLines: null,
    cancelledAt: null,
    returns: [],
    sentEventIds: [],
    factsVersion: 0,
    halted: null,
    parked: false,
  };
}
