import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { createHmOrderClient } from '../../../src/adapters/hm/hmOrderClient.js';
import { createdEvent, lineOf, mutable, shippedEvent } from '../../local/hmSimulator/hmTestEvents.js';
import { clientOptionsFor, startPair } from './hmClientHarness.js';

describe('H&M client — classifying answers', () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let sim: HmSimulator;

  beforeAll(async () => {
    pair = await startPair();
    sim = pair.sim;
  });
  afterAll(async () => {
    await pair.stop();
  });

  it('POSTs with the contract headers: Idempotency-Key = eventId, the given correlation id, JSON', async () => {
    const answer = await pair.client.send(createdEvent('A-HEAD'), 'corr-123');
    expect(answer).toMatchObject({ kind: 'accepted', httpStatus: 201, body: { eventId: 'A-HEAD:CREATED' } });
    const request = sim.received().find((r) => r.headers['x-correlation-id'] === 'corr-123');
    expect(request?.path).toBe('/hm/order-status-events');
    expect(request?.headers['idempotency-key']).toBe('A-HEAD:CREATED');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.body).toEqual(createdEvent('A-HEAD'));
  });

  it('answers duplicate for a 409 (eventId already received)', async () => {
    const event = createdEvent('A-DUP');
    expect((await pair.client.send(event, 'd-1')).kind).toBe('accepted');
    expect(await pair.client.send(event, 'd-2')).toMatchObject({ kind: 'duplicate', httpStatus: 409 });
  });

  it('answers orderUnknown for SHIPPED before CREATED (404)', async () => {
    expect(await pair.client.send(shippedEvent('A-NOCREATE'), 'o-1')).toMatchObject({ kind: 'orderUnknown', httpStatus: 404 });
  });

  it('answers rejected with the field errors when a line total is off by one cent (422)', async () => {
    const event = mutable(createdEvent('A-CENT'));
    lineOf(event, 1).lineTotal = 49.96;
    const answer = await pair.client.send(event, 'r-1');
    expect(answer).toMatchObject({ kind: 'rejected', httpStatus: 422 });
    expect(answer.kind === 'rejected' && answer.errors).toEqual([
      { field: 'order.lines[1].lineTotal', message: expect.stringContaining('49.95') },
    ]);
  });

  it('answers rejected for a 400 (an empty eventId leaves the Idempotency-Key empty)', async () => {
    const event = mutable(createdEvent('A-400'));
    event.eventId = '';
    const answer = await pair.client.send(event, 'b-1');
    expect(answer).toMatchObject({ kind: 'rejected', httpStatus: 400 });
    expect(answer.kind === 'rejected' && answer.errors).toEqual([expect.objectContaining({ field: 'headers.Idempotency-Key' })]);
  });

  it('answers forbidden for a wrong subscription key (403), without showing the key', async () => {
    const client = createHmOrderClient(clientOptionsFor(sim, { subscriptionKey: 'wrong-key-000' }));
    try {
      const answer = await client.send(createdEvent('A-403'), 'k-1');
      expect(answer).toMatchObject({ kind: 'forbidden', httpStatus: 403 });
      expect(JSON.stringify(answer)).not.toContain('wrong-key-000');
    } finally {
      client.close();
    }
  });
});
