import { describe, expect, it } from 'vitest';
import type { TokenCredential } from '@azure/identity';
import { createTableStores } from '../../../src/adapters/tables/index.js';
import { createTableClients } from '../../../src/adapters/tables/tableClients.js';
import { TABLE_NAMES } from '../../../src/adapters/tables/tableNames.js';
import { IntegrationError } from '../../../src/domain/errors.js';
import { useAzuriteTables } from './azuriteTables.js';

const azurite = useAzuriteTables();

const neverUsedCredential: TokenCredential = {
  getToken: () => Promise.reject(new Error('no token in this test')),
};

describe('createTableClients', () => {
  it('makes one client per table, named from TABLE_NAMES plus the suffix', () => {
    const clients = createTableClients({ connectionString: 'UseDevelopmentStorage=true', tableServiceUri: null }, { tableNameSuffix: 'Test1' });
    expect(clients.cursors.tableName).toBe(`${TABLE_NAMES.cursors}Test1`);
    expect(clients.orderState.tableName).toBe(`${TABLE_NAMES.orderState}Test1`);
    expect(clients.records.tableName).toBe(`${TABLE_NAMES.records}Test1`);
    expect(clients.recordIndex.tableName).toBe(`${TABLE_NAMES.recordIndex}Test1`);
  });

  it('points "UseDevelopmentStorage=true" at the local emulator over http', () => {
    const clients = createTableClients({ connectionString: 'UseDevelopmentStorage=true', tableServiceUri: null });
    expect(clients.cursors.url).toBe('http://127.0.0.1:10002/devstoreaccount1');
  });

  it('uses the table service URI (identity-based) when there is no connection string', () => {
    const uri = 'https://stexample.table.core.windows.net';
    const clients = createTableClients({ connectionString: null, tableServiceUri: uri, credential: neverUsedCredential });
    expect(clients.records.url).toBe(uri);
    expect(clients.records.tableName).toBe(TABLE_NAMES.records);
  });

  it('prefers the connection string when both are set', () => {
    const clients = createTableClients({
      connectionString: 'UseDevelopmentStorage=true',
      tableServiceUri: 'https://stexample.table.core.windows.net',
      credential: neverUsedCredential,
    });
    expect(clients.cursors.url).toBe('http://127.0.0.1:10002/devstoreaccount1');
  });

  it('says what to set when neither a connection string nor a URI is configured', () => {
    const create = () => createTableClients({ connectionString: ' ', tableServiceUri: null });
    expect(create).toThrow(IntegrationError);
    expect(create).toThrow(/Table Storage is not configured/);
  });

  it('refuses a suffix that would make an invalid table name', () => {
    expect(() =>
      createTableClients({ connectionString: 'UseDevelopmentStorage=true', tableServiceUri: null }, { tableNameSuffix: 'no-dash' }),
    ).toThrow(/table name suffix "no-dash"/);
  });

  it('creates the four tables against Azurite over http, and ensureTables can run again', async () => {
    const clients = await azurite.freshTables();
    await clients.ensureTables();
    for (const client of [clients.cursors, clients.orderState, clients.records, clients.recordIndex]) {
      await client.createEntity({ partitionKey: 'p', rowKey: 'r', value: client.tableName });
      await expect(client.getEntity('p', 'r')).resolves.toMatchObject({ value: client.tableName });
    }
  });

  it('wires the three stores over one set of clients', async () => {
    const stores = createTableStores(await azurite.freshTables());
    const etag = await stores.cursors.write('orders', { transId: 1, seenAtTransId: [] }, null);
    await expect(stores.cursors.read('orders')).resolves.toEqual({ cursor: { transId: 1, seenAtTransId: [] }, etag });
    await expect(stores.orderStates.listParked(5)).resolves.toEqual([]);
    await expect(stores.integrationLog.list({ limit: 5 })).resolves.toEqual({ items: [], continuationToken: null });
  });
});
