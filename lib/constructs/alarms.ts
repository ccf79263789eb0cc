import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** An alarm that fires as soon as the metric is above zero for one period; no data is fine. */
export function anyAboveZeroAlarm(scope: Construct, id: string, metric: cloudwatch.IMetric, description: string) {
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
  return anyAboveZeroAlarm(scope, id, metric, description);
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
  return anyAboveZeroAlarm(scope, id, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), description);
}

/**
 * Fewer than one successful poll (the `PollSucceeded` sum) in each of `periods` consecutive
 * schedule periods. Missing data is breaching: a poller that emits nothing at all is the stall.
 */
export function stalledAlarm(
  scope: Construct,
  id: string,
  pollSucceeded: cloudwatch.Metric,
  period: Duration,
  periods: number,
  description: string,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric: pollSucceeded.with({ period, statistic: 'Sum' }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: periods,
    datapointsToAlarm: periods,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  });
}

/**
 * A metric-math expression over one hour above `threshold`: the haywire alarms compare a function's
 * invocations with the bound the schedule and the feed count give. No data (nothing ran) is fine.
 */
export function hourlyExpressionAlarm(
  scope: Construct,
  id: string,
  expression: string,
  usingMetrics: Record<string, cloudwatch.IMetric>,
  label: string,
  threshold: number,
  description: string,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric: new cloudwatch.MathExpression({ expression, usingMetrics, label, period: Duration.hours(1) }),
    threshold,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** Any throttled invocation of a function in the last 5 minutes. */
export function functionThrottlesAlarm(
  scope: Construct,
  id: string,
  fn: lambda.IFunction,
  description: string,
): cloudwatch.Alarm {
  return anyAboveZeroAlarm(
    scope,
    id,
    fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
    description,
  );
}

/** DynamoDB's per-table throttle counters, and the write counter of each global secondary index. */
const TABLE_THROTTLE_METRICS = ['ReadThrottleEvents', 'WriteThrottleEvents'] as const;

/**
 * Any throttled request on a table in the last 5 minutes: its read and write throttle events, and
 * the write throttle events of each index (an index that cannot keep up throttles the table's
 * writes). At most 10 metrics per alarm: 2 + one per index.
 */
export function tableThrottlesAlarm(
  scope: Construct,
  id: string,
  tableName: string,
  indexNames: readonly string[],
  description: string,
): cloudwatch.Alarm {
  const period = Duration.minutes(5);
  const metric = (metricName: string, dimensionsMap: Record<string, string>) =>
    new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap, period, statistic: 'Sum' });
  const usingMetrics: Record<string, cloudwatch.IMetric> = {};
  TABLE_THROTTLE_METRICS.forEach((name, i) => (usingMetrics[`t${i}`] = metric(name, { TableName: tableName })));
  indexNames.forEach(
    (index, i) =>
      (usingMetrics[`i${i}`] = metric('WriteThrottleEvents', {
        TableName: tableName,
        GlobalSecondaryIndexName: index,
      })),
  );
  if (Object.keys(usingMetrics).length > 10) {
    throw new Error(
      `tableThrottlesAlarm ${id}: ${indexNames.length} indexes make more than the 10 metrics an alarm may use`,
    );
  }
  // FILL: a counter DynamoDB has not published (no throttling ever) must not blank the sum.
  const expression = Object.keys(usingMetrics)
    .map((k) => `FILL(${k}, 0)`)
    .join(' + ');
  return anyAboveZeroAlarm(
    scope,
    id,
    new cloudwatch.MathExpression({ expression, usingMetrics, label: 'throttled requests', period }),
    description,
  );
}
