/**
 * Secondary adapter support: the DynamoDB document client. Lambdas build one at cold start and
 * reuse it across invocations (module scope survives warm starts; connections stay open).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** Explicit endpoint (dynalite, tests). @default - the SDK's regional endpoint */
  readonly endpoint?: string;
  /** @default - AWS_REGION from the environment */
  readonly region?: string;
  /** Named profile from the shared AWS config files (CLI `--profile`). @default - the SDK's default chain */
  readonly profile?: string;
}

/**
 * Attempts per DynamoDB call, the first included: the one place throttling
 * (ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded) and transient
 * 5xx errors are retried, by the SDK's standard strategy (exponential backoff with full jitter).
 * After these, the error reaches the adapter as a retryable StorageError and the queue retries the
 * message later.
 */
export const DYNAMO_MAX_ATTEMPTS = 8;

/**
 * A DynamoDB document client. With an explicit endpoint (the embedded dynalite) it gets static
 * dummy credentials, so a local run never searches for AWS credentials — the SDK's provider chain
 * would otherwise end at the instance metadata address and wait on it.
 */
export function makeDocumentClient(opts: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const local = opts.endpoint !== undefined;
  const base = new DynamoDBClient({
    maxAttempts: DYNAMO_MAX_ATTEMPTS,
    ...(local ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
  });
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
