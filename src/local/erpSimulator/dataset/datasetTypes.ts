import type { OrderRole, PartialPicking } from './roles.js';

/** The simulator's two feeds, named as the ErpGateway port names them. */
export type SimulatedFeed = 'orders' | 'returns';

/** One change in the ERP: a new version of an order or of a return movement, with its own trans_id. */
export interface ErpChange {
  feed: SimulatedFeed;
  /** Order number (orders) or `devolucao` (returns). */
  key: string;
  transId: number;
  /** When it becomes visible, in ms after the simulator started (its clock). */
  atMs: number;
  /** What the change did: created, approved, sentToWarehouse, cancelled, shipped, delivered, corrected, registered, receivedInWarehouse, issued. */
  event: string;
  /** The raw row the gateway answers with while this is the entity's current version. */
  row: Readonly<Record<string, unknown>>;
}

/** What happened to one order over the run: the facts the expected outcome and the tests count. */
export interface OrderFacts {
  orderNumber: string;
  erpId: number;
  role: OrderRole;
  brandCode: string;
  freightType: string;
  /** Lines as created (gift included). */
  lineCount: number;
  giftLine: boolean;
  voucherPayment: boolean;
  lineDiscounts: boolean;
  cancelledBy: 'seller' | 'customer' | null;
  /** Created and cancelled in the same moment: no version before the cancellation is ever visible. */
  cancelledBeforeFirstSeen: boolean;
  shipped: boolean;
  delivered: boolean;
  /** Shipped and delivered in the same moment: no version with only the shipment is ever visible. */
  shippedAndDeliveredTogether: boolean;
  /** Lines dropped and quantities reduced by the version that completes the shipment. */
  partialPicking: {
    kind: PartialPicking;
    removedItems: number[];
    reducedItems: { item: number; ordered: number; shipped: number }[];
  } | null;
  /** The version that fails validation, and the later one that corrects it. */
  invalidVersion: { transId: number; problem: string; correctedByTransId: number } | null;
  /** trans_ids of all its versions, ascending. */
  transIds: number[];
}

/** What happened to one return movement. */
export interface MovementFacts {
  returnId: string;
  kind: 'DEVOLUCAO_VENDA' | 'TROCA';
  /** Null for the movement linked to no order. */
  orderNumber: string | null;
  /** trans_id of the version where its invoice (nota) is issued; null when it never is. */
  issuedTransId: number | null;
  lines: { item: number; quantity: number }[];
  transIds: number[];
}

/** Everything the simulator serves, and the facts behind it. Deterministic for (scenario, seed, orderCount). */
export interface ErpDataset {
  scenario: 'lifecycle' | 'empty';
  seed: number;
  orderCount: number;
  durationMs: number;
  orders: OrderFacts[];
  movements: MovementFacts[];
  /** All changes of both feeds, ascending trans_id (and so ascending atMs). */
  changes: ErpChange[];
}
