import { z } from 'zod';
import type { IntegrationRecord } from '../../app/integrationRecord.js';
import { ERROR_CODES } from '../../domain/errors.js';
import { HM_STATUSES, RECORD_STATES } from '../../domain/status.js';
import { int64 } from './entityValues.js';

/**
 * The small, customer-data-free fields of a record, stored as plain properties both on the record
 * entity and on its by-day index row: listings are built from them alone, without the payload.
 */
export const SUMMARY_PROPERTIES = [
  'orderNumber',
  'recordId',
  'status',
  'state',
  'attempts',
  'firstSeenAt',
  'updatedAt',
  'lastAttemptAt',
  'transId',
  'correlationId',
  'hasResponse',
  'responseHttpStatus',
  'errorCode',
  'errorMessage',
];

/** Long enough for any message we write; keeps index rows small whatever H&M answers. */
const MAX_ERROR_MESSAGE = 1000;

/** The summary properties of a record. Null fields are left out (Table Storage does not store nulls). */
export function summaryProperties(record: IntegrationRecord): Record<string, unknown> {
  return {
    orderNumber: record.orderNumber,
    recordId: record.recordId,
    // '' rather than absent, so "status is null" (an unreadable ERP row) can be filtered server-side.
    status: record.status ?? '',
    state: record.state,
    attempts: record.attempts,
    firstSeenAt: record.firstSeenAt,
    updatedAt: record.updatedAt,
    ...(record.lastAttemptAt === null ? {} : { lastAttemptAt: record.lastAttemptAt }),
    ...(record.transId === null ? {} : { transId: int64(record.transId) }),
    ...(record.correlationId === null ? {} : { correlationId: record.correlationId }),
    hasResponse: record.response !== null,
    ...(record.response?.httpStatus == null ? {} : { responseHttpStatus: record.response.httpStatus }),
    ...(record.error === null
      ? {}
      : { errorCode: record.error.code, errorMessage: record.error.message.slice(0, MAX_ERROR_MESSAGE) }),
  };
}

const summaryEntitySchema = z.object({
  orderNumber: z.string().min(1),
  recordId: z.string().min(1),
  status: z.union([z.enum(HM_STATUSES), z.literal('')]),
  state: z.enum(RECORD_STATES),
  attempts: z.number().int().nonnegative(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  lastAttemptAt: z.string().nullish(),
  transId: z.union([z.bigint(), z.number().int()]).nullish(),
  correlationId: z.string().nullish(),
  hasResponse: z.boolean(),
  responseHttpStatus: z.number().int().nullish(),
  errorCode: z.enum(ERROR_CODES).nullish(),
  errorMessage: z.string().nullish(),
});

/**
 * A list item from summary properties: an IntegrationRecord whose payload and raw ERP row are null
 * and whose response body and error details are left out (list views carry no customer data).
 */
export function listItemFromSummary(entity: unknown): IntegrationRecord {
  const summary = summaryEntitySchema.parse(entity);
  return {
    orderNumber: summary.orderNumber,
    recordId: summary.recordId,
    status: summary.status === '' ? null : summary.status,
    state: summary.state,
    attempts: summary.attempts,
    firstSeenAt: summary.firstSeenAt,
    updatedAt: summary.updatedAt,
    lastAttemptAt: summary.lastAttemptAt ?? null,
    transId: summary.transId == null ? null : Number(summary.transId),
    payload: null,
    response: summary.hasResponse ? { httpStatus: summary.responseHttpStatus ?? null, body: null } : null,
    error: summary.errorCode == null ? null : { code: summary.errorCode, message: summary.errorMessage ?? '' },
    correlationId: summary.correlationId ?? null,
    raw: null,
  };
}
