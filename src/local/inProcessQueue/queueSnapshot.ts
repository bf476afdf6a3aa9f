import type { JournalRecord } from './journal.js';
import type { DeadLetter } from './types.js';

/** A message in the queue, as kept in memory. */
export interface StoredMessage {
  /** Global enqueue order: keeps FIFO per session across a restart. */
  seq: number;
  messageId: string;
  sessionId: string;
  body: unknown;
  enqueuedTimeUtc: Date;
  /** Deliveries started so far. */
  deliveryCount: number;
  lastError: string | null;
}

export type StoredDeadLetter = DeadLetter & { seq: number };

/** Everything the journal must bring back after a restart. */
export interface QueueSnapshot {
  pending: StoredMessage[];
  deadLetters: StoredDeadLetter[];
  /** messageId → latest instant seen (ms), for duplicate detection. */
  seen: Map<string, number>;
  nextSeq: number;
}

/** Rebuilds the queue from journal records; records about unknown messages are ignored. */
/** A message as it stands in the dead-letter list. */
export function toDeadLetter(message: StoredMessage, reason: string, description: string | null, at: Date): StoredDeadLetter {
  return {
    seq: message.seq,
    messageId: message.messageId,
    sessionId: message.sessionId,
    body: message.body,
    deliveryCount: message.deliveryCount,
    enqueuedTimeUtc: message.enqueuedTimeUtc,
    deadLetterReason: reason,
    deadLetterErrorDescription: description,
    deadLetteredTimeUtc: at,
  };
}

export function replayJournal(records: readonly JournalRecord[]): QueueSnapshot {
  const pending = new Map<number, StoredMessage>();
  const deadLetters: StoredDeadLetter[] = [];
  const seen = new Map<string, number>();
  let nextSeq = 1;
  const see = (id: string, atMs: number) => seen.set(id, Math.max(atMs, seen.get(id) ?? atMs));

  for (const record of records) {
    if (record.op === 'seen') {
      see(record.messageId, Date.parse(record.seenAtUtc));
      continue;
    }
    if (record.op === 'enqueue') {
      const { seq, messageId, sessionId, body } = record;
      const enqueuedTimeUtc = new Date(record.enqueuedTimeUtc);
      pending.set(seq, {
        seq, messageId, sessionId, body, enqueuedTimeUtc,
        deliveryCount: record.deliveryCount ?? 0,
        lastError: record.lastError ?? null,
      });
      see(messageId, enqueuedTimeUtc.getTime());
      nextSeq = Math.max(nextSeq, seq + 1);
      continue;
    }
    const message = pending.get(record.seq);
    if (!message) continue;
    if (record.op === 'deliver') message.deliveryCount += 1;
    else if (record.op === 'abandon') message.lastError = record.error;
    else {
      pending.delete(record.seq);
      if (record.op === 'deadletter') {
        deadLetters.push(toDeadLetter(message, record.reason, record.description, new Date(record.deadLetteredTimeUtc)));
      }
    }
  }
  return { pending: [...pending.values()].sort((a, b) => a.seq - b.seq), deadLetters, seen, nextSeq };
}

/** The shortest journal that replays to `snapshot` (used to compact the journal on start). */
export function snapshotRecords(snapshot: QueueSnapshot): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const [messageId, atMs] of snapshot.seen) {
    records.push({ op: 'seen', messageId, seenAtUtc: new Date(atMs).toISOString() });
  }
  for (const dead of snapshot.deadLetters) {
    records.push(enqueueRecord({ ...dead, lastError: dead.deadLetterErrorDescription }), {
      op: 'deadletter',
      seq: dead.seq,
      reason: dead.deadLetterReason,
      description: dead.deadLetterErrorDescription,
      deadLetteredTimeUtc: dead.deadLetteredTimeUtc.toISOString(),
    });
  }
  for (const message of snapshot.pending) records.push(enqueueRecord(message));
  return records;
}

/** The enqueue record of a message (deliveryCount and lastError included only when not fresh). */
export function enqueueRecord(message: StoredMessage): JournalRecord {
  const { seq, messageId, sessionId, body, deliveryCount, lastError } = message;
  return {
    op: 'enqueue', seq, messageId, sessionId, body,
    enqueuedTimeUtc: message.enqueuedTimeUtc.toISOString(),
    ...(deliveryCount > 0 ? { deliveryCount } : {}),
    ...(lastError !== null ? { lastError } : {}),
  };
}
