import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { IntegrationError } from '../../domain/errors.js';
import { TABLE_NAMES } from './tableNames.js';
import { errorCodeOf, statusCodeOf } from './tableErrors.js';

/** Where the tables live: a connection string (local, Azurite) or a service URI + Entra ID (Azure). */
export interface TableConnection {
  /** "UseDevelopmentStorage=true" or an account / Azurite connection string; wins when both are set. */
  connectionString: string | null;
  /** https://<account>.table.core.windows.net, used with `credential` or DefaultAzureCredential. */
  tableServiceUri: string | null;
  credential?: TokenCredential;
}

export interface TableNaming {
  /**
   * Appended to every table name (letters and digits only), so test files sharing one Azurite,
   * or two apps sharing one account, do not see each other's rows.
   */
  tableNameSuffix?: string;
}

export type TableKey = keyof typeof TABLE_NAMES;

/** One TableClient per table, made once and shared by the stores. */
export type TableClients = Record<TableKey, TableClient> & {
  /** Creates the tables that do not exist yet; an existing table is fine. */
  ensureTables(): Promise<void>;
};

/** Builds the four TableClients from a connection string or a service URI (identity-based). */
export function createTableClients(connection: TableConnection, naming: TableNaming = {}): TableClients {
  const suffix = naming.tableNameSuffix ?? '';
  if (!/^[A-Za-z0-9]{0,20}$/.test(suffix)) {
    throw new IntegrationError('CONFIG_INVALID', `table name suffix "${suffix}" must be at most 20 letters or digits`);
  }
  const makeClient = clientFactory(connection);
  const clients = {
    cursors: makeClient(TABLE_NAMES.cursors + suffix),
    orderState: makeClient(TABLE_NAMES.orderState + suffix),
    records: makeClient(TABLE_NAMES.records + suffix),
    recordIndex: makeClient(TABLE_NAMES.recordIndex + suffix),
  };
  return {
    ...clients,
    async ensureTables() {
      await Promise.all(Object.values(clients).map(createIfMissing));
    },
  };
}

function clientFactory(connection: TableConnection): (tableName: string) => TableClient {
  const connectionString = connection.connectionString?.trim();
  if (connectionString) {
    // Azurite speaks plain http; the SDK refuses http unless told, and only the connection string
    // (written by whoever runs the emulator) can say so. "UseDevelopmentStorage=true" sets it itself.
    const plainHttp = /(^|;)\s*(DefaultEndpointsProtocol=http;|TableEndpoint=http:)/i.test(`${connectionString};`);
    const options: TableServiceClientOptions = { allowInsecureConnection: plainHttp };
    return (tableName) => TableClient.fromConnectionString(connectionString, tableName, options);
  }
  const uri = connection.tableServiceUri?.trim();
  if (uri) {
    // One credential for all four clients, so they share its token cache.
    const credential = connection.credential ?? new DefaultAzureCredential();
    return (tableName) => new TableClient(uri, tableName, credential);
  }
  throw new IntegrationError(
    'CONFIG_INVALID',
    'Table Storage is not configured: set a connection string (locally "UseDevelopmentStorage=true" or Azurite\'s) or the table service URI (https://<account>.table.core.windows.net) for managed identity',
  );
}

async function createIfMissing(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (error) {
    // The SDK already swallows TableAlreadyExists; keep that true whatever the SDK version. Other
    // 409s (TableBeingDeleted) are real problems.
    if (statusCodeOf(error) !== 409 || errorCodeOf(error) !== 'TableAlreadyExists') throw error;
  }
}
