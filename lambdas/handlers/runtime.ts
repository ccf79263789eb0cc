/**
 * Cold-start wiring shared by the three handlers: AWS clients (traced), adapters and observability,
 * created once per container and reused across invocations.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { S3RawArchive } from '../adapters/archive/s3Archive';
import { DynamoArticleStore } from '../adapters/dynamodb/articleStore';
import { makeDocumentClient } from '../adapters/dynamodb/clients';
import { DynamoFeedStore } from '../adapters/dynamodb/feedStore';
import { DynamoHostSlots, leaseMsFor } from '../adapters/dynamodb/hostSlots';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { UndiciHttpClient } from '../adapters/http/httpClient';
import { SqsDeadLetterSink } from '../adapters/queue/sqsDeadLetterSink';
import { SqsMessageSink } from '../adapters/queue/sqsSink';
import type { Clock, Log, RawArchive } from '../pipeline/ports';
import { need, readEnv } from './env';

export const logger = new Logger();
/** The Log port over Powertools' logger (extra keys become top-level JSON keys of the log line). */
export const log: Log = {
  debug: (m, extra) => (extra ? logger.debug(m, extra) : logger.debug(m)),
  info: (m, extra) => (extra ? logger.info(m, extra) : logger.info(m)),
  warn: (m, extra) => (extra ? logger.warn(m, extra) : logger.warn(m)),
  error: (m, extra) => (extra ? logger.error(m, extra) : logger.error(m)),
};
export const metrics = new Metrics({ namespace: 'Newswire' });
export const tracer = new Tracer();

export const env = readEnv();
const ddb = makeDocumentClient({});
tracer.captureAWSv3Client(ddb);

export const clock: Clock = { now: () => new Date() };

export function feedStore(): DynamoFeedStore {
  return new DynamoFeedStore({ client: ddb, tableName: need(env.feedsTable, ENV.feedsTable) });
}

/** The Articles store; with the archive it can write and read records too large for one item. */
export function articleStore(archive?: RawArchive): DynamoArticleStore {
  return new DynamoArticleStore({
    client: ddb,
    tableName: need(env.articlesTable, ENV.articlesTable),
    ...(archive ? { archive } : {}),
  });
}

let sqs: SQSClient | null = null;
const sqsClient = () => (sqs ??= tracer.captureAWSv3Client(new SQSClient({})));

export function sink<T>(queueUrl: string | null, key: string): SqsMessageSink<T> {
  return new SqsMessageSink<T>({ client: sqsClient(), queueUrl: need(queueUrl, key) });
}

/** Where a handler parks a message that failed permanently, with the reason as message attributes. */
export function deadLetterSink(queueUrl: string | null, key: string): SqsDeadLetterSink {
  return new SqsDeadLetterSink({ client: sqsClient(), queueUrl: need(queueUrl, key) });
}

export function rawArchive(): S3RawArchive {
  return new S3RawArchive({
    client: tracer.captureAWSv3Client(new S3Client({})),
    bucket: need(env.rawBucket, ENV.rawBucket),
  });
}

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
