/**
 * Backoff for the batch calls' leftovers (UnprocessedItems / UnprocessedKeys): exponential with full
 * jitter. Throttling *exceptions* are retried by the SDK client itself (clients.ts, DYNAMO_MAX_ATTEMPTS);
 * this covers the partial answers a batch call returns without throwing.
 */
export interface BatchRetryOptions {
  /** Attempts per chunk, the first included. @default 8 */
  readonly maxAttempts?: number;
  /** First backoff ceiling. @default 50 */
  readonly baseDelayMs?: number;
  /** Backoff ceiling. @default 2000 */
  readonly maxDelayMs?: number;
}

export const BATCH_RETRY_DEFAULTS = { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 2000 } as const;

/** Sleeps before attempt `attempt` (2, 3, …): a random time up to min(cap, base × 2^(attempt-2)). */
export function backoff(attempt: number, opts: BatchRetryOptions = {}): Promise<void> {
  const base = opts.baseDelayMs ?? BATCH_RETRY_DEFAULTS.baseDelayMs;
  const cap = opts.maxDelayMs ?? BATCH_RETRY_DEFAULTS.maxDelayMs;
  const ms = Math.random() * Math.min(cap, base * 2 ** (attempt - 2));
  return new Promise((resolve) => setTimeout(resolve, ms));
}
