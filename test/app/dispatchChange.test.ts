import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchChange, type DispatchDeps, type ReceivedChange } from '../../src/app/dispatch/dispatchChange.js';
import { TransientDispatchError } from '../../src/app/dispatch/transientError.js';
import type { ChangeBody } from '../../src/app/changeMessage.js';
import { IntegrationError } from '../../src/domain/errors.js';
import { hmMappingsSchema } from '../../src/domain/hm/hmMappings.js';
import type { Order } from '../../src/domain/order.js';
import { FakeErp, FakeHm, FakeIntegrationLog, FakeStateStore, fixedClock, silentLogger } from '../support/fakePorts.js';
import { anOrder, aReturn } from '../support/orderBuilder.js';
import { erpOrderRow, testMappings } from '../support/erpRows.js';

let erp: FakeErp;
let states: FakeStateStore;
let log: FakeIntegrationLog;
let hm: FakeHm;
let deps: DispatchDeps;
let seq = 0;
let waits: number[] = [];

beforeEach(() => {
  waits = [];
  erp = new FakeErp();
  states = new FakeStateStore();
  log = new FakeIntegrationLog();
  hm = new FakeHm();
  deps = {
    erp,
    states,
    log,
    hm,
    clock: fixedClock(),
    logger: silentLogger,
    newCorrelationId: () => `corr-${++seq}`,
    sleep: async (ms) => {
      waits.push(ms);
    },
    settings: { enabled: true, maxDeliveryCount: 10, redeliveryDelayMs: 1000, mapper: { mappings: hmMappingsSchema.parse(testMappings), itemDiscountType: 'PROMO', barcodeType: 'EAN13' } },
  };
});

const message = (body: ChangeBody | unknown, deliveryCount = 1, sessionId = 'BR-1001'): ReceivedChange => ({ messageId: `m-${++seq}`, sessionId, body, deliveryCount });
const orderMsg = (o: Partial<Order>, deliveryCount = 1) => {
  const order = anOrder(o);
  return message({ kind: 'order', orderNumber: order.orderNumber, transId: order.transId, order }, deliveryCount);
};
const unavailable = { kind: 'unavailable', httpStatus: 503, body: null, message: 'H&M answered 503 after 3 retries' } as const;

describe('dispatch', () => {
  it('sends CREATED for a new order and records it SENT with the payload and H&M answer', async () => {
    const outcome = await dispatchChange(deps, orderMsg({ transId: 1 }));
    expect(outcome).toMatchObject({ result: 'sent', sent: ['CREATED'] });
    expect(hm.statuses()).toEqual(['CREATED']);
    const [record] = await log.timeline('BR-1001');
    expect(record).toMatchObject({ status: 'CREATED', state: 'SENT', attempts: 1, transId: 1, response: { httpStatus: 201 }, correlationId: expect.stringMatching(/^corr-/) });
    expect(record?.payload).toMatchObject({ status: 'CREATED', order: { orderNumber: 'BR-1001' } });
  });

  it('sends CREATED then CANCELLED, in that order, for an order cancelled before it was ever sent', async () => {
    await dispatchChange(deps, orderMsg({ transId: 5, cancelled: true }));
    expect(hm.statuses()).toEqual(['CREATED', 'CANCELLED']);
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT', 'CANCELLED:SENT']);
  });

  it('accepts the message body as a JSON string as well as an object', async () => {
    const order = anOrder({ transId: 1 });
    await dispatchChange(deps, message(JSON.stringify({ kind: 'order', orderNumber: order.orderNumber, transId: 1, order })));
    expect(hm.statuses()).toEqual(['CREATED']);
  });

  it('sends nothing twice when the same message is delivered again', async () => {
    const msg = orderMsg({ transId: 1, shippedAt: '2026-12-02T10:00:00.000-03:00' });
    await dispatchChange(deps, msg);
    await dispatchChange(deps, { ...msg, deliveryCount: 2 });
    expect(hm.statuses()).toEqual(['CREATED', 'SHIPPED']);
  });

  it('fails an unmapped freight type at once, names it, blocks the later statuses, and completes the message', async () => {
    const outcome = await dispatchChange(deps, orderMsg({ transId: 1, freightTypeCode: 'SEDEX10', cancelled: true }));
    expect(outcome).toMatchObject({ result: 'failed', failed: 'CREATED' });
    expect(hm.sent).toHaveLength(0);
    const [created, cancelled] = await log.timeline('BR-1001');
    expect(created).toMatchObject({ state: 'FAILED', error: { code: 'MAPPING_MISSING_FREIGHT_TYPE' } });
    expect(created?.error?.message).toContain('SEDEX10');
    expect(cancelled).toMatchObject({ state: 'BLOCKED', error: { code: 'BLOCKED_BY_EARLIER_STATUS' } });
  });

  it('does not retry a permanent failure on redelivery, but does on a new ERP version or a resync', async () => {
    await dispatchChange(deps, orderMsg({ transId: 1, freightTypeCode: 'SEDEX10' }));
    expect(await dispatchChange(deps, orderMsg({ transId: 1, freightTypeCode: 'SEDEX10' }))).toMatchObject({ result: 'halted' });
    // The operator fixes the ERP's freight type; the next version goes through.
    await dispatchChange(deps, orderMsg({ transId: 2 }));
    expect(hm.statuses()).toEqual(['CREATED']);
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT']);
  });

  it('retries after a resync: the order is fetched again from the ERP and what it owes is sent', async () => {
    await dispatchChange(deps, orderMsg({ transId: 1, freightTypeCode: 'SEDEX10' }));
    deps.settings.mapper.mappings.freightTypes['SEDEX10'] = { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' };
    erp.orders.set('BR-1001', erpOrderRow({ trans_id: 1, cod_tipo_frete: 'SEDEX10' }));
    await dispatchChange(deps, message({ kind: 'resync', orderNumber: 'BR-1001', requestedAt: '2026-12-03T12:00:00Z' }));
    expect(hm.sent.map((e) => [e.status, e.order.delivery.deliveryMode])).toEqual([['CREATED', 'EXPRESS']]);
    expect(erp.calls).toEqual(['fetch:BR-1001']);
  });

  it('throws on a transient H&M failure so the message is redelivered, and records the attempt PENDING', async () => {
    hm.script.push(unavailable);
    await expect(dispatchChange(deps, orderMsg({ transId: 1, cancelled: true }))).rejects.toBeInstanceOf(TransientDispatchError);
    expect(await log.states('BR-1001')).toEqual(['CREATED:PENDING', 'CANCELLED:BLOCKED']);
    await dispatchChange(deps, orderMsg({ transId: 1, cancelled: true }, 2));
    expect(hm.statuses()).toEqual(['CREATED', 'CREATED', 'CANCELLED']);
    const [created] = await log.timeline('BR-1001');
    expect(created).toMatchObject({ state: 'SENT', attempts: 2, error: null });
  });

  it('records FAILED (dead-lettered) on the last delivery and still throws so Service Bus dead-letters it', async () => {
    hm.script.push(unavailable);
    await expect(dispatchChange(deps, orderMsg({ transId: 1 }, 10))).rejects.toBeInstanceOf(TransientDispatchError);
    const [created] = await log.timeline('BR-1001');
    expect(created).toMatchObject({ state: 'FAILED', error: { code: 'DEAD_LETTERED' } });
    expect(created?.error?.message).toContain('resync');
  });

  it('treats 409 as already received (SENT)', async () => {
    hm.script.push({ kind: 'duplicate', httpStatus: 409, body: null });
    await dispatchChange(deps, orderMsg({ transId: 1 }));
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT']);
  });

  it('sends CREATED again when H&M answers 404 to a later status, then the later status', async () => {
    await dispatchChange(deps, orderMsg({ transId: 1 }));
    hm.script.push({ kind: 'orderUnknown', httpStatus: 404, body: null });
    await dispatchChange(deps, orderMsg({ transId: 2, shippedAt: '2026-12-02T10:00:00.000-03:00' }));
    expect(hm.statuses()).toEqual(['CREATED', 'SHIPPED', 'CREATED', 'SHIPPED']);
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT', 'SHIPPED:SENT']);
  });

  it('records H&M validation errors on a rejected payload (FAILED, not retried)', async () => {
    hm.script.push({ kind: 'rejected', httpStatus: 422, body: {}, errors: [{ field: 'order.customer.email', message: 'invalid email' }] });
    const outcome = await dispatchChange(deps, orderMsg({ transId: 1 }));
    expect(outcome.result).toBe('failed');
    const [created] = await log.timeline('BR-1001');
    expect(created).toMatchObject({ state: 'FAILED', error: { code: 'HM_REJECTED', details: [{ field: 'order.customer.email' }] }, response: { httpStatus: 422 } });
    expect(created?.error?.message).toContain('order.customer.email: invalid email');
  });

  it('sends nothing while HM_ENABLED is false but keeps what is owed, and sends it on the re-enable sweep (rule 8)', async () => {
    deps.settings.enabled = false;
    expect(await dispatchChange(deps, orderMsg({ transId: 1, cancelled: true }))).toMatchObject({ result: 'parked' });
    expect(hm.sent).toHaveLength(0);
    expect(await log.states('BR-1001')).toEqual(['CREATED:PENDING', 'CANCELLED:PENDING']);
    expect(await states.listParked(10)).toEqual(['BR-1001']);
    deps.settings.enabled = true;
    await dispatchChange(deps, message({ kind: 'sweep', orderNumber: 'BR-1001', requestedAt: '2026-12-03T12:00:00Z' }));
    expect(hm.statuses()).toEqual(['CREATED', 'CANCELLED']);
    expect(erp.calls).toEqual([]);
    expect(await states.listParked(10)).toEqual([]);
  });

  it('keeps a permanent failure FAILED while disabled, and only an operator resync (not the sweep) retries it', async () => {
    await dispatchChange(deps, orderMsg({ transId: 1, freightTypeCode: 'SEDEX10', cancelled: true }));
    deps.settings.enabled = false;
    expect(await dispatchChange(deps, orderMsg({ transId: 1, freightTypeCode: 'SEDEX10', cancelled: true }))).toMatchObject({ result: 'halted' });
    expect(await log.states('BR-1001')).toEqual(['CREATED:FAILED', 'CANCELLED:BLOCKED']);
    expect(await states.listParked(10)).toEqual([]);
    deps.settings.enabled = true;
    deps.settings.mapper.mappings.freightTypes['SEDEX10'] = { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' };
    expect(await dispatchChange(deps, message({ kind: 'sweep', orderNumber: 'BR-1001', requestedAt: 'x' }))).toMatchObject({ result: 'halted' });
    expect(hm.sent).toHaveLength(0);
    erp.orders.set('BR-1001', erpOrderRow({ trans_id: 1, cod_tipo_frete: 'SEDEX10', cancelado: 'T' }));
    await dispatchChange(deps, message({ kind: 'resync', orderNumber: 'BR-1001', requestedAt: 'x' }));
    expect(hm.statuses()).toEqual(['CREATED', 'CANCELLED']);
  });

  it('waits longer before each redelivery of a transient failure, and not after the last one', async () => {
    for (const delivery of [1, 2, 3]) {
      hm.script.push(unavailable);
      await expect(dispatchChange(deps, orderMsg({ transId: 1 }, delivery))).rejects.toBeInstanceOf(TransientDispatchError);
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    hm.script.push(unavailable);
    await expect(dispatchChange(deps, orderMsg({ transId: 1 }, 10))).rejects.toBeInstanceOf(TransientDispatchError);
    expect(waits).toHaveLength(3);
  });

  it('holds a dead-lettered order for the sweep, which sends it once H&M answers again', async () => {
    hm.script.push(unavailable);
    await expect(dispatchChange(deps, orderMsg({ transId: 1 }, 10))).rejects.toBeInstanceOf(TransientDispatchError);
    expect(await states.listParked(10)).toEqual(['BR-1001']);
    await dispatchChange(deps, message({ kind: 'sweep', orderNumber: 'BR-1001', requestedAt: 'x' }));
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT']);
    expect(await states.listParked(10)).toEqual([]);
  });

  it('retries later, instead of failing the order, when H&M still answers 404 after it has CREATED', async () => {
    hm.script.push(
      { kind: 'accepted', httpStatus: 202, body: null },
      { kind: 'orderUnknown', httpStatus: 404, body: null },
      { kind: 'duplicate', httpStatus: 409, body: null },
      { kind: 'orderUnknown', httpStatus: 404, body: null },
    );
    const shipped = { transId: 1, shippedAt: '2026-12-02T10:00:00.000-03:00' };
    await expect(dispatchChange(deps, orderMsg(shipped))).rejects.toBeInstanceOf(TransientDispatchError);
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT', 'SHIPPED:PENDING']);
    await dispatchChange(deps, orderMsg(shipped, 2));
    expect(await log.states('BR-1001')).toEqual(['CREATED:SENT', 'SHIPPED:SENT']);
  });

  it('keeps a return whose order cannot be fetched, and sends it once the order is known (nothing lost)', async () => {
    erp.fetchOrder = async () => {
      throw new IntegrationError('ERP_UNAVAILABLE', 'GET listapedidos answered 503');
    };
    const ret = message({ kind: 'return', orderNumber: 'BR-1001', transId: 50, movement: aReturn({ transId: 50 }) });
    for (const delivery of [1, 10]) await expect(dispatchChange(deps, { ...(ret as ReceivedChange), deliveryCount: delivery })).rejects.toBeInstanceOf(TransientDispatchError);
    await dispatchChange(deps, orderMsg({ transId: 2 }));
    expect(hm.statuses()).toEqual(['CREATED', 'RETURNED:7001']);
  });

  it('records an unreadable fetched order as FAILED and completes, keeping the return for the later valid version', async () => {
    erp.orders.set('BR-1001', erpOrderRow({ trans_id: 1, produtos: [{ item: 1, sku: 'X', quantidade: 1, preco: '12,3x' }] }));
    const outcome = await dispatchChange(deps, message({ kind: 'return', orderNumber: 'BR-1001', transId: 50, movement: aReturn({ transId: 50 }) }));
    expect(outcome.result).toBe('invalid-order');
    expect(await log.timeline('BR-1001')).toMatchObject([{ status: null, state: 'FAILED', transId: 1, error: { code: 'ERP_INVALID_ROW' } }]);
    await dispatchChange(deps, orderMsg({ transId: 2 }));
    expect(hm.statuses()).toEqual(['CREATED', 'RETURNED:7001']);
  });

  it('records FAILED when an operator resyncs an order the ERP does not know', async () => {
    const outcome = await dispatchChange(deps, message({ kind: 'resync', orderNumber: 'NOPE-1', requestedAt: '2026-12-03T12:00:00Z' }, 1, 'NOPE-1'));
    expect(outcome.result).toBe('invalid-order');
    const [record] = await log.timeline('NOPE-1');
    expect(record).toMatchObject({ state: 'FAILED', error: { code: 'ERP_ORDER_NOT_FOUND' } });
    expect(record?.error?.message).toContain('NOPE-1');
  });

  it('does not fetch or send anything for a movement that is not a sales return, or not yet invoiced', async () => {
    await dispatchChange(deps, message({ kind: 'return', orderNumber: 'BR-1001', transId: 50, movement: aReturn({ transId: 50, kind: 'TROCA' }) }));
    await dispatchChange(deps, message({ kind: 'return', orderNumber: 'BR-1001', transId: 51, movement: aReturn({ transId: 51, invoice: null }) }));
    expect(erp.calls).toEqual([]);
    expect(hm.sent).toEqual([]);
  });

  it('fetches the order for a return of an order never seen, and sends CREATED before RETURNED', async () => {
    erp.orders.set('BR-1001', erpOrderRow({ trans_id: 3 }));
    await dispatchChange(deps, message({ kind: 'return', orderNumber: 'BR-1001', transId: 50, movement: aReturn({ transId: 50 }) }));
    expect(hm.statuses()).toEqual(['CREATED', 'RETURNED:7001']);
  });

  it('fetches the current version for an order too large to travel in the message', async () => {
    erp.orders.set('BR-1001', erpOrderRow({ trans_id: 8 }));
    await dispatchChange(deps, message({ kind: 'orderRef', orderNumber: 'BR-1001', transId: 8 }));
    expect(hm.statuses()).toEqual(['CREATED']);
  });

  it('throws (redelivery) when the ERP cannot be reached, and records the order FAILED on the last delivery', async () => {
    erp.fetchOrder = async () => {
      throw new IntegrationError('ERP_UNAVAILABLE', 'GET listapedidos answered 503');
    };
    const body = { kind: 'orderRef', orderNumber: 'BR-1001', transId: 8 };
    await expect(dispatchChange(deps, message(body, 1))).rejects.toBeInstanceOf(TransientDispatchError);
    expect(await log.timeline('BR-1001')).toEqual([]);
    await expect(dispatchChange(deps, message(body, 10))).rejects.toBeInstanceOf(TransientDispatchError);
    expect(await log.timeline('BR-1001')).toMatchObject([{ state: 'FAILED', error: { code: 'DEAD_LETTERED' } }]);
  });

  it('records a message it cannot read as FAILED instead of looping on it', async () => {
    const outcome = await dispatchChange(deps, message({ kind: 'mystery' }));
    expect(outcome.result).toBe('unreadable');
    expect(await log.timeline('BR-1001')).toMatchObject([{ state: 'FAILED', error: { code: 'MESSAGE_UNREADABLE' }, raw: { kind: 'mystery' } }]);
  });
});
