import { parseErpOrder, parseErpReturn } from '../../domain/erp/index.js';
import type { IntegrationError } from '../../domain/errors.js';
import type { Order, ReturnMovement } from '../../domain/order.js';
import type { Feed, FeedCursor } from '../ports.js';
import { hashOf } from '../messageIds.js';

/** One row of a feed page, read and placed relative to the cursor. */
export type FeedRow =
  | { kind: 'order'; key: string; transId: number; order: Order }
  | { kind: 'return'; key: string; transId: number; movement: ReturnMovement }
  | { kind: 'invalid'; key: string; transId: number | null; orderNumber: string | null; error: IntegrationError; raw: unknown };

/** Validates one raw row of a feed; a bad row becomes an `invalid` row, never an exception. */
export function readFeedRow(feed: Feed, raw: unknown): FeedRow {
  if (feed === 'orders') {
    const parsed = parseErpOrder(raw);
    if (parsed.ok) return { kind: 'order', key: parsed.value.orderNumber, transId: parsed.value.transId, order: parsed.value };
    return invalidRow(parsed, raw, parsed.orderNumber);
  }
  const parsed = parseErpReturn(raw);
  if (parsed.ok) return { kind: 'return', key: parsed.value.returnId, transId: parsed.value.transId, movement: parsed.value };
  return invalidRow(parsed, raw, null);
}

function invalidRow(
  parsed: { error: IntegrationError; orderNumber: string | null; transId: number | null },
  raw: unknown,
  key: string | null,
): FeedRow {
  return {
    kind: 'invalid',
    key: key ?? `row-${hashOf(raw)}`,
    transId: parsed.transId,
    orderNumber: parsed.orderNumber,
    error: parsed.error,
    raw,
  };
}

/**
 * True when a row was already handled by an earlier page or run: the ERP's boundary is inclusive,
 * so rows at exactly the cursor's trans_id come back and must not be published twice.
 */
export function isBehindCursor(row: FeedRow, cursor: FeedCursor): boolean {
  if (row.transId === null) return false;
  if (row.transId < cursor.transId) return true;
  return row.transId === cursor.transId && cursor.seenAtTransId.includes(row.key);
}

/** The cursor after a page: the highest trans_id seen and every key seen at exactly it. */
export function advanceCursor(cursor: FeedCursor, rows: FeedRow[]): FeedCursor {
  let transId = cursor.transId;
  let keys = new Set(cursor.seenAtTransId);
  for (const row of rows) {
    if (row.transId === null || row.transId < transId) continue;
    if (row.transId > transId) {
      transId = row.transId;
      keys = new Set();
    }
    keys.add(row.key);
  }
  return { transId, seenAtTransId: [...keys] };
}
