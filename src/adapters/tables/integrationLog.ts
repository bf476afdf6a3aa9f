import { odata, type TableClient } from '@azure/data-tables';
import { integrationRecordSchema, type IntegrationRecord, type RecordPage, type RecordQuery } from '../../app/integrationRecord.js';
import type { Clock, IntegrationLog } from '../../app/ports.js';
import { IntegrationError } from '../../domain/errors.js';
import { lifecycleRank } from '../../domain/status.js';
import { getEntityOrNull } from './conditionalWrite.js';
import { packDocument, unpackDocument } from './packedDocument.js';
import { dayKey, indexRowKey, instantMs } from './recordIndexKeys.js';
import { listByDay, listByOrder } from './recordListing.js';
import { summaryProperties } from './recordSummary.js';
import { describeError } from './tableErrors.js';
import { encodeKey } from './tableKeys.js';

const systemClock: Clock = { now: () => new Date() };

/**
 * Integration records in table IntegrationRecords (PartitionKey = order number, RowKey = recordId),
 * the whole record packed as gzip JSON chunks so a 500-line payload fits, plus its summary as plain
 * properties; and one summary row per record in the by-day index IntegrationRecordIndex for listings.
 */
export class TableIntegrationLog implements IntegrationLog {
  constructor(
    private readonly records: TableClient,
    private readonly index: TableClient,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Writes the record, then its index row (rewritten each time: firstSeenAt, hence its day, never changes). */
  async upsert(record: IntegrationRecord): Promise<void> {
    const parsed = integrationRecordSchema.parse(record);
    const what = `record "${parsed.recordId}" of order "${parsed.orderNumber}"`;
    const firstSeenMs = instantMs(parsed.firstSeenAt, what);
    const summary = summaryProperties(parsed);
    // Records are written by the one dispatcher holding the order's session: a plain upsert is right here.
    await this.records.upsertEntity(
      { partitionKey: encodeKey(parsed.orderNumber), rowKey: encodeKey(parsed.recordId), ...summary, ...packDocument(parsed, what) },
      'Replace',
    );
    await this.index.upsertEntity(
      { partitionKey: dayKey(firstSeenMs), rowKey: indexRowKey(firstSeenMs, parsed.orderNumber, parsed.recordId), ...summary },
      'Replace',
    );
  }

  /** The whole record (payload, answer, raw row), or null. */
  async get(orderNumber: string, recordId: string): Promise<IntegrationRecord | null> {
    const entity = await getEntityOrNull(this.records, encodeKey(orderNumber), encodeKey(recordId));
    return entity === null ? null : this.readRecord(entity, orderNumber);
  }

  /** Every whole record of one order: lifecycle order (unreadable rows first), then first seen. */
  async timeline(orderNumber: string): Promise<IntegrationRecord[]> {
    const entities = this.records.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(orderNumber)}` },
    });
    const timeline: { rank: number; firstSeenMs: number; record: IntegrationRecord }[] = [];
    for await (const entity of entities) {
      const record = this.readRecord(entity, orderNumber);
      timeline.push({
        rank: record.status === null ? -1 : lifecycleRank(record.status),
        firstSeenMs: Date.parse(record.firstSeenAt),
        record,
      });
    }
    timeline.sort(
      (a, b) => a.rank - b.rank || a.firstSeenMs - b.firstSeenMs || a.record.recordId.localeCompare(b.record.recordId),
    );
    return timeline.map(({ record }) => record);
  }

  /**
   * Summaries (payload and raw null, no response body or error details), newest first. With
   * orderNumber: that order's partition; otherwise the by-day index from `to` (default now) back to
   * `from` (default seven days before `to`).
   */
  async list(query: RecordQuery): Promise<RecordPage> {
    if (query.orderNumber !== undefined && query.orderNumber !== '') {
      return listByOrder(this.records, { ...query, orderNumber: query.orderNumber });
    }
    return listByDay(this.index, query, this.clock.now());
  }

  private readRecord(entity: Record<string, unknown>, orderNumber: string): IntegrationRecord {
    try {
      const record = integrationRecordSchema.parse(unpackDocument(entity));
      if (record.orderNumber !== orderNumber) throw new Error(`it belongs to order "${record.orderNumber}"`);
      return record;
    } catch (error) {
      const rowKey = typeof entity['rowKey'] === 'string' ? entity['rowKey'] : '?';
      throw new IntegrationError(
        'INTERNAL',
        `A stored integration record of order "${orderNumber}" (table ${this.records.tableName}, RowKey "${rowKey}") ` +
          `is unreadable: ${describeError(error)}. Delete it and resync the order to rebuild it.`,
      );
    }
  }
}
