import type { ChangeMessage } from '../../src/app/changeMessage.js';
import type { IntegrationRecord, RecordPage, RecordQuery } from '../../src/app/integrationRecord.js';
import {
  ConcurrencyConflictError,
  type ChangePublisher,
  type CursorStore,
  type ErpGateway,
  type Feed,
  type FeedCursor,
  type HmAnswer,
  type HmOrderApi,
  type IntegrationLog,
  type Logger,
  type OrderStateStore,
} from '../../src/app/ports.js';
import type { HmStatusEvent } from '../../src/domain/hm/hmStatusEvent.js';
import { lifecycleRank } from '../../src/domain/status.js';
import type { TrackedOrderState } from '../../src/domain/trackedState.js';

/** In-memory ports for use-case unit tests; the Table/HTTP adapters have their own integration tests. */
export class FakeCursorStore implements CursorStore {
  private readonly data = new Map<Feed, { cursor: FeedCursor; etag: string }>();
  private version = 0;
  async read(feed: Feed) {
    const found = this.data.get(feed);
    return found ? { cursor: structuredClone(found.cursor), etag: found.etag } : { cursor: { transId: 0, seenAtTransId: [] }, etag: null };
  }
  async write(feed: Feed, cursor: FeedCursor, etag: string | null) {
    if ((this.data.get(feed)?.etag ?? null) !== etag) throw new ConcurrencyConflictError(`cursor ${feed} changed`);
    const next = `v${++this.version}`;
    this.data.set(feed, { cursor: structuredClone(cursor), etag: next });
    return next;
  }
}

export class FakeStateStore implements OrderStateStore {
  readonly data = new Map<string, { state: TrackedOrderState; etag: string }>();
  private version = 0;
  async load(orderNumber: string) {
    const found = this.data.get(orderNumber);
    return found ? { state: structuredClone(found.state), etag: found.etag } : null;
  }
  async save(state: TrackedOrderState, etag: string | null) {
    if ((this.data.get(state.orderNumber)?.etag ?? null) !== etag) throw new ConcurrencyConflictError(`state ${state.orderNumber} changed`);
    const next = `v${++this.version}`;
    this.data.set(state.orderNumber, { state: structuredClone(state), etag: next });
    return next;
  }
  async listParked(limit: number) {
    return [...this.data.values()].filter((e) => e.state.parked).map((e) => e.state.orderNumber).slice(0, limit);
  }
}

export class FakeIntegrationLog implements IntegrationLog {
  readonly records = new Map<string, IntegrationRecord>();
  async upsert(record: IntegrationRecord) {
    this.records.set(`${record.orderNumber}|${record.recordId}`, structuredClone(record));
  }
  async get(orderNumber: string, recordId: string) {
    return this.records.get(`${orderNumber}|${recordId}`) ?? null;
  }
  async timeline(orderNumber: string) {
    return [...this.records.values()]
      .filter((r) => r.orderNumber === orderNumber)
      .sort((a, b) => (a.status ? lifecycleRank(a.status) : -1) - (b.status ? lifecycleRank(b.status) : -1) || a.firstSeenAt.localeCompare(b.firstSeenAt));
  }
  async list(query: RecordQuery): Promise<RecordPage> {
    const items = [...this.records.values()].filter(
      (r) => (!query.orderNumber || r.orderNumber === query.orderNumber) && (!query.state || r.state === query.state) && (!query.status || r.status === query.status),
    );
    return { items: items.slice(0, query.limit), continuationToken: null };
  }
  /** Records of one order as "STATUS:STATE" strings, in timeline order. */
  async states(orderNumber: string) {
    return (await this.timeline(orderNumber)).map((r) => `${r.status ?? 'ROW'}:${r.state}`);
  }
}

export class FakePublisher implements ChangePublisher {
  readonly published: ChangeMessage[] = [];
  failNext: Error | null = null;
  async publish(messages: ChangeMessage[]) {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    this.published.push(...structuredClone(messages));
  }
}

/** An ERP whose feeds are plain arrays of raw rows; boundary inclusive like the real one. */
export class FakeErp implements ErpGateway {
  readonly feeds: Record<Feed, Record<string, unknown>[]> = { orders: [], returns: [] };
  readonly orders = new Map<string, unknown>();
  readonly calls: string[] = [];
  async readChanges(feed: Feed, fromTransId: number, top: number) {
    this.calls.push(`${feed}@${fromTransId}`);
    return this.feeds[feed].filter((r) => Number(r['trans_id'] ?? Number.MAX_SAFE_INTEGER) >= fromTransId).slice(0, top);
  }
  async fetchOrder(orderNumber: string) {
    this.calls.push(`fetch:${orderNumber}`);
    return this.orders.get(orderNumber) ?? null;
  }
}

/** H&M answering from a script: each call takes the next answer (default: accepted). */
export class FakeHm implements HmOrderApi {
  readonly sent: HmStatusEvent[] = [];
  readonly script: Array<HmAnswer | ((e: HmStatusEvent) => HmAnswer)> = [];
  async send(event: HmStatusEvent) {
    this.sent.push(event);
    const next = this.script.shift();
    if (!next) return { kind: 'accepted', httpStatus: 201, body: { eventId: event.eventId } } as const;
    return typeof next === 'function' ? next(event) : next;
  }
  statuses() {
    return this.sent.map((e) => (e.return ? `${e.status}:${e.return.returnId}` : e.status));
  }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const fixedClock = (iso = '2026-12-03T12:00:00.000Z') => ({ now: () => new Date(iso) });
