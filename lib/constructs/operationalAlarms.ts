/**
 * The alarms of issue 12 §3 beyond DLQ depth and errors: stalled (no successful poll), haywire
 * (far more invocations than the schedule and the feed count allow), throttles on every function and
 * table, and the age of the oldest message on every queue that has no age alarm yet (the DLQs).
 * Each description says what it means and what to do.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ALARM_METRICS } from '../../lambdas/handlers/metricNames';
import {
  functionThrottlesAlarm,
  hourlyExpressionAlarm,
  queueAgeAlarm,
  stalledAlarm,
  tableThrottlesAlarm,
} from './alarms';
import { NewswireFunction } from './newswireFunction';
import { DLQ_RETENTION, QueueConsumer } from './queueConsumer';

/**
 * A dead-letter queue alarms when its oldest message is this old: SQS deletes it at DLQ_RETENTION
 * (14 days, counted from its first enqueue), which leaves 4 days to redrive or copy it.
 */
export const DLQ_AGE_ALARM = Duration.days(10);

export interface OperationalAlarmsProps {
  readonly scheduleMinutes: number;
  /** Schedule periods without a successful poll before the stalled alarm fires. */
  readonly stalledIntervals: number;
  /** How many times the expected invocations make a haywire alarm fire. */
  readonly haywireFactor: number;
  readonly poll: QueueConsumer;
  readonly articles: QueueConsumer;
  /** Enabled feeds as the silent-feed check counts them each hour. */
  readonly feedsEnabled: cloudwatch.IMetric;
  /** Enabled feeds configured at synth: the count when the check has emitted none. */
  readonly configuredFeeds: number;
  /**
   * Parking queues whose messages are superseded by the next scheduled run (a failed dispatch run:
   * nothing to redrive, the fix is to purge): their not-empty alarm says so, and losing such a
   * message at 14 days loses nothing, so they get no age alarm. @default - none
   */
  readonly supersededQueues?: readonly sqs.IQueue[];
  /**
   * Throttle alarms of every function and table (config newswire:alarms=full). Off, a throttle alarms
   * only once it does harm: queued messages age (queue-age alarms), scheduled runs park or stall,
   * table requests fail their message (errors, DLQ). @default true
   */
  readonly throttles?: boolean;
  /** The tables the functions use, by a readable name, with their global secondary indexes. */
  readonly tables: readonly {
    readonly label: string;
    readonly tableName: string;
    readonly indexes: readonly string[];
  }[];
}

/** Scheduled runs a one-hour window can hold (a feed is dispatched at most once per run). */
export function runsPerHour(scheduleMinutes: number): number {
  return Math.ceil(60 / scheduleMinutes);
}

/**
 * Builds the alarms in `scope` (the ingest stack, once every function and queue exists: throttle
 * and age alarms cover whatever NewswireFunction and SQS queue the stack holds).
 */
export function operationalAlarms(scope: Construct, props: OperationalAlarmsProps): cloudwatch.Alarm[] {
  const { poll, articles, haywireFactor: factor } = props;
  const runs = runsPerHour(props.scheduleMinutes);
  const windowMinutes = props.stalledIntervals * props.scheduleMinutes;
  const alarms: cloudwatch.Alarm[] = [];

  alarms.push(
    stalledAlarm(
      scope,
      'Stalled',
      poll.fn.customMetric(ALARM_METRICS.pollSucceeded),
      Duration.minutes(props.scheduleMinutes),
      props.stalledIntervals,
      `No feed was polled successfully (200 or 304) in ${props.stalledIntervals} schedule periods (${windowMinutes} minutes): nothing is being ingested. Check in this order: the Schedule rule is enabled and dispatch runs (DispatchErrors, DispatchFailures and ScheduleDlq alarms, dispatch logs); poll-feed errors and throttles and the PollFeed queue's oldest message; then \`newswire feeds list --stack <data stack>\`: every feed failing (fails, last error) points at the network or the wire, every feed disabled or none registered also stalls (this alarm treats no data as breaching). It clears with the first successful poll.`,
    ),
  );

  // Bound on poll-feed: each enabled feed at most once per scheduled run (one feed of headroom, and
  // never a division by zero). Feeds added at run time raise the bound through FeedsEnabled, which
  // the silent-feed check emits hourly; without it, the feeds configured at synth count.
  const feeds = `(FILL(feeds, ${props.configuredFeeds}) + 1)`;
  alarms.push(
    hourlyExpressionAlarm(
      scope,
      'HaywirePollFeed',
      `invocations / ${feeds}`,
      {
        invocations: poll.fn.fn.metricInvocations({ period: Duration.hours(1), statistic: 'Sum' }),
        feeds: props.feedsEnabled,
      },
      'poll-feed invocations per enabled feed per hour',
      factor * runs,
      `poll-feed ran more than ${factor} × ${runs} times per enabled feed in the last hour (${runs} scheduled runs an hour, at most one poll of each feed per run): polls are being repeated — dispatch re-sending feeds whose nextPollAt does not advance, poll messages redriven or sent by hand in a loop, or retries of an infrastructure failure — and the wires see more requests than they should. Compare FeedsDispatched and FeedPollFailures on the dashboard and read dispatch's and poll-feed's logs. If a wire is being hammered, disable the Schedule rule (aws events disable-rule) until the cause is fixed.`,
    ),
  );
  // Bound on process-article: at most one invocation per message sent to its queue (poll-feed's
  // items, reprocess, redrives), plus one per feed and run of slack for small numbers.
  alarms.push(
    hourlyExpressionAlarm(
      scope,
      'HaywireProcessArticle',
      `invocations / (sent + ${runs} * ${feeds})`,
      {
        invocations: articles.fn.fn.metricInvocations({ period: Duration.hours(1), statistic: 'Sum' }),
        sent: articles.queue.metricNumberOfMessagesSent({ period: Duration.hours(1), statistic: 'Sum' }),
        feeds: props.feedsEnabled,
      },
      'process-article invocations per expected invocation per hour',
      factor,
      `process-article ran more than ${factor} times as often in the last hour as the messages sent to its queue (plus ${runs} per enabled feed) allow: messages are being received again and again (a visibility timeout shorter than the work, failures retried up to 5 times) or something invokes the function outside its queue, fetching release pages repeatedly. Read process-article's errors and logs and the ProcessArticle queue's receive counts; if a wire is being hammered, disable the function's SQS event source mapping until fixed (the messages wait in the queue).`,
    ),
  );

  const stack = Stack.of(scope);
  const throttles = props.throttles ?? true;
  const functions = throttles
    ? stack.node.findAll().filter((c): c is NewswireFunction => c instanceof NewswireFunction)
    : [];
  for (const fn of functions) {
    alarms.push(
      functionThrottlesAlarm(
        fn,
        'Throttles',
        fn.fn,
        `The ${fn.serviceName} function was throttled in the last 5 minutes: the account's (or its reserved) concurrency is used up. Queue-fed functions retry by themselves (the messages wait: watch the queue's oldest message); a throttled scheduled run is retried by EventBridge/Lambda or waits for the next one. Look at the account's ConcurrentExecutions and what else runs in it; raise the Lambda concurrency quota or lower the consumers' maxConcurrency. If a haywire alarm fires too, fix that first.`,
      ),
    );
  }
  for (const t of throttles ? props.tables : []) {
    alarms.push(
      tableThrottlesAlarm(
        scope,
        `${t.label}TableThrottles`,
        t.tableName,
        t.indexes,
        `Requests to the ${t.label} table or one of its indexes were throttled in the last 5 minutes. An on-demand table throttles when traffic jumps past twice its previous peak or one partition key is hot; the SDK retries and failed queue messages are retried, so short bursts heal. If it lasts: look for a haywire alarm (a loop), then at the table's CloudWatch Contributor Insights for a hot key; consider warm throughput for the table.`,
      ),
    );
  }

  // Every queue without an age alarm: the dead-letter and parking queues (not the superseded ones).
  const sources = new Set<sqs.IQueue>([
    ...stack.node
      .findAll()
      .filter((c): c is QueueConsumer => c instanceof QueueConsumer)
      .map((c) => c.queue),
    ...(props.supersededQueues ?? []),
  ]);
  const retentionDays = DLQ_RETENTION.toDays();
  const leftDays = retentionDays - DLQ_AGE_ALARM.toDays();
  for (const q of stack.node.findAll().filter((c): c is sqs.Queue => c instanceof sqs.Queue)) {
    if (sources.has(q)) continue;
    const name = q.node.scopes
      .slice(1)
      .map((s) => s.node.id)
      .join('/');
    alarms.push(
      queueAgeAlarm(
        q,
        'OldestMessageAge',
        q,
        DLQ_AGE_ALARM,
        `The oldest message in ${name} has waited ${DLQ_AGE_ALARM.toDays()} days: SQS deletes it at ${retentionDays} days (counted from when it was first sent), so it is lost in ${leftDays} days. Read it (its message attributes hold the reason), fix the cause and redrive it to its source queue (newswire dlq), or copy it out; purge it only if it is no longer needed.`,
      ),
    );
  }
  return alarms;
}
