/**
 * The SQS client of this container (traced when the function traces: tracing.ts) and the queue
 * adapters over it. dispatch, which sends at every run, makes its sink here at init; poll-feed and
 * process-article reach this module through runtime.ts's `…OnFirstUse` sinks, at their first send.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsDeadLetterSink } from '../adapters/queue/sqsDeadLetterSink';
import { SqsMessageSink } from '../adapters/queue/sqsSink';
import { need } from './env';
import { traced } from './tracing';

let sqs: SQSClient | null = null;
const sqsClient = () => (sqs ??= traced(new SQSClient({})));

export function sink<T>(queueUrl: string | null, key: string): SqsMessageSink<T> {
  return new SqsMessageSink<T>({ client: sqsClient(), queueUrl: need(queueUrl, key) });
}

/** Where a handler parks a message that failed permanently, with the reason as message attributes. */
export function deadLetterSink(queueUrl: string | null, key: string): SqsDeadLetterSink {
  return new SqsDeadLetterSink({ client: sqsClient(), queueUrl: need(queueUrl, key) });
}
