import { z } from 'zod';
import { ERROR_CODES } from '../domain/errors.js';
import { HM_STATUSES, RECORD_STATES } from '../domain/status.js';

/** One line of what operators see: a status event of an order, or an ERP row that could not be read. */
export const integrationRecordSchema = z.object({
  orderNumber: z.string().min(1),
  /** The eventId for a status event; `invalid-<hash>` for an unreadable ERP row. */
  recordId: z.string().min(1),
  /** Null for an unreadable ERP row. */
  status: z.enum(HM_STATUSES).nullable(),
  state: z.enum(RECORD_STATES),
  attempts: z.number().int().nonnegative(),
  /** ISO 8601 instants. */
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  /** The ERP change (trans_id) that made this record owed. */
  transId: z.number().int().nullable(),
  /** The body sent (or that would be sent) to H&M. */
  payload: z.unknown().nullable(),
  /** H&M's last answer. */
  response: z.object({ httpStatus: z.number().int().nullable(), body: z.unknown() }).nullable(),
  error: z
    .object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() })
    .nullable(),
  /** Correlation id of the last attempt, also written in the logs (x-correlation-id). */
  correlationId: z.string().nullable(),
  /** The raw ERP row, for a row that failed validation. */
  raw: z.unknown().nullable(),
});
export type IntegrationRecord = z.infer<typeof integrationRecordSchema>;

/** Filters of GET /api/integrations. */
export interface RecordQuery {
  orderNumber?: string;
  status?: IntegrationRecord['status'];
  state?: IntegrationRecord['state'];
  /** Inclusive bounds on firstSeenAt. */
  from?: Date;
  to?: Date;
  limit: number;
  continuationToken?: string;
}

export interface RecordPage {
  items: IntegrationRecord[];
  continuationToken: string | null;
}
