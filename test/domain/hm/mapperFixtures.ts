import { IntegrationError } from '../../../src/domain/errors.js';
import { statusEventId } from '../../../src/domain/eventId.js';
import type { MapperOptions } from '../../../src/domain/hm/hmPayloadMapper.js';
import type { OwedEvent } from '../../../src/domain/lifecycleDetector.js';
import type { Order, OrderLine, ReturnMovement } from '../../../src/domain/order.js';
import type { HmStatus } from '../../../src/domain/status.js';
import { emptyTrackedState, type TrackedOrderState } from '../../../src/domain/trackedState.js';
import { anOrder } from '../../support/orderBuilder.js';

/** Settings as an operator would fill them: brand HM → 1, freight PAC and SEDEX mapped, VALE is a voucher. */
export function options(overrides: Partial<MapperOptions> = {}): MapperOptions {
  return {
    mappings: {
      defaultCorporateBrandId: '0',
      brands: { HM: '1', COS: '2' },
      freightTypes: {
        PAC: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'STANDARD' },
        SEDEX: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' },
      },
      voucherPaymentTypes: ['VALE'],
    },
    itemDiscountType: 'PROMOTION',
    barcodeType: 'EAN13',
    ...overrides,
  };
}

/** A tracked state holding `order`, as the detector leaves it (createdLines defaults to the order's lines). */
export function stateOf(
  order: Order = anOrder(),
  extra: { createdLines?: OrderLine[]; cancelledAt?: string | null; returns?: ReturnMovement[] } = {},
): TrackedOrderState {
  return {
    ...emptyTrackedState(order.orderNumber),
    order,
    orderTransId: order.transId,
    createdLines: extra.createdLines ?? order.lines,
    cancelledAt: extra.cancelledAt ?? null,
    returns: extra.returns ?? [],
  };
}

/** The owed event the detector would list for this status. */
export function owed(status: HmStatus, orderNumber = 'BR-1001', returnId: string | null = null): OwedEvent {
  return { eventId: statusEventId(orderNumber, status, returnId ?? ''), status, returnId };
}

/** The IntegrationError `fn` throws (fails the test when it throws nothing or something else). */
export function thrownBy(fn: () => unknown): IntegrationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IntegrationError) return error;
    throw error;
  }
  throw new Error('expected an IntegrationError, nothing was thrown');
}
