/** Lambda: the schedule's target. Sends one poll message per due feed. */
import { dispatch } from '../pipeline/dispatch';
import type { PollFeedMessage } from '../pipeline/ports';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { clock, env, feedStore, log, metrics, sink } from './runtime';
import { MetricUnit } from '@aws-lambda-powertools/metrics';

const feeds = feedStore();
const pollQueue = sink<PollFeedMessage>(env.pollQueueUrl, ENV.pollQueueUrl);

export async function handler(): Promise<{ dispatched: number }> {
  try {
    const res = await dispatch({ feeds, pollQueue, clock, log });
    metrics.addMetric('FeedsDispatched', MetricUnit.Count, res.dispatched.length);
    return { dispatched: res.dispatched.length };
  } finally {
    metrics.publishStoredMetrics();
  }
}
