import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { IntegrationError } from '../../domain/errors.js';
import { HM_STATUSES } from '../../domain/status.js';

/**
 * The simulator's memory across restarts: one JSON line per accepted event, appended before the 2xx
 * answer, so what H&M acknowledged is never forgotten. Only ids, the order number and the status are
 * kept: no header, token, key or body ever reaches the file.
 */
export const acceptedEntrySchema = z.object({
  eventId: z.string().min(1),
  orderNumber: z.string().min(1),
  status: z.enum(HM_STATUSES),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type AcceptedEntry = z.infer<typeof acceptedEntrySchema>;

function parseLine(line: string): AcceptedEntry | null {
  try {
    const parsed = acceptedEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Reads the accepted events of earlier runs (creating the folder if needed). A crash mid-append can
 * only tear the last line: it is ignored and cut off, so the next append starts on a clean line; a
 * bad line elsewhere is an error.
 */
export function loadAcceptedLog(file: string): AcceptedEntry[] {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  // Bytes, not text: a write torn inside a multi-byte character must still be cut at the right place.
  const completeLength = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, completeLength).toString('utf8').split('\n');
  const entries: AcceptedEntry[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const entry = parseLine(line);
    if (!entry) {
      throw new IntegrationError(
        'INTERNAL',
        `H&M simulator memory ${file} line ${index + 1} is not an accepted event: delete the file (or start with --fresh) ` +
          'to start with an H&M that remembers nothing',
      );
    }
    entries.push(entry);
  });
  if (completeLength < bytes.length) {
    const last = parseLine(bytes.subarray(completeLength).toString('utf8'));
    // Whole but for its newline: the event was stored, only the answer may have been lost (a resend gets 409).
    if (last) {
      entries.push(last);
      appendFileSync(file, '\n', 'utf8');
    } else truncateSync(file, completeLength);
  }
  return entries;
}

/** Appends one accepted event as a complete line, synchronously, so it is on disk before the 2xx. */
export function appendAccepted(file: string, entry: AcceptedEntry): void {
  appendFileSync(file, JSON.stringify(acceptedEntrySchema.parse(entry)) + '\n', 'utf8');
}
