/** The statuses H&M receives, in lifecycle order (rule 7: earlier ones are always sent first). */
export const HM_STATUSES = ['CREATED', 'CANCELLED', 'SHIPPED', 'DELIVERED', 'RETURNED'] as const;
export type HmStatus = (typeof HM_STATUSES)[number];

/** Lifecycle rank of a status: CREATED first, RETURNED last. */
export function lifecycleRank(status: HmStatus): number {
  return HM_STATUSES.indexOf(status);
}

/**
 * Where an integration record stands.
 * PENDING: owed, not yet accepted by H&M (waiting, retrying, or the integration is disabled).
 * SENT: H&M accepted it (2xx, or 409 = already received).
 * FAILED: needs an operator (H&M rejected it, a mapping is missing, invalid ERP data, retries exhausted).
 * BLOCKED: an earlier status of the same order has not been sent; this one waits so as not to overtake it.
 */
export const RECORD_STATES = ['PENDING', 'SENT', 'FAILED', 'BLOCKED'] as const;
export type RecordState = (typeof RECORD_STATES)[number];
