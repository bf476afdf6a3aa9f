import type { ErpChange } from './dataset/datasetTypes.js';

interface Version {
  transId: number;
  atMs: number;
  /** When the next version of the same entity appears (Infinity: never). */
  supersededAtMs: number;
  key: string;
  row: Readonly<Record<string, unknown>>;
}

/** One feed's versions, answering "what does the gateway show at time t" without copying rows. */
export class FeedIndex {
  private readonly versions: Version[];
  private readonly byKey = new Map<string, Version[]>();

  /** `changes` of this feed, ascending trans_id (and so ascending atMs). */
  constructor(changes: readonly ErpChange[]) {
    this.versions = changes.map((c) => ({ transId: c.transId, atMs: c.atMs, supersededAtMs: Number.POSITIVE_INFINITY, key: c.key, row: c.row }));
    for (const v of this.versions) {
      const list = this.byKey.get(v.key) ?? [];
      const previous = list[list.length - 1];
      if (previous) previous.supersededAtMs = v.atMs;
      list.push(v);
      this.byKey.set(v.key, list);
    }
  }

  /**
   * Current versions visible at `nowMs` whose trans_id is at or after `fromTransId` (inclusive),
   * ascending, at most `top`; `count` is how many match in all.
   */
  page(fromTransId: number, top: number, nowMs: number): { rows: Readonly<Record<string, unknown>>[]; count: number } {
    const rows: Readonly<Record<string, unknown>>[] = [];
    let count = 0;
    for (let i = this.firstAtOrAfter(fromTransId); i < this.versions.length; i++) {
      const v = this.versions[i];
      if (v === undefined || v.atMs > nowMs) break;
      // A row always shows the entity's current version: older versions are gone from the feed.
      if (v.supersededAtMs <= nowMs) continue;
      count++;
      if (rows.length < top) rows.push(v.row);
    }
    return { rows, count };
  }

  /** The entity's current version at `nowMs`, or null when it is unknown (or not visible yet). */
  current(key: string, nowMs: number): Readonly<Record<string, unknown>> | null {
    const list = this.byKey.get(key) ?? [];
    let found: Version | null = null;
    for (const v of list) if (v.atMs <= nowMs) found = v;
    return found?.row ?? null;
  }

  private firstAtOrAfter(transId: number): number {
    let lo = 0;
    let hi = this.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.versions[mid]?.transId ?? Number.POSITIVE_INFINITY) < transId) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
