/** Business time of the scenario (ERP dates) and reveal time (when a change becomes visible). */

/** 2026-11-27T10:00:00-03:00, Black Friday morning in Brasília. */
export const SCENARIO_START_MS = Date.UTC(2026, 10, 27, 13, 0, 0);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Business instants are whole seconds: every ERP date format can carry them exactly. */
export function wholeSeconds(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}

/** `ms` plus `minutes` (fractional allowed), on whole seconds. */
export function plusMinutes(ms: number, minutes: number): number {
  return wholeSeconds(ms + minutes * MINUTE);
}

/** `ms` plus `hours` (fractional allowed), on whole seconds. */
export function plusHours(ms: number, hours: number): number {
  return wholeSeconds(ms + hours * HOUR);
}

/** Reveal fractions are capped at the end of the run. */
export function capFraction(fraction: number): number {
  return Math.min(1, fraction);
}
