import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResponseInit } from '@azure/functions';
import type { IntegrationRecord, RecordPage } from '../../src/app/integrationRecord.js';
import type { OrderTimeline } from '../../src/app/query/integrationQueries.js';
import { dispatchHandler } from '../../src/functions/dispatch.js';
import { listIntegrationsHandler, orderTimelineHandler, resyncHandler } from '../../src/functions/status.js';
import type { ExpectedOrderOutcome } from '../../src/local/erpSimulator/index.js';
import { httpRequest, invocationContext, startFunctionsWorld, type FunctionsWorld } from './functionsHarness.js';

/** The status HTTP functions as the host calls them, over records the dispatch function wrote. */
describe('status API handlers', () => {
  let w: FunctionsWorld;
  let sent: ExpectedOrderOutcome;
  let failed: ExpectedOrderOutcome;

  const list = (query: Record<string, string>) => listIntegrationsHandler(httpRequest('GET', 'integrations', query), invocationContext('listIntegrations', w.logLines));
  const errorText = (answer: HttpResponseInit) => JSON.stringify(answer.jsonBody);

  beforeAll(async () => {
    w = await startFunctionsWorld();
    sent = w.orderOfRole('delivered');
    failed = w.orderOfRole('unmappedFreight');
    for (const [i, order] of [sent, failed].entries()) {
      const body = { kind: 'resync', orderNumber: order.orderNumber, requestedAt: new Date().toISOString() };
      await dispatchHandler(body, invocationContext('dispatch', w.logLines, { messageId: `setup-${i}`, sessionId: order.orderNumber, deliveryCount: 1 }));
    }
  });

  afterAll(async () => {
    await w?.close();
  });

  describe('listIntegrationsHandler (GET /api/integrations)', () => {
    it('answers 200 with the records of the order asked for', async () => {
      const answer = await list({ orderNumber: sent.orderNumber });
      expect(answer.status).toBe(200);
      const page = answer.jsonBody as RecordPage;
      expect(page.items.map((i) => i.orderNumber)).toEqual(page.items.map(() => sent.orderNumber));
      expect(page.items.map((i) => i.status).sort()).toEqual(sent.sent.map((s) => s.status).sort());
      expect(page.items.every((i) => i.state === 'SENT' && i.payload === null)).toBe(true);
    });

    it('filters by state: FAILED lists the order stopped at a missing mapping', async () => {
      const answer = await list({ state: 'FAILED' });
      expect(answer.status).toBe(200);
      const items = (answer.jsonBody as RecordPage).items;
      expect(items.map((i) => [i.orderNumber, i.status, i.error?.code])).toEqual([[failed.orderNumber, 'CREATED', 'MAPPING_MISSING_FREIGHT_TYPE']]);
    });

    it('pages with limit and a continuation token that the next call accepts', async () => {
      const first = await list({ limit: '1' });
      const page = first.jsonBody as RecordPage;
      expect(page.items).toHaveLength(1);
      expect(page.continuationToken).toEqual(expect.any(String));
      const second = await list({ limit: '1', continuationToken: page.continuationToken! });
      expect(second.status).toBe(200);
      const next = (second.jsonBody as RecordPage).items;
      expect(next).toHaveLength(1);
      expect(next[0]?.recordId).not.toBe(page.items[0]?.recordId);
    });

    it.each([
      ['a malformed state filter', { state: 'LOST' }, 'state'],
      ['a malformed status filter', { status: 'LOST' }, 'status'],
      ['a malformed date', { from: 'yesterday' }, 'from'],
      ['a limit of 0', { limit: '0' }, 'limit'],
      ['a limit that is not a number', { limit: 'ten' }, 'limit'],
      ['a limit above 200', { limit: '201' }, 'limit'],
      ['an unknown parameter', { colour: 'red' }, 'colour'],
    ])('answers 400 naming the parameter for %s', async (_what, query, parameter) => {
      const answer = await list(query);
      expect(answer.status).toBe(400);
      expect(errorText(answer)).toContain(parameter);
    });

    it.each([
      ['characters outside base64url', 'not a token!'],
      ['base64url that is not JSON', 'bm90IGpzb24'],
      ['JSON that is not a position', Buffer.from('{"by":"moon"}').toString('base64url')],
    ])('answers 400 naming continuationToken for a token with %s', async (_what, token) => {
      const answer = await list({ continuationToken: token });
      expect(answer.status).toBe(400);
      expect(errorText(answer)).toContain('continuationToken');
    });
  });

  describe('orderTimelineHandler (GET /api/integrations/{orderNumber})', () => {
    const timeline = (orderNumber: string) =>
      orderTimelineHandler(httpRequest('GET', `integrations/${orderNumber}`, {}, { orderNumber }), invocationContext('orderTimeline', w.logLines));

    it('answers 200 with each status, the payload sent and H&M’s answer, for a known order', async () => {
      const answer = await timeline(sent.orderNumber);
      expect(answer.status).toBe(200);
      const body = answer.jsonBody as OrderTimeline;
      expect(body.summary?.sentStatuses).toEqual(sent.sent.map((s) => s.status));
      expect(body.records.map((r) => r.status).sort()).toEqual(sent.sent.map((s) => s.status).sort());
      for (const record of body.records) {
        expect(record.payload).toMatchObject({ status: record.status, order: { orderNumber: sent.orderNumber } });
        expect(record.response?.httpStatus).toBe(201);
      }
    });

    it('shows the failed status with an error that says what to fix, and the statuses held behind it', async () => {
      const body = (await timeline(failed.orderNumber)).jsonBody as OrderTimeline;
      const byStatus = new Map(body.records.map((r): [string | null, IntegrationRecord] => [r.status, r]));
      expect(byStatus.get('CREATED')).toMatchObject({ state: 'FAILED', error: { code: 'MAPPING_MISSING_FREIGHT_TYPE' } });
      for (const held of failed.heldBack) expect(byStatus.get(held.status)?.state).toBe('BLOCKED');
    });

    it('answers 404 naming the order for an order it has never seen', async () => {
      const answer = await timeline('NO-SUCH-ORDER');
      expect(answer.status).toBe(404);
      expect(errorText(answer)).toContain('NO-SUCH-ORDER');
    });
  });

  describe('resyncHandler (POST /api/integrations/{orderNumber}/resync)', () => {
    it('answers 202 and publishes a resync message in the order’s own session', async () => {
      const before = w.published.length;
      const active = w.queue.stats().active;
      const answer = await resyncHandler(
        httpRequest('POST', `integrations/${failed.orderNumber}/resync`, {}, { orderNumber: failed.orderNumber }),
        invocationContext('resyncOrder', w.logLines),
      );
      expect(answer.status).toBe(202);
      const { messageId } = answer.jsonBody as { messageId: string };
      const published = w.published.slice(before);
      expect(published).toEqual([{ messageId, sessionId: failed.orderNumber, body: { kind: 'resync', orderNumber: failed.orderNumber, requestedAt: expect.any(String) } }]);
      expect(w.queue.stats().active).toBe(active + 1);
    });
  });
});
