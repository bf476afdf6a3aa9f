import { ErpInvalid } from './erpInvalid.js';

/**
 * Exact decimal reading of ERP numbers. Money must be rounded on the decimal value the ERP wrote,
 * not on a binary float (1.005 * 100 is 100.49999…), so numbers are kept as digit strings until the
 * final conversion to integer cents or to an integer.
 */
export interface ErpDecimal {
  readonly negative: boolean;
  /** Integer digits without leading zeros ('' for zero). */
  readonly integer: string;
  /** Fraction digits as written (may end in zeros). */
  readonly fraction: string;
}

const NOT_A_NUMBER = new ErpInvalid('is not a number');
const MISPLACED_SEPARATOR = new ErpInvalid('is not a number (misplaced thousands separator)');
const NOT_FINITE = new ErpInvalid('is not a finite number');
const NOT_WHOLE = new ErpInvalid('is not a whole number');
const TOO_LARGE = new ErpInvalid('is too large');
// Integer parts longer than this cannot be exact as a JS number once multiplied by 100.
const MAX_INTEGER_DIGITS = 15;
const WHITESPACE = /\s+/g;
const HAS_WHITESPACE = /\s/;
const DOT = 46;
const COMMA = 44;

/**
 * Reads a JSON number or a number written as text: "129.90", "129,90", "1.299,90", "1,299.90",
 * "1.299.000", stray spaces. When both separators appear the last one is the decimal separator;
 * a single separator that appears once is the decimal separator ("2,000" is two).
 */
export function parseErpDecimal(value: unknown): ErpDecimal | ErpInvalid {
  if (typeof value === 'number') return decimalOfNumber(value);
  if (typeof value !== 'string') return NOT_A_NUMBER;
  const text = HAS_WHITESPACE.test(value) ? value.replace(WHITESPACE, '') : value;
  return decimalOfText(text);
}

function decimalOfNumber(value: number): ErpDecimal | ErpInvalid {
  if (!Number.isFinite(value)) return NOT_FINITE;
  // The shortest string that reads back as the same double: what the ERP meant by 1.005 is "1.005".
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return decimalOfText(text);
  return shiftDecimal(text.slice(0, e), Number(text.slice(e + 1)));
}

/** Moves the decimal point of a plain decimal text (e.g. "-1.5") by `exponent` places. */
function shiftDecimal(mantissa: string, exponent: number): ErpDecimal | ErpInvalid {
  const base = decimalOfText(mantissa);
  if (base instanceof ErpInvalid) return base;
  const digits = base.integer + base.fraction;
  const point = base.integer.length + exponent;
  if (point <= 0) return { negative: base.negative, integer: '', fraction: '0'.repeat(-point) + digits };
  if (point >= digits.length) {
    return { negative: base.negative, integer: digits + '0'.repeat(point - digits.length), fraction: '' };
  }
  return { negative: base.negative, integer: digits.slice(0, point), fraction: digits.slice(point) };
}

function decimalOfText(text: string): ErpDecimal | ErpInvalid {
  let start = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    start = 1;
  }
  let digits = 0;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === DOT) {
      dots++;
      lastDot = i;
    } else if (c === COMMA) {
      commas++;
      lastComma = i;
    } else return NOT_A_NUMBER;
  }
  if (digits === 0) return NOT_A_NUMBER;

  let decimalAt = -1;
  let groupSeparator = 0;
  if (dots > 0 && commas > 0) {
    const dotIsDecimal = lastDot > lastComma;
    if ((dotIsDecimal ? dots : commas) > 1) return MISPLACED_SEPARATOR;
    decimalAt = dotIsDecimal ? lastDot : lastComma;
    groupSeparator = dotIsDecimal ? COMMA : DOT;
  } else if (dots === 1 || commas === 1) {
    decimalAt = dots === 1 ? lastDot : lastComma;
  } else if (dots > 1 || commas > 1) {
    groupSeparator = dots > 1 ? DOT : COMMA;
  }

  let integer = text.slice(start, decimalAt === -1 ? text.length : decimalAt);
  const fraction = decimalAt === -1 ? '' : text.slice(decimalAt + 1);
  if (groupSeparator !== 0) {
    const grouped = ungroup(integer, groupSeparator);
    if (grouped === null) return MISPLACED_SEPARATOR;
    integer = grouped;
  }
  return { negative, integer: stripLeadingZeros(integer), fraction };
}

/** "1.299.000" → "1299000"; null unless every group after the first has exactly three digits. */
function ungroup(integer: string, separator: number): string | null {
  let out = '';
  let groupStart = 0;
  for (let i = 0; i <= integer.length; i++) {
    if (i < integer.length && integer.charCodeAt(i) !== separator) continue;
    const size = i - groupStart;
    if (groupStart === 0 ? size < 1 || size > 3 : size !== 3) return null;
    out += integer.slice(groupStart, i);
    groupStart = i + 1;
  }
  return out;
}

function stripLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Integer cents, rounded half away from zero on the exact decimal value (1.005 → 101, -0.125 → -13). */
export function decimalToCents(decimal: ErpDecimal): number | ErpInvalid {
  if (decimal.integer.length > MAX_INTEGER_DIGITS) return TOO_LARGE;
  const f = decimal.fraction;
  let cents = Number(decimal.integer || '0') * 100;
  if (f.length > 0) cents += (f.charCodeAt(0) - 48) * 10;
  if (f.length > 1) cents += f.charCodeAt(1) - 48;
  // Half away from zero: the magnitude goes up when the third decimal is 5 or more.
  if (f.length > 2 && f.charCodeAt(2) >= 53) cents += 1;
  if (!Number.isSafeInteger(cents)) return TOO_LARGE;
  return decimal.negative && cents !== 0 ? -cents : cents;
}

/** A whole number; "2,000" and 2.0 are 2, 1.5 is an error. */
export function decimalToInteger(decimal: ErpDecimal): number | ErpInvalid {
  const f = decimal.fraction;
  for (let i = 0; i < f.length; i++) if (f.charCodeAt(i) !== 48) return NOT_WHOLE;
  if (decimal.integer.length > MAX_INTEGER_DIGITS) return TOO_LARGE;
  const value = Number(decimal.integer || '0');
  return decimal.negative && value !== 0 ? -value : value;
}

/** Money (a JSON number or number text) → integer cents, converted once. */
export function parseErpCents(value: unknown): number | ErpInvalid {
  // Fast path: whole JSON numbers need no decimal reading.
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const cents = value * 100;
    return Number.isSafeInteger(cents) ? cents + 0 : TOO_LARGE;
  }
  const decimal = parseErpDecimal(value);
  return decimal instanceof ErpInvalid ? decimal : decimalToCents(decimal);
}

/** An integer (ids, trans_id, item, quantities, installments) from a JSON number or number text. */
export function parseErpInteger(value: unknown): number | ErpInvalid {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value + 0;
  const decimal = parseErpDecimal(value);
  return decimal instanceof ErpInvalid ? decimal : decimalToInteger(decimal);
}
