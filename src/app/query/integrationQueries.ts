import { HM_STATUSES, type HmStatus } from '../../domain/status.js';
import type { TrackedOrderState } from '../../domain/trackedState.js';
import { statusEventId } from '../../domain/eventId.js';
import type { IntegrationRecord, RecordPage, RecordQuery } from '../integrationRecord.js';
import type { IntegrationLog, OrderStateStore } from '../ports.js';

/** GET /api/integrations: records matching the filters, newest first (summaries, no payloads). */
export function listIntegrations(log: IntegrationLog, query: RecordQuery): Promise<RecordPage> {
  return log.list(query);
}

export interface OrderTimeline {
  orderNumber: string;
  /** What H&M has accepted, and what holds the order, as the dispatcher last saw it. */
  summary: {
    sentStatuses: HmStatus[];
    lastOrderTransId: number | null;
    halted: { code: string } | null;
    waitingForEnable: boolean;
    orderKnown: boolean;
  } | null;
  records: IntegrationRecord[];
}

/** GET /api/integrations/{orderNumber}: each status of one order with payload, answer and error. */
export async function getOrderTimeline(log: IntegrationLog, states: OrderStateStore, orderNumber: string): Promise<OrderTimeline | null> {
  const [records, loaded] = await Promise.all([log.timeline(orderNumber), states.load(orderNumber)]);
  if (records.length === 0 && !loaded) return null;
  return { orderNumber, summary: loaded ? summarise(loaded.state) : null, records };
}

function summarise(state: TrackedOrderState): NonNullable<OrderTimeline['summary']> {
  const sent = new Set(state.sentEventIds);
  const sentStatuses = HM_STATUSES.filter((s) => s !== 'RETURNED' && sent.has(statusEventId(state.orderNumber, s)));
  for (const r of state.returns) {
    if (sent.has(statusEventId(state.orderNumber, 'RETURNED', r.returnId))) sentStatuses.push('RETURNED');
  }
  return {
    sentStatuses,
    lastOrderTransId: state.orderTransId,
    halted: state.halted ? { code: state.halted.code } : null,
    waitingForEnable: state.parked,
    orderKnown: state.order !== null,
  };
}
