import type { ServiceBusMessage } from '@azure/service-bus';
import type { ChangeMessage } from '../../app/changeMessage.js';

/**
 * The Service Bus message for one change. The body stays an object: the SDK serialises it as JSON and
 * the Functions trigger hands it back as an object (parseChangeBody also accepts a string or bytes).
 */
export function toServiceBusMessage(message: ChangeMessage): ServiceBusMessage {
  return {
    // Deterministic per change: Service Bus duplicate detection drops a re-publish after a cursor conflict.
    messageId: message.messageId,
    // The order number: the session keeps one order's changes FIFO and one at a time.
    sessionId: message.sessionId,
    body: message.body,
    contentType: 'application/json',
    // Lets an operator filter by kind in Service Bus Explorer without opening the body.
    subject: message.body.kind,
  };
}
