import { describe, expect, it } from 'vitest';
import { parseErpInstant } from '../../../src/domain/erp/erpInstant.js';
import { ErpInvalid } from '../../../src/domain/erp/erpInvalid.js';
import { instantSchema } from '../../../src/domain/order.js';

const messageOf = (result: unknown) => (result instanceof ErpInvalid ? result.message : `no error (${String(result)})`);

// 1796137200000 ms is 2026-12-01T15:00:00Z.
describe('parseErpInstant', () => {
  it.each([
    ['/Date(1796137200000-0300)/', '2026-12-01T12:00:00.000-03:00'],
    ['/Date(1796137200000+0100)/', '2026-12-01T16:00:00.000+01:00'],
    ['/Date(1796137200000+0530)/', '2026-12-01T20:30:00.000+05:30'],
    ['/Date(1796137200123-0300)/', '2026-12-01T12:00:00.123-03:00'],
    ['/Date(1796137200000+0000)/', '2026-12-01T15:00:00.000Z'],
  ])('shows the epoch ms of %s at its own offset', (value, expected) => {
    expect(parseErpInstant(value)).toBe(expected);
  });

  it('shows "/Date(ms)/" without an offset in Brasília time', () => {
    expect(parseErpInstant('/Date(1796137200000)/')).toBe('2026-12-01T12:00:00.000-03:00');
    expect(parseErpInstant('/Date(0)/')).toBe('1969-12-31T21:00:00.000-03:00');
    expect(parseErpInstant('/Date(-1000)/')).toBe('1969-12-31T20:59:59.000-03:00');
  });

  it.each([
    ['2026-12-01T12:00:00-03:00', '2026-12-01T12:00:00.000-03:00'],
    ['2026-12-01T12:00:00+01:00', '2026-12-01T12:00:00.000+01:00'],
    ['2026-12-01T12:00:00.5-0300', '2026-12-01T12:00:00.500-03:00'],
    ['2026-12-01T12:00:00.123456-03', '2026-12-01T12:00:00.123-03:00'],
    ['2026-12-01T12:00:00Z', '2026-12-01T12:00:00.000Z'],
    ['2026-12-01T12:00:00+00:00', '2026-12-01T12:00:00.000Z'],
  ])('keeps the offset ISO 8601 %s carries', (value, expected) => {
    expect(parseErpInstant(value)).toBe(expected);
  });

  it.each([
    ['2026-12-01T12:00:00', '2026-12-01T12:00:00.000-03:00'],
    ['2026-12-01 12:00:00', '2026-12-01T12:00:00.000-03:00'],
    ['2026-12-01T12:00', '2026-12-01T12:00:00.000-03:00'],
    ['2026-12-01T23:59:59.999', '2026-12-01T23:59:59.999-03:00'],
    ['  2026-12-01T12:00:00 ', '2026-12-01T12:00:00.000-03:00'],
  ])('reads ISO 8601 without an offset (%s) as Brasília time', (value, expected) => {
    expect(parseErpInstant(value)).toBe(expected);
  });

  it('reads a date-only value as midnight in Brasília', () => {
    expect(parseErpInstant('2026-12-01')).toBe('2026-12-01T00:00:00.000-03:00');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseErpInstant('2028-02-29')).toBe('2028-02-29T00:00:00.000-03:00');
    expect(messageOf(parseErpInstant('2026-02-29'))).toBe('is not a valid date (day 29 does not exist in 2026-02)');
    expect(messageOf(parseErpInstant('2100-02-29'))).toBe('is not a valid date (day 29 does not exist in 2100-02)');
  });

  it.each([
    ['2026-13-01', 'is not a valid date (month 13 does not exist)'],
    ['2026-00-10', 'is not a valid date (month 00 does not exist)'],
    ['2026-02-30', 'is not a valid date (day 30 does not exist in 2026-02)'],
    ['2026-04-31T10:00:00', 'is not a valid date (day 31 does not exist in 2026-04)'],
    ['2026-12-01T24:00:00', 'is not a valid date (hour 24 does not exist)'],
    ['2026-12-01T12:60:00', 'is not a valid date (minute 60 does not exist)'],
    ['2026-12-01T12:00:61', 'is not a valid date (second 61 does not exist)'],
    ['2026-12-01T12:00:00+25:00', 'is not a valid date (offset +25:00 does not exist)'],
    ['/Date(1796137200000-2500)/', 'is not a valid date (offset -2500 does not exist)'],
    ['/Date(9999999999999999)/', 'is not a valid date (out of range)'],
  ])('rejects the impossible date %s', (value, message) => {
    expect(messageOf(parseErpInstant(value))).toBe(message);
  });

  it.each(['01/12/2026', 'ontem', '/Date(abc)/', '2026-12-1', '20261201'])('rejects %s as not a date', (value) => {
    expect(messageOf(parseErpInstant(value))).toBe('is not a date (expected ISO 8601 or "/Date(ms±hhmm)/")');
  });

  it('rejects a number: epoch seconds and milliseconds cannot be told apart', () => {
    expect(parseErpInstant(1796137200000)).toBeInstanceOf(ErpInvalid);
  });

  it('always produces what instantSchema accepts', () => {
    const inputs = ['/Date(1796137200000-0300)/', '/Date(1796137200000)/', '2026-12-01T12:00:00Z', '2026-12-01T12:00', '2026-12-01'];
    for (const input of inputs) expect(instantSchema.safeParse(parseErpInstant(input)).success).toBe(true);
  });
});
