import { describe, expect, it } from 'vitest';
import { parseErpCents, parseErpDecimal, parseErpInteger } from '../../../src/domain/erp/erpDecimal.js';
import { ErpInvalid } from '../../../src/domain/erp/erpInvalid.js';

const messageOf = (result: unknown) => (result instanceof ErpInvalid ? result.message : `no error (${String(result)})`);

describe('parseErpCents: money → integer cents, once', () => {
  it.each([
    [129.9, 12990],
    [129, 12900],
    ['129.90', 12990],
    ['129,90', 12990],
    ['1.299,90', 129990],
    ['1,299.90', 129990],
    ['1.299.000,00', 129900000],
    ['1,299,000', 129900000],
    ['  129,90 ', 12990],
    ['1 299,90', 129990],
    ['\u00a0129,90', 12990],
    ['+5', 500],
    ['0', 0],
    [0, 0],
    ['.5', 50],
    ['5,', 500],
    ['0012,30', 1230],
  ])('reads %j as %i cents', (value, cents) => {
    expect(parseErpCents(value)).toBe(cents);
  });

  it('rounds half away from zero on the exact decimal, not on a float (1.005 → 101, not 100)', () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the float trap this avoids
    expect(parseErpCents(1.005)).toBe(101);
    expect(parseErpCents('1,005')).toBe(101);
    expect(parseErpCents('0,125')).toBe(13);
    expect(parseErpCents(0.125)).toBe(13);
    expect(parseErpCents(2.675)).toBe(268);
    expect(parseErpCents('0,124999')).toBe(12);
    expect(parseErpCents('0,115')).toBe(12);
  });

  it('rounds negative amounts away from zero too', () => {
    expect(parseErpCents(-1.005)).toBe(-101);
    expect(parseErpCents('-0,125')).toBe(-13);
    expect(parseErpCents('-1.299,90')).toBe(-129990);
    expect(parseErpCents('-0,004')).toBe(0);
    expect(Object.is(parseErpCents(-0), 0)).toBe(true);
  });

  it('reads JSON numbers that print in exponent form', () => {
    expect(parseErpCents(1e-7)).toBe(0);
    expect(parseErpCents(5e-3)).toBe(1);
    expect(parseErpCents(1.5e13)).toBe(1.5e15);
  });

  it.each([
    ['12,3x', 'is not a number'],
    ['abc', 'is not a number'],
    ['-', 'is not a number'],
    [',', 'is not a number'],
    ['1e3', 'is not a number'],
    ['R$ 10', 'is not a number'],
    ['1.2.3,4.5', 'is not a number (misplaced thousands separator)'],
    ['12.99.000', 'is not a number (misplaced thousands separator)'],
    ['1,2,3', 'is not a number (misplaced thousands separator)'],
    [true, 'is not a number'],
    [{}, 'is not a number'],
    [Number.NaN, 'is not a finite number'],
    [Number.POSITIVE_INFINITY, 'is not a finite number'],
    ['1234567890123456,00', 'is too large'],
    [1e20, 'is too large'],
  ])('rejects %j: %s', (value, message) => {
    expect(messageOf(parseErpCents(value))).toBe(message);
  });
});

describe('parseErpInteger: ids, item numbers and quantities', () => {
  it.each([
    [2, 2],
    ['2', 2],
    ['2,000', 2],
    ['2.000', 2],
    [2.0, 2],
    [' 5561 ', 5561],
    ['1.234.567', 1234567],
    ['-3', -3],
  ])('reads %j as %i', (value, expected) => {
    expect(parseErpInteger(value)).toBe(expected);
  });

  it.each([1.5, '1,5', '2,001', 0.1])('rejects the fraction %j as not a whole number', (value) => {
    expect(messageOf(parseErpInteger(value))).toBe('is not a whole number');
  });

  it('rejects integers beyond exact JS precision', () => {
    expect(messageOf(parseErpInteger('12345678901234567'))).toBe('is too large');
  });
});

describe('parseErpDecimal', () => {
  it('treats the last of two different separators as the decimal separator', () => {
    expect(parseErpDecimal('1.299,90')).toEqual({ negative: false, integer: '1299', fraction: '90' });
    expect(parseErpDecimal('1,299.90')).toEqual({ negative: false, integer: '1299', fraction: '90' });
  });

  it('treats a single separator written once as the decimal separator', () => {
    expect(parseErpDecimal('1.299')).toEqual({ negative: false, integer: '1', fraction: '299' });
    expect(parseErpDecimal('129,9')).toEqual({ negative: false, integer: '129', fraction: '9' });
  });

  it('uses the shortest round-trip form of a JSON number', () => {
    expect(parseErpDecimal(0.1 + 0.2)).toEqual({ negative: false, integer: '', fraction: '30000000000000004' });
    expect(parseErpDecimal(-2.5e-7)).toEqual({ negative: true, integer: '', fraction: '00000025' });
  });
});
