import type { ChangePublisher, Clock, Logger } from '../../app/ports.js';

/** What a handler receives: the fields of a Service Bus received message the runtime uses. */
export interface ReceivedMessage {
  messageId: string;
  sessionId: string;
  /** A fresh copy of the JSON body: parse it as you would a Service Bus body. */
  body: unknown;
  /** 1 on the first delivery, like Service Bus. */
  deliveryCount: number;
  enqueuedTimeUtc: Date;
}

/** Resolving completes the message; throwing abandons it (peek-lock). */
export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

/** A message moved to the dead-letter list, with Service Bus's reason fields. */
export interface DeadLetter {
  messageId: string;
  sessionId: string;
  body: unknown;
  deliveryCount: number;
  enqueuedTimeUtc: Date;
  deadLetterReason: string;
  /** The last handler error message, if any. */
  deadLetterErrorDescription: string | null;
  deadLetteredTimeUtc: Date;
}

export interface InProcessQueueOptions {
  /** Folder for the write-ahead journal; null keeps everything in memory. */
  dataDir: string | null;
  /** Failed deliveries after which a message is dead-lettered (Service Bus default: 10). */
  maxDeliveryCount: number;
  /** A messageId seen within this window is dropped (default 10 minutes, Service Bus's default). */
  duplicateDetectionWindowMs?: number;
  /** Delay before an abandoned message is offered again, so a failing order does not spin (default 200). */
  abandonRetryDelayMs?: number;
  /**
   * Like host.json's maxAutoLockRenewalDuration (default 5 minutes): a handler still running after this
   * loses its lock; the delivery counts as failed and whatever the handler returns later is ignored.
   */
  lockRenewal?: { maxDurationMs: number };
  /** Called once per dead-lettered message; awaited before the session moves on. */
  onDeadLetter?: (deadLetter: DeadLetter) => void | Promise<void>;
  clock?: Clock;
  logger?: Logger;
}

export interface StartOptions {
  /** Sessions handled in parallel (host.json serviceBus.maxConcurrentSessions). */
  maxConcurrentSessions: number;
}

export interface QueueStats {
  /** Messages waiting or being handled (Service Bus's active message count). */
  active: number;
  /** Messages being handled now (one per locked session). */
  inFlight: number;
  /** Sessions with at least one active message. */
  sessions: number;
  deadLettered: number;
  /** Completed since this queue object was created. */
  completed: number;
  /** Messages dropped by duplicate detection since this queue object was created. */
  duplicatesDropped: number;
}

/** A local stand-in for a session-enabled Service Bus queue. */
export interface InProcessQueue extends ChangePublisher {
  start(handler: MessageHandler, options: StartOptions): void;
  /** Stops handing out messages and waits for the handlers running now. */
  stop(): Promise<void>;
  /** True when no message is waiting and no handler is running. */
  isIdle(): boolean;
  /** Resolves once idle; rejects after `timeoutMs` (if given) with the queue's stats in the message. */
  waitUntilIdle(options?: { timeoutMs?: number }): Promise<void>;
  stats(): QueueStats;
  deadLetters(): DeadLetter[];
}
