import { describe, expect, it } from 'vitest';
import { TableOrderStateStore } from '../../../src/adapters/tables/orderStateStore.js';
import { packDocument } from '../../../src/adapters/tables/packedDocument.js';
import { encodeKey } from '../../../src/adapters/tables/tableKeys.js';
import { ConcurrencyConflictError } from '../../../src/app/ports.js';
import { emptyTrackedState } from '../../../src/domain/trackedState.js';
import { useAzuriteTables } from './azuriteTables.js';
import { largeState } from './fixtures.js';

const azurite = useAzuriteTables();

async function freshStore() {
  const tables = await azurite.freshTables();
  return { store: new TableOrderStateStore(tables.orderState), tables };
}

describe('TableOrderStateStore (Azurite)', () => {
  it('loads null for an order it has never seen', async () => {
    const { store } = await freshStore();
    await expect(store.load('BR-404')).resolves.toBeNull();
  });

  it('stores the state of a 500-line order whole (order and created lines) and loads it back equal', async () => {
    const { store } = await freshStore();
    const state = largeState('BR-500');
    expect(state.order?.lines).toHaveLength(500);
    expect(JSON.stringify(state).length).toBeGreaterThan(300_000);
    const etag = await store.save(state, null);
    await expect(store.load('BR-500')).resolves.toEqual({ state, etag });
  });

  it('saves over the current ETag and refuses a stale one', async () => {
    const { store } = await freshStore();
    const first = await store.save({ ...emptyTrackedState('BR-1'), factsVersion: 1 }, null);
    const second = await store.save({ ...emptyTrackedState('BR-1'), factsVersion: 2 }, first);
    await expect(store.save({ ...emptyTrackedState('BR-1'), factsVersion: 3 }, first)).rejects.toThrow(
      ConcurrencyConflictError,
    );
    await expect(store.load('BR-1')).resolves.toEqual({ state: { ...emptyTrackedState('BR-1'), factsVersion: 2 }, etag: second });
  });

  it('refuses to create a state that already exists', async () => {
    const { store } = await freshStore();
    await store.save(emptyTrackedState('BR-2'), null);
    await expect(store.save(emptyTrackedState('BR-2'), null)).rejects.toThrow(ConcurrencyConflictError);
  });

  it('lets exactly one of two dispatchers racing on the same ETag win', async () => {
    const { store } = await freshStore();
    const etag = await store.save(emptyTrackedState('BR-3'), null);
    const results = await Promise.allSettled([
      store.save({ ...emptyTrackedState('BR-3'), sentEventIds: ['a'] }, etag),
      store.save({ ...emptyTrackedState('BR-3'), sentEventIds: ['b'] }, etag),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((result) => result.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(ConcurrencyConflictError);
  });

  it('lists parked orders, and forgets an order once it is saved unparked', async () => {
    const { store } = await freshStore();
    const etagA = await store.save({ ...emptyTrackedState('BR-A'), parked: true }, null);
    await store.save({ ...emptyTrackedState('BR-B'), parked: false }, null);
    await store.save({ ...emptyTrackedState('BR-C'), parked: true }, null);
    expect(await store.listParked(10)).toEqual(['BR-A', 'BR-C']);

    await store.save({ ...emptyTrackedState('BR-A'), parked: false }, etagA);
    expect(await store.listParked(10)).toEqual(['BR-C']);
  });

  it('returns at most `limit` parked orders', async () => {
    const { store } = await freshStore();
    for (const orderNumber of ['P1', 'P2', 'P3']) await store.save({ ...emptyTrackedState(orderNumber), parked: true }, null);
    expect(await store.listParked(2)).toHaveLength(2);
    expect(await store.listParked(0)).toEqual([]);
  });

  it('drops the marker left by a parking save that lost its ETag race at the next unparked save', async () => {
    const { store } = await freshStore();
    const etag = await store.save(emptyTrackedState('BR-R'), null);
    const newer = await store.save({ ...emptyTrackedState('BR-R'), factsVersion: 1 }, etag);
    await expect(store.save({ ...emptyTrackedState('BR-R'), parked: true }, etag)).rejects.toThrow(ConcurrencyConflictError);
    await store.save({ ...emptyTrackedState('BR-R'), factsVersion: 2 }, newer);
    expect(await store.listParked(10)).toEqual([]);
  });

  it('stores order numbers with characters forbidden in keys ("A/1#2?") under an escaped key', async () => {
    const { store, tables } = await freshStore();
    const state = { ...emptyTrackedState('A/1#2?'), parked: true };
    const etag = await store.save(state, null);
    await store.save({ ...emptyTrackedState('A'), parked: true }, null);
    await expect(store.load('A/1#2?')).resolves.toEqual({ state, etag });
    expect((await store.load('A'))?.state.orderNumber).toBe('A');
    expect(await store.listParked(10)).toEqual(expect.arrayContaining(['A/1#2?', 'A']));
    await expect(tables.orderState.getEntity(encodeKey('A/1#2?'), 'state')).resolves.toMatchObject({ orderNumber: 'A/1#2?' });
  });

  it('reports a corrupt state entity with an error naming the order', async () => {
    const { store, tables } = await freshStore();
    await tables.orderState.createEntity({
      partitionKey: encodeKey('BR-X'),
      rowKey: 'state',
      doc_count: 1,
      doc_0: new Uint8Array([1, 2, 3]),
    });
    await expect(store.load('BR-X')).rejects.toThrow(/state of order "BR-X".*unreadable/);
  });

  it('reports a state entity whose document fails validation, naming the order and the field', async () => {
    const { store, tables } = await freshStore();
    await store.save(emptyTrackedState('BR-Y'), null);
    const invalid = { ...emptyTrackedState('BR-Y'), factsVersion: -1 };
    await tables.orderState.updateEntity(
      { partitionKey: encodeKey('BR-Y'), rowKey: 'state', ...packDocument(invalid, 'invalid state') },
      'Replace',
    );
    await expect(store.load('BR-Y')).rejects.toThrow(/order "BR-Y".*factsVersion/);
  });
});
