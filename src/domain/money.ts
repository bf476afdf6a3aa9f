/**
 * Money stays in integer cents from the ERP edge until the very last step of building a payload:
 * sums and products of integers are exact, floating-point amounts are not (0.1 + 0.2 ≠ 0.3).
 */

/** Converts integer cents into the JSON amount H&M expects, e.g. 20970 → 209.7 (at most two decimals). */
export function centsToAmount(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be integer cents, got ${cents}`);
  // One IEEE division of an exact integer is correctly rounded, so the result is the very same double
  // that parsing the decimal text ("209.70") gives: no drift, and JSON prints it with ≤ 2 decimals.
  return cents / 100;
}

/** quantity × unit price, in cents (both integers, so the product is exact). */
export function lineGrossCents(quantity: number, unitPriceCents: number): number {
  return quantity * unitPriceCents;
}
