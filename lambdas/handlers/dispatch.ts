/** Lambda: the schedule's target. Sends one poll message per due feed. */
import { dispatch } from '../pipeline/dispatch';
import type { PollFeedMessage } from '../pipeline/ports';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { clock, env, feedStore, log, metrics } from './runtime';
import { sink } from './runtimeQueues';
import { MetricUnit } from '@aws-lambda-powertools/metrics';

const feeds = feedStore();
const pollQueue = sink<PollFeedMessage>(env.pollQueueUrl, ENV.pollQueueUrl);

export async function handler(): Promise<{ dispatched: number }> {
  try {
    // A run's polls are spread over the time to the next run (one host's feeds not all at once).
    const res = await dispatch({ feeds, pollQueue, clock, log, periodSeconds: env.schedulePeriodSeconds });
    metrics.addMetric('FeedsDispatched', MetricUnit.Count, res.dispatched.length);
    return { dispatched: res.dispatched.length };
  } finally {
    metrics.publishStoredMetrics();
  }
}
