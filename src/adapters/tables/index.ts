import type { Clock, CursorStore, IntegrationLog, OrderStateStore } from '../../app/ports.js';
import { TableCursorStore } from './cursorStore.js';
import { TableIntegrationLog } from './integrationLog.js';
import { TableOrderStateStore } from './orderStateStore.js';
import type { TableClients } from './tableClients.js';

export { createTableClients, type TableClients, type TableConnection, type TableNaming } from './tableClients.js';
export { InvalidContinuationTokenError } from './continuationToken.js';
export { TABLE_NAMES } from './tableNames.js';
export { TableCursorStore, TableIntegrationLog, TableOrderStateStore };

/** The three Table Storage ports over one set of clients (call `clients.ensureTables()` once at start-up). */
export function createTableStores(
  clients: TableClients,
  clock?: Clock,
): { cursors: CursorStore; orderStates: OrderStateStore; integrationLog: IntegrationLog } {
  return {
    cursors: new TableCursorStore(clients.cursors),
    orderStates: new TableOrderStateStore(clients.orderState),
    integrationLog: new TableIntegrationLog(clients.records, clients.recordIndex, clock),
  };
}
