import type { ErrorCode } from '../../domain/errors.js';
import type { RecordQuery } from '../integrationRecord.js';
import { messageIds } from '../messageIds.js';
import type { ChangePublisher, Clock, IntegrationLog } from '../ports.js';
import { UNREADABLE_ORDER } from '../recordFactory.js';

export interface BulkResyncQuery extends Omit<RecordQuery, 'limit' | 'continuationToken'> {
  /** Only records failed with this error code (e.g. HM_FORBIDDEN after fixing HM_SUBSCRIPTION_KEY). */
  code?: ErrorCode;
  /** At most this many orders are queued per call. */
  maxOrders: number;
}

export interface BulkResyncResult {
  queued: number;
  orderNumbers: string[];
  /** True when more orders matched than maxOrders: call again after these are done. */
  truncated: boolean;
}

/**
 * POST /api/integrations/resync: after fixing a cause that failed many orders (a setting, a mapping),
 * queues a resync for each order with a matching record, in its own session like a single resync.
 */
export async function requestBulkResync(log: IntegrationLog, publisher: ChangePublisher, clock: Clock, query: BulkResyncQuery): Promise<BulkResyncResult> {
  const { code, maxOrders, ...filters } = query;
  const orders = new Set<string>();
  let truncated = false;
  let continuationToken: string | undefined;
  do {
    const page = await log.list({ ...filters, limit: 200, ...(continuationToken ? { continuationToken } : {}) });
    for (const record of page.items) {
      if (record.orderNumber === UNREADABLE_ORDER || (code && record.error?.code !== code)) continue;
      if (orders.size === maxOrders && !orders.has(record.orderNumber)) truncated = true;
      else orders.add(record.orderNumber);
    }
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken && !truncated);

  const now = clock.now();
  const requestedAt = now.toISOString();
  await publisher.publish(
    [...orders].map((orderNumber) => ({ messageId: messageIds.resync(orderNumber, now), sessionId: orderNumber, body: { kind: 'resync', orderNumber, requestedAt } })),
  );
  return { queued: orders.size, orderNumbers: [...orders], truncated };
}
