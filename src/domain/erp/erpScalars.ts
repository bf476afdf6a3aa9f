import { ErpInvalid } from './erpInvalid.js';

/**
 * Text, booleans and document numbers as the ERP writes them. Each parser receives a value that is
 * present (the caller has already turned undefined, null and blank text into "missing" or null).
 */

const NOT_TEXT = new ErpInvalid('is not text');
const NOT_A_BOOLEAN = new ErpInvalid('is not a boolean (expected true/false, "T"/"F", 1/0)');
const NON_DIGITS = /\D+/g;
const NON_ALPHANUMERICS = /[^0-9A-Za-z]+/g;

/** Trimmed text; accents are kept. A number is accepted and written as text (codes like 100234). */
export function parseErpText(value: unknown): string | ErpInvalid {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return NOT_TEXT;
}

/** true/false, "T"/"F", 1/0, "1"/"0", "true"/"false" (case-insensitive, trimmed); nothing else. */
export function parseErpBoolean(value: unknown): boolean | ErpInvalid {
  if (typeof value === 'boolean') return value;
  if (value === 1) return true;
  if (value === 0) return false;
  if (typeof value !== 'string') return NOT_A_BOOLEAN;
  switch (value.trim().toLowerCase()) {
    case 't':
    case 'true':
    case '1':
      return true;
    case 'f':
    case 'false':
    case '0':
      return false;
    default:
      return NOT_A_BOOLEAN;
  }
}

/**
 * Digits only (CPF, CEP, phone): punctuation and spaces are dropped. A JSON number lost its leading
 * zeros on the way, so it is padded back to `width` when one is given (CPF 11, CEP 8). Text without
 * a single digit reads as no value (null).
 */
export function parseErpDigits(value: unknown, width = 0): string | null | ErpInvalid {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return NOT_TEXT;
    return String(value).padStart(width, '0');
  }
  if (typeof value !== 'string') return NOT_TEXT;
  const digits = value.replace(NON_DIGITS, '');
  return digits === '' ? null : digits;
}

/**
 * A CNPJ without its punctuation. Letters are kept (upper-cased) because the Receita Federal issues
 * alphanumeric CNPJs from July 2026; for today's numeric CNPJs this is digits only.
 */
export function parseErpCnpj(value: unknown): string | null | ErpInvalid {
  if (typeof value !== 'string') return parseErpDigits(value, 14);
  const compact = value.replace(NON_ALPHANUMERICS, '').toUpperCase();
  return compact === '' ? null : compact;
}
