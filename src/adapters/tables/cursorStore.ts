import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { IntegrationError } from '../../domain/errors.js';
import type { CursorStore, Feed, FeedCursor } from '../../app/ports.js';
import { getEntityOrNull, writeConditionally } from './conditionalWrite.js';
import { int64 } from './entityValues.js';
import { packDocument, unpackDocument } from './packedDocument.js';
import { describeError } from './tableErrors.js';

const cursorSchema = z.object({ transId: z.number().int().nonnegative(), seenAtTransId: z.array(z.string()) });
const ROW_KEY = 'cursor';

/**
 * One entity per feed (PartitionKey = feed). The cursor document is packed (seenAtTransId can hold
 * many order numbers after a bulk ERP update); `transId` is repeated as a plain Int64 for people
 * reading the table.
 */
export class TableCursorStore implements CursorStore {
  constructor(private readonly client: TableClient) {}

  /** The stored cursor and its ETag; the start of the feed and a null ETag when none is stored. */
  async read(feed: Feed): Promise<{ cursor: FeedCursor; etag: string | null }> {
    const entity = await getEntityOrNull(this.client, feed, ROW_KEY);
    if (entity === null) return { cursor: { transId: 0, seenAtTransId: [] }, etag: null };
    try {
      return { cursor: cursorSchema.parse(unpackDocument(entity)), etag: entity.etag };
    } catch (error) {
      throw new IntegrationError(
        'INTERNAL',
        `The stored cursor of feed "${feed}" (table ${this.client.tableName}) is unreadable: ${describeError(error)}. ` +
          'Delete the entity to restart the feed from the beginning, or fix it by hand.',
      );
    }
  }

  /** Saves the cursor if it is still at `etag` (null: only if none exists); ConcurrencyConflictError otherwise. */
  async write(feed: Feed, cursor: FeedCursor, etag: string | null): Promise<string> {
    const document = cursorSchema.parse(cursor);
    const entity = {
      partitionKey: feed,
      rowKey: ROW_KEY,
      transId: int64(document.transId),
      ...packDocument(document, `the cursor of feed "${feed}"`),
    };
    return writeConditionally(this.client, entity, etag, `The cursor of feed "${feed}"`);
  }
}
