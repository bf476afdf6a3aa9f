import type { ErrorCode } from '../domain/errors.js';
import type { HmStatusEvent } from '../domain/hm/hmStatusEvent.js';
import type { IntegrationRecord, RecordQuery, RecordPage } from './integrationRecord.js';
import type { TrackedOrderState } from '../domain/trackedState.js';
import type { ChangeMessage } from './changeMessage.js';

/** The two ERP change feeds. */
export type Feed = 'orders' | 'returns';

/** What the use cases need from e-Millennium. Rows are returned raw: the domain schemas validate them. */
export interface ErpGateway {
  /**
   * One page of a change feed: rows changed at or after `fromTransId` (the boundary may be inclusive),
   * ascending `trans_id`, at most `top` rows. Throws IntegrationError ERP_UNAVAILABLE (transient) or
   * ERP_AUTH_FAILED (credentials refused).
   */
  readChanges(feed: Feed, fromTransId: number, top: number): Promise<unknown[]>;
  /** The current version of one order by `cod_pedidov`, raw; null when the ERP does not know it. */
  fetchOrder(orderNumber: string): Promise<unknown | null>;
}

/** Where a feed stands: the highest trans_id published, and the keys already published at exactly it. */
export interface FeedCursor {
  transId: number;
  /** Row keys (order number or return id) published at `transId`: the inclusive boundary skips them. */
  seenAtTransId: string[];
}

/** Thrown when a cursor or state entity changed since it was read (ETag mismatch). */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
}

export interface CursorStore {
  /** The stored cursor and its ETag; `{ transId: 0, seenAtTransId: [] }` and null ETag when none yet. */
  read(feed: Feed): Promise<{ cursor: FeedCursor; etag: string | null }>;
  /**
   * Saves the cursor only if it is still at `etag` (null: only if none exists yet); returns the new
   * ETag. Throws ConcurrencyConflictError otherwise — never an unconditional upsert.
   */
  write(feed: Feed, cursor: FeedCursor, etag: string | null): Promise<string>;
}

export interface OrderStateStore {
  load(orderNumber: string): Promise<{ state: TrackedOrderState; etag: string } | null>;
  /** Saves if unchanged since `etag` (null: only if new); returns the new ETag; ConcurrencyConflictError otherwise. */
  save(state: TrackedOrderState, etag: string | null): Promise<string>;
  /** Order numbers whose owed statuses were held back while HM_ENABLED was false (at most `limit`). */
  listParked(limit: number): Promise<string[]>;
}

/** The integration records operators see: one per status event, plus one per unreadable ERP row. */
export interface IntegrationLog {
  /** Inserts or replaces the record (keyed by orderNumber + recordId) and its by-day index entry. */
  upsert(record: IntegrationRecord): Promise<void>;
  get(orderNumber: string, recordId: string): Promise<IntegrationRecord | null>;
  /** Every record of one order, in lifecycle order (then by first seen). */
  timeline(orderNumber: string): Promise<IntegrationRecord[]>;
  /** Records matching the filters, newest first, paged by an opaque continuation token. */
  list(query: RecordQuery): Promise<RecordPage>;
}

/** Publishes change messages to the queue: Service Bus in Azure, the in-process queue locally. */
export interface ChangePublisher {
  /** Sends all messages, in order, in as few batches as fit; resolves only once all are accepted. */
  publish(messages: ChangeMessage[]): Promise<void>;
}

/** H&M's answer to one status event, already classified by the client (see contracts/hm-order-api.md). */
export type HmAnswer =
  | { kind: 'accepted'; httpStatus: number; body: unknown }
  | { kind: 'duplicate'; httpStatus: number; body: unknown }
  | { kind: 'rejected'; httpStatus: number; body: unknown; errors: { field: string; message: string }[] }
  | { kind: 'forbidden'; httpStatus: number; body: unknown }
  | { kind: 'orderUnknown'; httpStatus: number; body: unknown }
  /** The token could not be had (credentials refused) or a fresh token was refused again. */
  | { kind: 'authFailed'; httpStatus: number | null; message: string }
  /** 5xx, 429, timeout or network error that outlived the client's own retries. */
  | { kind: 'unavailable'; httpStatus: number | null; body: unknown; message: string };

export interface HmOrderApi {
  /** POSTs one status event. Never throws for an HTTP answer: every answer becomes an HmAnswer. */
  send(event: HmStatusEvent, correlationId: string): Promise<HmAnswer>;
}

export interface Clock {
  now(): Date;
}

/** Structured logger; implementations must never be handed secrets. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type { ErrorCode };
