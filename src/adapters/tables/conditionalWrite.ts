import type { TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { ConcurrencyConflictError } from '../../app/ports.js';
import { isConcurrencyFailure, statusCodeOf } from './tableErrors.js';

/**
 * Writes an entity only if it is still at `etag` (null: only if it does not exist yet) and returns
 * the new ETag. Never an unconditional upsert: a lost race is a ConcurrencyConflictError, so the
 * caller rereads instead of overwriting someone else's progress. `what` names the entity in errors.
 */
export async function writeConditionally(
  client: TableClient,
  entity: TableEntity<Record<string, unknown>>,
  etag: string | null,
  what: string,
): Promise<string> {
  const mode = etag === null ? 'create' : 'update';
  try {
    const response =
      etag === null ? await client.createEntity(entity) : await client.updateEntity(entity, 'Replace', { etag });
    if (!response.etag) throw new Error(`Table Storage returned no ETag for ${what}`);
    return response.etag;
  } catch (error) {
    if (isConcurrencyFailure(error, mode)) {
      const why = mode === 'create' ? 'it already exists' : 'it changed since it was read';
      throw new ConcurrencyConflictError(`${what} was not saved: ${why} (ETag mismatch); reread and retry`);
    }
    throw error;
  }
}

/** Reads one entity, or null when it does not exist. */
export async function getEntityOrNull(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<Record<string, unknown>> | null> {
  try {
    return await client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if (statusCodeOf(error) === 404) return null;
    throw error;
  }
}
