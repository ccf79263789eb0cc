import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { SWEEP_GRACE_DAYS_ENV } from '../../lambdas/adapters/dynamodb/overflowSweep';
import {
  DEFAULT_HOST_SLOT_WAIT_MS,
  DEFAULT_MAX_REQUESTS_PER_HOST,
  ENV,
  ARTICLES_TABLE,
  FEEDS_TABLE,
} from '../../lambdas/adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS, fetchEnvironment, type FetchSettings } from '../../lambdas/adapters/http/fetchDefaults';
import type { AlarmSet, FeedConfig } from '../config';
import { METRICS_ENV } from '../../lambdas/handlers/metricNames';
import { dlqNotEmptyAlarm, functionErrorsAlarm } from '../constructs/alarms';
import { operationalAlarms } from '../constructs/operationalAlarms';
import { ALARM_METRICS } from '../../lambdas/handlers/metricNames';
import { SilentFeedCheck } from '../constructs/silentFeedCheck';
import { FeedSeeder } from '../constructs/feedSeeder';
import { bindHostSlots } from '../constructs/hostSlotsAccess';
import { METRICS_NAMESPACE, NewswireFunction } from '../constructs/newswireFunction';
import { DLQ_RETENTION, QueueConsumer } from '../constructs/queueConsumer';
import { ARCHIVE_PREFIX } from './dataStack';

export interface NewswireIngestStackProps extends StackProps {
  readonly articlesTable: ITable;
  readonly feedsTable: ITable;
  readonly rawBucket: IBucket;
  /** Minutes between dispatch runs. */
  readonly scheduleMinutes: number;
  /** Feeds to seed into the Feeds table (insert-only). @default - none */
  readonly feeds?: readonly FeedConfig[];
  /** Lambda log retention. @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** Where alarm notifications go by e-mail. @default - topic without subscription */
  readonly alarmEmail?: string;
  /** Settings of the HTTP fetcher, passed to poll-feed and process-article as environment variables. */
  readonly fetch: Partial<FetchSettings>;
  /** Items one poll of a feed may queue, newest first (poll-feed's MAX_ITEMS_PER_POLL). @default 500 */
  readonly maxItemsPerPoll?: number;
  /**
   * Requests in flight to one host from poll-feed and process-article together, fleet-wide (slots
   * in the Feeds table). @default DEFAULT_MAX_REQUESTS_PER_HOST
   */
  readonly maxRequestsPerHost?: number;
  /** Alarm when the oldest message of the poll or article queue is older than this. @default 2 hours */
  readonly maxQueueMessageAge?: Duration;
  /** The overflow sweep leaves unreferenced objects younger than this alone. @default 2 days */
  readonly overflowSweepGrace?: Duration;
  /**
   * What a stack deletion or a replacement does to the queues. Retained by default, so parked
   * failures and pending work survive `cdk destroy`; a throwaway stage may ask for DESTROY.
   * @default RemovalPolicy.RETAIN
   */
  readonly queueRemovalPolicy?: RemovalPolicy;
  /** Schedule periods without a successful poll before the stalled alarm fires. @default 4 */
  readonly stalledIntervals?: number;
  /** Times the expected invocations at which the haywire alarms fire. @default 3 */
  readonly haywireFactor?: number;
  /** Hours without a new item after which a daily feed is silent. @default 24 */
  readonly silentFeedHours?: number;
  /** X-Ray active tracing of every function (config `newswire:tracing`). @default false */
  readonly tracing?: boolean;
  /** Which alarms (config `newswire:alarms`, ALARM_SETS in lib/config.ts). @default 'essential' */
  readonly alarms?: AlarmSet;
  /**
   * A dashboard, and the custom metrics only it shows (config `newswire:dashboard`); without it the
   * functions emit only the metrics alarms watch. @default false
   */
  readonly dashboard?: boolean;
  /** A customer-managed KMS key for the alarm topic (config `newswire:kmsKey`). @default false */
  readonly kmsKey?: boolean;
}

/** The variable poll-feed reads its cap of items per poll from. */
export const MAX_ITEMS_PER_POLL_ENV = 'MAX_ITEMS_PER_POLL';

/**
 * Messages per invocation of poll-feed and process-article. poll-feed polls a batch's feeds at once
 * (Powertools processes the records in parallel), so a batch costs about one network wait: ten
 * feeds per invocation is a tenth of the invocations, GB-seconds and log lines of one per feed.
 */
export const POLL_BATCH = 10;
const ARTICLE_BATCH = 10;
/**
 * How long the poll mapping gathers a batch. Dispatch spreads a run's polls evenly over the period
 * (pollSpread.ts), so at 500 feeds every 5 minutes about 1.7 arrive a second; Lambda reads an SQS
 * queue with about five pollers at once, each gathering its own batch, so one poller sees about a
 * fifth of that: 30 s fills a batch of 10 at ~1.7 polls/s. A feed's poll may start up to 30 s later
 * than its slot; its next poll still counts from the dispatch run (scheduleBase).
 */
export const POLL_BATCHING_WINDOW = Duration.seconds(30);
/**
 * poll-feed's memory: it waits on the network and does little CPU (a feed parse when a feed changed),
 * so half of process-article's. Lambda gives CPU in proportion to memory, so its CPU-bound part
 * takes four times as long as at 1 GB for the same GB-seconds; the waiting part, most of a poll,
 * costs a quarter. Headroom: reading a 15.7 MB RSS feed (the fetch cap, 20,000 items) peaks at
 * 188 MB RSS locally; real wire feeds are 20-200 kB. An invocation that runs out of memory fails
 * its batch, which is retried and then dead-lettered (alarmed), never dropped.
 */
export const POLL_MEMORY_MB = 256;
/**
 * process-article's memory: most of its billed time waits for the page, which costs in proportion to
 * memory; its parse is CPU-bound (the same GB-seconds at any size below 1,769 MB, it just takes
 * twice as long as at 1 GB). Headroom, measured with scripts/bench/articleMemory.ts under
 * `--max-old-space-size=400`: a batch of the 10 largest real pages peaks at 138 MB RSS, a batch of
 * 10 pages at the fetch cap (15 MiB each, 145 MB held at once) at 350 MB.
 */
export const ARTICLE_MEMORY_MB = 512;

/**
 * Timeout of a function that fetches a batch of URLs in parallel: in the worst case every URL is
 * of one host, so the batch goes in waves of perHostConcurrency, each waiting up to the host-slot
 * wait for a fleet-wide slot and then up to the total fetch timeout — plus headroom for archive and
 * table calls. At least 60 s.
 */
export function fetchingTimeout(batchSize: number, fetch: Partial<FetchSettings>): Duration {
  const perHost = fetch.perHostConcurrency ?? FETCH_DEFAULTS.perHostConcurrency;
  const fetchSeconds = Math.ceil((fetch.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs) / 1000);
  const waveSeconds = fetchSeconds + Math.ceil(DEFAULT_HOST_SLOT_WAIT_MS / 1000);
  return Duration.seconds(Math.min(900, Math.max(60, Math.ceil(batchSize / perHost) * waveSeconds + 30)));
}

/**
 * A Lambda async-invoke destination that may only send to one queue: `SqsDestination` would also
 * grant sqs:GetQueueAttributes and sqs:GetQueueUrl, which Lambda does not need to deliver.
 */
class SendOnlyQueueDestination implements lambda.IDestination {
  constructor(private readonly queue: sqs.IQueue) {}

  bind(_scope: Construct, fn: lambda.IFunction): lambda.DestinationConfig {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
    return { destination: this.queue.queueArn };
  }
}

/**
 * The stateless half: schedule → dispatch → poll queue → poll-feed → article queue → process-article,
 * with DLQs, alarms to one encrypted SNS topic, a dashboard, and the feed seeding; and a daily sweep
 * of orphaned overflow objects.
 *
 * The schedule is an EventBridge rule (not EventBridge Scheduler): a fixed rate on one target needs
 * no schedule group or invoke role, and the rule target gets retries plus its own DLQ for events it
 * could not hand to Lambda, which is all Scheduler would add here. Runs that Lambda accepted and that
 * then failed are retried by Lambda and parked in DispatchFailures (see below).
 */
export class NewswireIngestStack extends Stack {
  public readonly dispatch: NewswireFunction;
  public readonly poll: QueueConsumer;
  public readonly articles: QueueConsumer;
  public readonly scheduleRule: events.Rule;
  public readonly scheduleDlq: sqs.Queue;
  public readonly dispatchFailures: sqs.Queue;
  public readonly sweep: NewswireFunction;
  public readonly sweepRule: events.Rule;
  public readonly silentFeedCheck: SilentFeedCheck;
  public readonly alarmTopic: sns.Topic;
  /** Only with props.dashboard. */
  public readonly dashboard: cloudwatch.Dashboard | undefined;
  public readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: NewswireIngestStackProps) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const fetchEnv = fetchEnvironment(props.fetch);
    const queueRemovalPolicy = props.queueRemovalPolicy ?? RemovalPolicy.RETAIN;
    const maxMessageAge = props.maxQueueMessageAge ?? Duration.hours(2);
    const maxRequestsPerHost = props.maxRequestsPerHost ?? DEFAULT_MAX_REQUESTS_PER_HOST;
    const tracing = props.tracing ?? false;

    // poll-feed: one feed per message, a batch's feeds polled at once; a handful of invocations at a
    // time and the per-host limits (this container's and the fleet-wide slots) so no wire sees a burst.
    this.poll = new QueueConsumer(this, 'PollFeed', {
      function: {
        entry: 'lambdas/handlers/pollFeed.ts',
        serviceName: 'newswire-poll-feed',
        description: 'Conditional GET of one feed, archive raw body, queue new/changed items',
        timeout: fetchingTimeout(POLL_BATCH, props.fetch),
        memorySize: POLL_MEMORY_MB,
        logRetention,
        environment: { ...fetchEnv, [MAX_ITEMS_PER_POLL_ENV]: String(props.maxItemsPerPoll ?? 500) },
        tracing,
        // Its own code (HTTP client, feed reader, parser) leaves no room for the SDK in 1 MB: the runtime's copy.
        awsSdk: 'runtime',
      },
      batchSize: POLL_BATCH,
      maxBatchingWindow: POLL_BATCHING_WINDOW,
      maxConcurrency: 5,
      maxReceiveCount: 5,
      maxMessageAge,
      removalPolicy: queueRemovalPolicy,
    });
    // process-article: fetches release pages from the same few hosts: cap concurrency.
    this.articles = new QueueConsumer(this, 'ProcessArticle', {
      function: {
        entry: 'lambdas/handlers/processArticle.ts',
        serviceName: 'newswire-process-article',
        description: 'Fetch + archive + parse one release page, conditional write to Articles',
        timeout: fetchingTimeout(ARTICLE_BATCH, props.fetch),
        memorySize: ARTICLE_MEMORY_MB,
        logRetention,
        environment: fetchEnv,
        tracing,
        // Its own code (HTTP client, feed reader, parser) leaves no room for the SDK in 1 MB: the runtime's copy.
        awsSdk: 'runtime',
      },
      batchSize: ARTICLE_BATCH,
      maxBatchingWindow: Duration.seconds(5),
      maxConcurrency: 10,
      maxReceiveCount: 5,
      maxMessageAge,
      removalPolicy: queueRemovalPolicy,
    });

    this.dispatch = new NewswireFunction(this, 'Dispatch', {
      entry: 'lambdas/handlers/dispatch.ts',
      serviceName: 'newswire-dispatch',
      description: 'Find due feeds and queue one poll message per feed',
      timeout: Duration.seconds(60),
      memorySize: 512,
      logRetention,
      tracing,
    });

    // Least privilege: one line per need (env var + grant together), each action one the code calls.
    this.dispatch
      // FeedStore.listDue: a filtered Scan of the (small) Feeds table; dispatch writes nothing there.
      .bindTable(props.feedsTable, ENV.feedsTable, ['dynamodb:Scan'])
      .bindQueueSend(this.poll.queue, ENV.pollQueueUrl)
      // A run's polls are spread (SQS delays) over the time to the next run.
      .setEnv(ENV.schedulePeriodSeconds, String(props.scheduleMinutes * 60));
    this.poll.fn
      // FeedStore.get + recordPoll.
      .bindTable(props.feedsTable, ENV.feedsTable, ['dynamodb:GetItem', 'dynamodb:UpdateItem'])
      // seenItems / releaseIdsByGuid: BatchGetItem of the base table; addFeedListings (a stored release
      // another feed lists too): GetItem of its state, BatchWriteItem of the listing item, UpdateItem of `feeds`.
      .bindTable(props.articlesTable, ENV.articlesTable, [
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:UpdateItem',
      ])
      .bindBucket(props.rawBucket, ENV.rawBucket, [{ prefix: ARCHIVE_PREFIX.feeds, actions: ['s3:PutObject'] }])
      .bindQueueSend(this.articles.queue, ENV.articleQueueUrl)
      // A poll whose fetch was never sent (host busy) goes back on its own queue, delayed, without
      // spending a receive (handlers/pollFeed.ts, handlers/deferNotSent.ts).
      .bindQueueSend(this.poll.queue, ENV.pollQueueUrl)
      // Fleet-wide host slots: `host#` items of the Feeds table, covered by the Get/Update above.
      .setEnv(ENV.maxRequestsPerHost, String(maxRequestsPerHost))
      // A 304 that changes nothing is not written when the next run sends the feed anyway (pollFeed.ts).
      .setEnv(ENV.schedulePeriodSeconds, String(props.scheduleMinutes * 60));
    // Release pages come from the same hosts as the feeds: process-article takes the same slots.
    bindHostSlots(this.articles.fn, props.feedsTable, maxRequestsPerHost);
    this.articles.fn
      // ArticleStore.save: conditional PutItem, GetItem of the state, UpdateItem, BatchWriteItem of index items.
      .bindTable(props.articlesTable, ENV.articlesTable, [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchWriteItem',
      ])
      // Writes the fetched page, and the body of a record too large for one item. Reads archived bytes
      // back: a feed body for item fields a message left out (articleMessage.ts), and for a `reprocess`
      // message the page or feed body a release was parsed from and a stored overflowed body.
      .bindBucket(props.rawBucket, ENV.rawBucket, [
        { prefix: ARCHIVE_PREFIX.articles, actions: ['s3:PutObject', 's3:GetObject'] },
        { prefix: ARCHIVE_PREFIX.overflow, actions: ['s3:PutObject', 's3:GetObject'] },
        { prefix: ARCHIVE_PREFIX.feeds, actions: ['s3:GetObject'] },
      ])
      // Permanent failures go to the DLQ at once, with the reason as message attributes.
      .bindQueueSend(this.articles.deadLetterQueue, ENV.articleDlqUrl)
      // A page whose fetch was never sent (host cooling down / busy) goes back on its own queue,
      // delayed, without spending a receive (handlers/processArticle.ts, pipeline/notSentGrace.ts).
      .bindQueueSend(this.articles.queue, ENV.articleQueueUrl);

    // Schedule. EventBridge invokes dispatch asynchronously: its retries and DLQ cover only failures to
    // hand the event to Lambda (throttling of the async API, a missing permission). Once Lambda has
    // accepted it, a failing run is retried twice by Lambda and then goes to DispatchFailures below.
    this.scheduleDlq = this.parkingQueue(
      'ScheduleDlq',
      queueRemovalPolicy,
      'This queue is itself a dead-letter queue (of the EventBridge schedule target); cdk-nag only recognizes DLQs referenced by an SQS redrive policy.',
    );
    this.dispatchFailures = this.parkingQueue(
      'DispatchFailures',
      queueRemovalPolicy,
      "This queue is itself a dead-letter queue (the on-failure destination of dispatch's async invocations); cdk-nag only recognizes DLQs referenced by an SQS redrive policy.",
    );
    const eventAge = Duration.minutes(Math.max(1, props.scheduleMinutes));
    this.dispatch.fn.configureAsyncInvoke({
      retryAttempts: 2,
      // A run older than one period is superseded by the next one anyway.
      maxEventAge: eventAge,
      onFailure: new SendOnlyQueueDestination(this.dispatchFailures),
    });
    this.scheduleRule = new events.Rule(this, 'Schedule', {
      description: `Runs dispatch every ${props.scheduleMinutes} minute(s)`,
      schedule: events.Schedule.rate(Duration.minutes(props.scheduleMinutes)),
      targets: [
        new targets.LambdaFunction(this.dispatch.fn, {
          retryAttempts: 2,
          maxEventAge: eventAge,
          deadLetterQueue: this.scheduleDlq,
        }),
      ],
    });

    new FeedSeeder(this, 'FeedSeeds', { table: props.feedsTable, feeds: props.feeds ?? [], logRetention });

    // Overflow bodies whose record write failed (or that a later revision replaced without history)
    // are referenced by no item: a daily sweep deletes those older than the grace period.
    const graceDays = (props.overflowSweepGrace ?? Duration.days(2)).toDays();
    this.sweep = new NewswireFunction(this, 'OverflowSweep', {
      entry: 'lambdas/handlers/sweepOverflow.ts',
      serviceName: 'newswire-overflow-sweep',
      description: `Delete overflow/ objects no Articles item references, older than ${graceDays} days`,
      timeout: Duration.minutes(10),
      memorySize: 512,
      logRetention,
      environment: { [SWEEP_GRACE_DAYS_ENV]: String(graceDays) },
      tracing,
    });
    this.sweep
      .bindTable(props.articlesTable, ENV.articlesTable, ['dynamodb:GetItem'])
      .bindBucket(props.rawBucket, ENV.rawBucket, [
        { prefix: ARCHIVE_PREFIX.overflow, actions: ['s3:DeleteObjectVersion'] },
      ])
      .allowListVersions(props.rawBucket, ARCHIVE_PREFIX.overflow);
    this.sweepRule = new events.Rule(this, 'OverflowSweepSchedule', {
      description: 'Runs the overflow sweep once a day',
      schedule: events.Schedule.rate(Duration.days(1)),
      // A missed day is caught up by the next run: no retries or DLQ needed beyond the errors alarm.
      targets: [new targets.LambdaFunction(this.sweep.fn, { retryAttempts: 0 })],
    });
    this.sweep.fn.configureAsyncInvoke({ retryAttempts: 0 });

    // Hourly: feeds that usually publish daily and have published nothing lately (issue 12 §3).
    this.silentFeedCheck = new SilentFeedCheck(this, 'SilentFeedCheck', {
      feedsTable: props.feedsTable,
      silentFeedHours: props.silentFeedHours ?? 24,
      logRetention,
      tracing,
    });

    // Alarms → one SNS topic. Encrypted at rest only with newswire:kmsKey: a customer-managed key
    // ($1 a month), because CloudWatch cannot publish to a topic encrypted with the AWS-managed
    // alias/aws/sns (its key policy cannot be extended). A notification holds an alarm's name, state
    // and description, no release data; TLS is enforced either way.
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      masterKey: props.kmsKey ? this.alarmTopicKey() : undefined,
      enforceSSL: true,
      displayName: 'Newswire alarms',
    });
    if (!props.kmsKey) {
      Validations.of(this.alarmTopic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason:
          'Alarm notifications carry alarm names, states and descriptions only (no release data) and the topic accepts only TLS; a customer-managed key costs $1 a month, so it is opt-in (newswire:kmsKey=true).',
      });
    }
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const scheduleDlqAlarm = dlqNotEmptyAlarm(
      this,
      'ScheduleDlqNotEmpty',
      this.scheduleDlq,
      'EventBridge could not hand scheduled dispatch runs to Lambda after retries (throttled or not permitted; the reason is in the ScheduleDlq message attributes). Fix the cause; the next scheduled run dispatches again, then purge the queue.',
    );
    const dispatchFailuresAlarm = dlqNotEmptyAlarm(
      this,
      'DispatchFailuresNotEmpty',
      this.dispatchFailures,
      'Scheduled dispatch runs failed 3 times (the first try and 2 Lambda retries); each DispatchFailures message holds the error. Read it and the dispatch logs, fix the cause; the next scheduled run dispatches every due feed again, so purge the queue once fixed.',
    );
    const dispatchErrors = functionErrorsAlarm(
      this,
      'DispatchErrors',
      this.dispatch.fn,
      'The dispatch function failed in the last 5 minutes.',
    );
    const sweepErrors = functionErrorsAlarm(
      this,
      'OverflowSweepErrors',
      this.sweep.fn,
      'The daily overflow sweep failed (see its logs); orphaned overflow objects wait for the next run, nothing else is affected.',
    );
    this.alarms = [
      ...this.poll.alarms,
      ...this.articles.alarms,
      scheduleDlqAlarm,
      dispatchFailuresAlarm,
      dispatchErrors,
      sweepErrors,
      this.silentFeedCheck.silentAlarm,
      this.silentFeedCheck.errorsAlarm,
      // Stalled, haywire, throttles of every function and table, age of every DLQ (issue 12 §3).
      ...operationalAlarms(this, {
        scheduleMinutes: props.scheduleMinutes,
        stalledIntervals: props.stalledIntervals ?? 4,
        haywireFactor: props.haywireFactor ?? 3,
        poll: this.poll,
        articles: this.articles,
        feedsEnabled: this.silentFeedCheck.feedsEnabled,
        configuredFeeds: (props.feeds ?? []).filter((f) => f.enabled).length,
        // Failed dispatch runs: the next run dispatches again, so they are purged, never redriven.
        supersededQueues: [this.scheduleDlq, this.dispatchFailures],
        throttles: (props.alarms ?? 'essential') === 'full',
        tables: [
          {
            label: 'Articles',
            tableName: props.articlesTable.tableName,
            indexes: ARTICLES_TABLE.indexes.map((i) => i.name),
          },
          { label: 'Feeds', tableName: props.feedsTable.tableName, indexes: FEEDS_TABLE.indexes.map((i) => i.name) },
        ],
      }),
    ];
    const action = new cwActions.SnsAction(this.alarmTopic);
    for (const alarm of this.alarms) alarm.addAlarmAction(action);

    // Without the dashboard nothing shows the metrics no alarm watches: the functions leave them out.
    this.dashboard = props.dashboard ? this.buildDashboard() : undefined;
    if (!props.dashboard) {
      for (const fn of [this.poll.fn, this.articles.fn, this.dispatch, this.sweep])
        fn.fn.addEnvironment(METRICS_ENV, 'alarmed');
    }

    new CfnOutput(this, 'PollQueueUrl', { value: this.poll.queue.queueUrl });
    new CfnOutput(this, 'ArticleQueueUrl', { value: this.articles.queue.queueUrl });
    new CfnOutput(this, 'PollDlqUrl', { value: this.poll.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'ArticleDlqUrl', { value: this.articles.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'ScheduleDlqUrl', { value: this.scheduleDlq.queueUrl });
    new CfnOutput(this, 'DispatchFailuresUrl', { value: this.dispatchFailures.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    if (this.dashboard) new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboardName });
  }

  /** The customer-managed key of the alarm topic, usable by CloudWatch of this account. */
  private alarmTopicKey(): kms.Key {
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Newswire alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY, // only ever encrypts transient notifications
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, "*" means this key
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    return key;
  }

  /** An encrypted, SSL-only queue where failures wait 14 days for an operator (the DLQ of a non-SQS source). */
  private parkingQueue(id: string, removalPolicy: RemovalPolicy, nagReason: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
      removalPolicy,
    });
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: nagReason });
    return queue;
  }

  private buildDashboard(): cloudwatch.Dashboard {
    const period = Duration.minutes(5);
    const fns = [
      { label: 'dispatch', fn: this.dispatch },
      { label: 'poll-feed', fn: this.poll.fn },
      { label: 'process-article', fn: this.articles.fn },
    ];
    // Custom metrics by name whatever their dimensions (Powertools adds `service`, handlers may add more).
    const custom = (metricName: string, color: string) =>
      new cloudwatch.MathExpression({
        expression: `SUM(SEARCH('Namespace="${METRICS_NAMESPACE}" MetricName="${metricName}"', 'Sum', ${period.toSeconds()}))`,
        label: metricName,
        period,
        color,
      });

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(24) });
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Releases',
        left: [custom('ReleasesWritten', cloudwatch.Color.GREEN), custom('ReleasesUnchanged', cloudwatch.Color.GREY)],
        right: [
          custom('FeedPollFailures', cloudwatch.Color.RED),
          custom('ReleasesDeferred', cloudwatch.Color.ORANGE),
          custom('PollsDeferred', cloudwatch.Color.BROWN),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Queue depth (visible / oldest message age s)',
        left: [
          this.poll.queue.metricApproximateNumberOfMessagesVisible({ label: 'poll queue', period }),
          this.articles.queue.metricApproximateNumberOfMessagesVisible({ label: 'article queue', period }),
        ],
        right: [
          this.poll.queue.metricApproximateAgeOfOldestMessage({ label: 'poll oldest', period }),
          this.articles.queue.metricApproximateAgeOfOldestMessage({ label: 'article oldest', period }),
        ],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queues',
        left: [
          this.poll.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            label: 'poll DLQ',
            period,
            statistic: 'Maximum',
          }),
          this.articles.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            label: 'article DLQ',
            period,
            statistic: 'Maximum',
          }),
          this.scheduleDlq.metricApproximateNumberOfMessagesVisible({
            label: 'schedule DLQ',
            period,
            statistic: 'Maximum',
          }),
          this.dispatchFailures.metricApproximateNumberOfMessagesVisible({
            label: 'dispatch failures',
            period,
            statistic: 'Maximum',
          }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function errors / throttles',
        left: fns.map(({ label, fn }) => fn.fn.metricErrors({ label: `${label} errors`, period, statistic: 'Sum' })),
        right: fns.map(({ label, fn }) =>
          fn.fn.metricThrottles({ label: `${label} throttles`, period, statistic: 'Sum' }),
        ),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration p99 (ms)',
        left: fns.map(({ label, fn }) => fn.fn.metricDuration({ label, period, statistic: 'p99' })),
        width: 8,
      }),
    );
    // What the stalled, haywire and silent-feed alarms watch (issue 12 §3).
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Polls and feeds (stalled / silent-feed alarms)',
        left: [
          this.poll.fn.customMetric(ALARM_METRICS.pollSucceeded, {
            period,
            statistic: 'Sum',
            label: 'successful polls',
          }),
        ],
        right: [
          this.silentFeedCheck.fn.customMetric(ALARM_METRICS.silentFeeds, {
            period: Duration.hours(1),
            statistic: 'Maximum',
            label: 'silent feeds',
          }),
          this.silentFeedCheck.feedsEnabled.with({ label: 'enabled feeds' }),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Invocations per hour (haywire alarms)',
        left: [
          this.poll.fn.fn.metricInvocations({ label: 'poll-feed', period: Duration.hours(1), statistic: 'Sum' }),
          this.articles.fn.fn.metricInvocations({
            label: 'process-article',
            period: Duration.hours(1),
            statistic: 'Sum',
          }),
        ],
        width: 12,
      }),
    );
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...this.alarms], width: 24 }));
    return dashboard;
  }
}
