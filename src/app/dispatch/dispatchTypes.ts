import type { ChangeBody } from '../changeMessage.js';
import type { MapperOptions } from '../../domain/hm/hmPayloadMapper.js';
import type { HmStatus } from '../../domain/status.js';
import type { Clock, ErpGateway, HmOrderApi, IntegrationLog, Logger, OrderStateStore } from '../ports.js';

export interface DispatchDeps {
  erp: ErpGateway;
  states: OrderStateStore;
  log: IntegrationLog;
  hm: HmOrderApi;
  clock: Clock;
  logger: Logger;
  newCorrelationId: () => string;
  /** Waits before a transient failure is handed back for redelivery (tests pass an instant one). */
  sleep: (ms: number) => Promise<void>;
  settings: {
    /** HM_ENABLED: when false nothing is sent; owed statuses wait as PENDING (rule 8). */
    enabled: boolean;
    mapper: MapperOptions;
    /** The queue's maxDeliveryCount: the delivery that gives up records the event FAILED. */
    maxDeliveryCount: number;
    /** SERVICEBUS_REDELIVERY_DELAY_MS: first wait before abandoning; doubles per delivery, at most 60 s. */
    redeliveryDelayMs: number;
  };
}

/** A message as the trigger hands it over. */
export interface ReceivedChange {
  messageId: string;
  sessionId: string;
  body: unknown;
  deliveryCount: number;
}

export type DispatchResult = 'sent' | 'nothing-owed' | 'parked' | 'halted' | 'failed' | 'invalid-order' | 'unreadable';

export interface DispatchOutcome {
  orderNumber: string;
  result: DispatchResult;
  /** Statuses H&M accepted during this message, in the order sent. */
  sent: HmStatus[];
  /** The status that failed permanently during this message, if any. */
  failed: HmStatus | null;
}

/**
 * How long to wait before abandoning delivery `deliveryCount`: Service Bus redelivers at once, so
 * without it ten deliveries last seconds and a one-minute outage dead-letters every order in flight.
 */
export function redeliveryDelayMs(base: number, deliveryCount: number): number {
  return Math.min(base * 2 ** Math.max(0, deliveryCount - 1), 60_000);
}

/** The ERP change (trans_id) a message stands for; null for a resync or sweep. */
export function changeTransId(body: ChangeBody): number | null {
  return body.kind === 'resync' || body.kind === 'sweep' ? null : body.transId;
}
