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

/**
 * Coalesces the idempotent puts of concurrent callers into shared BatchWriteItem calls: puts
 * requested in the same turn of the event loop go out together (25 per call), so N saves in flight
 * pay about one request for their index items instead of N. Each caller's promise settles when the
 * flush that carries its puts has been written.
 * Puts of the same id in one flush are merged (the last one wins): a batch may not hold duplicates.
 *
 * When a shared flush is refused as invalid (ValidationException: an item too large, a bad key),
 * DynamoDB does not say whose item it was, so each caller's puts are written again on their own:
 * only the caller with the bad item fails, and one bad record cannot dead-letter the releases that
 * happened to share its call. Any other failure fails every caller of the flush (they retry).
 */
export class CoalescingPutWriter {
  private pending: { items: readonly Item[]; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly opts: BatchRetryOptions = {},
  ) {}

  put(items: readonly Item[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    this.scheduled = false;
    try {
      await batchPut(this.client, this.tableName, mergeById(waiting.flatMap((w) => w.items)), this.opts);
      for (const w of waiting) w.resolve();
    } catch (err) {
      if (waiting.length > 1 && isValidationError(err)) {
        await Promise.all(
          waiting.map((w) =>
            batchPut(this.client, this.tableName, mergeById(w.items), this.opts).then(w.resolve, w.reject),
          ),
        );
        return;
      }
      for (const w of waiting) w.reject(err);
    }
  }
}

/** The items with one per id (the last one wins), in first-seen order. */
function mergeById(items: readonly Item[]): Item[] {
  const byId = new Map<unknown, Item>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()];
}

/** DynamoDB refused the request itself (not a transient failure): retrying it whole would fail again. */
function isValidationError(err: unknown): boolean {
  return err instanceof StorageError && err.code === 'VALIDATION';
}
