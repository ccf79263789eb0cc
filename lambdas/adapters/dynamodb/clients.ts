/**
 * Secondary adapter support: the DynamoDB document client, built once per endpoint/region and reused
 * across Lambda invocations (module scope survives warm starts; connections stay open).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** Explicit endpoint (dynalite, tests). @default - the SDK's regional endpoint */
  readonly endpoint?: string;
  /** @default - AWS_REGION from the environment */
  readonly region?: string;
}

const cache = new Map<string, DynamoDBDocumentClient>();

/** A DynamoDB document client for these options; the same options give the same (cached) client. */
export function makeDocumentClient(opts: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const cacheKey = `${opts.endpoint ?? ''}|${opts.region ?? ''}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const base = new DynamoDBClient({
    ...(opts.endpoint !== undefined ? { endpoint: opts.endpoint } : {}),
    ...(opts.region !== undefined ? { region: opts.region } : {}),
  });
  const client = DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  cache.set(cacheKey, client);
  return client;
}
