import { describe, expect, it } from 'vitest';
import { InvalidContinuationTokenError } from '../../../src/adapters/tables/continuationToken.js';
import { TableIntegrationLog } from '../../../src/adapters/tables/integrationLog.js';
import { MAX_DAYS_PER_PAGE, MAX_LIMIT } from '../../../src/adapters/tables/recordListing.js';
import type { IntegrationRecord, RecordQuery } from '../../../src/app/integrationRecord.js';
import { useAzuriteTables } from './azuriteTables.js';
import { aRecord } from './fixtures.js';

const azurite = useAzuriteTables();
const NOW = '2026-03-10T12:00:00.000Z';

async function logWith(records: IntegrationRecord[]) {
  const tables = await azurite.freshTables();
  const log = new TableIntegrationLog(tables.records, tables.recordIndex, { now: () => new Date(NOW) });
  // A few at a time: Azurite is fast, the machine has two cores.
  for (let i = 0; i < records.length; i += 50) await Promise.all(records.slice(i, i + 50).map((record) => log.upsert(record)));
  return { log, tables };
}

function seenAt(firstSeenAt: string, orderNumber = 'BR-1', overrides: Partial<IntegrationRecord> = {}): IntegrationRecord {
  return aRecord({ orderNumber, recordId: `${orderNumber}@${firstSeenAt}`, firstSeenAt, ...overrides });
}

/** What a listing shows of a record: no payload, raw row, response body or error details. */
function summaryOf(record: IntegrationRecord): IntegrationRecord {
  return {
    ...record,
    payload: null,
    raw: null,
    response: record.response && { httpStatus: record.response.httpStatus, body: null },
    error: record.error && { code: record.error.code, message: record.error.message },
  };
}

async function listAll(log: TableIntegrationLog, query: RecordQuery): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let continuationToken: string | undefined;
  let pages = 0;
  do {
    const page = await log.list({ ...query, ...(continuationToken ? { continuationToken } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    ids.push(...page.items.map((item) => item.recordId));
    continuationToken = page.continuationToken ?? undefined;
    pages += 1;
  } while (continuationToken !== undefined && pages < 100);
  return { ids, pages };
}

const ids = (records: IntegrationRecord[]) => records.map((record) => record.recordId);

describe('TableIntegrationLog.list (Azurite)', () => {
  it('lists newest first across day partitions, as summaries without payload or customer data', async () => {
    const failed = seenAt('2026-03-09T23:59:59.999Z', 'BR-2', {
      state: 'FAILED',
      error: { code: 'MAPPING_MISSING_BRAND', message: 'brand "X" has no H&M corporate brand', details: { brand: 'X' } },
      response: null,
    });
    const morning = seenAt('2026-03-10T09:00:00.000Z');
    const older = seenAt('2026-03-08T00:00:00.000Z');
    const latest = seenAt('2026-03-10T11:00:00.000Z', 'BR-3');
    const { log } = await logWith([morning, failed, older, latest]);
    const page = await log.list({ limit: 50 });
    expect(page.items).toEqual([latest, morning, failed, older].map(summaryOf));
    expect(page.continuationToken).toBeNull();
  });

  it('keeps payloads and customer data out of the by-day index rows', async () => {
    const { tables } = await logWith([seenAt('2026-03-10T09:00:00.000Z')]);
    const rows: Record<string, unknown>[] = [];
    for await (const row of tables.recordIndex.listEntities<Record<string, unknown>>()) rows.push(row);
    expect(rows).toHaveLength(1);
    const [row = {}] = rows;
    expect(row).toMatchObject({ partitionKey: '2026-03-10', orderNumber: 'BR-1', state: 'SENT' });
    expect(Object.values(row).map(String).join(' ')).not.toContain('Maria');
    expect(Object.keys(row).some((name) => name.startsWith('doc_'))).toBe(false);
  });

  it('shows the last seven days when neither from nor to is given (bounds inclusive)', async () => {
    const sevenDaysAgo = seenAt('2026-03-03T12:00:00.000Z');
    const now = seenAt(NOW);
    const { log } = await logWith([
      seenAt('2026-03-03T11:59:59.999Z'),
      sevenDaysAgo,
      now,
      seenAt('2026-03-10T12:00:00.001Z'),
      seenAt('2026-02-20T10:00:00.000Z'),
    ]);
    const page = await log.list({ limit: 50 });
    expect(ids(page.items)).toEqual(ids([now, sevenDaysAgo]));
  });

  it('filters by from and to, inclusive, even outside the default window', async () => {
    const atFrom = seenAt('2026-03-01T00:00:00.000Z');
    const between = seenAt('2026-03-01T15:00:00.000Z');
    const atTo = seenAt('2026-03-02T23:59:59.999Z');
    const { log } = await logWith([seenAt('2026-02-28T23:59:59.999Z'), atFrom, between, atTo, seenAt('2026-03-03T00:00:00.000Z')]);
    const page = await log.list({ from: new Date(atFrom.firstSeenAt), to: new Date(atTo.firstSeenAt), limit: 50 });
    expect(ids(page.items)).toEqual(ids([atTo, between, atFrom]));
  });

  it('gives from alone a window ending now and to alone a window of seven days before it', async () => {
    const recent = seenAt('2026-03-09T10:00:00.000Z');
    const early = seenAt('2026-03-01T10:00:00.000Z');
    const old = seenAt('2026-02-20T10:00:00.000Z');
    const { log } = await logWith([recent, early, old]);
    expect(ids((await log.list({ from: new Date('2026-02-01T00:00:00Z'), limit: 50 })).items)).toEqual(ids([recent, early, old]));
    expect(ids((await log.list({ to: new Date('2026-03-02T00:00:00Z'), limit: 50 })).items)).toEqual(ids([early]));
  });

  it('filters by status, including records without a status (unreadable ERP rows)', async () => {
    const created = seenAt('2026-03-10T08:00:00.000Z', 'BR-1', { status: 'CREATED' });
    const shipped = seenAt('2026-03-10T09:00:00.000Z', 'BR-1', { status: 'SHIPPED' });
    const invalid = seenAt('2026-03-10T10:00:00.000Z', 'BR-9', { status: null, state: 'FAILED', raw: { pedido: 'x' } });
    const { log } = await logWith([created, shipped, invalid]);
    expect(ids((await log.list({ status: 'SHIPPED', limit: 50 })).items)).toEqual(ids([shipped]));
    expect(ids((await log.list({ status: null, limit: 50 })).items)).toEqual(ids([invalid]));
  });

  it('filters by state', async () => {
    const sent = seenAt('2026-03-10T08:00:00.000Z', 'BR-1');
    const failed = seenAt('2026-03-09T08:00:00.000Z', 'BR-2', { state: 'FAILED' });
    const blocked = seenAt('2026-03-08T08:00:00.000Z', 'BR-2', { state: 'BLOCKED' });
    const { log } = await logWith([sent, failed, blocked]);
    expect(ids((await log.list({ state: 'FAILED', limit: 50 })).items)).toEqual(ids([failed]));
    expect(ids((await log.list({ state: 'BLOCKED', status: 'CREATED', limit: 50 })).items)).toEqual(ids([blocked]));
  });

  it('lists one order from its own partition, whole history newest first, with filters and paging', async () => {
    const old = seenAt('2026-01-05T10:00:00.000Z', 'BR-7', { status: 'CREATED' });
    const shipped = seenAt('2026-03-09T10:00:00.000Z', 'BR-7', { status: 'SHIPPED', state: 'FAILED' });
    const delivered = seenAt('2026-03-10T10:00:00.000Z', 'BR-7', { status: 'DELIVERED', state: 'BLOCKED' });
    const other = seenAt('2026-03-10T11:00:00.000Z', 'BR-8');
    const { log } = await logWith([old, shipped, delivered, other]);

    const page = await log.list({ orderNumber: 'BR-7', limit: 50 });
    expect(page.items).toEqual([delivered, shipped, old].map(summaryOf));
    expect(ids((await log.list({ orderNumber: 'BR-7', state: 'FAILED', limit: 50 })).items)).toEqual(ids([shipped]));
    expect(ids((await log.list({ orderNumber: 'BR-7', status: 'CREATED', limit: 50 })).items)).toEqual(ids([old]));
    const window = { from: new Date('2026-03-09T00:00:00Z'), to: new Date('2026-03-09T23:59:59Z') };
    expect(ids((await log.list({ orderNumber: 'BR-7', ...window, limit: 50 })).items)).toEqual(ids([shipped]));
    const paged = await listAll(log, { orderNumber: 'BR-7', limit: 2 });
    expect(paged).toEqual({ ids: ids([delivered, shipped, old]), pages: 2 });
  });

  it('pages with continuation tokens across day partitions without losing or repeating a record', async () => {
    const records = [
      '2026-03-10T11:00:00.000Z',
      '2026-03-10T10:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
      '2026-03-07T12:00:00.000Z',
      '2026-03-07T11:00:00.000Z',
      '2026-03-07T10:00:00.000Z',
    ].map((firstSeenAt, i) => seenAt(firstSeenAt, `BR-${i}`));
    const { log } = await logWith([...records].reverse());
    for (const limit of [1, 2, 3]) {
      const { ids: listed } = await listAll(log, { limit });
      expect(listed).toEqual(ids(records));
    }
  });

  it('returns at most 200 items per page, however many are asked for', async () => {
    const base = Date.parse('2026-03-10T00:00:00.000Z');
    const oldest = seenAt(new Date(base).toISOString(), 'BR-OLDEST', { payload: null });
    const newer = Array.from({ length: MAX_LIMIT }, (_unused, i) =>
      seenAt(new Date(base + (i + 1) * 1000).toISOString(), `BR-${i}`, { payload: null }),
    );
    const { log } = await logWith([oldest, ...newer]);
    const first = await log.list({ limit: 1000 });
    expect(first.items).toHaveLength(MAX_LIMIT);
    expect(first.continuationToken).toEqual(expect.any(String));
    const second = await log.list({ limit: 1000, continuationToken: first.continuationToken ?? '' });
    expect(ids(second.items)).toEqual(ids([oldest]));
    expect(second.continuationToken).toBeNull();
  });

  it('reaches records far back in a long, sparse range, through short pages that carry a token', async () => {
    const lonely = seenAt('2026-01-01T10:00:00.000Z');
    const { log } = await logWith([lonely]);
    const query = { from: new Date('2026-01-01T00:00:00Z'), limit: 10 };
    const firstPage = await log.list(query);
    expect(firstPage.items).toEqual([]);
    expect(firstPage.continuationToken).not.toBeNull();
    const { ids: listed, pages } = await listAll(log, query);
    expect(listed).toEqual(ids([lonely]));
    // 2026-01-01 … 2026-03-10 is 69 day partitions, read at most MAX_DAYS_PER_PAGE per call.
    expect(pages).toBe(Math.ceil(69 / MAX_DAYS_PER_PAGE));
  });

  it('rejects a malformed continuation token with a clear error', async () => {
    const { log } = await logWith([seenAt('2026-03-10T09:00:00.000Z')]);
    await expect(log.list({ limit: 10, continuationToken: 'not a token!' })).rejects.toThrow(InvalidContinuationTokenError);
    const tampered = Buffer.from(JSON.stringify({ by: 'day', day: '2026-03-10', table: '%%%' })).toString('base64url');
    await expect(log.list({ limit: 10, continuationToken: tampered })).rejects.toThrow(/continuationToken is invalid/);
  });

  it('rejects a token from an order listing in a by-day listing', async () => {
    const records = [seenAt('2026-03-10T09:00:00.000Z'), seenAt('2026-03-10T10:00:00.000Z')];
    const { log } = await logWith(records);
    const orderPage = await log.list({ orderNumber: 'BR-1', limit: 1 });
    expect(orderPage.continuationToken).toEqual(expect.any(String));
    await expect(log.list({ limit: 1, continuationToken: orderPage.continuationToken ?? '' })).rejects.toThrow(
      InvalidContinuationTokenError,
    );
  });
});
