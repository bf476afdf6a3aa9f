import { IntegrationError, toIntegrationError } from '../../domain/errors.js';
import { parseChangeBody, type ChangeBody } from '../changeMessage.js';
import type { IntegrationRecord } from '../integrationRecord.js';
import { ConcurrencyConflictError } from '../ports.js';
import { failureRecord } from '../recordFactory.js';
import { changeTransId, redeliveryDelayMs, type DispatchDeps, type DispatchOutcome, type ReceivedChange } from './dispatchTypes.js';
import { OrderDispatch } from './orderDispatch.js';
import { TransientDispatchError } from './transientError.js';

export type { DispatchDeps, DispatchOutcome, DispatchResult, ReceivedChange } from './dispatchTypes.js';

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
  } else {
    await deps.sleep(redeliveryDelayMs(deps.settings.redeliveryDelayMs, message.deliveryCount));
  }
  return new TransientDispatchError(cause);
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
    transId: changeTransId(body),
    error: { code: 'DEAD_LETTERED', message: `message dead-lettered after ${message.deliveryCount} deliveries (${cause.code}: ${cause.message}); resync the order once the cause is fixed` },
    raw: null,
    attempts: message.deliveryCount,
    now,
  });
}
