import { join } from 'node:path';
import type { ChangeMessage } from '../../app/changeMessage.js';
import type { Logger } from '../../app/ports.js';
import { createDuplicateDetector } from './duplicateDetector.js';
import { createIdleSignal } from './idleSignal.js';
import { appendRecords, readJournal, rewriteJournal } from './journal.js';
import type { JournalRecord } from './journal.js';
import { enqueueRecord, replayJournal, snapshotRecords } from './queueSnapshot.js';
import { runUnderLock } from './runUnderLock.js';
import { toDeadLetter, type StoredDeadLetter, type StoredMessage } from './queueSnapshot.js';
import type {
  DeadLetter,
  InProcessQueue,
  InProcessQueueOptions,
  MessageHandler,
  QueueStats,
  ReceivedMessage,
} from './types.js';

/** The journal's file name inside dataDir. */
export const JOURNAL_FILE = 'queue-journal.jsonl';

const DEFAULT_DUPLICATE_WINDOW_MS = 10 * 60_000;
const DEFAULT_ABANDON_RETRY_DELAY_MS = 200;
const DEFAULT_MAX_LOCK_RENEWAL_MS = 5 * 60_000;

interface Session {
  id: string;
  /** FIFO; the head is the only message of the session that can be delivered. */
  messages: StoredMessage[];
  /** Held while a message of the session is being handled: one at a time per session. */
  locked: boolean;
  /** After an abandon, the session waits until then (Date.now() ms) so a failing order does not spin. */
  availableAtMs: number;
}

/**
 * A local stand-in for a session-enabled Service Bus queue with peek-lock, duplicate detection and a
 * dead-letter list; with a dataDir its messages survive a restart or a crash (write-ahead journal).
 * One queue object per dataDir: two processes sharing a journal would corrupt it.
 */
export function createInProcessQueue(options: InProcessQueueOptions): InProcessQueue {
  const clock = options.clock ?? { now: () => new Date() };
  const logger = options.logger ?? stderrLogger;
  const maxDeliveryCount = options.maxDeliveryCount;
  const abandonRetryDelayMs = options.abandonRetryDelayMs ?? DEFAULT_ABANDON_RETRY_DELAY_MS;
  const maxLockRenewalMs = options.lockRenewal?.maxDurationMs ?? DEFAULT_MAX_LOCK_RENEWAL_MS;
  const windowMs = options.duplicateDetectionWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
  const journalPath = options.dataDir === null ? null : join(options.dataDir, JOURNAL_FILE);

  const restored = journalPath ? replayJournal(readJournal(journalPath)) : null;
  const duplicates = createDuplicateDetector(windowMs, restored?.seen ?? []);
  const sessions = new Map<string, Session>();
  const deadLetters: StoredDeadLetter[] = restored?.deadLetters ?? [];
  let nextSeq = restored?.nextSeq ?? 1;
  let completed = 0;
  let duplicatesDropped = 0;
  for (const message of restored?.pending ?? []) sessionOf(message.sessionId).messages.push(message);
  if (journalPath) {
    // Compaction: the journal shrinks to what is still pending, dead-lettered or inside the duplicate window.
    rewriteJournal(journalPath, snapshotRecords({
      pending: [...sessions.values()].flatMap((s) => s.messages).sort((a, b) => a.seq - b.seq),
      deadLetters,
      seen: new Map(duplicates.entries(clock.now().getTime())),
      nextSeq,
    }));
  }

  let handler: MessageHandler | null = null;
  let maxConcurrentSessions = 1;
  let lockedSessions = 0;
  let pumpScheduled = false;
  let wake: { timer: NodeJS.Timeout; atMs: number } | null = null;
  /** Delivery tasks and handler promises still running (a handler can outlive its lock). */
  const running = new Set<Promise<unknown>>();
  const idle = createIdleSignal(isIdle, () => JSON.stringify(stats()));

  function sessionOf(id: string): Session {
    let session = sessions.get(id);
    if (!session) {
      session = { id, messages: [], locked: false, availableAtMs: 0 };
      sessions.set(id, session);
    }
    return session;
  }

  function journal(records: JournalRecord[]): void {
    if (journalPath) appendRecords(journalPath, records);
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    running.add(promise);
    const done = () => {
      running.delete(promise);
      idle.notify();
    };
    promise.then(done, done);
    return promise;
  }

  function schedulePump(): void {
    if (pumpScheduled || !handler) return;
    pumpScheduled = true;
    // Deferred so that a handler publishing from inside a delivery never re-enters the pump.
    queueMicrotask(() => {
      pumpScheduled = false;
      pump();
    });
  }

  function pump(): void {
    const current = handler;
    if (!current) return;
    const nowMs = Date.now();
    for (const session of [...sessions.values()]) {
      if (lockedSessions >= maxConcurrentSessions) return;
      const head = session.messages[0];
      if (session.locked || !head) continue;
      if (session.availableAtMs > nowMs) wakeAt(session.availableAtMs);
      else {
        session.locked = true;
        lockedSessions += 1;
        void track(deliver(session, head, current));
      }
    }
  }

  function wakeAt(atMs: number): void {
    if (wake && wake.atMs <= atMs) return;
    if (wake) clearTimeout(wake.timer);
    const timer = setTimeout(() => {
      wake = null;
      schedulePump();
    }, Math.max(0, atMs - Date.now()));
    wake = { timer, atMs };
  }

  async function deliver(session: Session, message: StoredMessage, current: MessageHandler): Promise<void> {
    try {
      // Only after a restart: the process died during the last allowed delivery.
      if (message.deliveryCount >= maxDeliveryCount) {
        await deadLetter(session, message, message.lastError);
        return;
      }
      journal([{ op: 'deliver', seq: message.seq }]);
      message.deliveryCount += 1;
      const run = runUnderLock(current, received(message), maxLockRenewalMs, (late) =>
        logger.warn('handler finished after its message lock was lost; its result is ignored', {
          messageId: message.messageId, sessionId: message.sessionId, outcome: late.kind,
        }),
      );
      void track(run.handlerDone);
      const outcome = await run.outcome;
      if (outcome.kind === 'completed') {
        journal([{ op: 'complete', seq: message.seq }]);
        session.messages.shift();
        completed += 1;
      } else if (message.deliveryCount >= maxDeliveryCount) {
        await deadLetter(session, message, outcome.error);
      } else {
        journal([{ op: 'abandon', seq: message.seq, error: outcome.error }]);
        message.lastError = outcome.error;
        session.availableAtMs = Date.now() + abandonRetryDelayMs;
      }
    } catch (error) {
      // Only the journal can fail here (disk full…); the message stays at the head and is retried.
      logger.error('in-process queue could not write its journal', {
        messageId: message.messageId,
        error: errorMessage(error),
      });
      session.availableAtMs = Date.now() + abandonRetryDelayMs;
    } finally {
      release(session);
    }
  }

  async function deadLetter(session: Session, message: StoredMessage, description: string | null): Promise<void> {
    const deadLetteredTimeUtc = clock.now();
    const reason = 'MaxDeliveryCountExceeded';
    const at = deadLetteredTimeUtc.toISOString();
    journal([{ op: 'deadletter', seq: message.seq, reason, description, deadLetteredTimeUtc: at }]);
    session.messages.shift();
    const entry = toDeadLetter(message, reason, description, deadLetteredTimeUtc);
    deadLetters.push(entry);
    try {
      await options.onDeadLetter?.(publicDeadLetter(entry));
    } catch (error) {
      logger.error('onDeadLetter failed', { messageId: message.messageId, error: errorMessage(error) });
    }
  }

  function release(session: Session): void {
    session.locked = false;
    lockedSessions -= 1;
    sessions.delete(session.id);
    // Re-inserted at the back: the next pump offers other sessions first (round robin).
    if (session.messages.length > 0) sessions.set(session.id, session);
    schedulePump();
  }

  function activeCount(): number {
    let count = 0;
    for (const session of sessions.values()) count += session.messages.length;
    return count;
  }

  function isIdle(): boolean {
    return running.size === 0 && activeCount() === 0;
  }

  function stats(): QueueStats {
    return {
      active: activeCount(),
      inFlight: lockedSessions,
      sessions: [...sessions.values()].filter((s) => s.messages.length > 0).length,
      deadLettered: deadLetters.length,
      completed,
      duplicatesDropped,
    };
  }

  return {
    async publish(messages: ChangeMessage[]): Promise<void> {
      const now = clock.now();
      const accepted: StoredMessage[] = [];
      for (const message of messages) {
        if (duplicates.checkAndRemember(message.messageId, now.getTime())) {
          duplicatesDropped += 1; // dropped silently, as Service Bus does
          continue;
        }
        accepted.push({
          seq: nextSeq++,
          messageId: message.messageId,
          sessionId: message.sessionId,
          // A JSON copy: the handler sees what Service Bus would hand over, whether or not a journal is kept.
          body: JSON.parse(JSON.stringify(message.body)) as unknown,
          enqueuedTimeUtc: now,
          deliveryCount: 0,
          lastError: null,
        });
      }
      try {
        journal(accepted.map(enqueueRecord));
      } catch (error) {
        for (const message of accepted) duplicates.forget(message.messageId);
        throw error;
      }
      for (const message of accepted) sessionOf(message.sessionId).messages.push(message);
      schedulePump();
    },

    start(messageHandler, { maxConcurrentSessions: max }) {
      if (handler) throw new Error('in-process queue is already started: stop it first');
      if (!Number.isInteger(max) || max < 1) {
        throw new Error(`maxConcurrentSessions must be a positive integer, got ${max}`);
      }
      handler = messageHandler;
      maxConcurrentSessions = max;
      schedulePump();
    },

    async stop() {
      handler = null;
      if (wake) clearTimeout(wake.timer);
      wake = null;
      while (running.size > 0) await Promise.allSettled([...running]);
    },

    isIdle,

    waitUntilIdle: ({ timeoutMs } = {}) => idle.wait(timeoutMs),

    stats,

    deadLetters: () => deadLetters.map(publicDeadLetter),
  };
}

function received(message: StoredMessage): ReceivedMessage {
  return {
    messageId: message.messageId,
    sessionId: message.sessionId,
    body: structuredClone(message.body),
    deliveryCount: message.deliveryCount,
    enqueuedTimeUtc: new Date(message.enqueuedTimeUtc),
  };
}

function publicDeadLetter({ seq: _seq, ...deadLetter }: StoredDeadLetter): DeadLetter {
  return structuredClone(deadLetter);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const stderrLogger: Logger = {
  info: () => undefined,
  warn: (message, fields) => console.error(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
