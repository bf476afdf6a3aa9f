import type { ErrorCode } from '../../../domain/errors.js';
import type { HmMappings } from '../../../domain/hm/hmMappings.js';
import type { HmStatus } from '../../../domain/status.js';
import type { ErpDataset, OrderFacts } from './datasetTypes.js';
import { simulatorMappings } from './simulatorMappings.js';

/** One status H&M must receive; RETURNED names its return movement. */
export interface ExpectedStatus {
  status: HmStatus;
  returnId?: string;
}

export interface ExpectedOrderOutcome {
  orderNumber: string;
  /** What H&M must have accepted by the end, in lifecycle order. */
  sent: ExpectedStatus[];
  /** The status that must end FAILED (the first the order owes that cannot be sent), and why. */
  failed: { status: HmStatus; code: ErrorCode; reason: string } | null;
  /** Statuses owed after `failed`: never sent, they wait behind it. */
  heldBack: ExpectedStatus[];
}

/** The end state the bridge must reach once every change of the dataset has been seen. */
export interface ExpectedOutcome {
  /** Per order number. */
  orders: Record<string, ExpectedOrderOutcome>;
  /** Rows that fail validation: each must show up as a FAILED record (ERP_INVALID_ROW). */
  invalidRows: { feed: 'orders'; orderNumber: string; transId: number; problem: string }[];
  /** Movements that must not produce any status. */
  ignoredMovements: { returnId: string; reason: string }[];
  /** Sales returns registered but never invoiced: no RETURNED for them. */
  unissuedReturns: { returnId: string; orderNumber: string }[];
}

/**
 * The truth for the end-to-end test, from the scenario's facts (not from the bridge's code):
 * CREATED always first; CANCELLED if cancelled; SHIPPED, DELIVERED when they happened; one RETURNED
 * per sales return whose invoice was issued, in the order they were issued. An order whose freight
 * type or brand the mappings lack fails its CREATED and sends nothing else.
 */
export function expectedOutcome(dataset: ErpDataset, mappings: HmMappings = simulatorMappings): ExpectedOutcome {
  const returnsByOrder = new Map<string, { returnId: string; issuedTransId: number }[]>();
  const ignoredMovements: ExpectedOutcome['ignoredMovements'] = [];
  const unissuedReturns: ExpectedOutcome['unissuedReturns'] = [];
  for (const m of dataset.movements) {
    if (m.kind !== 'DEVOLUCAO_VENDA') ignoredMovements.push({ returnId: m.returnId, reason: `not a sales return (tipo ${m.kind})` });
    else if (m.orderNumber === null) ignoredMovements.push({ returnId: m.returnId, reason: 'linked to no sales order' });
    else if (m.issuedTransId === null) unissuedReturns.push({ returnId: m.returnId, orderNumber: m.orderNumber });
    else {
      const list = returnsByOrder.get(m.orderNumber) ?? [];
      list.push({ returnId: m.returnId, issuedTransId: m.issuedTransId });
      returnsByOrder.set(m.orderNumber, list);
    }
  }

  const orders: Record<string, ExpectedOrderOutcome> = {};
  for (const order of dataset.orders) {
    const owed: ExpectedStatus[] = [{ status: 'CREATED' }];
    if (order.cancelledBy !== null) owed.push({ status: 'CANCELLED' });
    if (order.shipped) owed.push({ status: 'SHIPPED' });
    if (order.delivered) owed.push({ status: 'DELIVERED' });
    const issued = [...(returnsByOrder.get(order.orderNumber) ?? [])].sort((a, b) => a.issuedTransId - b.issuedTransId);
    for (const r of issued) owed.push({ status: 'RETURNED', returnId: r.returnId });

    const failure = mappingFailure(order, mappings);
    orders[order.orderNumber] = failure
      ? { orderNumber: order.orderNumber, sent: [], failed: { status: 'CREATED', ...failure }, heldBack: owed.slice(1) }
      : { orderNumber: order.orderNumber, sent: owed, failed: null, heldBack: [] };
  }

  const invalidRows = dataset.orders.flatMap((o) =>
    o.invalidVersion ? [{ feed: 'orders' as const, orderNumber: o.orderNumber, transId: o.invalidVersion.transId, problem: o.invalidVersion.problem }] : [],
  );
  return { orders, invalidRows, ignoredMovements, unissuedReturns };
}

function mappingFailure(order: OrderFacts, mappings: HmMappings): { code: ErrorCode; reason: string } | null {
  if (!Object.hasOwn(mappings.freightTypes, order.freightType)) {
    return { code: 'MAPPING_MISSING_FREIGHT_TYPE', reason: `freight type "${order.freightType}" is not in HM_MAPPINGS.freightTypes` };
  }
  if (!Object.hasOwn(mappings.brands, order.brandCode)) {
    return { code: 'MAPPING_MISSING_BRAND', reason: `brand "${order.brandCode}" is not in HM_MAPPINGS.brands` };
  }
  return null;
}
