import type { IntegrationError } from '../domain/errors.js';
import { hashOf } from './messageIds.js';
import type { IntegrationLog } from './ports.js';
import type { HmStatus, RecordState } from '../domain/status.js';
import type { IntegrationRecord } from './integrationRecord.js';

/** Placeholder order number for a row whose order number could not be read. */
export const UNREADABLE_ORDER = 'UNREADABLE';

/** A FAILED record that is not a status event (an unreadable row or message, a dead-lettered change). */
export function failureRecord(fields: {
  orderNumber: string | null;
  recordId: string;
  transId: number | null;
  error: NonNullable<IntegrationRecord['error']>;
  raw: unknown;
  attempts?: number;
  now: Date;
}): IntegrationRecord {
  const at = fields.now.toISOString();
  return {
    orderNumber: fields.orderNumber || UNREADABLE_ORDER,
    recordId: fields.recordId,
    status: null,
    state: 'FAILED',
    attempts: fields.attempts ?? 0,
    firstSeenAt: at,
    updatedAt: at,
    lastAttemptAt: fields.attempts ? at : null,
    transId: fields.transId,
    payload: null,
    response: null,
    error: fields.error,
    correlationId: null,
    raw: fields.raw,
  };
}

/** The FAILED record of an ERP row that failed validation: kept whole so it can be fixed and resynced. */
export function invalidRowRecord(
  row: { key: string; transId: number | null; orderNumber: string | null; error: IntegrationError; raw: unknown },
  feed: string,
  now: Date,
): IntegrationRecord {
  return failureRecord({
    orderNumber: row.orderNumber,
    // The row's own hash: two bad rows of one order at one trans_id must not overwrite each other.
    recordId: `invalid-${feed}-${row.transId ?? 'x'}-${hashOf(row.raw)}`,
    transId: row.transId,
    error: { code: row.error.code, message: row.error.message, details: row.error.details },
    raw: row.raw,
    now,
  });
}

/** A status event's record as it stands now, keeping what the previous version knew (first seen, attempts). */
export function eventRecord(
  previous: IntegrationRecord | undefined,
  event: { orderNumber: string; eventId: string; status: HmStatus; transId: number | null },
  update: {
    state: RecordState;
    now: Date;
    attempted?: boolean;
    payload?: unknown;
    response?: IntegrationRecord['response'];
    error?: IntegrationRecord['error'];
    correlationId?: string | null;
  },
): IntegrationRecord {
  const at = update.now.toISOString();
  return {
    orderNumber: event.orderNumber,
    recordId: event.eventId,
    status: event.status,
    state: update.state,
    attempts: (previous?.attempts ?? 0) + (update.attempted ? 1 : 0),
    firstSeenAt: previous?.firstSeenAt ?? at,
    updatedAt: at,
    lastAttemptAt: update.attempted ? at : (previous?.lastAttemptAt ?? null),
    transId: event.transId ?? previous?.transId ?? null,
    payload: update.payload ?? previous?.payload ?? null,
    response: update.response === undefined ? (previous?.response ?? null) : update.response,
    error: update.error === undefined ? null : update.error,
    correlationId: update.correlationId ?? previous?.correlationId ?? null,
    raw: null,
  };
}

/**
 * Writes a non-event FAILED record unless the very same one exists: a row read again (a retried page,
 * an overlapping run) keeps its first-seen time and one index entry.
 */
export async function recordFailureOnce(log: IntegrationLog, record: IntegrationRecord): Promise<void> {
  if (await log.get(record.orderNumber, record.recordId)) return;
  await log.upsert(record);
}
