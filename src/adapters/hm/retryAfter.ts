/** Milliseconds to wait from a Retry-After header (delta-seconds or HTTP-date), capped; 0 when absent or unreadable. */
export function retryAfterMs(header: unknown, capMs: number, now: number = Date.now()): number {
  if (typeof header !== 'string' || header.trim() === '') return 0;
  const value = header.trim();
  const wait = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(wait) || wait <= 0) return 0;
  return Math.min(wait, capMs);
}
