import { describe, expect, it } from 'vitest';
import { requestBulkResync } from '../../src/app/query/requestBulkResync.js';
import { eventRecord, failureRecord } from '../../src/app/recordFactory.js';
import { FakeIntegrationLog, FakePublisher, fixedClock } from '../support/fakePorts.js';

const now = new Date('2026-12-03T12:00:00.000Z');
const failed = (orderNumber: string, code: 'HM_FORBIDDEN' | 'MAPPING_MISSING_FREIGHT_TYPE', status: 'CREATED' | 'SHIPPED' = 'CREATED') =>
  eventRecord(undefined, { orderNumber, eventId: `${orderNumber}-${status}`, status, transId: 1 }, { state: 'FAILED', now, error: { code, message: code } });

describe('bulk resync', () => {
  it('queues one resync per order whose records match, in the order session, once per order', async () => {
    const log = new FakeIntegrationLog();
    const publisher = new FakePublisher();
    for (const r of [failed('A', 'HM_FORBIDDEN'), failed('A', 'HM_FORBIDDEN', 'SHIPPED'), failed('B', 'HM_FORBIDDEN'), failed('C', 'MAPPING_MISSING_FREIGHT_TYPE')]) await log.upsert(r);
    const result = await requestBulkResync(log, publisher, fixedClock(), { state: 'FAILED', code: 'HM_FORBIDDEN', maxOrders: 100 });
    expect(result).toEqual({ queued: 2, orderNumbers: ['A', 'B'], truncated: false });
    expect(publisher.published.map((m) => [m.sessionId, m.body.kind])).toEqual([['A', 'resync'], ['B', 'resync']]);
  });

  it('stops at maxOrders and says so', async () => {
    const log = new FakeIntegrationLog();
    for (const n of ['A', 'B', 'C']) await log.upsert(failed(n, 'HM_FORBIDDEN'));
    const result = await requestBulkResync(log, new FakePublisher(), fixedClock(), { state: 'FAILED', maxOrders: 2 });
    expect(result).toMatchObject({ queued: 2, truncated: true });
  });

  it('leaves out rows whose order number could not be read', async () => {
    const log = new FakeIntegrationLog();
    await log.upsert(failureRecord({ orderNumber: null, recordId: 'invalid-x', transId: null, error: { code: 'ERP_INVALID_ROW', message: 'bad' }, raw: {}, now }));
    expect(await requestBulkResync(log, new FakePublisher(), fixedClock(), { state: 'FAILED', maxOrders: 10 })).toMatchObject({ queued: 0 });
  });
});
