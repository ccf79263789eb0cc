/**
 * BatchWriteItem for any number of puts and deletes: chunks of 25 (the API limit), UnprocessedItems
 * retried with exponential backoff and full jitter until none are left. When items are still
 * unprocessed after the last attempt it throws a retryable StorageError — it never drops a write.
 * Only for idempotent writes (index items): BatchWriteItem has no conditions.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../../core/errors';
import type { Item } from './batchGet';
import { wrapDynamo } from './errors';
import { backoff, BATCH_RETRY_DEFAULTS, type BatchRetryOptions } from './retry';

/** One write of a batch: a whole item to put, or the key of an item to delete. */
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

const CHUNK = 25;

export async function batchWrite(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  opts: BatchRetryOptions = {},
): Promise<void> {
  const maxAttempts = opts.maxAttempts ?? BATCH_RETRY_DEFAULTS.maxAttempts;
  for (let start = 0; start < requests.length; start += CHUNK) {
    let pending: WriteRequest[] = requests.slice(start, start + CHUNK);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > maxAttempts) {
        throw new StorageError(
          'UNPROCESSED_ITEMS',
          `BatchWriteItem on ${tableName}: ${pending.length} writes still unprocessed after ${maxAttempts} attempts`,
        );
      }
      if (attempt > 1) await backoff(attempt, opts);
      const out = await wrapDynamo(`BatchWriteItem ${tableName}`, () =>
        client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })),
      );
      pending = (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}

/** Puts these items (idempotent overwrites). */
export function batchPut(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
  opts?: BatchRetryOptions,
): Promise<void> {
  return batchWrite(
    client,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
    opts,
  );
}

/** Deletes the items with these ids (deleting a missing item is not an error). */
export function batchDeleteById(
  client: DynamoDBDocumentClient,
  tableName: string,
  ids: readonly string[],
  opts?: BatchRetryOptions,
): Promise<void> {
  return batchWrite(
    client,
    tableName,
    [...new Set(ids)].map((id) => ({ DeleteRequest: { Key: { id } } })),
    opts,
  );
}
