import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { IntegrationError } from '../../domain/errors.js';

/**
 * The write-ahead journal of the in-process queue: one JSON record per line, appended before memory
 * changes, so a crash loses nothing that was acknowledged. A crash mid-write can only tear the last line.
 */
export const journalRecordSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('enqueue'),
    seq: z.number().int(),
    messageId: z.string(),
    sessionId: z.string(),
    body: z.unknown(),
    enqueuedTimeUtc: z.string(),
    // Only compaction writes these two: a fresh enqueue starts at 0 deliveries and no error.
    deliveryCount: z.number().int().nonnegative().optional(),
    lastError: z.string().nullable().optional(),
  }),
  /** A delivery started: counted before the handler runs, so a crash mid-handler still counts (as in Service Bus). */
  z.object({ op: z.literal('deliver'), seq: z.number().int() }),
  z.object({ op: z.literal('abandon'), seq: z.number().int(), error: z.string().nullable() }),
  z.object({ op: z.literal('complete'), seq: z.number().int() }),
  z.object({
    op: z.literal('deadletter'),
    seq: z.number().int(),
    reason: z.string(),
    description: z.string().nullable(),
    deadLetteredTimeUtc: z.string(),
  }),
  /** A messageId still inside the duplicate detection window whose message is gone (written by compaction). */
  z.object({ op: z.literal('seen'), messageId: z.string(), seenAtUtc: z.string() }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;

/** Reads every record; a torn (unparsable) last line is ignored, a bad line elsewhere is an error. */
export function readJournal(path: string): JournalRecord[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const records: JournalRecord[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseLine(line);
    if (record) records.push(record);
    else if (index !== lines.length - 1) {
      throw new IntegrationError(
        'INTERNAL',
        `local queue journal ${path} line ${index + 1} is not a valid record: delete the file to start with an ` +
          `empty local queue (its pending messages are lost)`,
      );
    }
  });
  return records;
}

function parseLine(line: string): JournalRecord | null {
  try {
    const parsed = journalRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Appends the records as complete lines in one write. */
export function appendRecords(path: string, records: readonly JournalRecord[]): void {
  if (records.length === 0) return;
  appendFileSync(path, records.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
}

/** Replaces the journal with `records` atomically (write aside, then rename), so a crash keeps the old one. */
export function rewriteJournal(path: string, records: readonly JournalRecord[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, records.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
  renameSync(temporary, path);
}
