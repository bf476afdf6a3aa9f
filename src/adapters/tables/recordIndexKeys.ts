import { IntegrationError } from '../../domain/errors.js';
import { compositeKey } from './tableKeys.js';

/**
 * Keys of the by-day index (table IntegrationRecordIndex): PartitionKey = UTC day of firstSeenAt,
 * RowKey = inverted timestamp + order + record, so a partition query, which returns rows in RowKey
 * order, returns the newest first.
 */
const DAY_MS = 86_400_000;
/** Timestamps up to the year 2286 fit in 13 digits; fixed width keeps string order = number order. */
const MAX_MS = 9_999_999_999_999;
const DIGITS = 13;

/** Milliseconds of an ISO instant; `what` names the record in the error. */
export function instantMs(instant: string, what: string): number {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) {
    throw new IntegrationError('INTERNAL', `${what} has an unreadable firstSeenAt "${instant}" (expected ISO 8601)`);
  }
  return ms;
}

/** "YYYY-MM-DD" (UTC) of an instant in ms. */
export function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day before `day` ("YYYY-MM-DD"). */
export function previousDay(day: string): string {
  return dayKey(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS);
}

function inverted(ms: number): string {
  return String(MAX_MS - ms).padStart(DIGITS, '0');
}

/** RowKey of a record's index row: newest first, then by order and record id. */
export function indexRowKey(firstSeenMs: number, orderNumber: string, recordId: string): string {
  return `${inverted(firstSeenMs)}|${compositeKey(orderNumber, recordId)}`;
}

/** Lowest RowKey of rows first seen at or before `toMs` (inclusive upper time bound). */
export function rowKeyAtOrBefore(toMs: number): string {
  return inverted(toMs);
}

/** RowKey that every row first seen at or after `fromMs` sorts below ('}' follows the '|' separator). */
export function rowKeyBelowAtOrAfter(fromMs: number): string {
  return `${inverted(fromMs)}}`;
}
