import type { z } from 'zod';
import { IntegrationError } from '../errors.js';
import type { Order, ReturnMovement } from '../order.js';
import { parseErpInteger } from './erpDecimal.js';
import { ErpInvalid, isAbsent } from './erpInvalid.js';
import { erpOrderRowSchema } from './erpOrderSchema.js';
import { erpReturnRowSchema } from './erpReturnSchema.js';
import { renderValue, reportRowIssues } from './erpRowIssues.js';
import { parseErpText } from './erpScalars.js';

/** A parsed ERP row, or why it could not be read plus what could be recovered to file it under. */
export type ErpParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: IntegrationError; orderNumber: string | null; transId: number | null };

/** Reads a `listapedidos` row into an Order; never throws (a bad row is an ERP_INVALID_ROW result). */
export function parseErpOrder(raw: unknown): ErpParseResult<Order> {
  return parseRow(raw, erpOrderRowSchema, 'order', ['cod_pedidov']);
}

/** Reads a return movement row into a ReturnMovement; never throws. */
export function parseErpReturn(raw: unknown): ErpParseResult<ReturnMovement> {
  return parseRow(raw, erpReturnRowSchema, 'return', ['devolucao', 'cod_pedidov']);
}

function parseRow<T>(
  raw: unknown,
  schema: z.ZodType<T>,
  kind: 'order' | 'return',
  identityFields: readonly string[],
): ErpParseResult<T> {
  let issues: readonly z.core.$ZodIssue[];
  try {
    const result = schema.safeParse(raw);
    if (result.success) return { ok: true, value: result.data };
    issues = result.error.issues;
  } catch (error) {
    // Only exotic input (a throwing getter) gets here; it is still a bad row, not a crash.
    const reason = error instanceof Error ? error.message : 'unexpected error';
    issues = [{ code: 'custom', path: [], message: `could not be read (${reason})`, input: raw }];
  }
  const orderNumber = readText(raw, 'cod_pedidov');
  const transId = readTransId(raw);
  const report = reportRowIssues(raw, issues);
  const identity = identityFields.map((field) => identify(field, readText(raw, field)));
  identity.push(identify('trans_id', transId));
  const message = `invalid ERP ${kind} row (${identity.join(', ')}): ${report.summary}`;
  return { ok: false, error: new IntegrationError('ERP_INVALID_ROW', message, report.details), orderNumber, transId };
}

function identify(field: string, value: string | number | null): string {
  return `${field} ${value === null ? 'unknown' : renderValue(value)}`;
}

/** Best effort: a text field of a row that may not even be an object. */
function readText(raw: unknown, field: string): string | null {
  const value = fieldOf(raw, field);
  if (isAbsent(value)) return null;
  const text = parseErpText(value);
  return text instanceof ErpInvalid ? null : text;
}

function readTransId(raw: unknown): number | null {
  const value = fieldOf(raw, 'trans_id');
  if (isAbsent(value)) return null;
  const transId = parseErpInteger(value);
  return transId instanceof ErpInvalid || transId < 0 ? null : transId;
}

function fieldOf(raw: unknown, field: string): unknown {
  try {
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)[field]
      : undefined;
  } catch {
    return undefined;
  }
}
