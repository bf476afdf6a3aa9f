/**
 * The outcome of reading one ERP value that could not be read. The format parsers return it instead
 * of throwing so that the happy path allocates nothing and a whole row's problems can be collected.
 * Its message is a predicate on the value ("is not a number"), so that the row error reads
 * `produtos[2].preco: "12,3x" is not a number`.
 */
export class ErpInvalid {
  constructor(readonly message: string) {}
}

/** The message used for a required value that is absent (undefined, null or blank text). */
export const MISSING_MESSAGE = 'missing';

/** Shared instance for a required value that is absent. */
export const MISSING = new ErpInvalid(MISSING_MESSAGE);

/** True for the ways the ERP says "no value": a missing field, null, or blank text. */
export function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  if (value.length === 0) return true;
  // Only text that starts with whitespace (ASCII ≤ 32, or some Unicode space) can be blank: the
  // usual value skips the trim.
  const first = value.charCodeAt(0);
  return (first <= 32 || first >= 127) && value.trim() === '';
}
