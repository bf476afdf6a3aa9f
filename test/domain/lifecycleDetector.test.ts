import { describe, expect, it } from 'vitest';
import {
  detectOwedEvents,
  haltAt,
  isHalted,
  markSent,
  markUnsent,
  owedEvents,
  type OrderChange,
} from '../../src/domain/lifecycleDetector.js';
import { statusEventId } from '../../src/domain/eventId.js';
import { emptyTrackedState, type TrackedOrderState } from '../../src/domain/trackedState.js';
import { aLine, anOrder, aReturn } from '../support/orderBuilder.js';

const fresh = () => emptyTrackedState('BR-1001');

/** Applies changes one by one, sending (marking sent) everything owed after each, like a healthy dispatcher. */
function sendAll(changes: OrderChange[], start: TrackedOrderState = fresh()) {
  let state = start;
  const sent: string[] = [];
  for (const change of changes) {
    const detection = detectOwedEvents(state, change);
    state = detection.state;
    for (const owed of detection.owed) {
      sent.push(owed.returnId ? `${owed.status}:${owed.returnId}` : owed.status);
      state = markSent(state, owed.eventId);
    }
  }
  return { state, sent };
}

const order = (o: Parameters<typeof anOrder>[0]): OrderChange => ({ kind: 'order', order: anOrder(o) });
const ret = (r: Parameters<typeof aReturn>[0]): OrderChange => ({ kind: 'return', movement: aReturn(r) });

describe('lifecycle detector', () => {
  it('owes CREATED for a new sales order (rule 1)', () => {
    const { owed } = detectOwedEvents(fresh(), order({ transId: 1 }));
    expect(owed.map((e) => e.status)).toEqual(['CREATED']);
  });

  it('owes nothing again for the same or an older trans_id once sent', () => {
    const { state } = sendAll([order({ transId: 10 })]);
    expect(detectOwedEvents(state, order({ transId: 10 }))).toMatchObject({ owed: [], ignored: 'stale-version' });
    expect(detectOwedEvents(state, order({ transId: 9 }))).toMatchObject({ owed: [], ignored: 'stale-version' });
  });

  it('does not let an older version undo newer facts', () => {
    const { state } = sendAll([order({ transId: 10, shippedAt: '2026-12-02T10:00:00.000-03:00' })]);
    const older = detectOwedEvents(state, order({ transId: 8, shippedAt: null }));
    expect(older.state.order?.shippedAt).toBe('2026-12-02T10:00:00.000-03:00');
  });

  it('sends nothing for workflow-only changes such as RESERVADO and ENVIADO PARA O ARMAZEM (rule 6)', () => {
    const { sent } = sendAll([
      order({ transId: 1, workflowStatus: 'RESERVADO' }),
      order({ transId: 2, workflowStatus: 'ENVIADO PARA O ARMAZEM' }),
      order({ transId: 3, workflowStatus: 'FATURADO', approved: true }),
    ]);
    expect(sent).toEqual(['CREATED']);
  });

  it('owes SHIPPED once the shipment is completed (rule 2)', () => {
    const { sent } = sendAll([
      order({ transId: 1 }),
      order({ transId: 2, shippedAt: '2026-12-02T10:00:00.000-03:00', trackingNumber: 'BR123' }),
    ]);
    expect(sent).toEqual(['CREATED', 'SHIPPED']);
  });

  it('keeps the lines as first seen for CREATED after a partial picking removed some', () => {
    const created = [aLine({ lineNumber: 1 }), aLine({ lineNumber: 2 }), aLine({ lineNumber: 3 })];
    const { state } = sendAll([
      order({ transId: 1, lines: created }),
      order({ transId: 2, lines: created.slice(0, 2), shippedAt: '2026-12-02T10:00:00.000-03:00' }),
    ]);
    expect(state.createdLines?.map((l) => l.lineNumber)).toEqual([1, 2, 3]);
    expect(state.order?.lines.map((l) => l.lineNumber)).toEqual([1, 2]);
  });

  it('sends CREATED before CANCELLED when the order was cancelled before it was ever sent (rule 7)', () => {
    const { owed } = detectOwedEvents(fresh(), order({ transId: 5, cancelled: true }));
    expect(owed.map((e) => e.status)).toEqual(['CREATED', 'CANCELLED']);
  });

  it('treats cancelled by seller and by customer as one CANCELLED, sent once (rule 3)', () => {
    const { sent } = sendAll([
      order({ transId: 1 }),
      order({ transId: 2, cancelled: true, cancellationReason: 'Cancelado pelo cliente' }),
      order({ transId: 3, cancelled: true, cancellationReason: 'Cancelado pelo vendedor' }),
    ]);
    expect(sent).toEqual(['CREATED', 'CANCELLED']);
  });

  it('dates CANCELLED with the first version seen cancelled', () => {
    const { state } = sendAll([
      order({ transId: 1 }),
      order({ transId: 2, cancelled: true, updatedAt: '2026-12-03T08:00:00.000-03:00' }),
      order({ transId: 3, cancelled: true, updatedAt: '2026-12-04T08:00:00.000-03:00' }),
    ]);
    expect(state.cancelledAt).toBe('2026-12-03T08:00:00.000-03:00');
  });

  it('sends SHIPPED then DELIVERED when both happened between two polls (rule 4)', () => {
    const { sent } = sendAll([
      order({ transId: 1 }),
      order({ transId: 7, shippedAt: '2026-12-02T10:00:00.000-03:00', deliveredAt: '2026-12-04T15:00:00.000-03:00' }),
    ]);
    expect(sent).toEqual(['CREATED', 'SHIPPED', 'DELIVERED']);
  });

  it('sends nothing for a return whose invoice is not issued, and RETURNED once it is (rule 5)', () => {
    const base = sendAll([order({ transId: 1, shippedAt: '2026-12-02T10:00:00.000-03:00' })]).state;
    const pending = detectOwedEvents(base, ret({ transId: 50, invoice: null }));
    expect(pending).toMatchObject({ owed: [], ignored: 'return-invoice-not-issued' });
    const issued = detectOwedEvents(pending.state, ret({ transId: 60 }));
    expect(issued.owed.map((e) => [e.status, e.returnId])).toEqual([['RETURNED', '7001']]);
  });

  it('sends one RETURNED per partial return, and never the same return twice', () => {
    const { sent } = sendAll([
      order({ transId: 1 }),
      ret({ transId: 60, returnId: '7001' }),
      ret({ transId: 61, returnId: '7002' }),
      ret({ transId: 62, returnId: '7001' }),
    ]);
    expect(sent).toEqual(['CREATED', 'RETURNED:7001', 'RETURNED:7002']);
  });

  it('ignores movements that are not sales returns, or have no order', () => {
    expect(detectOwedEvents(fresh(), ret({ kind: 'TROCA' })).ignored).toBe('not-a-sales-return');
    expect(detectOwedEvents(fresh(), ret({ orderNumber: null })).ignored).toBe('return-without-order');
  });

  it('owes nothing for a return until the order itself is known, then CREATED first (rule 7)', () => {
    const onlyReturn = detectOwedEvents(fresh(), ret({ transId: 60 }));
    expect(onlyReturn.owed).toEqual([]);
    const withOrder = detectOwedEvents(onlyReturn.state, order({ transId: 2 }));
    expect(withOrder.owed.map((e) => e.status)).toEqual(['CREATED', 'RETURNED']);
  });

  it('keeps a failed status owed, ahead of later ones, until it is sent', () => {
    let state = detectOwedEvents(fresh(), order({ transId: 1 })).state;
    state = detectOwedEvents(state, order({ transId: 2, cancelled: true })).state;
    expect(owedEvents(state).map((e) => e.status)).toEqual(['CREATED', 'CANCELLED']);
  });

  it('owes an event again when H&M no longer knows it', () => {
    let state = detectOwedEvents(fresh(), order({ transId: 1 })).state;
    const created = owedEvents(state)[0]!;
    state = markUnsent(markSent(state, created.eventId), created.eventId);
    expect(owedEvents(state).map((e) => e.status)).toEqual(['CREATED']);
  });

  it('holds a permanent failure until new facts arrive', () => {
    let state = detectOwedEvents(fresh(), order({ transId: 1 })).state;
    state = haltAt(state, owedEvents(state)[0]!.eventId, 'MAPPING_MISSING_FREIGHT_TYPE');
    expect(isHalted(state)).toBe(true);
    expect(isHalted(detectOwedEvents(state, order({ transId: 1 })).state)).toBe(true);
    expect(isHalted(detectOwedEvents(state, order({ transId: 2 })).state)).toBe(false);
  });

  it('gives each owed status a deterministic id per order, status and return', () => {
    const a = detectOwedEvents(fresh(), order({ transId: 1 })).owed[0]!;
    const b = detectOwedEvents(fresh(), order({ transId: 99 })).owed[0]!;
    expect(a.eventId).toBe(b.eventId);
    expect(a.eventId).toBe(statusEventId('BR-1001', 'CREATED'));
    // Pinned value: the id must not change between versions of the app, or H&M would see duplicates.
    expect(statusEventId('BR-1001', 'CREATED')).toBe('e17841b0-4fc1-8272-5609-651fb873d5c2');
    expect(statusEventId('BR-1001', 'RETURNED', '1')).not.toBe(statusEventId('BR-1001', 'RETURNED', '2'));
    expect(statusEventId('BR-1001', 'SHIPPED')).not.toBe(statusEventId('BR-1002', 'SHIPPED'));
  });
});
