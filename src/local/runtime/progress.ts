import type { DispatchOutcome } from '../../app/dispatch/dispatchChange.js';
import type { ExtractSummary } from '../../app/extract/runExtract.js';
import { HM_STATUSES, type HmStatus } from '../../domain/status.js';

/** Counters of a local run, printed while it runs and as the closing summary. */
export class Progress {
  readonly sent = Object.fromEntries(HM_STATUSES.map((s) => [s, 0])) as Record<HmStatus, number>;
  /** Orders stopped at a permanent failure (an order retried on each new ERP version counts once). */
  readonly failedOrders = new Set<string>();
  published = 0;
  invalidRows = 0;
  extractRuns = 0;
  retries = 0;
  deadLettered = 0;
  parkedOrders = 0;
  cursors = { orders: 0, returns: 0 };
  lastExtract: ExtractSummary | null = null;

  onExtract(summary: ExtractSummary): void {
    this.extractRuns += 1;
    this.lastExtract = summary;
    this.published += summary.feeds.orders.published + summary.feeds.returns.published;
    this.invalidRows += summary.feeds.orders.invalid + summary.feeds.returns.invalid;
    this.cursors = { orders: summary.feeds.orders.cursor, returns: summary.feeds.returns.cursor };
  }

  onDispatch(outcome: DispatchOutcome): void {
    for (const status of outcome.sent) this.sent[status] += 1;
    if (outcome.failed) this.failedOrders.add(outcome.orderNumber);
    else if (outcome.result === 'sent') this.failedOrders.delete(outcome.orderNumber);
    if (outcome.result === 'parked') this.parkedOrders += 1;
  }

  /** One line: where the feeds are, what was detected, sent and failed, per status. */
  line(queueActive: number): string {
    const per = (counts: Record<HmStatus, number>) => HM_STATUSES.map((s) => `${s} ${counts[s]}`).join(', ');
    const total = Object.values(this.sent).reduce((a, b) => a + b, 0);
    return (
      `changes detected ${this.published} (cursor orders ${this.cursors.orders}, returns ${this.cursors.returns}) | queue ${queueActive} | ` +
      `sent ${total} [${per(this.sent)}] | orders failed ${this.failedOrders.size} | invalid rows ${this.invalidRows} | retries ${this.retries} | dead-lettered ${this.deadLettered}`
    );
  }
}
