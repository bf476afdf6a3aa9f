/**
 * Azure Tables forbids / \ # ? and control characters in PartitionKey and RowKey. Order numbers
 * come from the ERP and may contain anything, so every key goes through encodeKey.
 * Also escaped: '~' (the escape character itself, so decoding is unambiguous), '%' and "'"
 * (they survive the URL / OData round trip badly in some service versions), and '|' (the separator
 * of composite keys, see compositeKey).
 */
const ESCAPED = new Set(['/', '\\', '#', '?', '%', "'", '~', '|']);

function mustEscape(char: string): boolean {
  const code = char.charCodeAt(0);
  return ESCAPED.has(char) || code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** Encodes a value for use as (part of) a PartitionKey or RowKey: "A/1#2?" → "A~2F1~232~3F". */
export function encodeKey(value: string): string {
  return Array.from(value, (char) => (mustEscape(char) ? escapeChar(char) : char)).join('');
}

function escapeChar(char: string): string {
  return `~${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Reverses encodeKey. */
export function decodeKey(key: string): string {
  return key.replace(/~([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Joins encoded parts with '|', which encodeKey never leaves unescaped, so distinct tuples never collide. */
export function compositeKey(...parts: string[]): string {
  return parts.map(encodeKey).join('|');
}
