import { app, type InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { dispatchChange, type DispatchOutcome } from '../app/dispatch/dispatchChange.js';
import { IntegrationError } from '../domain/errors.js';
import { getServices } from '../compositionRoot.js';
import { contextLogger } from './contextLogger.js';

const triggerMetadataSchema = z.object({
  messageId: z.string(),
  sessionId: z.string(),
  deliveryCount: z.coerce.number().int().positive(),
});

/** The message's id, session and delivery count, as the Service Bus trigger hands them over. */
function readTriggerMetadata(context: InvocationContext): z.infer<typeof triggerMetadataSchema> {
  const parsed = triggerMetadataSchema.safeParse(context.triggerMetadata ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
  throw new IntegrationError(
    'INTERNAL',
    `dispatch: the trigger metadata lacks or has a malformed ${fields} (needs messageId, sessionId, deliveryCount) — is the function bound to a session-enabled Service Bus queue?`,
  );
}

/**
 * Service Bus session trigger: one order's changes, one at a time, in order. The host completes the
 * message when this returns and abandons it when this throws; dispatchChange throws for everything
 * that must be retried, so nothing transient is swallowed here.
 */
export async function dispatchHandler(message: unknown, context: InvocationContext): Promise<DispatchOutcome> {
  const meta = readTriggerMetadata(context);
  const services = await getServices();
  return dispatchChange({ ...services.dispatch, logger: contextLogger(context) }, { ...meta, body: message });
}

app.serviceBusQueue('dispatch', {
  connection: 'ServiceBusConnection',
  queueName: '%SERVICEBUS_QUEUE_NAME%',
  isSessionsEnabled: true,
  handler: dispatchHandler,
});

/*
 * host.json, extensions.serviceBus — why these values:
 * - sessionIdleTimeout 2 s: every order is its own session with one or two messages. With the default
 *   (the client's try timeout, about a minute) each concurrency slot waits idle on a drained session
 *   before taking the next, which caps throughput at a few orders a minute.
 * - maxConcurrentSessions 32: many short sessions in parallel; H&M sees at most 32 orders at once.
 * - autoCompleteMessages true: completion on return, abandon on throw (dispatchChange throws for retries).
 * - maxAutoLockRenewalDuration 10 min (= functionTimeout): covers one delivery's H&M retries with
 *   backoff plus the wait before abandoning (SERVICEBUS_REDELIVERY_DELAY_MS, at most 60 s), so the
 *   session lock is never lost mid-order.
 */
