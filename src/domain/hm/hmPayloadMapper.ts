/**
 * The H&M payload mapper: contracts/hm-order-api.md in one function. CREATED carries the lines as first
 * seen; every later status the current (invoiced) lines; each body carries only its own status block.
 */

import type { OwedEvent } from '../lifecycleDetector.js';
import type { TrackedOrderState } from '../trackedState.js';
import { barcodeRule } from './hmBarcodeChoice.js';
import type { MapperOptions } from './hmMapperOptions.js';
import { mapOrderBlock } from './hmOrderBlock.js';
import { payloadInvalid } from './hmPayloadInvalid.js';
import { mapStatusPart } from './hmStatusBlocks.js';
import { hmStatusEventSchema, type HmStatusEvent } from './hmStatusEvent.js';

export type { MapperOptions } from './hmMapperOptions.js';

/** Builds the validated request body of one owed status event; throws IntegrationError MAPPING_* / HM_PAYLOAD_INVALID. */
export function mapStatusEvent(owed: OwedEvent, state: TrackedOrderState, options: MapperOptions): HmStatusEvent {
  const order = state.order;
  if (order === null) throw payloadInvalid(state.orderNumber, owed.status, 'the order itself has not been read from the ERP yet');
  const barcodes = barcodeRule(options.barcodeType);
  const createdLines = state.createdLines ?? order.lines;
  const part = mapStatusPart(owed, state, order, createdLines, barcodes);
  const event: HmStatusEvent = {
    eventId: owed.eventId,
    status: owed.status,
    statusTimestamp: part.statusTimestamp,
    sourceSystem: 'E_MILLENNIUM_BR',
    countryCode: 'BR',
    currency: 'BRL',
    order: mapOrderBlock({
      order,
      lines: owed.status === 'CREATED' ? createdLines : order.lines,
      brandLines: createdLines,
      mappings: options.mappings,
      itemDiscountType: options.itemDiscountType,
      barcodes,
    }),
    ...part.blocks,
  };
  return validated(event);
}

/** Never send a body that breaks the contract: a failure here is a bug in the bridge, reported with its paths. */
function validated(event: HmStatusEvent): HmStatusEvent {
  const result = hmStatusEventSchema.safeParse(event);
  if (result.success) return event;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  const where = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw payloadInvalid(event.order.orderNumber, event.status, `the body breaks the H&M contract at ${where} (nothing was sent)`, issues);
}
