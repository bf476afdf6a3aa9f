import type { ChangeBody, ChangeMessage } from '../changeMessage.js';
import { messageIds } from '../messageIds.js';
import type { FeedRow } from './feedPage.js';

/**
 * Service Bus Standard takes at most 256 KB per message, headers included. A larger order version
 * (hundreds of lines) travels as a reference and the dispatcher fetches it from the ERP.
 */
export const MAX_INLINE_BODY_BYTES = 200 * 1024;

/** The message for a readable feed row, or null for a row nothing can be sent for (a return with no order). */
export function toChangeMessage(row: FeedRow): ChangeMessage | null {
  if (row.kind === 'order') {
    const full: ChangeBody = { kind: 'order', orderNumber: row.order.orderNumber, transId: row.transId, order: row.order };
    const body: ChangeBody =
      Buffer.byteLength(JSON.stringify(full)) <= MAX_INLINE_BODY_BYTES
        ? full
        : { kind: 'orderRef', orderNumber: row.order.orderNumber, transId: row.transId };
    return { messageId: messageIds.order(row.order.orderNumber, row.transId), sessionId: row.order.orderNumber, body };
  }
  if (row.kind === 'return') {
    const orderNumber = row.movement.orderNumber;
    if (orderNumber === null) return null;
    return {
      messageId: messageIds.orderReturn(row.movement.returnId, row.transId),
      sessionId: orderNumber,
      body: { kind: 'return', orderNumber, transId: row.transId, movement: row.movement },
    };
  }
  return null;
}
