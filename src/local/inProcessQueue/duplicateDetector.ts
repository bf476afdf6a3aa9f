/**
 * Service Bus duplicate detection: a messageId seen within the window is dropped. Entries are kept in
 * the order they were seen, so expired ones are pruned from the front.
 */
export interface DuplicateDetector {
  /** True if `messageId` was seen within the window before `nowMs`; otherwise remembers it and returns false. */
  checkAndRemember(messageId: string, nowMs: number): boolean;
  /** Drops an id remembered by a publish that then failed, so its retry is not mistaken for a duplicate. */
  forget(messageId: string): void;
  /** The ids still inside the window at `nowMs`, oldest first, with the instant each was seen. */
  entries(nowMs: number): [string, number][];
}

/** A detector seeded with `seen` ([messageId, seenAtMs] pairs, any order). */
export function createDuplicateDetector(windowMs: number, seen: Iterable<[string, number]> = []): DuplicateDetector {
  const seenAt = new Map<string, number>([...seen].sort((a, b) => a[1] - b[1]));

  function prune(nowMs: number): void {
    for (const [id, at] of seenAt) {
      if (nowMs - at < windowMs) return;
      seenAt.delete(id);
    }
  }

  return {
    checkAndRemember(messageId, nowMs) {
      prune(nowMs);
      if (seenAt.has(messageId)) return true;
      seenAt.set(messageId, nowMs);
      return false;
    },
    forget(messageId) {
      seenAt.delete(messageId);
    },
    entries(nowMs) {
      prune(nowMs);
      return [...seenAt];
    },
  };
}
