import { describe, expect, it } from 'vitest';
import { compositeKey, decodeKey, encodeKey } from '../../../src/adapters/tables/tableKeys.js';

describe('table key encoding', () => {
  it('escapes the characters Azure Tables forbids in keys: / \\ # ? and control characters', () => {
    const encoded = encodeKey('A/1\\2#3?4\u0000\u001f\u007f\u009f');
    const forbidden = (char: string) => '/\\#?'.includes(char) || char.charCodeAt(0) <= 0x1f || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f);
    expect(Array.from(encoded).filter(forbidden)).toEqual([]);
    expect(encoded).toBe('A~2F1~5C2~233~3F4~00~1F~7F~9F');
  });

  it('leaves ordinary order numbers readable', () => {
    expect(encodeKey('BR-000123')).toBe('BR-000123');
    expect(encodeKey('pedido ção 1')).toBe('pedido ção 1');
  });

  it('decodes back to the original value, including the escape character itself', () => {
    for (const value of ['A/1#2?', '~2F', "O'Brien 100%", 'a|b', 'tab\there', '']) {
      expect(decodeKey(encodeKey(value))).toBe(value);
    }
  });

  it('keeps distinct values distinct, so "~2F" and "/" never share a key', () => {
    expect(encodeKey('~2F')).not.toBe(encodeKey('/'));
  });

  it('joins composite keys so that different splits never collide', () => {
    expect(compositeKey('a|b', 'c')).not.toBe(compositeKey('a', 'b|c'));
    expect(compositeKey('A/1', 'x')).toBe('A~2F1|x');
  });
});
