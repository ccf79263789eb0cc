/**
 * Cold-start wiring shared by every handler: observability, configuration, the DynamoDB client
 * (traced when the function traces: tracing.ts) and the adapters over it, created once per container and reused across
 * invocations. What only some functions use lives beside it (runtimeArticles.ts: archive and
 * Articles store; runtimeHttp.ts: the HTTP client; runtimeQueues.ts: the SQS client and queue
 * sinks) so the others' bundles leave it out.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { makeDocumentClient } from '../adapters/dynamodb/clients';
import { DynamoFeedStore } from '../adapters/dynamodb/feedStore';
import { ENV } from '../adapters/dynamodb/tableDesign';
import type { Clock, DeadLetterSink, Log, MessageSink } from '../pipeline/ports';
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

/**
 * The SQS client and the queue adapters (runtimeQueues.ts), loaded by the first send of a sink made
 * here: poll-feed queues only the new or changed items of a feed, so an invocation whose feeds all
 * answer 304 or list nothing new never sends; process-article sends only a message that failed for
 * good. Loading the runtime's SQS client is ~8 ms of CPU of their cold starts (docs/performance.md).
 * The queue setting is still checked at init.
 */
export function sinkOnFirstUse<T>(queueUrl: string | null, key: string): MessageSink<T> {
  need(queueUrl, key);
  let made: Promise<MessageSink<T>> | undefined;
  const queue = () => (made ??= import('./runtimeQueues.js').then((m) => m.sink<T>(queueUrl, key)));
  return { send: async (messages, delaysSeconds) => (await queue()).send(messages, delaysSeconds) };
}

/** The dead-letter sink of `sinkOnFirstUse`: the SQS client loaded by the first message parked. */
export function deadLetterSinkOnFirstUse(queueUrl: string | null, key: string): DeadLetterSink {
  need(queueUrl, key);
  let made: Promise<DeadLetterSink> | undefined;
  const queue = () => (made ??= import('./runtimeQueues.js').then((m) => m.deadLetterSink(queueUrl, key)));
  return { send: async (letter) => (await queue()).send(letter) };
}
