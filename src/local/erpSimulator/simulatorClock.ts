/**
 * The simulator's notion of "how far the story has unfolded", in ms. Real mode follows the wall
 * clock from start; manual mode moves only when a test says so. Neither ever goes back.
 */
export class SimulatorClock {
  private readonly startedAt = performance.now();
  private floorMs = 0;

  constructor(private readonly mode: 'real' | 'manual') {}

  /** Elapsed story time. */
  elapsedMs(): number {
    return this.mode === 'manual' ? this.floorMs : Math.max(this.floorMs, performance.now() - this.startedAt);
  }

  /** Jumps forward to `ms` (no effect if already past it). */
  advanceTo(ms: number): void {
    this.floorMs = Math.max(this.floorMs, ms);
  }

  /** Makes every change visible at once. */
  revealAll(): void {
    // Finite on purpose: "superseded at Infinity" must still mean "never superseded".
    this.floorMs = Number.MAX_SAFE_INTEGER;
  }
}
