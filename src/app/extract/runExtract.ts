import type { ChangeMessage } from '../changeMessage.js';
import { messageIds } from '../messageIds.js';
import {
  ConcurrencyConflictError,
  type ChangePublisher,
  type Clock,
  type CursorStore,
  type ErpGateway,
  type Feed,
  type IntegrationLog,
  type Logger,
  type OrderStateStore,
} from '../ports.js';
import { invalidRowRecord, recordFailureOnce } from '../recordFactory.js';
import { toChangeMessage } from './changeMessages.js';
import { advanceCursor, isBehindCursor, readFeedRow } from './feedPage.js';

export interface ExtractDeps {
  erp: ErpGateway;
  cursors: CursorStore;
  publisher: ChangePublisher;
  log: IntegrationLog;
  states: OrderStateStore;
  clock: Clock;
  logger: Logger;
  settings: {
    pageSize: number;
    /** Bounded work per run, so a run ends well inside the function timeout; the next tick goes on. */
    maxPages: number;
    /** HM_ENABLED: when true, orders parked while it was false are queued again. */
    enabled: boolean;
    /** How many parked orders one run queues again. */
    sweepLimit: number;
    /** EXTRACT_START_TRANS_ID: where a feed with no stored cursor starts (go-live), 0 for the whole feed. */
    startTransId: number;
  };
}

export interface FeedSummary {
  pages: number;
  rows: number;
  published: number;
  invalid: number;
  skipped: number;
  cursor: number;
  /** True once a page came back short: the feed has nothing more right now. */
  drained: boolean;
  /** Set when another run moved the cursor first: this run stopped that feed. */
  conflict: boolean;
}

export interface ExtractSummary {
  feeds: Record<Feed, FeedSummary>;
  resyncsQueued: number;
}

export const FEEDS: readonly Feed[] = ['orders', 'returns'];

/**
 * One extract run: reads each ERP change feed from its stored cursor, page by page, publishes one
 * message per change, records unreadable rows as FAILED, and only then moves the cursor (ETag-checked,
 * so an overlapping run cannot move it backwards or skip a page). No business rule lives here.
 */
export async function runExtract(deps: ExtractDeps): Promise<ExtractSummary> {
  // Each feed and the sweep go on when another fails (a broken returns path must not stop orders,
  // nor keep held orders from being sent); the run still fails, naming every error.
  const errors: unknown[] = [];
  const attempt = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      errors.push(error);
      return fallback;
    }
  };
  const feeds = {} as Record<Feed, FeedSummary>;
  for (const feed of FEEDS) feeds[feed] = await attempt(() => extractFeed(deps, feed), failedFeed());
  const resyncsQueued = deps.settings.enabled ? await attempt(() => queueParkedOrders(deps), 0) : 0;
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `extract run failed: ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join(' | ')}`);
  return { feeds, resyncsQueued };
}

function failedFeed(): FeedSummary {
  return { pages: 0, rows: 0, published: 0, invalid: 0, skipped: 0, cursor: 0, drained: false, conflict: false };
}

async function extractFeed(deps: ExtractDeps, feed: Feed): Promise<FeedSummary> {
  const { erp, cursors, publisher, log, clock, logger, settings } = deps;
  let { cursor, etag } = await cursors.read(feed);
  // No cursor stored yet (first run): start at the go-live point, not at the ERP's first change.
  if (etag === null) cursor = { transId: Math.max(cursor.transId, settings.startTransId), seenAtTransId: [] };
  const summary: FeedSummary = { pages: 0, rows: 0, published: 0, invalid: 0, skipped: 0, cursor: cursor.transId, drained: false, conflict: false };

  while (summary.pages < settings.maxPages) {
    const raw = await erp.readChanges(feed, cursor.transId, settings.pageSize);
    summary.pages += 1;
    summary.rows += raw.length;
    const rows = raw.map((r) => readFeedRow(feed, r));
    const fresh = rows.filter((row) => !isBehindCursor(row, cursor));
    summary.skipped += rows.length - fresh.length;

    const messages: ChangeMessage[] = [];
    for (const row of fresh) {
      if (row.kind === 'invalid') {
        // Recorded before the cursor moves, so a crash here repeats the (idempotent) write, never drops it.
        await recordFailureOnce(log, invalidRowRecord(row, feed, clock.now()));
        logger.warn('invalid ERP row recorded as FAILED', { feed, orderNumber: row.orderNumber, transId: row.transId, code: row.error.code });
        summary.invalid += 1;
        continue;
      }
      const message = toChangeMessage(row);
      if (message) messages.push(message);
      else summary.skipped += 1;
    }
    await publisher.publish(messages);
    summary.published += messages.length;

    const next = advanceCursor(cursor, fresh);
    try {
      etag = await cursors.write(feed, next, etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      // Another run moved the cursor first; what we published is deduplicated by messageId.
      logger.warn('cursor moved by another run; stopping this feed for this run', { feed });
      summary.conflict = true;
      break;
    }
    const moved = next.transId !== cursor.transId || next.seenAtTransId.length !== cursor.seenAtTransId.length;
    cursor = next;
    summary.cursor = cursor.transId;
    if (raw.length < settings.pageSize) {
      summary.drained = true;
      break;
    }
    if (!moved) {
      // A full page of rows all already seen at one trans_id: asking again would return the same page.
      logger.error('feed cannot advance: a whole page shares one trans_id; raise ERP_PAGE_SIZE', { feed, transId: cursor.transId, pageSize: settings.pageSize });
      break;
    }
  }
  logger.info('extract feed done', { feed, ...summary });
  return summary;
}

/** Queues a resync for orders whose statuses waited while HM_ENABLED was false (rule 8). */
async function queueParkedOrders(deps: ExtractDeps): Promise<number> {
  const parked = await deps.states.listParked(deps.settings.sweepLimit);
  if (parked.length === 0) return 0;
  const now = deps.clock.now();
  await deps.publisher.publish(
    parked.map((orderNumber) => ({
      messageId: messageIds.sweep(orderNumber, now),
      sessionId: orderNumber,
      body: { kind: 'sweep', orderNumber, requestedAt: now.toISOString() },
    })),
  );
  deps.logger.info('queued parked orders after HM_ENABLED was switched on', { count: parked.length });
  return parked.length;
}
