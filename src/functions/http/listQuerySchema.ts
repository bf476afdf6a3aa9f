import { z } from 'zod';
import { HM_STATUSES, RECORD_STATES } from '../../domain/status.js';
import type { RecordQuery } from '../../app/integrationRecord.js';

const day = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date or date-time')
  .transform((s) => new Date(s));

/** The query string of GET /api/integrations. */
export const listQuerySchema = z
  .object({
    orderNumber: z.string().trim().min(1).optional(),
    status: z.enum(HM_STATUSES).optional(),
    state: z.enum(RECORD_STATES).optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    continuationToken: z.string().min(1).optional(),
  })
  .strict()
  .transform((q): RecordQuery => {
    const query: RecordQuery = { limit: q.limit };
    if (q.orderNumber) query.orderNumber = q.orderNumber;
    if (q.status) query.status = q.status;
    if (q.state) query.state = q.state;
    if (q.from) query.from = q.from;
    if (q.to) query.to = q.to;
    if (q.continuationToken) query.continuationToken = q.continuationToken;
    return query;
  });
