import { ErpInvalid } from './erpInvalid.js';

/**
 * ERP dates → ISO 8601 instants with milliseconds and an offset (instantSchema in ../order.ts).
 *
 * - "/Date(1764601200000-0300)/": epoch ms (UTC) shown at the given offset.
 * - "/Date(1764601200000)/", ISO without an offset, and date-only "2026-12-01": Brasília time
 *   (-03:00; Brazil has had no daylight saving time since 2019).
 * - ISO with an offset keeps that offset.
 * A zero offset is always written "Z" (as Date.prototype.toISOString does), whether the ERP wrote
 * "Z", "+00:00" or "/Date(…+0000)/", so one instant has one spelling.
 */

/** The ERP's local time zone as an offset in minutes. */
export const BRASILIA_OFFSET_MINUTES = -180;
const BRASILIA_OFFSET = '-03:00';

const MS_DATE = /^\/Date\((-?\d{1,16})(?:([+-])(\d{2})(\d{2}))?\)\/$/;
// date [T|space time [.fraction]] [offset]; seconds and fraction are optional.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:\s*([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
const NOT_A_DATE = new ErpInvalid('is not a date (expected ISO 8601 or "/Date(ms±hhmm)/")');
const OUT_OF_RANGE = new ErpInvalid('is not a valid date (out of range)');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads an ERP date or date-time (text, already trimmed) into an ISO 8601 instant with an offset. */
export function parseErpInstant(value: unknown): string | ErpInvalid {
  if (typeof value !== 'string') return NOT_A_DATE;
  const text = value.trim();
  if (text.charCodeAt(0) === 47 /* / */) return fromMsDate(text);
  return fromIso(text);
}

function fromMsDate(text: string): string | ErpInvalid {
  const m = MS_DATE.exec(text);
  if (m === null) return NOT_A_DATE;
  let offsetMinutes = BRASILIA_OFFSET_MINUTES;
  if (m[2] !== undefined) {
    const hours = Number(m[3]);
    const minutes = Number(m[4]);
    if (hours > 18 || minutes > 59) return invalid(`offset ${m[2]}${m[3]}${m[4]} does not exist`);
    offsetMinutes = (m[2] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  // Shift the UTC instant by the offset and read it with the UTC getters: that is the wall clock.
  const wall = new Date(Number(m[1]) + offsetMinutes * 60_000);
  const year = wall.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) return OUT_OF_RANGE;
  return (
    `${pad(year, 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}` +
    `T${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}` +
    `.${pad(wall.getUTCMilliseconds(), 3)}${formatOffset(offsetMinutes)}`
  );
}

function fromIso(text: string): string | ErpInvalid {
  const m = ISO_DATE.exec(text);
  if (m === null) return NOT_A_DATE;
  const [, y = '', mo = '', d = '', h = '00', mi = '00', s = '00', fraction, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return invalid(`month ${mo} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) return invalid(`day ${d} does not exist in ${y}-${mo}`);
  if (Number(h) > 23) return invalid(`hour ${h} does not exist`);
  if (Number(mi) > 59) return invalid(`minute ${mi} does not exist`);
  if (Number(s) > 59) return invalid(`second ${s} does not exist`);
  const normalisedOffset = offset === undefined ? BRASILIA_OFFSET : normaliseOffset(offset);
  if (normalisedOffset instanceof ErpInvalid) return normalisedOffset;
  // Milliseconds: the first three fraction digits (finer precision is dropped, not rounded).
  const ms = fraction === undefined ? '000' : fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0');
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${normalisedOffset}`;
}

/** "Z", "+03", "+0300", "+03:00" → "Z" or "±hh:mm". */
function normaliseOffset(offset: string): string | ErpInvalid {
  if (offset === 'Z' || offset === 'z') return 'Z';
  const hours = offset.slice(1, 3);
  const minutes = offset.length > 3 ? offset.slice(-2) : '00';
  if (Number(hours) > 18 || Number(minutes) > 59) return invalid(`offset ${offset} does not exist`);
  if (hours === '00' && minutes === '00') return 'Z';
  return `${offset[0]}${hours}:${minutes}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function invalid(reason: string): ErpInvalid {
  return new ErpInvalid(`is not a valid date (${reason})`);
}
