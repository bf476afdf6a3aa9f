/** The e-Millennium simulator: the same HTTP contract as the real gateway, a seeded messy scenario, and its truth. */
export { startErpSimulator, type ErpSimulator } from './erpSimulator.js';
export {
  DEFAULT_SIMULATOR_SEED,
  SIMULATOR_LOGIN_PATH,
  SIMULATOR_ORDERS_PATH,
  SIMULATOR_RETURNS_PATH,
  type ErpFaults,
  type ErpSimulatorOptions,
} from './simulatorOptions.js';
export type { RecordedRequest } from './gatewayRequest.js';
export { generateErpDataset, type DatasetOptions } from './dataset/erpDataset.js';
export type { ErpChange, ErpDataset, MovementFacts, OrderFacts } from './dataset/datasetTypes.js';
export { expectedOutcome, type ExpectedOrderOutcome, type ExpectedOutcome, type ExpectedStatus } from './dataset/expectedOutcome.js';
export { simulatorBarcodeType, simulatorMappings } from './dataset/simulatorMappings.js';
export { ORDER_ROLES, MIN_ORDER_COUNT, type OrderRole } from './dataset/roles.js';
