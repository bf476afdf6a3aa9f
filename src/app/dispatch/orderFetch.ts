import { parseErpOrder } from '../../domain/erp/index.js';
import { IntegrationError } from '../../domain/errors.js';
import type { Order } from '../../domain/order.js';
import type { ErpGateway } from '../ports.js';

/** The ERP's current version of an order: found, unknown, or unreadable (kept raw for the record). */
export type FetchedOrder =
  | { kind: 'found'; order: Order }
  | { kind: 'unknown' }
  | { kind: 'invalid'; error: IntegrationError; transId: number | null; raw: unknown };

/** Fetches one order by cod_pedidov; ERP_UNAVAILABLE / ERP_AUTH_FAILED propagate (transient). */
export async function fetchOrder(erp: ErpGateway, orderNumber: string): Promise<FetchedOrder> {
  const raw = await erp.fetchOrder(orderNumber);
  if (raw === null) return { kind: 'unknown' };
  const parsed = parseErpOrder(raw);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error, transId: parsed.transId, raw };
  if (parsed.value.orderNumber !== orderNumber) {
    const error = new IntegrationError('ERP_INVALID_ROW', `the ERP answered order "${parsed.value.orderNumber}" when asked for "${orderNumber}" (cod_pedidov)`);
    return { kind: 'invalid', error, transId: parsed.value.transId, raw };
  }
  return { kind: 'found', order: parsed.value };
}
