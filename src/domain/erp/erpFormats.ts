import { z } from 'zod';
import { parseErpCents, parseErpInteger } from './erpDecimal.js';
import { parseErpInstant } from './erpInstant.js';
import { ErpInvalid, isAbsent, MISSING } from './erpInvalid.js';
import { parseErpBoolean, parseErpCnpj, parseErpDigits, parseErpText } from './erpScalars.js';

/**
 * zod field schemas for the formats the ERP really sends (contracts/erp-millennium.md). Each one
 * accepts any input and either yields the normalised value or records an issue whose message is a
 * predicate on the value ("is not a number", "missing"); erpRowIssues.ts turns those into the row
 * error. Absent means undefined, null or blank text: "missing" when required, null when optional.
 */

type Reader<T> = (value: unknown) => T | ErpInvalid;

// A bare z.transform (not z.unknown().transform) so that zod lets the key be absent from the row
// and still calls it: absence is decided here ("missing", null or a default), not by zod.
function field<T>(read: Reader<T>, whenAbsent: T | ErpInvalid) {
  return z.transform((value: unknown, ctx): T => {
    const result = isAbsent(value) ? whenAbsent : read(value);
    if (result instanceof ErpInvalid) {
      ctx.issues.push({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    }
    return result;
  });
}

const required = <T>(read: Reader<T>) => field<T>(read, MISSING);
const optional = <T>(read: Reader<T>) => field<T | null>(read, null);

/** Rejects numbers under `min` (0: "must not be negative"). */
function atLeast(read: Reader<number>, min: number | undefined): Reader<number> {
  if (min === undefined) return read;
  const tooSmall = new ErpInvalid(min === 0 ? 'must not be negative' : `must be at least ${min}`);
  return (v) => {
    const n = read(v);
    return typeof n === 'number' && n < min ? tooSmall : n;
  };
}

interface Bounds {
  /** Smallest accepted value (in cents for money). */
  min?: number;
}

/** Required trimmed text (a number is written as text). */
export const erpText = () => required(parseErpText);
/** Optional trimmed text; blank ⇒ null. */
export const erpOptionalText = () => optional(parseErpText);
/** Required integer: 2, "2", "2,000" and 2.0 are 2; 1.5 is an error. */
export const erpInteger = (bounds: Bounds = {}) => required(atLeast(parseErpInteger, bounds.min));
/** Optional integer; absent ⇒ null. */
export const erpOptionalInteger = (bounds: Bounds = {}) => optional(atLeast(parseErpInteger, bounds.min));
/** Required money in integer cents, rounded half away from zero on the exact decimal. */
export const erpCents = (bounds: Bounds = {}) => required(atLeast(parseErpCents, bounds.min));
/** Optional money in integer cents; absent ⇒ null. */
export const erpOptionalCents = (bounds: Bounds = {}) => optional(atLeast(parseErpCents, bounds.min));
/** Boolean in any of the ERP's spellings; absent ⇒ `whenAbsent`. */
export const erpBoolean = (whenAbsent: boolean) => field(parseErpBoolean, whenAbsent);
/** Required date or date-time → ISO 8601 instant with an offset. */
export const erpInstant = () => required(parseErpInstant);
/** Optional date or date-time; absent ⇒ null. */
export const erpOptionalInstant = () => optional(parseErpInstant);
/** Optional digits-only text (CPF, CEP, phone parts); a JSON number is zero-padded to `width`. */
export const erpDigits = (width = 0) => optional((v) => parseErpDigits(v, width));
/** Optional CNPJ without punctuation. */
export const erpCnpj = () => optional(parseErpCnpj);

/** An object of ERP fields; unknown extra fields are dropped. */
export const erpObject = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.object(shape, { error: 'is not an object' });

/** A list that may be missing, null or [] (all ⇒ []). */
export const erpList = <Item extends z.ZodType>(item: Item) =>
  z.preprocess((v) => (isAbsent(v) ? [] : v), z.array(item, { error: 'is not a list' }));

const isEmpty = (v: unknown) => isAbsent(v) || (Array.isArray(v) && v.length === 0);

/** The first element of a list that may be missing or [] (⇒ null); only that element is read. */
export const erpFirstOf = <Out>(item: z.ZodType<Out>) =>
  z
    .preprocess((v) => (isEmpty(v) ? null : v), z.tuple([item], z.unknown(), { error: 'is not a list' }).nullable())
    .transform((list) => (list === null ? null : list[0]));

/** The first element of a list that must have one (missing or [] ⇒ "missing"). */
export const erpRequiredFirstOf = <Out>(item: z.ZodType<Out>) =>
  z
    .preprocess(
      (v) => (isEmpty(v) ? undefined : v),
      z.tuple([item], z.unknown(), {
        error: (issue) => (issue.input === undefined ? MISSING.message : 'is not a list'),
      }),
    )
    .transform((list) => list[0]);
