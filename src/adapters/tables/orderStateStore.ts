import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { OrderStateStore } from '../../app/ports.js';
import { IntegrationError } from '../../domain/errors.js';
import { trackedOrderStateSchema, type TrackedOrderState } from '../../domain/trackedState.js';
import { getEntityOrNull, writeConditionally } from './conditionalWrite.js';
import { int64 } from './entityValues.js';
import { packDocument, unpackDocument } from './packedDocument.js';
import { describeError, statusCodeOf } from './tableErrors.js';
import { encodeKey } from './tableKeys.js';

const STATE_ROW_KEY = 'state';
/**
 * Partition of the "parked" markers (RowKey = encoded order number), so listParked is one partition
 * query instead of a table scan. "~p" cannot be an encoded order number: encodeKey only ever puts
 * two hex digits after '~'.
 */
const PARKED_PARTITION = '~parked';

/**
 * One entity per order (PartitionKey = encoded order number): the TrackedOrderState packed as gzip
 * JSON chunks (a 500-line order and its CREATED lines are stored whole), plus a few plain
 * properties for people reading the table.
 */
export class TableOrderStateStore implements OrderStateStore {
  constructor(private readonly client: TableClient) {}

  /** The order's state and ETag, or null for an order never seen; an unreadable entity is an error naming the order. */
  async load(orderNumber: string): Promise<{ state: TrackedOrderState; etag: string } | null> {
    const entity = await getEntityOrNull(this.client, encodeKey(orderNumber), STATE_ROW_KEY);
    if (entity === null) return null;
    try {
      const state = trackedOrderStateSchema.parse(unpackDocument(entity));
      if (state.orderNumber !== orderNumber) throw new Error(`it belongs to order "${state.orderNumber}"`);
      return { state, etag: entity.etag };
    } catch (error) {
      throw new IntegrationError(
        'INTERNAL',
        `The stored state of order "${orderNumber}" (table ${this.client.tableName}) is unreadable: ` +
          `${describeError(error)}. Delete that entity and resync the order to rebuild it from the ERP.`,
      );
    }
  }

  /** Saves the state if unchanged since `etag` (null: only if new) and keeps the parked marker in step. */
  async save(state: TrackedOrderState, etag: string | null): Promise<string> {
    const document = trackedOrderStateSchema.parse(state);
    const what = `The state of order "${document.orderNumber}"`;
    const entity = {
      partitionKey: encodeKey(document.orderNumber),
      rowKey: STATE_ROW_KEY,
      orderNumber: document.orderNumber,
      parked: document.parked,
      factsVersion: document.factsVersion,
      ...(document.orderTransId === null ? {} : { orderTransId: int64(document.orderTransId) }),
      ...packDocument(document, what),
    };
    // Marker before the state when parking, after it when unparking: a crash in between leaves at
    // worst a stale marker, whose only effect is a harmless extra resync by the re-enable sweep.
    if (document.parked) await this.markParked(document.orderNumber);
    const newEtag = await writeConditionally(this.client, entity, etag, what);
    // A brand-new unparked order cannot have a marker worth deleting; skip the round trip.
    if (!document.parked && etag !== null) await this.unmarkParked(document.orderNumber);
    return newEtag;
  }

  /** Order numbers with a parked marker, at most `limit`, by encoded order number. */
  async listParked(limit: number): Promise<string[]> {
    const top = Math.max(0, Math.trunc(limit));
    if (top === 0) return [];
    const orderNumbers: string[] = [];
    const pages = this.client
      .listEntities<{ orderNumber?: unknown }>({
        queryOptions: { filter: odata`PartitionKey eq ${PARKED_PARTITION}`, select: ['orderNumber'] },
      })
      .byPage({ maxPageSize: Math.min(top, 1000) });
    for await (const page of pages) {
      for (const entity of page) {
        if (typeof entity.orderNumber === 'string') orderNumbers.push(entity.orderNumber);
        if (orderNumbers.length >= top) return orderNumbers;
      }
    }
    return orderNumbers;
  }

  private async markParked(orderNumber: string): Promise<void> {
    await this.client.upsertEntity({ partitionKey: PARKED_PARTITION, rowKey: encodeKey(orderNumber), orderNumber }, 'Replace');
  }

  private async unmarkParked(orderNumber: string): Promise<void> {
    try {
      await this.client.deleteEntity(PARKED_PARTITION, encodeKey(orderNumber));
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
    }
  }
}
