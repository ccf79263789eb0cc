/**
 * Queue sinks whose SQS client and adapters (runtimeQueues.ts) load at their first send. A module of
 * its own: a dynamic import() makes esbuild wrap every module it shares with the rest of a bundle in
 * a lazy initializer, which the functions that never defer a send (dispatch, sweep, silent-feed
 * check) should not carry.
 */
import type { DeadLetterSink, MessageSink } from '../pipeline/ports';
import { need } from './env';

/**
 * The SQS client and the queue adapters (runtimeQueues.ts), loaded by the first send of a sink made
 * here: poll-feed queues only the new or changed items of a feed, so an invocation whose feeds all
 * answer 304 or list nothing new never sends (nor re-sends a poll, which only one never sent
 * needs); process-article sends only a message that failed for good, or one whose fetch was never
 * sent, again. Loading the runtime's SQS client is ~8 ms of CPU of their cold starts
 * (docs/performance.md). The queue setting is still checked at init.
 */
export function sinkOnFirstUse<T>(queueUrl: string | null, key: string): MessageSink<T> {
  need(queueUrl, key);
  let made: Promise<MessageSink<T>> | undefined;
  const queue = () => (made ??= import('./runtimeQueues.js').then((m) => m.sink<T>(queueUrl, key)));
  return {
    send: async (messages, delaysSeconds, attributes) => (await queue()).send(messages, delaysSeconds, attributes),
  };
}

/** The dead-letter sink of `sinkOnFirstUse`: the SQS client loaded by the first message parked. */
export function deadLetterSinkOnFirstUse(queueUrl: string | null, key: string): DeadLetterSink {
  need(queueUrl, key);
  let made: Promise<DeadLetterSink> | undefined;
  const queue = () => (made ??= import('./runtimeQueues.js').then((m) => m.deadLetterSink(queueUrl, key)));
  return { send: async (letter) => (await queue()).send(letter) };
}
