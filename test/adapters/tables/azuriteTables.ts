import { afterAll, beforeAll } from 'vitest';
import { createTableClients, type TableClients } from '../../../src/adapters/tables/tableClients.js';
import { freshTableSuffix, startAzurite, type RunningAzurite } from '../../support/azurite.js';

/** Starts one Azurite for the calling test file; `freshTables()` gives each test tables of its own. */
export function useAzuriteTables(): { freshTables(): Promise<TableClients>; connectionString(): string } {
  let azurite: RunningAzurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  const connectionString = () => {
    if (!azurite) throw new Error('Azurite is not running (useAzuriteTables must be called at the top of a test file)');
    return azurite.connectionString;
  };
  return {
    connectionString,
    async freshTables() {
      const clients = createTableClients(
        { connectionString: connectionString(), tableServiceUri: null },
        { tableNameSuffix: freshTableSuffix() },
      );
      await clients.ensureTables();
      return clients;
    },
  };
}
