import type { ChangeMessage } from '../../../src/app/changeMessage.js';
import type { Logger } from '../../../src/app/ports.js';
import type { MessageHandler, ReceivedMessage } from '../../../src/local/inProcessQueue/types.js';

/** One delivery the test settles by hand: tests decide when a handler finishes, never a clock. */
export interface Delivery {
  message: ReceivedMessage;
  complete(): void;
  fail(reason: string): void;
}

/** A handler that records each delivery and leaves it pending until the test settles it. */
export function createDeliveryProbe() {
  const deliveries: Delivery[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const handler: MessageHandler = (message) =>
    new Promise<void>((resolve, reject) => {
      deliveries.push({ message, complete: () => resolve(), fail: (reason) => reject(new Error(reason)) });
      for (const waiter of [...waiters]) {
        if (deliveries.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });

  /** The n-th delivery (1-based), once it has happened. */
  async function delivery(n: number): Promise<Delivery> {
    if (deliveries.length < n) await new Promise<void>((resolve) => waiters.push({ count: n, resolve }));
    const found = deliveries[n - 1];
    if (!found) throw new Error(`delivery ${n} missing`);
    return found;
  }

  /** "sessionId/messageId#deliveryCount" of every delivery so far. */
  function log(): string[] {
    return deliveries.map((d) => `${d.message.sessionId}/${d.message.messageId}#${d.message.deliveryCount}`);
  }

  return { handler, deliveries, delivery, log };
}

/** Lets every queued microtask and immediate run, so a delivery that could happen has happened. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A resync change message: the smallest valid body. */
export function change(sessionId: string, messageId: string): ChangeMessage {
  const requestedAt = '2025-03-01T10:00:00.000-03:00';
  return { messageId, sessionId, body: { kind: 'resync', orderNumber: sessionId, requestedAt } };
}

/** A logger that keeps what it is told, so tests stay quiet and can read it. */
export function createRecordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}
