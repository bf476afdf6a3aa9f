import { describe, expect, it } from 'vitest';
import { TableCursorStore } from '../../../src/adapters/tables/cursorStore.js';
import { ConcurrencyConflictError } from '../../../src/app/ports.js';
import { useAzuriteTables } from './azuriteTables.js';

const azurite = useAzuriteTables();

async function freshStore() {
  const tables = await azurite.freshTables();
  return { store: new TableCursorStore(tables.cursors), tables };
}

describe('TableCursorStore (Azurite)', () => {
  it('reads the start of the feed with a null ETag when no cursor is stored yet', async () => {
    const { store } = await freshStore();
    await expect(store.read('orders')).resolves.toEqual({ cursor: { transId: 0, seenAtTransId: [] }, etag: null });
  });

  it('creates the cursor when the ETag is null and reads it back with the returned ETag', async () => {
    const { store } = await freshStore();
    const cursor = { transId: 5_000_000_123, seenAtTransId: ['BR-1', 'BR-2'] };
    const etag = await store.write('orders', cursor, null);
    await expect(store.read('orders')).resolves.toEqual({ cursor, etag });
  });

  it('updates the cursor when given its current ETag, and returns a new ETag', async () => {
    const { store } = await freshStore();
    const first = await store.write('orders', { transId: 10, seenAtTransId: ['A'] }, null);
    const second = await store.write('orders', { transId: 11, seenAtTransId: [] }, first);
    expect(second).not.toBe(first);
    await expect(store.read('orders')).resolves.toEqual({ cursor: { transId: 11, seenAtTransId: [] }, etag: second });
  });

  it('refuses to overwrite with a stale ETag and keeps the newer cursor', async () => {
    const { store } = await freshStore();
    const first = await store.write('orders', { transId: 10, seenAtTransId: [] }, null);
    await store.write('orders', { transId: 20, seenAtTransId: [] }, first);
    await expect(store.write('orders', { transId: 15, seenAtTransId: [] }, first)).rejects.toThrow(ConcurrencyConflictError);
    expect((await store.read('orders')).cursor.transId).toBe(20);
  });

  it('refuses to create a cursor that already exists (null ETag is "only if new")', async () => {
    const { store } = await freshStore();
    await store.write('returns', { transId: 1, seenAtTransId: [] }, null);
    await expect(store.write('returns', { transId: 2, seenAtTransId: [] }, null)).rejects.toThrow(ConcurrencyConflictError);
    expect((await store.read('returns')).cursor.transId).toBe(1);
  });

  it('lets exactly one of two writers racing from the same ETag win', async () => {
    const { store } = await freshStore();
    const etag = await store.write('orders', { transId: 100, seenAtTransId: [] }, null);
    const results = await Promise.allSettled([
      store.write('orders', { transId: 101, seenAtTransId: ['X'] }, etag),
      store.write('orders', { transId: 102, seenAtTransId: ['Y'] }, etag),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflictError);
    const winner = results[0]?.status === 'fulfilled' ? 101 : 102;
    expect((await store.read('orders')).cursor.transId).toBe(winner);
  });

  it('lets two racing creators (both with a null ETag) produce exactly one cursor', async () => {
    const { store } = await freshStore();
    const results = await Promise.allSettled([
      store.write('orders', { transId: 1, seenAtTransId: [] }, null),
      store.write('orders', { transId: 2, seenAtTransId: [] }, null),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
  });

  it('keeps the two feeds apart', async () => {
    const { store } = await freshStore();
    await store.write('orders', { transId: 7, seenAtTransId: [] }, null);
    await store.write('returns', { transId: 3, seenAtTransId: ['R-1'] }, null);
    expect((await store.read('orders')).cursor.transId).toBe(7);
    expect((await store.read('returns')).cursor).toEqual({ transId: 3, seenAtTransId: ['R-1'] });
  });

  it('stores a cursor whose boundary holds thousands of order numbers (a bulk ERP update)', async () => {
    const { store } = await freshStore();
    const seenAtTransId = Array.from({ length: 20_000 }, (_unused, i) => `BR-${String(i).padStart(9, '0')}`);
    await store.write('orders', { transId: 42, seenAtTransId }, null);
    expect((await store.read('orders')).cursor.seenAtTransId).toEqual(seenAtTransId);
  });

  it('reports an unreadable cursor entity naming the feed', async () => {
    const { store, tables } = await freshStore();
    await tables.cursors.createEntity({ partitionKey: 'orders', rowKey: 'cursor', transId: 3 });
    await expect(store.read('orders')).rejects.toThrow(/cursor of feed "orders".*unreadable/);
  });
});
