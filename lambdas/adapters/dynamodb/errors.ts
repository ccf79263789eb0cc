/**
 * How DynamoDB failures become StorageError: the one place that decides which are worth a retry.
 * Throttling is retried in one place, the SDK client (clients.ts, DYNAMO_MAX_ATTEMPTS): an error that
 * reaches us has already used its attempts, so it is marked retryable for the queue to try later.
 */
import { StorageError } from '../../core/errors';

const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** A failed condition expression (an expected outcome of conditional writes, not an error). */
export function isConditionalCheckFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/** Wraps anything a DynamoDB call threw as a StorageError; `what` names the operation for the logs. */
export function toStorageError(err: unknown, what: string): StorageError {
  if (err instanceof StorageError) return err;
  const name = err instanceof Error ? err.name : 'Unknown';
  const message = err instanceof Error ? err.message : String(err);
  if (THROTTLING.has(name)) {
    return new StorageError('THROTTLED', `${what}: DynamoDB throttled the request (${name})`, true, { cause: err });
  }
  if (name === 'ValidationException') {
    return new StorageError('VALIDATION', `${what}: ${message}`, false, { cause: err });
  }
  if (name === 'ResourceNotFoundException') {
    return new StorageError('TABLE_NOT_FOUND', `${what}: ${message}`, false, { cause: err });
  }
  return new StorageError('DYNAMODB_ERROR', `${what}: ${name}: ${message}`, true, { cause: err });
}

/** Runs one DynamoDB call, turning whatever it throws into a StorageError. */
export async function wrapDynamo<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toStorageError(err, what);
  }
}

/** The forms of ArticleQuery the Articles indexes serve, as a user reads them. */
export const SUPPORTED_QUERIES =
  'one of --source, --feed, --ticker (EXCHANGE:SYMBOL), --place (a country code, a city, or "city, CC"), ' +
  'each with optional --since/--until; or only --since/--until (or nothing: everything, newest first)';

/**
 * A query no index serves with a Query (it would need a Scan, or reading a whole partition to
 * filter it). Not retryable; the message says which queries are supported.
 */
export class UnsupportedQueryError extends StorageError {
  constructor(reason: string) {
    super('UNSUPPORTED_QUERY', `${reason}; supported: ${SUPPORTED_QUERIES}`, false);
  }
}
