import type { z } from 'zod';
import type { FieldError } from './eventBodyRules.js';
import { checkEventRules } from './eventBodyRules.js';
import type { SimulatorEvent } from './eventBodySchema.js';
import { simulatorEventSchema } from './eventBodySchema.js';

/** `['order', 'lines', 2, 'lineTotal']` → `order.lines[2].lineTotal`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');
}

function issueToErrors(issue: z.core.$ZodIssue): FieldError[] {
  const at = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: at === '' ? key : `${at}.${key}`, message: 'is not a field of the contract' }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ field: at, message: 'is required' }];
  }
  return [{ field: at, message: issue.message }];
}

/** Field-by-field then cross-field validation of a parsed request body. */
export function validateEventBody(body: unknown): { ok: true; event: SimulatorEvent } | { ok: false; errors: FieldError[] } {
  const parsed = simulatorEventSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(issueToErrors) };
  const errors = checkEventRules(parsed.data);
  return errors.length === 0 ? { ok: true, event: parsed.data } : { ok: false, errors };
}
