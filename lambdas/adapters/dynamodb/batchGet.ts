/**
 * BatchGetItem for any number of keys: chunks of 100 (the API limit), duplicate keys removed (the API
 * rejects them), UnprocessedKeys retried with exponential backoff and full jitter. When keys are
 * still unprocessed after the last attempt it throws — it never returns a partial answer silently.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../../core/errors';
import { wrapDynamo } from './errors';
import { backoff, BATCH_RETRY_DEFAULTS, type BatchRetryOptions } from './retry';

export type { BatchRetryOptions } from './retry';

export type Item = Record<string, unknown>;

const CHUNK = 100;

/** Fetches the items with these ids (partition key `id`) and returns them by id; missing ids are absent. */
export async function batchGetById(
  client: DynamoDBDocumentClient,
  tableName: string,
  ids: readonly string[],
  opts: BatchRetryOptions & { readonly projection?: readonly string[]; readonly consistent?: boolean } = {},
): Promise<Map<string, Item>> {
  const maxAttempts = opts.maxAttempts ?? BATCH_RETRY_DEFAULTS.maxAttempts;
  const unique = [...new Set(ids)];
  const found = new Map<string, Item>();
  const projection = opts.projection
    ? {
        ProjectionExpression: opts.projection.map((_, i) => `#p${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(opts.projection.map((p, i) => [`#p${i}`, p])),
      }
    : {};

  for (let start = 0; start < unique.length; start += CHUNK) {
    let keys: Item[] = unique.slice(start, start + CHUNK).map((id) => ({ id }));
    for (let attempt = 1; keys.length > 0; attempt++) {
      if (attempt > maxAttempts) {
        throw new StorageError(
          'UNPROCESSED_KEYS',
          `BatchGetItem on ${tableName}: ${keys.length} keys still unprocessed after ${maxAttempts} attempts`,
        );
      }
      if (attempt > 1) await backoff(attempt, opts);
      const out = await wrapDynamo(`BatchGetItem ${tableName}`, () =>
        client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: { Keys: keys, ...projection, ...(opts.consistent ? { ConsistentRead: true } : {}) },
            },
          }),
        ),
      );
      for (const item of out.Responses?.[tableName] ?? []) {
        if (typeof item.id === 'string') found.set(item.id, item);
      }
      keys = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
