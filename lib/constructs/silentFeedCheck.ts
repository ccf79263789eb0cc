import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { ALARM_METRICS } from '../../lambdas/handlers/metricNames';
import { SILENT_FEED_HOURS_ENV } from '../../lambdas/pipeline/silentFeeds';
import { functionErrorsAlarm } from './alarms';
import { NewswireFunction } from './newswireFunction';

export interface SilentFeedCheckProps {
  readonly feedsTable: ITable;
  /** A feed that usually publishes daily is silent after this many hours without a new item. */
  readonly silentFeedHours: number;
  /** How often the check runs. @default 1 hour */
  readonly every?: Duration;
  readonly logRetention?: logs.RetentionDays;
  /** X-Ray active tracing (NewswireFunction `tracing`). @default false */
  readonly tracing?: boolean;
}

/**
 * The silent-feed check: a scheduled function that scans the Feeds table (pipeline/silentFeeds.ts),
 * emits SilentFeeds and FeedsEnabled and logs each silent feed; an alarm when any feed is silent,
 * and one when the check itself fails (a failing check would otherwise look like "nothing silent").
 */
export class SilentFeedCheck extends Construct {
  public readonly fn: NewswireFunction;
  public readonly rule: events.Rule;
  public readonly silentAlarm: cloudwatch.Alarm;
  public readonly errorsAlarm: cloudwatch.Alarm;
  /** Enabled feeds, as the check counted them (Maximum per period). */
  public readonly feedsEnabled: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: SilentFeedCheckProps) {
    super(scope, id);
    const every = props.every ?? Duration.hours(1);
    this.fn = new NewswireFunction(this, 'Handler', {
      entry: 'lambdas/handlers/checkSilentFeeds.ts',
      serviceName: 'newswire-silent-feed-check',
      description: `List feeds that usually publish daily and have published nothing for ${props.silentFeedHours} h`,
      timeout: Duration.seconds(60),
      memorySize: 256,
      logRetention: props.logRetention,
      environment: { [SILENT_FEED_HOURS_ENV]: String(props.silentFeedHours) },
      tracing: props.tracing,
    });
    // FeedStore.list: a Scan of the (small) Feeds table; the check writes nothing.
    this.fn.bindTable(props.feedsTable, ENV.feedsTable, ['dynamodb:Scan']);
    this.rule = new events.Rule(this, 'Schedule', {
      description: `Runs the silent-feed check every ${every.toHumanString()}`,
      schedule: events.Schedule.rate(every),
      // A missed run is caught up by the next one: no retries or DLQ beyond the errors alarm.
      targets: [new targets.LambdaFunction(this.fn.fn, { retryAttempts: 0 })],
    });
    this.fn.fn.configureAsyncInvoke({ retryAttempts: 0 });
    this.feedsEnabled = this.fn.customMetric(ALARM_METRICS.feedsEnabled, { period: every, statistic: 'Maximum' });

    // Missing data (a skipped or late hourly run) keeps the state: no OK/ALARM flapping between runs.
    this.silentAlarm = new cloudwatch.Alarm(this, 'SilentFeeds', {
      alarmDescription: `At least one enabled feed that usually publishes daily has published no new item for ${props.silentFeedHours} hours (a feed of about one item a day: once it has missed 3). Run \`newswire feeds list --silent --stack <data stack>\` or read the check's "silent feed" log lines: a feed with failures is failing (its last error, \`newswire feeds show\`); one without answers but lists nothing new, so open its URL: the wire may have moved or retired it. Fix the URL, or disable the feed. The alarm clears at the next hourly check after the feed publishes again.`,
      metric: this.fn.customMetric(ALARM_METRICS.silentFeeds, { period: every, statistic: 'Maximum' }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });
    this.errorsAlarm = functionErrorsAlarm(
      this,
      'FunctionErrors',
      this.fn.fn,
      'The hourly silent-feed check failed (see its logs): until it runs again, silent feeds are not detected and FeedsEnabled is not emitted (the haywire alarms fall back to the configured feed count).',
    );
  }
}
