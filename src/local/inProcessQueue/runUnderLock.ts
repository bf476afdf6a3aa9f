import type { MessageHandler, ReceivedMessage } from './types.js';

/** How a delivery ended: a lost lock counts as a failed delivery, as in Service Bus. */
export type DeliveryOutcome = { kind: 'completed' } | { kind: 'failed' | 'lockLost'; error: string };

/**
 * Runs the handler under a peek-lock renewed for at most `maxLockRenewalMs`. `outcome` settles at the
 * handler's end or at the lock's loss, whichever comes first; `handlerDone` settles when the handler
 * really ends (it can outlive its lock), so the caller can wait for it on stop.
 */
export function runUnderLock(
  handler: MessageHandler,
  message: ReceivedMessage,
  maxLockRenewalMs: number,
  onResultAfterLockLost: (outcome: DeliveryOutcome) => void,
): { outcome: Promise<DeliveryOutcome>; handlerDone: Promise<DeliveryOutcome> } {
  let lockLost = false;
  const handlerDone = Promise.resolve()
    // Started on a later tick: a handler that publishes synchronously never re-enters the caller.
    .then(() => handler(message))
    .then(
      (): DeliveryOutcome => ({ kind: 'completed' }),
      (error: unknown): DeliveryOutcome => ({
        kind: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .then((outcome) => {
      if (lockLost) onResultAfterLockLost(outcome);
      return outcome;
    });
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(() => {
      lockLost = true;
      resolve({ kind: 'lockLost', error: `message lock lost: the handler ran longer than ${maxLockRenewalMs} ms` });
    }, maxLockRenewalMs);
  });
  const outcome = Promise.race([handlerDone, expired]).finally(() => clearTimeout(timer));
  return { outcome, handlerDone };
}
