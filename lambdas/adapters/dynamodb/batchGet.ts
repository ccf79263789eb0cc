/**
 * BatchGetItem for any number of keys: chunks of 100 (the API limit), duplicate keys removed (the API
 * rejects them), UnprocessedKeys retried with exponential backoff and full jitter. When keys are
 * still unprocessed after the last attempt it throws — it never returns a partial answer silently.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../../core/errors';
import { wrapDynamo } from './errors';

export interface BatchRetryOptions {
  /** Attempts per chunk, the first included. @default 8 */
  readonly maxAttempts?: number;
  /** First backoff ceiling. @default 50 */
  readonly baseDelayMs?: number;
  /** Backoff ceiling. @default 2000 */
  readonly maxDelayMs?: number;
}

export type Item = Record<string, unknown>;

const CHUNK = 100;

/** Fetches the items with these ids (partition key `id`) and returns them by id; missing ids are absent. */
export async function batchGetById(
  client: DynamoDBDocumentClient,
  tableName: string,
  ids: readonly string[],
  opts: BatchRetryOptions & { readonly projection?: readonly string[] } = {},
): Promise<Map<string, Item>> {
  const maxAttempts = opts.maxAttempts ?? 8;
  const base = opts.baseDelayMs ?? 50;
  const cap = opts.maxDelayMs ?? 2000;
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
      if (attempt > 1) await sleep(Math.random() * Math.min(cap, base * 2 ** (attempt - 2)));
      const out = await wrapDynamo(`BatchGetItem ${tableName}`, () =>
        client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ...projection } } })),
      );
      for (const item of out.Responses?.[tableName] ?? []) {
        if (typeof item.id === 'string') found.set(item.id, item);
      }
      keys = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
