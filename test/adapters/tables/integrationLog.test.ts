import { describe, expect, it } from 'vitest';
import { TableIntegrationLog } from '../../../src/adapters/tables/integrationLog.js';
import { encodeKey } from '../../../src/adapters/tables/tableKeys.js';
import { useAzuriteTables } from './azuriteTables.js';
import { aRecord, largeOrder, largePayload } from './fixtures.js';

const azurite = useAzuriteTables();
const clock = { now: () => new Date('2026-03-10T12:00:00.000Z') };

async function freshLog() {
  const tables = await azurite.freshTables();
  return { log: new TableIntegrationLog(tables.records, tables.recordIndex, clock), tables };
}

describe('TableIntegrationLog records (Azurite)', () => {
  it('gets back exactly the record it stored', async () => {
    const { log } = await freshLog();
    const record = aRecord({
      orderNumber: 'BR-1',
      recordId: 'BR-1:CREATED',
      error: { code: 'HM_REJECTED', message: 'H&M rejected lines[0].ean', details: [{ field: 'lines[0].ean' }] },
      response: { httpStatus: 400, body: { errors: [{ field: 'lines[0].ean', message: 'unknown' }] } },
      state: 'FAILED',
    });
    await log.upsert(record);
    await expect(log.get('BR-1', 'BR-1:CREATED')).resolves.toEqual(record);
  });

  it('returns null for a record it does not have', async () => {
    const { log } = await freshLog();
    await expect(log.get('BR-1', 'BR-1:SHIPPED')).resolves.toBeNull();
  });

  it('stores the payload of a 500-line order whole and reads it back equal', async () => {
    const { log } = await freshLog();
    const record = aRecord({ orderNumber: 'BR-500', recordId: 'BR-500:CREATED', payload: largePayload('BR-500') });
    await log.upsert(record);
    const stored = await log.get('BR-500', 'BR-500:CREATED');
    expect(stored).toEqual(record);
    expect((stored?.payload as { order: { lines: unknown[] } }).order.lines).toHaveLength(500);
  });

  it('stores the raw ERP row of an unreadable 500-line order whole', async () => {
    const { log } = await freshLog();
    const record = aRecord({
      orderNumber: 'BR-RAW',
      recordId: 'invalid-abc',
      status: null,
      state: 'FAILED',
      payload: null,
      response: null,
      error: { code: 'ERP_INVALID_ROW', message: 'orderDate: expected ISO 8601 with offset' },
      raw: largeOrder('BR-RAW'),
    });
    await log.upsert(record);
    await expect(log.get('BR-RAW', 'invalid-abc')).resolves.toEqual(record);
  });

  it('replaces a record on upsert, and its listing follows', async () => {
    const { log } = await freshLog();
    const pending = aRecord({ orderNumber: 'BR-2', recordId: 'BR-2:SHIPPED', status: 'SHIPPED', state: 'PENDING', attempts: 1 });
    await log.upsert(pending);
    const sent = { ...pending, state: 'SENT' as const, attempts: 2, updatedAt: '2026-03-10T09:05:00.000Z' };
    await log.upsert(sent);
    await expect(log.get('BR-2', 'BR-2:SHIPPED')).resolves.toEqual(sent);
    const page = await log.list({ limit: 10 });
    expect(page.items.map((item) => [item.recordId, item.state, item.attempts])).toEqual([['BR-2:SHIPPED', 'SENT', 2]]);
  });

  it('returns a timeline in lifecycle order: unreadable rows first, then CREATED … RETURNED, then by first seen', async () => {
    const { log } = await freshLog();
    const records = [
      aRecord({ orderNumber: 'BR-T', recordId: 'BR-T:RETURNED:2', status: 'RETURNED', firstSeenAt: '2026-03-08T10:00:00.000Z' }),
      aRecord({ orderNumber: 'BR-T', recordId: 'BR-T:SHIPPED', status: 'SHIPPED', firstSeenAt: '2026-03-05T10:00:00.000Z' }),
      aRecord({ orderNumber: 'BR-T', recordId: 'invalid-1', status: null, state: 'FAILED', firstSeenAt: '2026-03-09T10:00:00.000Z' }),
      aRecord({ orderNumber: 'BR-T', recordId: 'BR-T:RETURNED:1', status: 'RETURNED', firstSeenAt: '2026-03-07T10:00:00.000Z' }),
      // First seen after SHIPPED and DELIVERED: the lifecycle rank comes before the time.
      aRecord({ orderNumber: 'BR-T', recordId: 'BR-T:CREATED', status: 'CREATED', firstSeenAt: '2026-03-06T10:00:00.000Z' }),
      aRecord({ orderNumber: 'BR-T', recordId: 'BR-T:DELIVERED', status: 'DELIVERED', firstSeenAt: '2026-03-04T10:00:00.000Z' }),
      aRecord({ orderNumber: 'BR-OTHER', recordId: 'BR-OTHER:CREATED', status: 'CREATED', firstSeenAt: '2026-03-04T10:00:00.000Z' }),
    ];
    for (const record of records) await log.upsert(record);
    const timeline = await log.timeline('BR-T');
    expect(timeline.map((record) => record.recordId)).toEqual([
      'invalid-1',
      'BR-T:CREATED',
      'BR-T:SHIPPED',
      'BR-T:DELIVERED',
      'BR-T:RETURNED:1',
      'BR-T:RETURNED:2',
    ]);
    expect(timeline[1]).toEqual(records[4]);
  });

  it('returns an empty timeline for an unknown order', async () => {
    const { log } = await freshLog();
    await expect(log.timeline('BR-NONE')).resolves.toEqual([]);
  });

  it('keeps order numbers with characters forbidden in keys ("A/1#2?") apart from look-alikes', async () => {
    const { log } = await freshLog();
    const odd = aRecord({ orderNumber: 'A/1#2?', recordId: 'A/1#2?:CREATED' });
    const lookAlike = aRecord({ orderNumber: 'A~2F1~232~3F', recordId: 'x:CREATED' });
    await log.upsert(odd);
    await log.upsert(lookAlike);
    await expect(log.get('A/1#2?', 'A/1#2?:CREATED')).resolves.toEqual(odd);
    await expect(log.timeline('A/1#2?')).resolves.toEqual([odd]);
    await expect(log.timeline('A~2F1~232~3F')).resolves.toEqual([lookAlike]);
    const page = await log.list({ orderNumber: 'A/1#2?', limit: 10 });
    expect(page.items.map((item) => item.recordId)).toEqual(['A/1#2?:CREATED']);
  });

  it('reports a corrupt record with an error naming the order', async () => {
    const { log, tables } = await freshLog();
    await tables.records.createEntity({ partitionKey: encodeKey('BR-C'), rowKey: 'r1', doc_count: 2, doc_0: new Uint8Array([1]) });
    await expect(log.get('BR-C', 'r1')).rejects.toThrow(/record of order "BR-C".*unreadable/);
    await expect(log.timeline('BR-C')).rejects.toThrow(/order "BR-C"/);
  });

  it('refuses a record whose firstSeenAt is not an instant, before writing anything', async () => {
    const { log } = await freshLog();
    await expect(log.upsert(aRecord({ orderNumber: 'BR-D', recordId: 'r', firstSeenAt: 'yesterday' }))).rejects.toThrow(
      /record "r" of order "BR-D" has an unreadable firstSeenAt/,
    );
    await expect(log.get('BR-D', 'r')).resolves.toBeNull();
  });
});
