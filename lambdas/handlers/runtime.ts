/**
 * Cold-start wiring shared by every handler: observability, configuration, the DynamoDB client
 * (traced when the function traces: tracing.ts) and the adapters over it, created once per container and reused across
 * invocations. What only some functions use lives beside it (runtimeArticles.ts: archive and
 * Articles store; runtimeHttp.ts: the HTTP client; runtimeQueues.ts: the SQS client and queue
 * sinks, runtimeQueuesOnFirstUse.ts: the same loaded by the first send) so the others' bundles leave
 * it out.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { makeDocumentClient } from '../adapters/dynamodb/clients';
import { DynamoFeedStore } from '../adapters/dynamodb/feedStore';
import { ENV } from '../adapters/dynamodb/tableDesign';
import type { Clock, Log } from '../pipeline/ports';
import { need, readEnv } from './env';
import { METRICS_ENV } from './metricNames';
import { SelectedMetrics } from './selectedMetrics';
import { traced } from './tracing';

export const logger = new Logger();
/** The Log port over Powertools' logger (extra keys become top-level JSON keys of the log line). */
export const log: Log = {
  debug: (m, extra) => (extra ? logger.debug(m, extra) : logger.debug(m)),
  info: (m, extra) => (extra ? logger.info(m, extra) : logger.info(m)),
  warn: (m, extra) => (extra ? logger.warn(m, extra) : logger.warn(m)),
  error: (m, extra) => (extra ? logger.error(m, extra) : logger.error(m)),
};
/** Only the metrics alarms watch when the stack deploys no dashboard (METRICS_ENV). */
export const metrics = new SelectedMetrics({ namespace: 'Newswire' }, process.env[METRICS_ENV] === 'alarmed');

export const env = readEnv();
/** The DynamoDB document client of this container (traced when the function traces). */
export const ddb = traced(makeDocumentClient({}));

export const clock: Clock = { now: () => new Date() };

export function feedStore(): DynamoFeedStore {
  return new DynamoFeedStore({ client: ddb, tableName: need(env.feedsTable, ENV.feedsTable) });
}
