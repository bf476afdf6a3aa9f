import type { ServiceBusMessage } from '@azure/service-bus';
import type { ChangeMessage } from '../../app/changeMessage.js';
import { IntegrationError } from '../../domain/errors.js';
import { toServiceBusMessage } from './toServiceBusMessage.js';

/** The part of a ServiceBusMessageBatch the batching needs. */
export interface MessageBatch {
  readonly count: number;
  readonly maxSizeInBytes: number;
  tryAddMessage(message: ServiceBusMessage): boolean;
}

/** The part of a ServiceBusSender the batching needs (a real sender satisfies it). */
export interface BatchSender<B extends MessageBatch> {
  createMessageBatch(): Promise<B>;
  sendMessages(batch: B): Promise<void>;
}

/**
 * Sends the messages in order, in as few batches as fit; each batch is sent before the next is filled
 * so that order holds across batches. A failure leaves earlier batches sent: the caller publishes again
 * and duplicate detection drops what already arrived.
 */
export async function sendInBatches<B extends MessageBatch>(
  sender: BatchSender<B>,
  messages: readonly ChangeMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  let batch = await sender.createMessageBatch();
  for (const message of messages) {
    const sbMessage = toServiceBusMessage(message);
    if (batch.tryAddMessage(sbMessage)) continue;
    if (batch.count === 0) throw messageTooLarge(message, batch.maxSizeInBytes);
    await sender.sendMessages(batch);
    batch = await sender.createMessageBatch();
    if (!batch.tryAddMessage(sbMessage)) throw messageTooLarge(message, batch.maxSizeInBytes);
  }
  if (batch.count > 0) await sender.sendMessages(batch);
}

function messageTooLarge(message: ChangeMessage, maxSizeInBytes: number): IntegrationError {
  const { messageId, sessionId: orderNumber, body } = message;
  const bodyBytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  return new IntegrationError(
    'INTERNAL',
    `message ${messageId} of order ${orderNumber} (kind "${body.kind}", ${bodyBytes} bytes of JSON) does not fit ` +
      `in an empty Service Bus batch (limit ${maxSizeInBytes} bytes); such a change must be published as an ` +
      `"orderRef" that the dispatcher resolves from the ERP`,
    { messageId, orderNumber, kind: body.kind, bodyBytes, maxSizeInBytes },
  );
}
