import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  DocumentTooLargeError,
  MAX_CHUNKS,
  packDocument,
  unpackDocument,
} from '../../../src/adapters/tables/packedDocument.js';
import { largeState } from './fixtures.js';

function chunkSizes(properties: Record<string, unknown>): number[] {
  return Object.entries(properties)
    .filter(([name]) => name.startsWith('doc_') && name !== 'doc_count')
    .map(([, value]) => (value as Uint8Array).length);
}

describe('packed documents (gzip JSON in 64 KiB Binary chunks)', () => {
  it('stores a small document in one chunk and reads it back equal', () => {
    const document = { orderNumber: 'A1', lines: [1, 2, 3], note: null };
    const packed = packDocument(document, 'test document');
    expect(packed['doc_count']).toBe(1);
    expect(unpackDocument(packed)).toEqual(document);
  });

  it('splits a document that compresses beyond one property into chunks of at most 64 000 bytes', () => {
    const document = { blob: randomBytes(200_000).toString('base64') };
    const packed = packDocument(document, 'test document');
    const sizes = chunkSizes(packed);
    expect(sizes.length).toBe(packed['doc_count']);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(unpackDocument(packed)).toEqual(document);
  });

  it('stores the state of a 500-line order whole', () => {
    const state = largeState('BR-500');
    expect(JSON.stringify(state).length).toBeGreaterThan(300_000);
    expect(unpackDocument(packDocument(state, 'state'))).toEqual(state);
  });

  it('refuses a document that would not fit in one 1 MiB entity, naming it', () => {
    const document = { blob: randomBytes(CHUNK_BYTES * MAX_CHUNKS).toString('base64') };
    expect(() => packDocument(document, 'the payload of record X')).toThrow(DocumentTooLargeError);
    expect(() => packDocument(document, 'the payload of record X')).toThrow(/the payload of record X is too large/);
  });

  it('reports a missing chunk instead of returning a truncated document', () => {
    const packed = packDocument({ blob: randomBytes(100_000).toString('base64') }, 'doc');
    delete packed['doc_1'];
    expect(() => unpackDocument(packed)).toThrow(/doc_1 is missing/);
  });

  it('reports an entity without a packed document', () => {
    expect(() => unpackDocument({ partitionKey: 'x' })).toThrow(/doc_count is missing/);
  });
});
