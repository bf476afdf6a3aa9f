import { z } from 'zod';
import { orderSchema, returnMovementSchema } from '../domain/order.js';

/**
 * The Service Bus message body: one change of one order. sessionId is always the order number, so
 * Service Bus hands an order's changes to one dispatcher at a time, in order.
 */
export const changeBodySchema = z.discriminatedUnion('kind', [
  /** A new order version, carried whole. */
  z.object({ kind: z.literal('order'), orderNumber: z.string(), transId: z.number().int(), order: orderSchema }),
  /** A version too large for one message: the dispatcher fetches the current one from the ERP. */
  z.object({ kind: z.literal('orderRef'), orderNumber: z.string(), transId: z.number().int() }),
  /** A sales return movement linked to the order. */
  z.object({
    kind: z.literal('return'),
    orderNumber: z.string(),
    transId: z.number().int(),
    movement: returnMovementSchema,
  }),
  /** An operator's resync: refetch the order, lift a permanent failure's halt, send what it still owes. */
  z.object({ kind: z.literal('resync'), orderNumber: z.string(), requestedAt: z.string() }),
  /**
   * The extract's sweep of held orders (owed while HM_ENABLED was false, or after their deliveries
   * ran out in an outage): send what the stored facts owe. It lifts no halt: that is an operator's call.
   */
  z.object({ kind: z.literal('sweep'), orderNumber: z.string(), requestedAt: z.string() }),
]);
export type ChangeBody = z.infer<typeof changeBodySchema>;

export interface ChangeMessage {
  /** Deterministic id of the change, so Service Bus duplicate detection drops a re-publish. */
  messageId: string;
  /** The order number. */
  sessionId: string;
  body: ChangeBody;
}

/**
 * Parses a received body. Service Bus hands it over as an object, a JSON string, or bytes,
 * depending on who sent it and how: accept all three.
 */
export function parseChangeBody(raw: unknown): ChangeBody {
  let value = raw;
  if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8');
  if (typeof value === 'string') value = JSON.parse(value);
  return changeBodySchema.parse(value);
}
