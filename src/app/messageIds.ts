import { createHash } from 'node:crypto';

/**
 * Deterministic Service Bus message ids: the same ERP change always gets the same id, so a publish
 * repeated after a crash (before the cursor moved) is dropped by Service Bus duplicate detection.
 */
export const messageIds = {
  order: (orderNumber: string, transId: number) => `order:${orderNumber}:${transId}`,
  orderReturn: (returnId: string, transId: number) => `return:${returnId}:${transId}`,
  /** An operator's resync: unique per request. */
  resync: (orderNumber: string, at: Date) => `resync:${orderNumber}:${at.getTime()}`,
  /** The re-enable sweep: one per order and hour, so overlapping runs publish it once. */
  sweep: (orderNumber: string, at: Date) => `sweep:${orderNumber}:${at.toISOString().slice(0, 13)}`,
};

/** Short stable hash of any JSON value (ids of unreadable rows). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 16);
}
