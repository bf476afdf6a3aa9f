import { gunzipSync, gzipSync } from 'node:zlib';
import { IntegrationError } from '../../domain/errors.js';

/**
 * Azure Tables allows 64 KiB per property and 1 MiB per entity, and a 500-line order's JSON is
 * several hundred KB. So a document is stored as gzip-compressed JSON split into Binary properties
 * `doc_0..doc_{n-1}` plus `doc_count`, all in one entity (one write, one ETag).
 */
export const CHUNK_BYTES = 64_000;
/** 15 chunks (960 000 bytes) leaves room under 1 MiB for the keys and the summary properties. */
export const MAX_CHUNKS = 15;
const COUNT_PROPERTY = 'doc_count';

export type PackedProperties = Record<string, Uint8Array | number>;

/** Thrown when a document does not fit in one entity even compressed. */
export class DocumentTooLargeError extends IntegrationError {
  constructor(what: string, compressedBytes: number) {
    super(
      'INTERNAL',
      `${what} is too large to store: ${compressedBytes} bytes after compression, the limit is ` +
        `${CHUNK_BYTES * MAX_CHUNKS} bytes (Azure Tables allows 1 MiB per entity)`,
    );
  }
}

/** Serialises `value` as gzip JSON in ≤ 64 KiB Binary chunks; `what` names it in the size error. */
export function packDocument(value: unknown, what: string): PackedProperties {
  const compressed = gzipSync(Buffer.from(JSON.stringify(value), 'utf8'));
  const count = Math.max(1, Math.ceil(compressed.length / CHUNK_BYTES));
  if (count > MAX_CHUNKS) throw new DocumentTooLargeError(what, compressed.length);
  const properties: PackedProperties = { [COUNT_PROPERTY]: count };
  for (let i = 0; i < count; i += 1) {
    // Copy: a subarray would share (and serialise) the whole backing buffer in some code paths.
    properties[`doc_${i}`] = new Uint8Array(compressed.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
  }
  return properties;
}

/** Reassembles what packDocument stored; throws an Error saying what is missing or unreadable. */
export function unpackDocument(entity: Record<string, unknown>): unknown {
  const count = entity[COUNT_PROPERTY];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_CHUNKS) {
    throw new Error(`property ${COUNT_PROPERTY} is missing or invalid`);
  }
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    const chunk = entity[`doc_${i}`];
    if (!(chunk instanceof Uint8Array)) throw new Error(`binary property doc_${i} is missing`);
    chunks.push(chunk);
  }
  const json = gunzipSync(Buffer.concat(chunks)).toString('utf8');
  return JSON.parse(json) as unknown;
}

