/** Lambda: poll-queue consumer. One message = one feed; failed messages are reported, the rest of the batch commits. */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ENV } from '../adapters/dynamodb/tableDesign';
import type { ProcessArticleMessage } from '../pipeline/ports';
import { pollFeed } from '../pipeline/pollFeed';
import { ALARM_METRICS } from './metricNames';
import { clock, env, feedStore, log, metrics, sink } from './runtime';
import { articleStore, rawArchive } from './runtimeArticles';
import { httpClient } from './runtimeHttp';
import { parsePollMessage } from './sqsMessages';

const processor = new BatchProcessor(EventType.SQS);
const deps = {
  feeds: feedStore(),
  articles: articleStore(),
  archive: rawArchive(),
  http: httpClient(),
  articleQueue: sink<ProcessArticleMessage>(env.articleQueueUrl, ENV.articleQueueUrl),
  clock,
  log,
  maxItemsPerPoll: env.maxItemsPerPoll,
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
    return await processPartialResponse(event, recordHandler, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
}
