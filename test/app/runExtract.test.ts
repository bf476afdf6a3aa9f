import { beforeEach, describe, expect, it } from 'vitest';
import { runExtract, type ExtractDeps } from '../../src/app/extract/runExtract.js';
import { MAX_INLINE_BODY_BYTES } from '../../src/app/extract/changeMessages.js';
import { ConcurrencyConflictError } from '../../src/app/ports.js';
import { emptyTrackedState } from '../../src/domain/trackedState.js';
import { FakeCursorStore, FakeErp, FakeIntegrationLog, FakePublisher, FakeStateStore, fixedClock, silentLogger } from '../support/fakePorts.js';
import { erpOrderRow, erpReturnRow } from '../support/erpRows.js';

let erp: FakeErp;
let cursors: FakeCursorStore;
let publisher: FakePublisher;
let log: FakeIntegrationLog;
let states: FakeStateStore;
let deps: ExtractDeps;

beforeEach(() => {
  erp = new FakeErp();
  cursors = new FakeCursorStore();
  publisher = new FakePublisher();
  log = new FakeIntegrationLog();
  states = new FakeStateStore();
  deps = { erp, cursors, publisher, log, states, clock: fixedClock(), logger: silentLogger, settings: { pageSize: 100, maxPages: 10, enabled: true, sweepLimit: 50, startTransId: 0 } };
});

const orderRow = (n: string, transId: number, extra: Record<string, unknown> = {}) => erpOrderRow({ cod_pedidov: n, trans_id: transId, ...extra });

describe('extract', () => {
  it('publishes one message per changed order, session = order number, then moves the cursor', async () => {
    erp.feeds.orders.push(orderRow('A-1', 10), orderRow('A-2', 11));
    const summary = await runExtract(deps);
    expect(publisher.published.map((m) => [m.sessionId, m.messageId, m.body.kind])).toEqual([
      ['A-1', 'order:A-1:10', 'order'],
      ['A-2', 'order:A-2:11', 'order'],
    ]);
    expect(summary.feeds.orders).toMatchObject({ published: 2, cursor: 11, drained: true });
    expect((await cursors.read('orders')).cursor).toEqual({ transId: 11, seenAtTransId: ['A-2'] });
  });

  it('does not publish again the rows the inclusive boundary returns a second time', async () => {
    erp.feeds.orders.push(orderRow('A-1', 10), orderRow('A-2', 11));
    await runExtract(deps);
    erp.feeds.orders.push(orderRow('A-3', 11), orderRow('A-1', 12));
    await runExtract(deps);
    expect(publisher.published.map((m) => m.messageId)).toEqual(['order:A-1:10', 'order:A-2:11', 'order:A-3:11', 'order:A-1:12']);
    expect(erp.calls.filter((c) => c.startsWith('orders'))).toEqual(['orders@0', 'orders@11']);
  });

  it('keeps the cursor where it was when publishing fails, so the next run publishes the same message ids', async () => {
    erp.feeds.orders.push(orderRow('A-1', 10));
    publisher.failNext = new Error('service bus down');
    await expect(runExtract(deps)).rejects.toThrow('service bus down');
    expect((await cursors.read('orders')).etag).toBeNull();
    await runExtract(deps);
    expect(publisher.published.map((m) => m.messageId)).toEqual(['order:A-1:10']);
  });

  it('records an invalid row as FAILED with its errors and raw row, moves on, and publishes the later valid version', async () => {
    erp.feeds.orders.push(orderRow('A-1', 10, { produtos: [{ item: 1, sku: 'X', quantidade: 1, preco: '12,3x' }] }), orderRow('A-2', 11));
    const first = await runExtract(deps);
    expect(first.feeds.orders).toMatchObject({ invalid: 1, published: 1, cursor: 11 });
    const [record] = await log.timeline('A-1');
    expect(record).toMatchObject({ state: 'FAILED', status: null, transId: 10, error: { code: 'ERP_INVALID_ROW' } });
    expect(record?.error?.message).toContain('preco');
    expect(record?.raw).toMatchObject({ cod_pedidov: 'A-1', trans_id: 10 });
    erp.feeds.orders.push(orderRow('A-1', 12));
    await runExtract(deps);
    expect(publisher.published.map((m) => m.messageId)).toEqual(['order:A-2:11', 'order:A-1:12']);
  });

  it('reads page by page from the highest trans_id received until a short page', async () => {
    for (let t = 1; t <= 5; t++) erp.feeds.orders.push(orderRow(`A-${t}`, t));
    deps.settings.pageSize = 2;
    const summary = await runExtract(deps);
    // The boundary is inclusive: each later page starts with the row already seen at the cursor.
    expect(summary.feeds.orders).toMatchObject({ pages: 5, published: 5, skipped: 4, drained: true });
    expect(erp.calls.filter((c) => c.startsWith('orders'))).toEqual(['orders@0', 'orders@2', 'orders@3', 'orders@4', 'orders@5']);
    expect(publisher.published.map((m) => m.messageId)).toEqual([1, 2, 3, 4, 5].map((t) => `order:A-${t}:${t}`));
  });

  it('stops after EXTRACT_MAX_PAGES pages and goes on from there next run', async () => {
    for (let t = 1; t <= 6; t++) erp.feeds.orders.push(orderRow(`A-${t}`, t));
    deps.settings.pageSize = 2;
    deps.settings.maxPages = 1;
    expect((await runExtract(deps)).feeds.orders).toMatchObject({ pages: 1, published: 2, drained: false, cursor: 2 });
    expect((await runExtract(deps)).feeds.orders).toMatchObject({ published: 1, cursor: 3 });
  });

  it('starts a feed with no stored cursor at EXTRACT_START_TRANS_ID (go-live), and from the cursor afterwards', async () => {
    erp.feeds.orders.push(orderRow('OLD-1', 5), orderRow('NEW-1', 20), orderRow('NEW-2', 21));
    deps.settings.startTransId = 20;
    await runExtract(deps);
    expect(publisher.published.map((m) => m.sessionId)).toEqual(['NEW-1', 'NEW-2']);
    expect(erp.calls.filter((c) => c.startsWith('orders'))).toEqual(['orders@20']);
    deps.settings.startTransId = 0;
    erp.feeds.orders.push(orderRow('NEW-3', 22));
    await runExtract(deps);
    expect(publisher.published.map((m) => m.sessionId)).toEqual(['NEW-1', 'NEW-2', 'NEW-3']);
  });

  it('stops a feed when another run moved the cursor first (ETag conflict)', async () => {
    erp.feeds.orders.push(orderRow('A-1', 10));
    const racing = Object.create(cursors) as FakeCursorStore;
    racing.write = async () => {
      throw new ConcurrencyConflictError('moved');
    };
    const summary = await runExtract({ ...deps, cursors: racing });
    expect(summary.feeds.orders.conflict).toBe(true);
  });

  it('publishes sales return movements in the order session and skips movements with no order', async () => {
    erp.feeds.returns.push(erpReturnRow({ trans_id: 20 }), erpReturnRow({ trans_id: 21, devolucao: 7002, cod_pedidov: null, pedidov: null }));
    const summary = await runExtract(deps);
    expect(publisher.published.map((m) => [m.sessionId, m.messageId, m.body.kind])).toEqual([['BR-1001', 'return:7001:20', 'return']]);
    expect(summary.feeds.returns).toMatchObject({ published: 1, skipped: 1, cursor: 21 });
  });

  it('sends a very large order version as a reference the dispatcher fetches', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => ({ item: i + 1, sku: `SKU-${i}`, desc_produto: 'Produto com descrição longa '.repeat(3), quantidade: 1, preco: '10,00', barra: `789${String(i).padStart(10, '0')}` }));
    erp.feeds.orders.push(orderRow('BIG-1', 10, { produtos: lines }));
    await runExtract(deps);
    const [message] = publisher.published;
    expect(JSON.stringify(orderRow('BIG-1', 10, { produtos: lines })).length).toBeGreaterThan(MAX_INLINE_BODY_BYTES);
    expect(publisher.published).toHaveLength(1);
    expect(message?.body).toEqual({ kind: 'orderRef', orderNumber: 'BIG-1', transId: 10 });
  });

  it('queues parked orders again once HM_ENABLED is true, and not while it is false', async () => {
    await states.save({ ...emptyTrackedState('P-1'), parked: true }, null);
    deps.settings.enabled = false;
    expect((await runExtract(deps)).resyncsQueued).toBe(0);
    deps.settings.enabled = true;
    expect((await runExtract(deps)).resyncsQueued).toBe(1);
    expect(publisher.published.map((m) => [m.sessionId, m.body.kind])).toEqual([['P-1', 'sweep']]);
  });

  it('keeps reading the orders feed and sweeping held orders when the returns feed fails, and still fails the run', async () => {
    erp.feeds.orders.push(orderRow('A-1', 10));
    await states.save({ ...emptyTrackedState('P-1'), parked: true }, null);
    const readChanges = erp.readChanges.bind(erp);
    erp.readChanges = async (feed, from, top) => {
      if (feed === 'returns') throw new Error('GET troca_devolucao/lista answered 404');
      return readChanges(feed, from, top);
    };
    await expect(runExtract(deps)).rejects.toThrow('troca_devolucao');
    expect(publisher.published.map((m) => [m.sessionId, m.body.kind])).toEqual([['A-1', 'order'], ['P-1', 'sweep']]);
  });

  it('records two bad rows of one order at one trans_id as two records, and a row read twice once', async () => {
    erp.feeds.returns.push(
      erpReturnRow({ trans_id: 10, devolucao: 7001, produtos: [{ item: 1, quantidade: 'x', preco: '1' }] }),
      erpReturnRow({ trans_id: 10, devolucao: 7002, produtos: [{ item: 2, quantidade: 'y', preco: '1' }] }),
    );
    await runExtract(deps);
    const first = await log.timeline('BR-1001');
    expect(first).toHaveLength(2);
    await runExtract({ ...deps, cursors: new FakeCursorStore(), clock: fixedClock('2026-12-04T00:00:00.000Z') });
    expect(await log.timeline('BR-1001')).toEqual(first);
  });
});
