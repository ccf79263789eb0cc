/** Cold-start wiring of the functions that fetch (poll-feed, process-article): the guarded HTTP client (undici). */
import { DynamoHostSlots, leaseMsFor } from '../adapters/dynamodb/hostSlots';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { UndiciHttpClient } from '../adapters/http/httpClient';
import { need } from './env';
import { ddb, env } from './runtime';

/**
 * The HTTP client of poll-feed and process-article: this container's per-host limit, and the
 * fleet-wide one (slots in the Feeds table, shared by every function) around every request.
 */
export function httpClient(): UndiciHttpClient {
  return new UndiciHttpClient({ ...env.fetch, hostSlots: hostSlots() });
}

export function hostSlots(): DynamoHostSlots {
  return new DynamoHostSlots({
    client: ddb,
    tableName: need(env.feedsTable, ENV.feedsTable),
    limit: env.maxRequestsPerHost,
    leaseMs: leaseMsFor(env.fetch.totalTimeoutMs),
  });
}
