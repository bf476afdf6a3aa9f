import { describe, expect, it } from 'vitest';
import { ErpInvalid, isAbsent } from '../../../src/domain/erp/erpInvalid.js';
import { parseErpBoolean, parseErpCnpj, parseErpDigits, parseErpText } from '../../../src/domain/erp/erpScalars.js';

describe('parseErpBoolean', () => {
  it.each([true, 'T', 't', ' T ', 1, '1', 'true', 'TRUE', ' True'])('reads %j as true', (value) => {
    expect(parseErpBoolean(value)).toBe(true);
  });

  it.each([false, 'F', 'f', 0, '0', 'false', 'FALSE', ' false '])('reads %j as false', (value) => {
    expect(parseErpBoolean(value)).toBe(false);
  });

  it.each(['S', 'N', 'yes', 2, -1, 'TF', {}, []])('rejects %j', (value) => {
    const result = parseErpBoolean(value);
    expect(result).toBeInstanceOf(ErpInvalid);
    expect((result as ErpInvalid).message).toBe('is not a boolean (expected true/false, "T"/"F", 1/0)');
  });
});

describe('parseErpText', () => {
  it('trims stray spaces and keeps accents', () => {
    expect(parseErpText('  Conceição São João\t')).toBe('Conceição São João');
  });

  it('writes a number as text (codes the ERP sends as numbers)', () => {
    expect(parseErpText(100234)).toBe('100234');
  });

  it.each([true, {}, [], Number.NaN])('rejects %j as not text', (value) => {
    expect((parseErpText(value) as ErpInvalid).message).toBe('is not text');
  });
});

describe('parseErpDigits and parseErpCnpj', () => {
  it('keeps only the digits of a formatted CPF, CEP or phone', () => {
    expect(parseErpDigits('123.456.789-09')).toBe('12345678909');
    expect(parseErpDigits(' 01310-200 ')).toBe('01310200');
    expect(parseErpDigits('(11) 99876-5432')).toBe('11998765432');
  });

  it('zero-pads a JSON number back to its width (the ERP lost the leading zeros)', () => {
    expect(parseErpDigits(1310200, 8)).toBe('01310200');
    expect(parseErpDigits(12345678909, 11)).toBe('12345678909');
  });

  it('reads text without any digit as no value', () => {
    expect(parseErpDigits('---')).toBeNull();
  });

  it('rejects values that are not text or whole numbers', () => {
    expect(parseErpDigits(true)).toBeInstanceOf(ErpInvalid);
    expect(parseErpDigits(1.5)).toBeInstanceOf(ErpInvalid);
  });

  it('strips a CNPJ to digits, keeping the letters of the alphanumeric CNPJ', () => {
    expect(parseErpCnpj('12.345.678/0001-95')).toBe('12345678000195');
    expect(parseErpCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(parseErpCnpj(345678000195)).toBe('00345678000195');
  });
});

describe('isAbsent', () => {
  it.each([undefined, null, '', '   ', '\t\n', '\u00a0', '\u2003'])('treats %j as absent', (value) => {
    expect(isAbsent(value)).toBe(true);
  });

  it.each([0, false, ' x', 'x ', [], {}])('treats %j as present', (value) => {
    expect(isAbsent(value)).toBe(false);
  });
});
