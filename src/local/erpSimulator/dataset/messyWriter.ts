import type { Random } from './random.js';

const BRASILIA_OFFSET_MS = -3 * 3_600_000;

/** Every date format the ERP really sends (contracts/erp-millennium.md, "Formats"). */
export const DATE_FORMATS = ['dotnetWithOffset', 'dotnet', 'isoWithOffset', 'isoLocal', 'isoUtc'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
const LOCAL_FORMATS: readonly DateFormat[] = DATE_FORMATS.slice(0, 4);

/**
 * Writes values the way e-Millennium does, varying the format value by value: dates in five
 * shapes, numbers as JSON numbers or text with a dot or a comma, booleans three ways, text with
 * stray spaces. All shapes carry the same value exactly.
 */
export class MessyWriter {
  constructor(private readonly rng: Random) {}

  /** An instant (whole seconds) in one of the ERP's date formats; null stays null. */
  date(ms: number | null): string | null {
    if (ms === null) return null;
    return formatDate(ms, this.rng.chance(0.1) ? 'isoUtc' : this.rng.pick(LOCAL_FORMATS));
  }

  /** Integer cents as 129.9, "129.90" or "129,90". */
  money(cents: number): number | string {
    const r = this.rng.next();
    if (r < 0.4) return cents / 100;
    const sign = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    const text = `${sign}${Math.trunc(abs / 100)}${r < 0.7 ? '.' : ','}${String(abs % 100).padStart(2, '0')}`;
    return text;
  }

  /** A whole number as 2, "2" or "2,00". */
  count(value: number): number | string {
    const r = this.rng.next();
    if (r < 0.6) return value;
    return r < 0.8 ? String(value) : `${value},00`;
  }

  /** true/false, "T"/"F" or 1/0. */
  bool(value: boolean): boolean | string | number {
    const r = this.rng.next();
    if (r < 0.4) return value;
    if (r < 0.7) return value ? 'T' : 'F';
    return value ? 1 : 0;
  }

  /** Text, sometimes with stray spaces around or inside it. */
  text(value: string): string {
    const r = this.rng.next();
    if (r < 0.75) return value;
    if (r < 0.85) return ` ${value}  `;
    if (r < 0.95) return value.replace(' ', '  ');
    return `${value} `;
  }

  /** A list that is empty: `[]`, or left out (undefined) as the ERP often does. */
  emptyList(): [] | undefined {
    return this.rng.chance(0.5) ? [] : undefined;
  }

  /** Picks one of several renderings. */
  oneOf<T>(options: readonly T[]): T {
    return this.rng.pick(options);
  }

  chance(p: number): boolean {
    return this.rng.chance(p);
  }
}

/** One instant in the given ERP date format. */
export function formatDate(ms: number, format: DateFormat): string {
  switch (format) {
    case 'dotnetWithOffset':
      return `/Date(${ms}-0300)/`;
    case 'dotnet':
      return `/Date(${ms})/`;
    case 'isoWithOffset':
      return `${brasiliaLocal(ms)}-03:00`;
    case 'isoLocal':
      // No offset: the ERP means Brasília time.
      return brasiliaLocal(ms);
    case 'isoUtc':
      return new Date(ms).toISOString();
  }
}

function brasiliaLocal(ms: number): string {
  return new Date(ms + BRASILIA_OFFSET_MS).toISOString().slice(0, 19);
}

/** 123.456.789-09 / 12.345.678/0001-95 or plain digits. */
export function formatDocument(digits: string, formatted: boolean): string {
  if (!formatted) return digits;
  if (digits.length === 11) return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
  return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-${digits.slice(12)}`;
}
