/**
 * Lambda: poll-queue consumer. One message = one feed; a batch's feeds are polled at once (each
 * fetch still waits for this container's and the fleet's per-host slots); failed messages are
 * reported, the rest of the batch commits.
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

async function recordHandler(record: SQSRecord): Promise<void> {
  const result = await pollFeed(deps, parsePollMessage(record.body));
  if (result.status === 'failed') metrics.addMetric('FeedPollFailures', MetricUnit.Count, 1);
  // The stalled alarm fires when none of these arrive for newswire:stalledIntervals schedule periods.
  if (result.status === 'fetched' || result.status === 'not-modified') {
    metrics.addMetric(ALARM_METRICS.pollSucceeded, MetricUnit.Count, 1);
  }
  metrics.addMetric('FeedItemsQueued', MetricUnit.Count, result.queued);
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
