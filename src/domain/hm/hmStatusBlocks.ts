import type { Order, OrderLine } from '../order.js';
import type { OwedEvent } from '../lifecycleDetector.js';
import type { TrackedOrderState } from '../trackedState.js';
import type { BarcodeRule } from './hmBarcodeChoice.js';
import { payloadInvalid } from './hmPayloadInvalid.js';
import { mapReturnBlock, returnedAt } from './hmReturnBlock.js';
import { mapShipmentBlock } from './hmShipmentBlock.js';
import type { HmStatusEvent } from './hmStatusEvent.js';

/** The part of a body that depends on its status: when it happened, and its own block only. */
export interface StatusPart {
  statusTimestamp: string;
  blocks: Pick<HmStatusEvent, 'shipment' | 'cancellation' | 'delivery' | 'return'>;
}

/**
 * statusTimestamp and block per status: CREATED → order date; CANCELLED → when the order was first
 * seen cancelled; SHIPPED → "Embarque Concluído"; DELIVERED → delivered to the customer; RETURNED →
 * the return invoice's issue date (see returnedAt for its fallback).
 */
export function mapStatusPart(
  owed: OwedEvent,
  state: TrackedOrderState,
  order: Order,
  createdLines: readonly OrderLine[],
  barcodes: BarcodeRule,
): StatusPart {
  switch (owed.status) {
    case 'CREATED':
      return { statusTimestamp: order.orderDate, blocks: {} };
    case 'CANCELLED': {
      const cancelledAt = state.cancelledAt;
      if (cancelledAt === null) throw payloadInvalid(order.orderNumber, 'CANCELLED', 'the order has never been seen cancelled');
      return { statusTimestamp: cancelledAt, blocks: { cancellation: { cancelledAt, reason: order.cancellationReason } } };
    }
    case 'SHIPPED': {
      const shipment = mapShipmentBlock(order, createdLines, barcodes);
      return { statusTimestamp: shipment.shippedAt, blocks: { shipment } };
    }
    case 'DELIVERED': {
      const deliveredAt = order.deliveredAt;
      if (deliveredAt === null) throw payloadInvalid(order.orderNumber, 'DELIVERED', 'the order has no delivery date (data_entrega_cliente)');
      return { statusTimestamp: deliveredAt, blocks: { delivery: { deliveredAt } } };
    }
    case 'RETURNED': {
      const movement = state.returns.find((r) => r.returnId === owed.returnId);
      if (movement === undefined) throw payloadInvalid(order.orderNumber, 'RETURNED', `return "${owed.returnId ?? ''}" is not among the order's issued returns`);
      return { statusTimestamp: returnedAt(order, movement), blocks: { return: mapReturnBlock(order, createdLines, movement, barcodes) } };
    }
  }
}
