import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { startHmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { createdEvent, firstPayment, lineOf, mutable, shippedEvent } from './hmTestEvents.js';
import { SIM, simulatorHttp } from './simulatorHttp.js';

type Body = ReturnType<typeof mutable>;

describe('H&M simulator — strict request checks', () => {
  let sim: HmSimulator;
  let io: ReturnType<typeof simulatorHttp>;
  let token: string;
  let seq = 0;
  /** A fresh order number per case, so no case depends on another's state. */
  const next = (): string => `V-${++seq}`;

  beforeAll(async () => {
    sim = await startHmSimulator(SIM);
    io = simulatorHttp(sim);
    token = await io.token();
  });
  afterAll(async () => {
    io.close();
    await sim.close();
  });

  it('accepts the hand-written valid CREATED event with 201 {eventId, receivedAt}', async () => {
    const res = await io.postEvent(createdEvent('V-OK'), {}, token);
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ eventId: 'V-OK:CREATED' });
    expect(Date.parse((res.data as { receivedAt: string }).receivedAt)).not.toBeNaN();
  });

  describe('headers (400)', () => {
    it.each([
      ['Content-Type is not application/json', { 'content-type': 'text/plain' }, 'headers.Content-Type'],
      ['Idempotency-Key is missing', { 'idempotency-key': undefined }, 'headers.Idempotency-Key'],
      ['Idempotency-Key differs from eventId', { 'idempotency-key': 'another-id' }, 'headers.Idempotency-Key'],
      ['x-correlation-id is missing', { 'x-correlation-id': undefined }, 'headers.x-correlation-id'],
    ])('answers 400 when %s', async (_case, headers, field) => {
      const res = await io.postEvent(createdEvent(next()), headers, token);
      expect(res.status).toBe(400);
      expect(res.data).toEqual({ errors: [expect.objectContaining({ field })] });
    });

    it('answers 400 with the errors shape for malformed JSON', async () => {
      const res = await io.postEvent('{"eventId": "X-1", ', { 'idempotency-key': 'X-1' }, token);
      expect(res.status).toBe(400);
      expect(res.data).toEqual({ errors: [{ field: 'body', message: expect.stringMatching(/JSON/) }] });
    });
  });

  describe('body (422 with field errors)', () => {
    const cases: [string, (b: Body) => void, string][] = [
      ['a required field is missing', (b) => delete (b.order as Partial<Body['order']>).corporateBrandId, 'order.corporateBrandId'],
      ['a field has the wrong type', (b) => ((b.order.lines[0] as Record<string, unknown>).quantity = '2'), 'order.lines[0].quantity'],
      ['an unknown field is present', (b) => ((b.order.lines[1] as Record<string, unknown>).colour = 'Azul'), 'order.lines[1].colour'],
      ['an unknown top-level field is present', (b) => (b.priority = 'HIGH'), 'priority'],
      ['money has three decimals', (b) => (b.order.delivery.shippingAmount = 19.905), 'order.delivery.shippingAmount'],
      ['money is negative', (b) => (firstPayment(b).amount = -1), 'order.payments[0].amount'],
      ['a timestamp has no offset', (b) => (b.statusTimestamp = '2024-05-01T10:00:00'), 'statusTimestamp'],
      ['the status is not one of the five', (b) => ((b as Record<string, unknown>).status = 'RESERVED'), 'status'],
      ['the source system is another', (b) => ((b as Record<string, unknown>).sourceSystem = 'SAP'), 'sourceSystem'],
      ['the document is formatted', (b) => (b.order.customer.document = '123.456.789-09'), 'order.customer.document'],
      ['an order has no lines', (b) => (b.order.lines = []), 'order.lines'],
      ['lineTotal is off by one cent', (b) => (lineOf(b, 1).lineTotal = 49.96), 'order.lines[1].lineTotal'],
      ['lineTotal ignores the discount', (b) => (lineOf(b, 0).lineTotal = 199.8), 'order.lines[0].lineTotal'],
      ['itemsAmount is not Σ quantity × unitPrice', (b) => (b.order.totals.itemsAmount = 239.75), 'order.totals.itemsAmount'],
      ['discountAmount is not Σ discounts', (b) => (b.order.totals.discountAmount = 0), 'order.totals.discountAmount'],
      ['shippingAmount differs from the delivery', (b) => (b.order.totals.shippingAmount = 0), 'order.totals.shippingAmount'],
      ['totalAmount is not items − discounts + shipping', (b) => (b.order.totals.totalAmount = 259.66), 'order.totals.totalAmount'],
      ['two lines share a line number', (b) => (lineOf(b, 1).lineNumber = 1), 'order.lines[1].lineNumber'],
      ['CREATED carries a shipment block', (b) => (b.shipment = shippedEvent('S').shipment), 'shipment'],
    ];

    it.each(cases)('answers 422 when %s', async (_case, breakIt, field) => {
      const body = mutable(createdEvent(next()));
      breakIt(body);
      const res = await io.postEvent(body, {}, token);
      expect(res.status).toBe(422);
      const { errors } = res.data as { errors: { field: string; message: string }[] };
      expect(errors.map((e) => e.field)).toContain(field);
      expect(errors.every((e) => e.message.length > 0)).toBe(true);
    });

    it('says what the line total should have been, to the cent', async () => {
      const body = mutable(createdEvent(next()));
      lineOf(body, 1).lineTotal = 49.96;
      const res = await io.postEvent(body, {}, token);
      expect(res.data).toEqual({
        errors: [{ field: 'order.lines[1].lineTotal', message: expect.stringContaining('49.95, got 49.96') }],
      });
    });

    it('accepts sums that floating point would get wrong (0.1 + 0.2)', async () => {
      const body = mutable(createdEvent(next()));
      const line = lineOf(body, 1);
      Object.assign(line, { quantity: 3, unitPrice: 0.1, lineTotal: 0.3 });
      Object.assign(body.order.totals, { itemsAmount: 200.1, totalAmount: 210 });
      firstPayment(body).amount = 210;
      const res = await io.postEvent(body, {}, token);
      expect(res.status).toBe(201);
    });

    it('answers 422 when SHIPPED lacks its shipment block', async () => {
      const order = next();
      await io.postEvent(createdEvent(order), {}, token);
      const body = mutable(shippedEvent(order));
      delete body.shipment;
      const res = await io.postEvent(body, {}, token);
      expect(res.status).toBe(422);
      expect(res.data).toEqual({ errors: [expect.objectContaining({ field: 'shipment' })] });
    });

    it('answers 422 when SHIPPED also carries a cancellation block', async () => {
      const body = mutable(shippedEvent(next()));
      body.cancellation = { cancelledAt: '2024-05-02T10:00:00-03:00', reason: null };
      const res = await io.postEvent(body, {}, token);
      expect(res.status).toBe(422);
      expect((res.data as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['cancellation']);
    });

    it('answers 422 when a returned line is not a line of the order', async () => {
      const body = mutable(createdEvent(next()));
      Object.assign(body, {
        status: 'RETURNED',
        return: {
          returnId: 'DEV-1',
          returnedAt: '2024-05-10T10:00:00-03:00',
          invoiceNumber: '9001',
          invoiceSeries: '1',
          invoiceKey: null,
          lines: [{ lineNumber: 7, ean: '7891234567895', quantity: 1, amount: 89.9 }],
        },
      });
      const res = await io.postEvent(body, {}, token);
      expect(res.status).toBe(422);
      expect((res.data as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('return.lines[0].lineNumber');
    });
  });

  describe('business rules', () => {
    it('answers 404 for SHIPPED of an order whose CREATED it never received', async () => {
      const res = await io.postEvent(shippedEvent(next()), {}, token);
      expect(res.status).toBe(404);
      expect(res.data).toEqual({ errors: [expect.objectContaining({ field: 'order.orderNumber' })] });
    });

    it('accepts SHIPPED once the CREATED of the order was received', async () => {
      const order = next();
      expect((await io.postEvent(createdEvent(order), {}, token)).status).toBe(201);
      expect((await io.postEvent(shippedEvent(order), {}, token)).status).toBe(201);
    });

    it('answers 409 for an eventId it already received', async () => {
      const event = createdEvent(next());
      expect((await io.postEvent(event, {}, token)).status).toBe(201);
      const again = await io.postEvent(event, {}, token);
      expect(again.status).toBe(409);
      expect(again.data).toEqual({ errors: [expect.objectContaining({ field: 'eventId' })] });
    });

    it('does not remember an order from a rejected CREATED', async () => {
      const order = next();
      const bad = mutable(createdEvent(order));
      bad.order.totals.totalAmount = 1;
      expect((await io.postEvent(bad, {}, token)).status).toBe(422);
      expect((await io.postEvent(shippedEvent(order), {}, token)).status).toBe(404);
    });
  });
});
