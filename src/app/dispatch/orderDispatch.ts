import { statusEventId } from '../../domain/eventId.js';
import { IntegrationError, toIntegrationError } from '../../domain/errors.js';
import { mapStatusEvent } from '../../domain/hm/hmPayloadMapper.js';
import type { HmStatusEvent } from '../../domain/hm/hmStatusEvent.js';
import { applyChange, haltAt, isHalted, markSent, markUnsent, owedEvents, type OwedEvent } from '../../domain/lifecycleDetector.js';
import type { HmStatus } from '../../domain/status.js';
import { emptyTrackedState, type TrackedOrderState } from '../../domain/trackedState.js';
import type { ChangeBody } from '../changeMessage.js';
import type { IntegrationRecord } from '../integrationRecord.js';
import { eventRecord, failureRecord, invalidRowRecord, recordFailureOnce } from '../recordFactory.js';
import { answerOutcome } from './answerOutcome.js';
import { changeTransId, redeliveryDelayMs, type DispatchDeps, type DispatchOutcome, type DispatchResult, type ReceivedChange } from './dispatchTypes.js';
import { fetchOrder } from './orderFetch.js';
import { TransientDispatchError } from './transientError.js';

/** What one attempt sent and got back, kept on the event's record. */
interface Attempt {
  payload: HmStatusEvent;
  response: IntegrationRecord['response'];
  correlationId: string;
  attempted: true;
}

type SendResult = { kind: 'sent' } | { kind: 'stop' } | { kind: 'resendCreated'; attempt: Attempt };

/** One message of one order: merge its facts, then send what the order owes, in order. */
export class OrderDispatch {
  private state: TrackedOrderState;
  private etag: string | null = null;
  private readonly records = new Map<string, IntegrationRecord>();
  private readonly sent: HmStatus[] = [];
  private readonly transId: number | null;

  constructor(
    private readonly deps: DispatchDeps,
    private readonly body: ChangeBody,
    private readonly message: ReceivedChange,
  ) {
    this.state = emptyTrackedState(body.orderNumber);
    this.transId = changeTransId(body);
  }

  async run(): Promise<DispatchOutcome> {
    const loaded = await this.deps.states.load(this.body.orderNumber);
    if (loaded) {
      this.state = loaded.state;
      this.etag = loaded.etag;
    }
    if (!(await this.mergeFacts())) return this.finish('invalid-order', null);

    const owed = owedEvents(this.state);
    if (owed.length === 0) return this.finish('nothing-owed', null);
    for (const record of await this.deps.log.timeline(this.body.orderNumber)) this.records.set(record.recordId, record);

    // A permanent failure holds the order whatever HM_ENABLED says: its FAILED record stays as it is.
    if (isHalted(this.state)) {
      const halted = this.state.halted;
      const blocker = owed.find((e) => e.eventId === halted?.eventId);
      if (blocker) await this.blockAfter(owed, blocker, halted?.code ?? 'INTERNAL');
      this.state = { ...this.state, parked: false };
      return this.finish('halted', null);
    }
    if (!this.deps.settings.enabled) {
      for (const event of owed) {
        await this.record(event, {
          state: 'PENDING',
          error: { code: 'HM_DISABLED', message: 'HM_ENABLED is false: this status waits and is sent once the integration is enabled' },
        });
      }
      this.state = { ...this.state, parked: true };
      return this.finish('parked', null);
    }
    this.state = { ...this.state, parked: false };
    return this.sendAll(owed);
  }

  /**
   * Merges what the message says (and, where it carries no order, the order fetched from the ERP)
   * into the state. Facts the message carries are saved before anything that can fail, so a return
   * is never lost with a message that runs out of deliveries. False when the fetched order is unreadable,
   * or when a resync names an order the ERP does not know (both recorded FAILED).
   */
  private async mergeFacts(): Promise<boolean> {
    const { body, deps } = this;
    if (body.kind === 'order') {
      this.state = applyChange(this.state, { kind: 'order', order: body.order }).state;
      return true;
    }
    if (body.kind === 'sweep') return true;
    if (body.kind === 'return') {
      const applied = applyChange(this.state, { kind: 'return', movement: body.movement });
      this.state = applied.state;
      // Rules 5–6: a movement that sends nothing (not a sales return, not invoiced) fetches nothing either.
      const counts = applied.ignored === null || applied.ignored === 'stale-return';
      if (!counts || this.state.order !== null) return true;
      // Rule 7: the order was never seen: fetch it so that CREATED goes first (again on a redelivery).
      // Keep the return first, so that a failing fetch loses nothing.
      if (applied.ignored === null) await this.save();
    }
    const fetched = await fetchOrder(deps.erp, body.orderNumber);
    if (fetched.kind === 'invalid') {
      await recordFailureOnce(deps.log, invalidRowRecord({ key: body.orderNumber, orderNumber: body.orderNumber, transId: fetched.transId, error: fetched.error, raw: fetched.raw }, 'orders', deps.clock.now()));
      deps.logger.warn('the order fetched from the ERP is invalid; recorded FAILED', { orderNumber: body.orderNumber, transId: fetched.transId });
      return false;
    }
    if (fetched.kind === 'found') this.state = applyChange(this.state, { kind: 'order', order: fetched.order }).state;
    if (fetched.kind === 'unknown' && body.kind === 'resync' && this.state.order === null) {
      // An operator asked for an order neither the ERP nor this app knows: say so where they will look.
      await deps.log.upsert(
        failureRecord({
          orderNumber: body.orderNumber,
          recordId: `resync-${body.requestedAt}`,
          transId: null,
          error: { code: 'ERP_ORDER_NOT_FOUND', message: `the ERP does not know order "${body.orderNumber}" (listapedidos?cod_pedidov=…): check the order number` },
          raw: null,
          now: deps.clock.now(),
        }),
      );
      return false;
    }
    // A resync is the operator saying "the cause is fixed": lift the halt and try again.
    if (body.kind === 'resync') this.state = { ...this.state, halted: null };
    return true;
  }

  private async sendAll(initial: OwedEvent[]): Promise<DispatchOutcome> {
    let owed = initial;
    let createdResent = false;
    for (let i = 0; i < owed.length; i++) {
      const event = owed[i];
      if (!event) break;
      const result = await this.sendOne(owed, event);
      if (result.kind === 'sent') continue;
      if (result.kind === 'stop') return this.finish('failed', event.status);
      if (!createdResent) {
        // Contract: 404 on a later status means H&M does not know the order: send CREATED first.
        createdResent = true;
        await this.record(event, { state: 'PENDING', ...result.attempt, error: { code: 'HM_REJECTED', message: 'H&M does not know this order (404): sending CREATED again first' } });
        this.state = markUnsent(this.state, statusEventId(this.body.orderNumber, 'CREATED'));
        owed = owedEvents(this.state);
        i = -1;
        continue;
      }
      // H&M has CREATED (it accepted it, or answered 409) yet still answers 404: it may still be
      // processing it. Retry later rather than fail the order for good.
      await this.retryLater(owed, event, new IntegrationError('HM_UNAVAILABLE', `H&M answered 404 (order unknown) to ${event.status} although it has CREATED`), result.attempt);
    }
    return this.finish('sent', null);
  }

  /** Maps and sends one event, recording the outcome. Throws TransientDispatchError for a retry. */
  private async sendOne(owed: OwedEvent[], event: OwedEvent): Promise<SendResult> {
    const { deps } = this;
    let payload: HmStatusEvent;
    try {
      payload = mapStatusEvent(event, this.state, deps.settings.mapper);
    } catch (error) {
      await this.failPermanently(owed, event, toIntegrationError(error));
      return { kind: 'stop' };
    }
    const correlationId = deps.newCorrelationId();
    const answer = await deps.hm.send(payload, correlationId);
    deps.logger.info('status event attempt', { orderNumber: this.body.orderNumber, status: event.status, eventId: event.eventId, correlationId, answer: answer.kind, httpStatus: answer.httpStatus });
    const attempt: Attempt = { payload, response: { httpStatus: answer.httpStatus, body: 'body' in answer ? answer.body : null }, correlationId, attempted: true };
    const outcome = answerOutcome(answer, event.status);
    switch (outcome.kind) {
      case 'sent':
        await this.record(event, { state: 'SENT', ...attempt });
        this.state = markSent(this.state, event.eventId);
        this.sent.push(event.status);
        return { kind: 'sent' };
      case 'resendCreated':
        return { kind: 'resendCreated', attempt };
      case 'permanent':
        await this.failPermanently(owed, event, outcome.error, attempt);
        return { kind: 'stop' };
      case 'transient':
        return this.retryLater(owed, event, outcome.error, attempt);
    }
  }

  /**
   * A transient failure: record it, hold the later statuses, save, wait, and throw so the message is
   * redelivered. On the last delivery the event is FAILED (dead-lettered) and the order is held for
   * the extract's sweep, which queues it again once H&M answers.
   */
  private async retryLater(owed: OwedEvent[], event: OwedEvent, error: IntegrationError, attempt: Attempt): Promise<never> {
    const { deliveryCount } = this.message;
    const { maxDeliveryCount } = this.deps.settings;
    const last = deliveryCount >= maxDeliveryCount;
    await this.record(event, {
      state: last ? 'FAILED' : 'PENDING',
      ...attempt,
      error: last
        ? { code: 'DEAD_LETTERED', message: `gave up after ${deliveryCount} deliveries (${error.code}: ${error.message}); sent again by the next sweep, or resync the order`, details: error.details }
        : { code: error.code, message: `${error.message} — will be retried (delivery ${deliveryCount} of ${maxDeliveryCount})`, details: error.details },
    });
    await this.blockAfter(owed, event, error.code);
    if (last) this.state = { ...this.state, parked: true };
    await this.save();
    if (!last) await this.deps.sleep(redeliveryDelayMs(this.deps.settings.redeliveryDelayMs, deliveryCount));
    throw new TransientDispatchError(error);
  }

  private async failPermanently(owed: OwedEvent[], event: OwedEvent, error: IntegrationError, attempt: Partial<Attempt> = {}): Promise<void> {
    this.deps.logger.error('status event failed permanently', { orderNumber: this.body.orderNumber, status: event.status, code: error.code, message: error.message });
    await this.record(event, { state: 'FAILED', ...attempt, error: { code: error.code, message: error.message, details: error.details } });
    this.state = haltAt(this.state, event.eventId, error.code);
    await this.blockAfter(owed, event, error.code);
  }

  /** Marks every owed status after `blocker` BLOCKED: it must not overtake the one that failed. */
  private async blockAfter(owed: OwedEvent[], blocker: OwedEvent, code: string): Promise<void> {
    const index = owed.findIndex((e) => e.eventId === blocker.eventId);
    for (const event of owed.slice(index + 1)) {
      await this.record(event, {
        state: 'BLOCKED',
        error: { code: 'BLOCKED_BY_EARLIER_STATUS', message: `waits for ${blocker.status} of this order (${code})` },
      });
    }
  }

  private async record(event: OwedEvent, update: Omit<Parameters<typeof eventRecord>[2], 'now'>): Promise<void> {
    const previous = this.records.get(event.eventId);
    const record = eventRecord(previous, { orderNumber: this.body.orderNumber, eventId: event.eventId, status: event.status, transId: this.transId }, { ...update, now: this.deps.clock.now() });
    this.records.set(record.recordId, record);
    await this.deps.log.upsert(record);
  }

  private async save(): Promise<void> {
    this.etag = await this.deps.states.save(this.state, this.etag);
  }

  private async finish(result: DispatchResult, failed: HmStatus | null): Promise<DispatchOutcome> {
    await this.save();
    return { orderNumber: this.body.orderNumber, result, sent: this.sent, failed };
  }
}
