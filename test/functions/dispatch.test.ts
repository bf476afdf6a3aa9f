import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../src/compositionRoot.js';
import { dispatchHandler } from '../../src/functions/dispatch.js';
import { acceptedByOrder } from '../e2e/e2eKit.js';
import { expectedNotation, invocationContext, startFunctionsWorld, type FunctionsWorld } from './functionsHarness.js';

/**
 * The dispatch function as the Functions host calls it: the message body (an object or a JSON string)
 * and an InvocationContext whose triggerMetadata carries messageId, sessionId and deliveryCount.
 * Returning completes the message; throwing abandons it.
 */
describe('dispatchHandler', () => {
  let w: FunctionsWorld;

  beforeAll(async () => {
    w = await startFunctionsWorld();
  });

  afterAll(async () => {
    await w?.close();
  });

  afterEach(() => {
    w.world.hm.setFaults({});
  });

  const resyncBody = (orderNumber: string) => ({ kind: 'resync', orderNumber, requestedAt: new Date().toISOString() });
  const metadata = (orderNumber: string, deliveryCount: number | string) => ({ messageId: `test:${orderNumber}:${String(deliveryCount)}`, sessionId: orderNumber, deliveryCount });
  const timeline = async (orderNumber: string) => (await getServices()).log.timeline(orderNumber);

  it('sends the order’s owed statuses when the body is an object and deliveryCount comes as a string', async () => {
    const order = w.orderOfRole('delivered', 0);
    const outcome = await dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines, metadata(order.orderNumber, '1')));
    expect(outcome).toEqual({ orderNumber: order.orderNumber, result: 'sent', sent: order.sent.map((s) => s.status), failed: null });
    expect(acceptedByOrder(w.world.hm).get(order.orderNumber)).toEqual(expectedNotation(order));
  });

  it('accepts the body as a JSON string, as Service Bus hands over a message sent as text', async () => {
    const order = w.orderOfRole('delivered', 1);
    const outcome = await dispatchHandler(JSON.stringify(resyncBody(order.orderNumber)), invocationContext('dispatch', w.logLines, metadata(order.orderNumber, 1)));
    expect(outcome.result).toBe('sent');
    expect(acceptedByOrder(w.world.hm).get(order.orderNumber)).toEqual(expectedNotation(order));
  });

  it('fails naming the missing field when the trigger metadata lacks deliveryCount, and sends nothing', async () => {
    const order = w.orderOfRole('delivered', 2);
    const before = w.world.hm.received().length;
    const call = dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines, { messageId: 'm-1', sessionId: order.orderNumber }));
    await expect(call).rejects.toThrow(/deliveryCount/);
    expect(w.world.hm.received()).toHaveLength(before);
    expect(await timeline(order.orderNumber)).toEqual([]);
  });

  it('fails naming messageId, sessionId and deliveryCount when the context carries no trigger metadata at all', async () => {
    const order = w.orderOfRole('delivered', 2);
    const before = w.world.hm.received().length;
    const call = dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines));
    await expect(call).rejects.toThrow(/messageId[\s\S]*sessionId[\s\S]*deliveryCount/);
    expect(w.world.hm.received()).toHaveLength(before);
  });

  it('throws, so the host abandons the message, when H&M answers 503 beyond the retries; the redelivery sends it', async () => {
    const order = w.orderOfRole('cancelled', 0);
    w.world.hm.setFaults({ failNext: 1 });
    const first = dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines, metadata(order.orderNumber, '1')));
    await expect(first).rejects.toMatchObject({ name: 'TransientDispatchError', reason: { code: 'HM_UNAVAILABLE' } });
    const refused = w.world.hm.received().filter((r) => (r.body as { order?: { orderNumber?: string } }).order?.orderNumber === order.orderNumber);
    expect(refused.map((r) => r.status)).toEqual([503]);
    const created = (await timeline(order.orderNumber)).find((r) => r.status === 'CREATED');
    expect(created).toMatchObject({ state: 'PENDING', error: { code: 'HM_UNAVAILABLE' } });

    const redelivery = await dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines, metadata(order.orderNumber, '2')));
    expect(redelivery.result).toBe('sent');
    expect(acceptedByOrder(w.world.hm).get(order.orderNumber)).toEqual(expectedNotation(order));
    expect((await timeline(order.orderNumber)).every((r) => r.state === 'SENT')).toBe(true);
  });

  it('records the status FAILED as DEAD_LETTERED on the last delivery and still throws, so the host dead-letters it', async () => {
    const order = w.orderOfRole('cancelled', 1);
    w.world.hm.setFaults({ failNext: 1 });
    const last = dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines, metadata(order.orderNumber, w.env['SERVICEBUS_MAX_DELIVERY_COUNT']!)));
    await expect(last).rejects.toMatchObject({ name: 'TransientDispatchError' });
    const records = await timeline(order.orderNumber);
    expect(records.find((r) => r.status === 'CREATED')).toMatchObject({ state: 'FAILED', error: { code: 'DEAD_LETTERED' } });
    expect(records.filter((r) => r.status !== 'CREATED').every((r) => r.state === 'BLOCKED')).toBe(true);
  });

  it('returns (the host completes the message) when a mapping is missing: a permanent failure, recorded FAILED', async () => {
    const order = w.orderOfRole('unmappedFreight');
    expect(order.failed?.code).toBe('MAPPING_MISSING_FREIGHT_TYPE');
    const outcome = await dispatchHandler(resyncBody(order.orderNumber), invocationContext('dispatch', w.logLines, metadata(order.orderNumber, 1)));
    expect(outcome).toMatchObject({ orderNumber: order.orderNumber, result: 'failed', failed: 'CREATED', sent: [] });
    expect(acceptedByOrder(w.world.hm).get(order.orderNumber)).toBeUndefined();
    const created = (await timeline(order.orderNumber)).find((r) => r.status === 'CREATED');
    expect(created).toMatchObject({ state: 'FAILED', error: { code: 'MAPPING_MISSING_FREIGHT_TYPE' } });
    expect(created?.error?.message).toMatch(/HM_MAPPINGS/);
  });

  it('returns for a body it cannot read, recording it FAILED, so a poison message does not loop', async () => {
    const outcome = await dispatchHandler('{"kind":"order", not json', invocationContext('dispatch', w.logLines, metadata('P-POISON', 1)));
    expect(outcome.result).toBe('unreadable');
    expect((await timeline('P-POISON')).map((r) => [r.state, r.error?.code])).toEqual([['FAILED', 'MESSAGE_UNREADABLE']]);
  });

  it('writes no secret to the invocation logs', () => {
    expect(w.logLines.length).toBeGreaterThan(0);
    const text = w.logLines.join('\n');
    for (const name of ['HM_CLIENT_SECRET', 'HM_SUBSCRIPTION_KEY', 'ERP_PASSWORD']) expect(text).not.toContain(w.env[name]);
  });
});
