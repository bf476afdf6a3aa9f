import { IntegrationError, toIntegrationError } from '../../domain/errors.js';
import { mapStatusEvent, type MapperOptions } from '../../domain/hm/hmPayloadMapper.js';
import { applyChange, haltAt, isHalted, markSent, markUnsent, owedEvents, type OwedEvent } from '../../domain/lifecycleDetector.js';
import { statusEventId } from '../../domain/eventId.js';
import { emptyTrackedState, type TrackedOrderState } from '../../domain/trackedState.js';
import type { HmStatus } from '../../domain/status.js';
import { parseChangeBody, type ChangeBody } from '../changeMessage.js';
import type { IntegrationRecord } from '../integrationRecord.js';
import { ConcurrencyConflictError, type Clock, type ErpGateway, type HmOrderApi, type IntegrationLog, type Logger, type OrderStateStore } from '../ports.js';
import { eventRecord, failureRecord } from '../recordFactory.js';
import { answerOutcome } from './answerOutcome.js';
import { loadChanges } from './loadChanges.js';
import { TransientDispatchError } from './transientError.js';

export interface DispatchDeps {
  erp: ErpGateway;
  states: OrderStateStore;
  log: IntegrationLog;
  hm: HmOrderApi;
  clock: Clock;
  logger: Logger;
  newCorrelationId: () => string;
  settings: {
    /** HM_ENABLED: when false nothing is sent; owed statuses wait as PENDING (rule 8). */
    enabled: boolean;
    mapper: MapperOptions;
    /** The queue's maxDeliveryCount: the delivery that gives up records the event FAILED. */
    maxDeliveryCount: number;
  };
}

/** A message as the trigger hands it over. */
export interface ReceivedChange {
  messageId: string;
  sessionId: string;
  body: unknown;
  deliveryCount: number;
}

export type DispatchResult = 'sent' | 'nothing-owed' | 'parked' | 'halted' | 'failed' | 'unreadable';

export interface DispatchOutcome {
  orderNumber: string;
  result: DispatchResult;
  /** Statuses H&M accepted during this message, in the order sent. */
  sent: HmStatus[];
  /** The status that failed permanently during this message, if any. */
  failed: HmStatus | null;
}

/**
 * The dispatch use case, one message of one order at a time (the Service Bus session guarantees it):
 * merge the change into the order's state, send each owed status in lifecycle order, record every
 * attempt, and stop at the first failure so later statuses wait (BLOCKED) instead of overtaking.
 * Transient failures throw TransientDispatchError (the host abandons, Service Bus redelivers);
 * permanent ones are recorded FAILED and the message completes.
 */
export async function dispatchChange(deps: DispatchDeps, message: ReceivedChange): Promise<DispatchOutcome> {
  let body: ChangeBody;
  try {
    body = parseChangeBody(message.body);
  } catch (error) {
    await deps.log.upsert(unreadableMessageRecord(message, error, deps.clock.now()));
    deps.logger.error('unreadable message recorded as FAILED', { messageId: message.messageId, sessionId: message.sessionId });
    return { orderNumber: message.sessionId, result: 'unreadable', sent: [], failed: null };
  }
  try {
    return await new OrderDispatch(deps, body, message).run();
  } catch (error) {
    throw await asRetryable(deps, message, body, error);
  }
}

/** Turns a failure outside the per-event sends into a redelivery, recording it FAILED on the last one. */
async function asRetryable(deps: DispatchDeps, message: ReceivedChange, body: ChangeBody, error: unknown): Promise<unknown> {
  if (error instanceof TransientDispatchError) return error;
  const cause =
    error instanceof ConcurrencyConflictError
      ? new IntegrationError('INTERNAL', `order state changed concurrently: ${error.message}`)
      : toIntegrationError(error);
  deps.logger.warn('dispatch failed; the message will be redelivered', { orderNumber: body.orderNumber, messageId: message.messageId, code: cause.code, deliveryCount: message.deliveryCount });
  if (message.deliveryCount >= deps.settings.maxDeliveryCount) {
    await deps.log.upsert(deadLetterRecord(message, body, cause, deps.clock.now()));
  }
  return new TransientDispatchError(cause);
}

class OrderDispatch {
  private state: TrackedOrderState;
  private etag: string | null = null;
  private records = new Map<string, IntegrationRecord>();
  private readonly sent: HmStatus[] = [];
  private readonly transId: number | null;

  constructor(
    private readonly deps: DispatchDeps,
    private readonly body: ChangeBody,
    private readonly message: ReceivedChange,
  ) {
    this.state = emptyTrackedState(body.orderNumber);
    this.transId = body.kind === 'resync' ? null : body.transId;
  }

  async run(): Promise<DispatchOutcome> {
    const { deps, body } = this;
    const loaded = await deps.states.load(body.orderNumber);
    if (loaded) {
      this.state = loaded.state;
      this.etag = loaded.etag;
    }
    for (const change of await loadChanges(deps.erp, body, this.state)) this.state = applyChange(this.state, change).state;
    // A resync is the operator saying "the cause is fixed": lift the halt and try again.
    if (body.kind === 'resync') this.state = { ...this.state, halted: null };

    const owed = owedEvents(this.state);
    if (owed.length === 0) return this.finish('nothing-owed', null);
    for (const record of await deps.log.timeline(body.orderNumber)) this.records.set(record.recordId, record);

    if (!deps.settings.enabled) {
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

    if (isHalted(this.state)) {
      const halted = this.state.halted;
      const blocker = owed.find((e) => e.eventId === halted?.eventId);
      if (blocker) await this.blockAfter(owed, blocker, halted?.code ?? 'INTERNAL');
      return this.finish('halted', null);
    }
    return this.sendAll(owed);
  }

  private async sendAll(initial: OwedEvent[]): Promise<DispatchOutcome> {
    let owed = initial;
    let createdResent = false;
    for (let i = 0; i < owed.length; i++) {
      const event = owed[i];
      if (!event) break;
      const outcome = await this.sendOne(event);
      if (outcome === 'sent') continue;
      if (outcome === 'resendCreated' && !createdResent) {
        // H&M does not know the order although we sent CREATED: send CREATED again, then the rest.
        createdResent = true;
        this.state = markUnsent(this.state, statusEventId(this.body.orderNumber, 'CREATED'));
        owed = owedEvents(this.state);
        i = -1;
        continue;
      }
      if (outcome === 'resendCreated') {
        await this.failPermanently(owed, event, new IntegrationError('HM_REJECTED', 'H&M answered 404 (order unknown) even after CREATED was accepted again'));
      }
      return this.finish('failed', event.status);
    }
    return this.finish('sent', null);
  }

  /** Maps and sends one event; returns 'sent', 'resendCreated', or 'stop' after recording the failure. */
  private async sendOne(event: OwedEvent): Promise<'sent' | 'resendCreated' | 'stop'> {
    const { deps } = this;
    let payload;
    try {
      payload = mapStatusEvent(event, this.state, deps.settings.mapper);
    } catch (error) {
      await this.failPermanently(owedEvents(this.state), event, toIntegrationError(error));
      return 'stop';
    }
    const correlationId = deps.newCorrelationId();
    const answer = await deps.hm.send(payload, correlationId);
    const response = 'body' in answer ? { httpStatus: answer.httpStatus, body: answer.body } : { httpStatus: answer.httpStatus, body: null };
    const outcome = answerOutcome(answer, event.status);
    deps.logger.info('status event attempt', { orderNumber: this.body.orderNumber, status: event.status, eventId: event.eventId, correlationId, answer: answer.kind, httpStatus: answer.httpStatus });
    const attempt = { payload, response, correlationId, attempted: true };

    switch (outcome.kind) {
      case 'sent':
        await this.record(event, { state: 'SENT', ...attempt });
        this.state = markSent(this.state, event.eventId);
        this.sent.push(event.status);
        return 'sent';
      case 'resendCreated':
        await this.record(event, { state: 'PENDING', ...attempt, error: { code: 'HM_REJECTED', message: 'H&M does not know this order (404): sending CREATED again first' } });
        return 'resendCreated';
      case 'permanent':
        await this.failPermanently(owedEvents(this.state), event, outcome.error, attempt);
        return 'stop';
      case 'transient': {
        const last = this.message.deliveryCount >= deps.settings.maxDeliveryCount;
        const error = last
          ? { code: 'DEAD_LETTERED' as const, message: `gave up after ${this.message.deliveryCount} deliveries (${outcome.error.code}: ${outcome.error.message}); resync the order once H&M is reachable`, details: outcome.error.details }
          : { code: outcome.error.code, message: `${outcome.error.message} — will be retried (delivery ${this.message.deliveryCount} of ${deps.settings.maxDeliveryCount})`, details: outcome.error.details };
        await this.record(event, { state: last ? 'FAILED' : 'PENDING', ...attempt, error });
        await this.blockAfter(owedEvents(this.state), event, outcome.error.code);
        await this.save();
        throw new TransientDispatchError(outcome.error);
      }
    }
  }

  private async failPermanently(owed: OwedEvent[], event: OwedEvent, error: IntegrationError, attempt: object = {}): Promise<void> {
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

function unreadableMessageRecord(message: ReceivedChange, error: unknown, now: Date): IntegrationRecord {
  return failureRecord({
    orderNumber: message.sessionId,
    recordId: `message-${message.messageId}`,
    transId: null,
    error: { code: 'MESSAGE_UNREADABLE', message: `the queue message is not a change this app understands: ${toIntegrationError(error).message.slice(0, 500)}` },
    raw: typeof message.body === 'string' || typeof message.body === 'object' ? message.body : String(message.body),
    now,
  });
}

function deadLetterRecord(message: ReceivedChange, body: ChangeBody, cause: IntegrationError, now: Date): IntegrationRecord {
  return failureRecord({
    orderNumber: body.orderNumber,
    recordId: `message-${message.messageId}`,
    transId: body.kind === 'resync' ? null : body.transId,
    error: { code: 'DEAD_LETTERED', message: `message dead-lettered after ${message.deliveryCount} deliveries (${cause.code}: ${cause.message}); resync the order once the cause is fixed` },
    raw: null,
    attempts: message.deliveryCount,
    now,
  });
}
