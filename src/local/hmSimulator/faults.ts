import type { HmFaults } from './simulatorTypes.js';

/** What a fault decision says about one order POST. */
export type FaultVerdict = 'none' | 'unavailable' | 'throttled';

/** mulberry32: a tiny seeded generator, so a faulty run can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds the current fault settings and decides, request by request, which fault (if any) applies. */
export class FaultPlan {
  private faults: HmFaults = {};
  private random: () => number = seededRandom(1);

  constructor(faults: HmFaults | undefined) {
    this.set(faults ?? {});
  }

  /** Replaces the settings (and restarts the draws from the seed). */
  set(faults: HmFaults): void {
    this.faults = { ...faults };
    this.random = seededRandom(faults.seed ?? 1);
  }

  refusesTokens(): boolean {
    return this.faults.refuseTokens === true;
  }

  latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  /** Draws the fault for the next order POST; the counters (failNext, throttleNext) come before the rates. */
  next(): FaultVerdict {
    if ((this.faults.throttleNext ?? 0) > 0) {
      this.faults.throttleNext = (this.faults.throttleNext ?? 0) - 1;
      return 'throttled';
    }
    if ((this.faults.failNext ?? 0) > 0) {
      this.faults.failNext = (this.faults.failNext ?? 0) - 1;
      return 'unavailable';
    }
    const draw = this.random();
    const throttleRate = this.faults.throttleRate ?? 0;
    const errorRate = this.faults.errorRate ?? 0;
    if (draw < throttleRate) return 'throttled';
    if (draw < throttleRate + errorRate) return 'unavailable';
    return 'none';
  }
}
