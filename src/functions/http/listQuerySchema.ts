import { z } from 'zod';
import { ERROR_CODES } from '../../domain/errors.js';
import { HM_STATUSES, RECORD_STATES } from '../../domain/status.js';
import type { BulkResyncQuery } from '../../app/query/requestBulkResync.js';
import type { RecordQuery } from '../../app/integrationRecord.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
// Groups: 1 year, 2 month, 3 day, 4 seconds, 5 fraction, 6 offset.
/** Operators are in Brazil: a date or time without an offset is Brasília time, as in the ERP. */
const BRASILIA = '-03:00';
const MAX_RANGE_DAYS = 366;

/** A real calendar day (rejects 2026-02-30, which Date.parse would roll over into March). */
function isCalendarDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** `from`/`to`: a date (the whole day, Brasília time) or an ISO date-time (Brasília when no offset). */
function instantParam(edge: 'start' | 'end') {
  return z.string().transform((text, ctx) => {
    const dateOnly = DATE_ONLY.exec(text);
    const dateTime = DATE_TIME.exec(text);
    const parts = dateOnly ?? dateTime;
    if (!parts || !isCalendarDay(parts[1] ?? '', parts[2] ?? '', parts[3] ?? '')) {
      ctx.addIssue({ code: 'custom', message: `expected a date (2026-12-01) or an ISO 8601 date-time (2026-12-01T08:00:00-03:00), got ${JSON.stringify(text.slice(0, 40))}` });
      return z.NEVER;
    }
    if (dateOnly) return new Date(`${text}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}${BRASILIA}`);
    return new Date(dateTime?.[6] ? text : `${text}${BRASILIA}`);
  });
}

/** The query string of GET /api/integrations. */
export const listQuerySchema = z
  .object({
    orderNumber: z.string().trim().min(1).optional(),
    status: z.enum(HM_STATUSES).optional(),
    state: z.enum(RECORD_STATES).optional(),
    from: instantParam('start').optional(),
    to: instantParam('end').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    continuationToken: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
    const span = (q.to?.getTime() ?? Date.now()) - (q.from?.getTime() ?? 0);
    if (q.from && span > MAX_RANGE_DAYS * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_RANGE_DAYS} days between from and to: narrow the range` });
    }
  })
  .transform((q): RecordQuery => q);

/** An order number in a route: what cod_pedidov can hold, nothing that could not be one. */
export const orderNumberParamSchema = z
  .string()
  .trim()
  .min(1, 'the order number is empty')
  .max(100, 'an order number has at most 100 characters')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'an order number has no control characters');

/** Query strings of the single-order routes: none expected. */
export const noQuerySchema = z.object({}).strict();

/** The route parameter of the single-order routes, named in errors. */
export const orderRouteSchema = z.object({ orderNumber: orderNumberParamSchema });

/** The query string of POST /api/integrations/resync: the list filters, an error code, a bound. */
export const bulkResyncQuerySchema = z
  .object({
    orderNumber: z.string().trim().min(1).optional(),
    status: z.enum(HM_STATUSES).optional(),
    state: z.enum(RECORD_STATES).default('FAILED'),
    code: z.enum(ERROR_CODES).optional(),
    from: instantParam('start').optional(),
    to: instantParam('end').optional(),
    maxOrders: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .transform((q): BulkResyncQuery => q);
