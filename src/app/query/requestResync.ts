import type { ChangePublisher, Clock } from '../ports.js';
import { messageIds } from '../messageIds.js';

/**
 * POST /api/integrations/{orderNumber}/resync: queues the order in its own session, so the resync
 * never races the dispatcher. The dispatcher refetches the order from the ERP, lifts a permanent
 * failure's halt, and sends whatever is still owed.
 */
export async function requestResync(publisher: ChangePublisher, clock: Clock, orderNumber: string): Promise<{ messageId: string }> {
  const now = clock.now();
  const messageId = messageIds.resync(orderNumber, now);
  await publisher.publish([{ messageId, sessionId: orderNumber, body: { kind: 'resync', orderNumber, requestedAt: now.toISOString() } }]);
  return { messageId };
}
