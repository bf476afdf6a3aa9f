import type { z } from 'zod';
import { MISSING_MESSAGE } from './erpInvalid.js';

/** One problem of an ERP row: where (ERP field path), what, and the offending value (truncated). */
export interface ErpRowIssue {
  /** ERP path, e.g. `produtos[2].preco`; `row` for the row itself. */
  path: string;
  /** "missing", or a predicate on the value ("is not a number"). */
  message: string;
  value: unknown;
}

const MAX_VALUE_CHARS = 80;
// A 300-line order with every price wrong must still fit an operator's screen and a 64 KiB property.
const MAX_ISSUES_IN_MESSAGE = 20;
const MAX_ISSUES_IN_DETAILS = 100;

/** An ERP row's problems: the operator's one-line summary and the structured details. */
export interface RowIssueReport {
  /** `path: missing; path: "value" is not a number; …` (capped, with a count of the rest). */
  summary: string;
  details: ErpRowIssue[];
}

/** Turns zod issues into ERP row issues, reading each offending value back from the raw row. */
export function reportRowIssues(raw: unknown, issues: readonly z.core.$ZodIssue[]): RowIssueReport {
  const details: ErpRowIssue[] = [];
  const lines: string[] = [];
  for (const issue of issues.slice(0, MAX_ISSUES_IN_DETAILS)) {
    const value = valueAt(raw, issue.path);
    const path = formatPath(issue.path);
    const message = value === undefined ? MISSING_MESSAGE : issue.message;
    details.push({ path, message, value: detailValue(value) });
    if (lines.length < MAX_ISSUES_IN_MESSAGE) {
      lines.push(message === MISSING_MESSAGE ? `${path}: ${message}` : `${path}: ${renderValue(value)} ${message}`);
    }
  }
  const rest = issues.length - lines.length;
  return { summary: rest > 0 ? `${lines.join('; ')}; … and ${rest} more` : lines.join('; '), details };
}

/** A value as an operator reads it in a message: strings quoted, everything at most ~80 chars. */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return truncate(safeJson(value));
  return typeof value;
}

function detailValue(value: unknown): unknown {
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'object' && value !== null) return truncate(safeJson(value));
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  return value;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  try {
    for (const key of path) {
      if (typeof current !== 'object' || current === null) return undefined;
      current = (current as Record<PropertyKey, unknown>)[key];
    }
  } catch {
    return undefined; // a throwing getter: nothing readable there
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'row';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function truncate(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle or a throwing getter: say what kind of thing it is without reading it.
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}
