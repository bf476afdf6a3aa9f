import { createHash } from 'node:crypto';
import type { HmStatus } from './status.js';

/**
 * Deterministic id of one status event: the same (order, status, discriminator) gives the same id on
 * any machine and any run, so a resend is recognised by H&M (Idempotency-Key, 409) and by our log.
 * The discriminator is the return id for RETURNED (several partial returns) and empty otherwise.
 */
export function statusEventId(orderNumber: string, status: HmStatus, discriminator = ''): string {
  const hex = createHash('sha256')
    .update(`hm-status-event/v1\u0000${orderNumber}\u0000${status}\u0000${discriminator}`)
    .digest('hex');
  // UUID-shaped (not a real v4/v5) so it reads like an id in H&M's and our logs.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
