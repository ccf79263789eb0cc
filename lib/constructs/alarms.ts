import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** An alarm that fires as soon as the metric is above zero for one period; no data is fine. */
function anyAboveZero(scope: Construct, id: string, metric: cloudwatch.IMetric, description: string) {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric,
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** Any message in a dead-letter queue: something failed for good and waits for an operator. */
export function dlqNotEmptyAlarm(scope: Construct, id: string, dlq: sqs.IQueue, description: string): cloudwatch.Alarm {
  const metric = dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' });
  return anyAboveZero(scope, id, metric, description);
}

/**
 * The oldest message of a source queue is older than `maxAge`: its consumer is stalled (disabled
 * event source, every invocation failing or throttled) or cannot keep up, and messages expire
 * unseen once they reach the queue's retention. Evaluated on the 5-minute maximum; no data is fine.
 */
export function queueAgeAlarm(
  scope: Construct,
  id: string,
  queue: sqs.IQueue,
  maxAge: Duration,
  description: string,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: maxAge.toSeconds(),
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** Any error (thrown or timed out) of a function in the last 5 minutes. */
export function functionErrorsAlarm(
  scope: Construct,
  id: string,
  fn: lambda.IFunction,
  description: string,
): cloudwatch.Alarm {
  return anyAboveZero(scope, id, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), description);
}
