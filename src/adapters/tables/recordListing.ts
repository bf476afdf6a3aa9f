import { odata, type TableClient } from '@azure/data-tables';
import type { IntegrationRecord, RecordPage, RecordQuery } from '../../app/integrationRecord.js';
import {
  decodeContinuationToken,
  encodeContinuationToken,
  InvalidContinuationTokenError,
  type ListingPosition,
} from './continuationToken.js';
import { dayKey, indexRowKey, instantMs, previousDay, rowKeyAtOrBefore, rowKeyBelowAtOrAfter } from './recordIndexKeys.js';
import { listItemFromSummary, SUMMARY_PROPERTIES } from './recordSummary.js';
import { statusCodeOf } from './tableErrors.js';
import { encodeKey } from './tableKeys.js';

export const MAX_LIMIT = 200;
const DEFAULT_WINDOW_MS = 7 * 86_400_000;
/**
 * Day partitions read per call at most: a sparse filter over a long range would otherwise make one
 * request per empty day in a single call. The page may then come back short (even empty) with a
 * token, as Table Storage's own pages do.
 */
export const MAX_DAYS_PER_PAGE = 31;

/** Lists by the by-day index, newest first: day partitions from `to` back to `from`. */
export async function listByDay(index: TableClient, query: RecordQuery, now: Date): Promise<RecordPage> {
  const limit = clampLimit(query.limit);
  const { fromMs, toMs } = timeWindow(query, now);
  const position = positionOf(query.continuationToken, 'day');
  const lastDay = dayKey(fromMs);
  let day = position?.day ?? dayKey(toMs);
  let tableToken = position?.table ?? undefined;
  if (fromMs > toMs || day < lastDay) return { items: [], continuationToken: null };
  if (day > dayKey(toMs)) [day, tableToken] = [dayKey(toMs), undefined];

  const items: IntegrationRecord[] = [];
  for (let daysRead = 1; ; daysRead += 1) {
    const filter = dayFilter(day, fromMs, toMs, query);
    do {
      const page = await firstPage(index, filter, limit - items.length, tableToken);
      items.push(...page.entities.map(listItemFromSummary));
      tableToken = page.continuationToken;
      if (tableToken !== undefined && items.length >= limit) {
        return { items, continuationToken: encodeContinuationToken({ by: 'day', day, table: tableToken }) };
      }
    } while (tableToken !== undefined);
    day = previousDay(day);
    if (day < lastDay) return { items, continuationToken: null };
    if (items.length >= limit || daysRead >= MAX_DAYS_PER_PAGE) {
      return { items, continuationToken: encodeContinuationToken({ by: 'day', day, table: null }) };
    }
  }
}

/**
 * Lists one order's records (one partition of the records table, summary columns only), newest
 * first. from/to apply only when given: an order's history is wanted whole.
 */
export async function listByOrder(records: TableClient, query: RecordQuery & { orderNumber: string }): Promise<RecordPage> {
  const limit = clampLimit(query.limit);
  const offset = positionOf(query.continuationToken, 'order')?.offset ?? 0;
  const fromMs = query.from?.getTime() ?? -Infinity;
  const toMs = query.to?.getTime() ?? Infinity;
  const entities = records.listEntities({
    queryOptions: { filter: odata`PartitionKey eq ${encodeKey(query.orderNumber)}`, select: SUMMARY_PROPERTIES },
  });
  const matching: { key: string; item: IntegrationRecord }[] = [];
  for await (const entity of entities) {
    const item = listItemFromSummary(entity);
    const ms = instantMs(item.firstSeenAt, `record "${item.recordId}" of order "${item.orderNumber}"`);
    if (ms < fromMs || ms > toMs) continue;
    if (query.status !== undefined && item.status !== query.status) continue;
    if (query.state !== undefined && item.state !== query.state) continue;
    // Same order as the index: its RowKey is exactly "newest first, then order, then record".
    matching.push({ key: indexRowKey(ms, item.orderNumber, item.recordId), item });
  }
  matching.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const items = matching.slice(offset, offset + limit).map(({ item }) => item);
  const next = offset + limit;
  return {
    items,
    continuationToken: next < matching.length ? encodeContinuationToken({ by: 'order', offset: next }) : null,
  };
}

/** 1..200 whatever is asked: the HTTP layer validates, this only keeps the store safe. */
function clampLimit(limit: number): number {
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit) || 1));
}

/** Inclusive bounds; `to` defaults to now and `from` to seven days before `to`. */
function timeWindow(query: RecordQuery, now: Date): { fromMs: number; toMs: number } {
  const toMs = Math.max(0, query.to?.getTime() ?? now.getTime());
  const fromMs = Math.max(0, query.from?.getTime() ?? toMs - DEFAULT_WINDOW_MS);
  return { fromMs, toMs };
}

function positionOf<K extends ListingPosition['by']>(
  token: string | undefined,
  by: K,
): Extract<ListingPosition, { by: K }> | null {
  if (token === undefined || token === '') return null;
  const position = decodeContinuationToken(token);
  if (position.by !== by) throw new InvalidContinuationTokenError('it belongs to a query with a different orderNumber filter');
  return position as Extract<ListingPosition, { by: K }>;
}

function dayFilter(day: string, fromMs: number, toMs: number, query: RecordQuery): string {
  const clauses = [
    odata`PartitionKey eq ${day}`,
    odata`RowKey ge ${rowKeyAtOrBefore(toMs)}`,
    odata`RowKey lt ${rowKeyBelowAtOrAfter(fromMs)}`,
  ];
  if (query.status !== undefined) clauses.push(odata`status eq ${query.status ?? ''}`);
  if (query.state !== undefined) clauses.push(odata`state eq ${query.state}`);
  return clauses.join(' and ');
}

/** One request: the first page of a query from `tableToken`, at most `top` rows. */
async function firstPage(
  client: TableClient,
  filter: string,
  top: number,
  tableToken: string | undefined,
): Promise<{ entities: Record<string, unknown>[]; continuationToken: string | undefined }> {
  const pages = client
    .listEntities<Record<string, unknown>>({ queryOptions: { filter, select: SUMMARY_PROPERTIES } })
    .byPage({ maxPageSize: top, ...(tableToken === undefined ? {} : { continuationToken: tableToken }) });
  try {
    const result = await pages.next();
    if (result.done) return { entities: [], continuationToken: undefined };
    return { entities: result.value, continuationToken: result.value.continuationToken };
  } catch (error) {
    // The SDK decodes its own continuation inside ours; garbage there fails before any request.
    if (tableToken !== undefined && statusCodeOf(error) === null && error instanceof SyntaxError) {
      throw new InvalidContinuationTokenError('unreadable table position');
    }
    throw error;
  }
}
