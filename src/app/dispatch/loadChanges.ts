import { parseErpOrder } from '../../domain/erp/index.js';
import { IntegrationError } from '../../domain/errors.js';
import type { OrderChange } from '../../domain/lifecycleDetector.js';
import type { Order } from '../../domain/order.js';
import type { TrackedOrderState } from '../../domain/trackedState.js';
import type { ChangeBody } from '../changeMessage.js';
import type { ErpGateway } from '../ports.js';

/**
 * The ERP changes one message stands for. A message that does not carry the order (a reference, a
 * resync, or a return for an order this app has never seen) fetches the order's current version.
 */
export async function loadChanges(erp: ErpGateway, body: ChangeBody, state: TrackedOrderState): Promise<OrderChange[]> {
  switch (body.kind) {
    case 'order':
      return [{ kind: 'order', order: body.order }];
    case 'orderRef':
    case 'resync': {
      const order = await fetchOrder(erp, body.orderNumber);
      return order ? [{ kind: 'order', order }] : [];
    }
    case 'return': {
      const change: OrderChange = { kind: 'return', movement: body.movement };
      if (state.order !== null) return [change];
      // Rule 7: a return for an order never seen must send the order's CREATED (and the rest) first.
      const order = await fetchOrder(erp, body.orderNumber);
      return order ? [{ kind: 'order', order }, change] : [change];
    }
  }
}

async function fetchOrder(erp: ErpGateway, orderNumber: string): Promise<Order | null> {
  const raw = await erp.fetchOrder(orderNumber);
  if (raw === null) return null;
  const parsed = parseErpOrder(raw);
  if (!parsed.ok) throw parsed.error;
  if (parsed.value.orderNumber !== orderNumber) {
    throw new IntegrationError(
      'ERP_INVALID_ROW',
      `the ERP answered order "${parsed.value.orderNumber}" when asked for "${orderNumber}" (cod_pedidov)`,
    );
  }
  return parsed.value;
}
