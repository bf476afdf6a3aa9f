import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHandler } from '../../src/functions/extract.js';
import { invocationContext, startFunctionsWorld, timerInput, type FunctionsWorld } from './functionsHarness.js';

/** The extract timer function as the host calls it: a Timer and an InvocationContext. */
describe('extractHandler', () => {
  let w: FunctionsWorld;

  beforeAll(async () => {
    w = await startFunctionsWorld();
  });

  afterAll(async () => {
    await w?.close();
  });

  it('reads both ERP feeds to the end, publishes one message per change in the order’s session, and returns a summary', async () => {
    const summary = await extractHandler(timerInput, invocationContext('extract', w.logLines));
    expect(summary.feeds.orders.drained && summary.feeds.returns.drained).toBe(true);
    expect(summary.feeds.orders.published).toBeGreaterThan(0);
    expect(summary.feeds.returns.published).toBeGreaterThan(0);
    expect(w.published).toHaveLength(summary.feeds.orders.published + summary.feeds.returns.published + summary.resyncsQueued);
    expect(w.queue.stats().active).toBe(w.published.length);

    const orderNumbers = new Set(w.world.erp.dataset.orders.map((o) => o.orderNumber));
    for (const message of w.published) {
      expect(message.sessionId).toBe(message.body.orderNumber);
      expect(orderNumbers.has(message.sessionId), message.messageId).toBe(true);
    }
    // Every order of the dataset has at least one visible version once the whole story is revealed.
    expect(new Set(w.published.filter((m) => m.body.kind === 'order' || m.body.kind === 'orderRef').map((m) => m.sessionId))).toEqual(orderNumbers);
    const lastTransId = Math.max(...w.world.erp.dataset.changes.filter((c) => c.feed === 'orders').map((c) => c.transId));
    expect(summary.feeds.orders.cursor).toBe(lastTransId);
  });

  it('publishes nothing on the next run: the cursor moved past what was published', async () => {
    const before = w.published.length;
    const summary = await extractHandler(timerInput, invocationContext('extract', w.logLines));
    expect(summary.feeds.orders.published + summary.feeds.returns.published).toBe(0);
    expect(w.published).toHaveLength(before);
  });
});
