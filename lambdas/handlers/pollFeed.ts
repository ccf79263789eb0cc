/**
 * Lambda: poll-queue consumer. One message = one feed; a batch's feeds are polled at once (each
 * fetch still waits for this container's and the fleet's per-host slots); failed messages are
 * reported, the rest of the batch commits.
 *
 * A poll whose fetch was never sent (HOST_BUSY: every fleet-wide slot of its host taken; the feed is
 * not counted as failing) within 10 minutes of the message's first receive does not spend a
 * receive: the same message is sent again to the poll queue, delayed a minute, and the record is
 * reported handled (handlers/deferNotSent.ts, shared with process-article). Logged as
 * `feed poll deferred`, counted in `PollsDeferred`. If that send fails, or past the window, the
 * record fails: SQS retries it after its visibility timeout, and redrives it to the poll DLQ after
 * maxReceiveCount receives.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { leaseMsFor } from '../adapters/dynamodb/hostSlots';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { UndiciHttpClient } from '../adapters/http/httpClient';
import { HostSlotReuse } from '../pipeline/hostSlotReuse';
import type { ProcessArticleMessage } from '../pipeline/ports';
import { pollFeed } from '../pipeline/pollFeed';
import { deferNotSent } from './deferNotSent';
import { ALARM_METRICS } from './metricNames';
import { clock, env, feedStore, log, metrics } from './runtime';
import { articleStore, rawArchiveOnFirstUse } from './runtimeArticles';
import { sinkOnFirstUse } from './runtimeQueuesOnFirstUse';
import { hostSlots } from './runtimeHttp';
import { parsePollMessage } from './sqsMessages';

const processor = new BatchProcessor(EventType.SQS);
// A batch's polls of one host hand their fleet-wide slot on to each other (three table requests
// saved per poll), and its first polls take their slots together, in one read and one write of the
// host's item, and give them back together in one write; every slot kept is given back before the
// invocation returns.
const slots = new HostSlotReuse(hostSlots(), {
  leaseMs: leaseMsFor(env.fetch.totalTimeoutMs),
  requestMs: env.fetch.totalTimeoutMs,
});
const deps = {
  feeds: feedStore(),
  articles: articleStore(),
  archive: rawArchiveOnFirstUse(),
  http: new UndiciHttpClient({ ...env.fetch, hostSlots: slots }),
  articleQueue: sinkOnFirstUse<ProcessArticleMessage>(env.articleQueueUrl, ENV.articleQueueUrl),
  clock,
  log,
  maxItemsPerPoll: env.maxItemsPerPoll,
  // A 304 that changes nothing is not written when the next scheduled run would send the feed anyway.
  schedulePeriodSeconds: env.schedulePeriodSeconds,
};

/** Its own queue: a poll whose fetch was never sent is sent there again, delayed (see the top). */
const pollQueue = sinkOnFirstUse<unknown>(env.pollQueueUrl, ENV.pollQueueUrl);

async function recordHandler(record: SQSRecord): Promise<void> {
  let result;
  try {
    result = await pollFeed(deps, parsePollMessage(record.body));
  } catch (err) {
    const deferral = {
      queue: pollQueue,
      logMessage: 'feed poll deferred',
      metricName: 'PollsDeferred',
      fields: feedRef(record.body),
    };
    // Never sent, within the grace: re-sent delayed and handled (SQS deletes this copy). Else retried.
    if (await deferNotSent(record, err, deferral)) return;
    throw err;
  }
  if (result.status === 'failed') metrics.addMetric('FeedPollFailures', MetricUnit.Count, 1);
  // The stalled alarm fires when none of these arrive for newswire:stalledIntervals schedule periods.
  if (result.status === 'fetched' || result.status === 'not-modified') {
    metrics.addMetric(ALARM_METRICS.pollSucceeded, MetricUnit.Count, 1);
  }
  metrics.addMetric('FeedItemsQueued', MetricUnit.Count, result.queued);
}

/** The feed id of a poll message body, for the deferral log (nothing when the body is not one). */
function feedRef(body: string): { feedId?: string } {
  try {
    const { feedId } = JSON.parse(body) as { feedId?: unknown };
    return typeof feedId === 'string' ? { feedId } : {};
  } catch {
    return {};
  }
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  try {
    // In parallel (Powertools' default, said here because the batch's cost depends on it).
    return await processPartialResponse(event, recordHandler, processor, { context, processInParallel: true });
  } finally {
    await slots.flush();
    metrics.publishStoredMetrics();
  }
}
