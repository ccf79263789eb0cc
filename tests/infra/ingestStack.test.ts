import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { FETCH_ENV } from '../../lambdas/adapters/http/fetchDefaults';
import type { CfnResource } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { fetchingTimeout, MAX_ITEMS_PER_POLL_ENV } from '../../lib/stacks/ingestStack';
import { feedId } from '../../lambdas/core/ids';
import { buildNewswireApp, type NewswireApp } from '../../lib/app';
import { CONTEXT_KEYS } from '../../lib/config';
import { SEED_CONDITION, SEED_EPOCH } from '../../lib/constructs/feedSeeder';
import type { NewswireFunction } from '../../lib/constructs/newswireFunction';
import { METRICS_ENV } from '../../lambdas/handlers/metricNames';
import type { QueueConsumer } from '../../lib/constructs/queueConsumer';
import { articleArchiveKey, feedArchiveKey } from '../../lambdas/core/archiveKeys';
import { overflowArchiveKey } from '../../lambdas/adapters/dynamodb/overflow';
import { ARCHIVE_PREFIX } from '../../lib/stacks/dataStack';
import {
  actionsOf,
  getAtt,
  importName,
  permissionLines,
  logicalId,
  roleStatements,
  TEST_CONTEXT,
  TEST_FEEDS,
} from './helpers';

/** Templates whose function code these tests do not read: synthesized without bundling. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

// GIVEN the app built once from the test context
let built: NewswireApp;
let template: Template;
const names = { articles: '', feeds: '', raw: '' };
beforeAll(() => {
  built = buildNewswireApp(TEST_CONTEXT);
  // How the Ingest stack sees the data stack's ARNs (Fn::ImportValue of these exports).
  names.articles = importName(built.data.articlesTable, built.data.articlesTable.tableArn);
  names.feeds = importName(built.data.feedsTable, built.data.feedsTable.tableArn);
  names.raw = importName(built.data.rawBucket, built.data.rawBucket.bucketArn);
  template = Template.fromStack(built.ingest);
});

// test.each tables are read before beforeAll runs: name the constructs through accessors.
type Get<T> = () => T;
const fns: [string, Get<NewswireFunction>][] = [
  ['dispatch', () => built.ingest.dispatch],
  ['poll-feed', () => built.ingest.poll.fn],
  ['process-article', () => built.ingest.articles.fn],
];
const consumers: [string, Get<QueueConsumer>][] = [
  ['poll-feed', () => built.ingest.poll],
  ['process-article', () => built.ingest.articles],
];

describe('functions', () => {
  test.each(fns)(
    '%s: latest Node.js runtime, arm64, no X-Ray by default, bundled code, house environment',
    (_name, get) => {
      const fn = get();
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: getAtt(fn.role, 'Arn'),
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: Match.absent(),
        LoggingConfig: { LogGroup: { Ref: logicalId(fn.logGroup) } },
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: Match.stringLikeRegexp('^newswire-'),
            POWERTOOLS_METRICS_NAMESPACE: 'Newswire',
            POWERTOOLS_TRACE_ENABLED: 'false',
            NODE_OPTIONS: '--enable-source-maps',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          }),
        },
      });
    },
  );

  test.each(fns)('%s: own log group with the configured retention', (_name, get) => {
    const fn = get();
    const groups = template.findResources('AWS::Logs::LogGroup');
    expect(groups[logicalId(fn.logGroup)]?.Properties).toEqual({
      RetentionInDays: TEST_CONTEXT[CONTEXT_KEYS.logRetentionDays],
    });
  });

  test('environment variables come from tableDesign ENV, each function only what it binds', () => {
    const env = (fn: NewswireFunction) => {
      const resource = template.findResources('AWS::Lambda::Function')[logicalId(fn.fn)];
      return resource?.Properties.Environment.Variables as Record<string, unknown>;
    };
    const feedsRef = { 'Fn::ImportValue': expect.stringContaining('Feeds') };
    const articlesRef = { 'Fn::ImportValue': expect.stringContaining('Articles') };
    const rawRef = { 'Fn::ImportValue': expect.stringContaining('RawArchive') };
    const fetchVars = {
      [ENV.userAgent]: expect.any(String),
      [ENV.fetchTimeoutMs]: '15000',
      [ENV.fetchMaxBytes]: String(15 * 1024 * 1024),
      [FETCH_ENV.connectTimeoutMs]: '5000',
      [FETCH_ENV.headersTimeoutMs]: '10000',
      [FETCH_ENV.perHostConcurrency]: '2',
    };

    expect(env(built.ingest.dispatch)).toEqual(
      expect.objectContaining({
        [ENV.feedsTable]: feedsRef,
        [ENV.pollQueueUrl]: { Ref: logicalId(built.ingest.poll.queue) },
        [ENV.schedulePeriodSeconds]: String(Number(TEST_CONTEXT[CONTEXT_KEYS.scheduleMinutes]) * 60),
      }),
    );
    expect(env(built.ingest.dispatch)).not.toHaveProperty(ENV.articlesTable);
    expect(env(built.ingest.dispatch)).not.toHaveProperty(ENV.rawBucket);

    expect(env(built.ingest.poll.fn)).toEqual(
      expect.objectContaining({
        [ENV.feedsTable]: feedsRef,
        [ENV.articlesTable]: articlesRef,
        [ENV.rawBucket]: rawRef,
        [ENV.articleQueueUrl]: { Ref: logicalId(built.ingest.articles.queue) },
        // Its own queue: a poll whose fetch was never sent is sent there again, delayed.
        [ENV.pollQueueUrl]: { Ref: logicalId(built.ingest.poll.queue) },
        [ENV.maxRequestsPerHost]: '4',
        // A quiet 304 is not written when the next run sends the feed anyway.
        [ENV.schedulePeriodSeconds]: String(Number(TEST_CONTEXT[CONTEXT_KEYS.scheduleMinutes]) * 60),
        ...fetchVars,
      }),
    );
    expect(env(built.ingest.articles.fn)).toEqual(
      expect.objectContaining({
        [ENV.articlesTable]: articlesRef,
        [ENV.rawBucket]: rawRef,
        [ENV.articleDlqUrl]: { Ref: logicalId(built.ingest.articles.deadLetterQueue) },
        // Its own queue: a page whose fetch was never sent is sent there again, delayed.
        [ENV.articleQueueUrl]: { Ref: logicalId(built.ingest.articles.queue) },
        // The Feeds table for the hosts' request slots only (see least privilege).
        [ENV.feedsTable]: feedsRef,
        [ENV.maxRequestsPerHost]: '4',
        ...fetchVars,
      }),
    );
    expect(env(built.ingest.articles.fn)).not.toHaveProperty(ENV.pollQueueUrl);
  });
});

test('fetching functions outlast a batch of worst-case fetches to one host', () => {
  // Each wave may wait 10 s for a fleet-wide slot of the host, then fetch for up to 15 s.
  // poll-feed: 10 feeds in waves of 2 → 5 × 25 s + 30 s; process-article: 10 pages → 5 × 25 s + 30 s.
  expect(built.ingest.poll.fn.timeout.toSeconds()).toBe(155);
  expect(built.ingest.articles.fn.timeout.toSeconds()).toBe(155);
  expect(fetchingTimeout(10, { perHostConcurrency: 10, totalTimeoutMs: 5_000 }).toSeconds()).toBe(60);
  expect(fetchingTimeout(10, { perHostConcurrency: 1, totalTimeoutMs: 120_000 }).toSeconds()).toBe(900);
});

describe('queues', () => {
  test.each(consumers)('%s queue: SSE, redrive to its DLQ after 5 receives, visibility = 6 × timeout', (_name, get) => {
    const c = get();
    const queue = template.findResources('AWS::SQS::Queue')[logicalId(c.queue)];
    expect(queue?.Properties).toEqual({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: c.fn.timeout.toSeconds() * 6,
      MessageRetentionPeriod: 14 * 24 * 3600,
      RedrivePolicy: { deadLetterTargetArn: getAtt(c.deadLetterQueue, 'Arn'), maxReceiveCount: 5 },
    });
  });

  test.each(consumers)('%s DLQ: SSE and 14 days retention', (_name, get) => {
    const c = get();
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    const dlq = template.findResources('AWS::SQS::Queue')[logicalId(c.deadLetterQueue)];
    expect(dlq?.Properties).toEqual({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
  });

  test.each([
    ['poll-feed queue', () => built.ingest.poll.queue],
    ['poll-feed DLQ', () => built.ingest.poll.deadLetterQueue],
    ['process-article queue', () => built.ingest.articles.queue],
    ['process-article DLQ', () => built.ingest.articles.deadLetterQueue],
    ['schedule DLQ', () => built.ingest.scheduleDlq],
  ])('%s policy denies non-TLS requests', (_name, queue) => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalId(queue()) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  test.each([
    ['poll-feed', () => built.ingest.poll, 10, 30, 5],
    ['process-article', () => built.ingest.articles, 10, 5, 10],
  ])(
    '%s event source: partial batch responses, batch size, batching window, max concurrency',
    (_name, consumer, batchSize, windowSeconds, maxConcurrency) => {
      const c = consumer();
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: getAtt(c.queue, 'Arn'),
        FunctionName: { Ref: logicalId(c.fn.fn) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: batchSize,
        MaximumBatchingWindowInSeconds: windowSeconds,
        ScalingConfig: { MaximumConcurrency: maxConcurrency },
      });
    },
  );

  test('poll-feed: 256 MB (it waits on the network), process-article 512 MB (a batch of pages at the fetch cap peaks at 350 MB)', () => {
    const memory = (c: QueueConsumer) => (c.fn.fn.node.defaultChild as CfnFunction).memorySize;
    expect(memory(built.ingest.poll)).toBe(256);
    expect(memory(built.ingest.articles)).toBe(512);
  });
});

describe('retention and failure parking (issue 11 items 5, 6)', () => {
  const queues: [string, Get<{ node: IConstruct['node'] }>][] = [
    ['poll-feed queue', () => built.ingest.poll.queue],
    ['poll-feed DLQ', () => built.ingest.poll.deadLetterQueue],
    ['process-article queue', () => built.ingest.articles.queue],
    ['process-article DLQ', () => built.ingest.articles.deadLetterQueue],
    ['schedule DLQ', () => built.ingest.scheduleDlq],
    ['dispatch failures', () => built.ingest.dispatchFailures],
  ];

  test.each(queues)('%s: 14 days retention, retained on stack deletion and replacement', (_name, get) => {
    const q = template.findResources('AWS::SQS::Queue')[logicalId(get() as IConstruct)];
    expect(q).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true },
    });
  });

  test('a stage configured with removalPolicy destroy deletes its queues with the stack', () => {
    const app = buildNewswireApp({ [CONTEXT_KEYS.stage]: 'throwaway', [CONTEXT_KEYS.removalPolicy]: 'destroy' });
    const all = Object.values(Template.fromStack(app.ingest).findResources('AWS::SQS::Queue'));
    expect(all).toHaveLength(6);
    for (const q of all) expect(q.DeletionPolicy).toBe('Delete');
  });

  test.each(consumers)(
    '%s queue: alarm when its oldest message is older than queueAgeAlarmMinutes, to the topic',
    (_name, get) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(get().queue, 'QueueName') }],
        Statistic: 'Maximum',
        Threshold: 120 * 60,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmDescription: Match.stringLikeRegexp('deleted unseen after 14 days'),
        AlarmActions: [{ Ref: logicalId(built.ingest.alarmTopic) }],
      });
    },
  );

  test('the age threshold follows newswire:queueAgeAlarmMinutes', () => {
    const app = buildNewswireApp({ [CONTEXT_KEYS.stage]: 'aged', [CONTEXT_KEYS.queueAgeAlarmMinutes]: 30 });
    // The source queues' alarms (the dead-letter queues have their own, at 10 days: alarms.test.ts).
    const sources = [app.ingest.poll.queue, app.ingest.articles.queue].map((q) => `"${logicalId(q)}"`);
    const alarms = Object.values(Template.fromStack(app.ingest).findResources('AWS::CloudWatch::Alarm')).filter(
      (a) =>
        a.Properties.MetricName === 'ApproximateAgeOfOldestMessage' &&
        sources.some((q) => JSON.stringify(a.Properties.Dimensions).includes(q)),
    );
    expect(alarms.map((a) => a.Properties.Threshold)).toEqual([1800, 1800]);
  });

  test("dispatch's failed async runs: 2 Lambda retries, then the DispatchFailures queue, which alarms when not empty", () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(built.ingest.dispatch.fn) },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 7 * 60,
      DestinationConfig: { OnFailure: { Destination: getAtt(built.ingest.dispatchFailures, 'Arn') } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(built.ingest.dispatchFailures, 'QueueName') }],
      Threshold: 0,
      AlarmDescription: Match.stringLikeRegexp('dispatch runs failed 3 times'),
      AlarmActions: [{ Ref: logicalId(built.ingest.alarmTopic) }],
    });
    template.hasOutput('DispatchFailuresUrl', { Value: { Ref: logicalId(built.ingest.dispatchFailures) } });
  });
});

describe('poll-feed item cap and overflow sweep (issue 11 items 4, 8)', () => {
  const envOf = (fn: NewswireFunction) =>
    template.findResources('AWS::Lambda::Function')[logicalId(fn.fn)]?.Properties.Environment.Variables as Record<
      string,
      unknown
    >;

  test('poll-feed gets MAX_ITEMS_PER_POLL from newswire:maxItemsPerPoll (default 500)', () => {
    expect(envOf(built.ingest.poll.fn)[MAX_ITEMS_PER_POLL_ENV]).toBe('500');
    const app = buildNewswireApp({ [CONTEXT_KEYS.stage]: 'capped', [CONTEXT_KEYS.maxItemsPerPoll]: '42' });
    const fns = Template.fromStack(app.ingest).findResources('AWS::Lambda::Function');
    expect(
      fns[app.ingest.getLogicalId(app.ingest.poll.fn.fn.node.defaultChild as CfnResource)]?.Properties.Environment
        .Variables,
    ).toMatchObject({ MAX_ITEMS_PER_POLL: '42' });
  });

  test('the sweep runs daily with the grace period, the Articles table and the bucket, and alarms on errors', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: [Match.objectLike({ Arn: getAtt(built.ingest.sweep.fn, 'Arn') })],
    });
    expect(envOf(built.ingest.sweep)).toMatchObject({
      OVERFLOW_SWEEP_GRACE_DAYS: '2',
      [ENV.articlesTable]: { 'Fn::ImportValue': expect.stringContaining('Articles') },
      [ENV.rawBucket]: { 'Fn::ImportValue': expect.any(String) },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(built.ingest.sweep.fn) } }],
    });
  });
});

describe('schedule', () => {
  test('an EventBridge rule runs dispatch at the configured rate, with retries and a DLQ', () => {
    const target = new Capture();
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${TEST_CONTEXT[CONTEXT_KEYS.scheduleMinutes]} minutes)`,
      State: 'ENABLED',
      Targets: [target],
    });
    expect(target.asObject()).toMatchObject({
      Arn: getAtt(built.ingest.dispatch.fn, 'Arn'),
      RetryPolicy: { MaximumRetryAttempts: 2 },
      DeadLetterConfig: { Arn: getAtt(built.ingest.scheduleDlq, 'Arn') },
    });
  });

  test('rate(1 minute) when scheduleMinutes is 1', () => {
    const app = buildNewswireApp({ [CONTEXT_KEYS.stage]: 'fast', [CONTEXT_KEYS.scheduleMinutes]: 1 });
    Template.fromStack(app.ingest).hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
  });
});

describe('least privilege', () => {
  /** The exact permissions of a function, X-Ray and its own log group left out (tested below). */
  const permissions = (fn: NewswireFunction) =>
    permissionLines(template, fn, {
      [names.articles]: 'Articles',
      [names.feeds]: 'Feeds',
      [names.raw]: 'RawArchive',
      [logicalId(built.ingest.poll.queue)]: 'PollQueue',
      [logicalId(built.ingest.articles.queue)]: 'ArticleQueue',
      [logicalId(built.ingest.articles.deadLetterQueue)]: 'ArticleDlq',
      [logicalId(built.ingest.dispatchFailures)]: 'DispatchFailures',
    }).filter((line) => !line.startsWith('xray:') && !line.startsWith('logs:'));

  test('dispatch: Scan of Feeds (listDue), send to the poll queue and to its failure queue; nothing else', () => {
    expect(permissions(built.ingest.dispatch)).toEqual([
      'dynamodb:Scan on <Feeds>',
      'sqs:SendMessage on <DispatchFailures>',
      'sqs:SendMessage on <PollQueue>',
    ]);
  });

  test('poll-feed: Get/Update of Feeds, the seen check and feed listings on Articles, PutObject under feeds/, send to the article queue and to its own queue', () => {
    expect(permissions(built.ingest.poll.fn)).toEqual([
      'dynamodb:BatchGetItem on <Articles>',
      'dynamodb:BatchWriteItem on <Articles>',
      'dynamodb:GetItem on <Articles>',
      'dynamodb:GetItem on <Feeds>',
      'dynamodb:UpdateItem on <Articles>',
      'dynamodb:UpdateItem on <Feeds>',
      's3:PutObject on <RawArchive>/feeds/*',
      // its own queue, for the SQS event source mapping (CDK's grantConsumeMessages)
      'sqs:ChangeMessageVisibility on <PollQueue>',
      'sqs:DeleteMessage on <PollQueue>',
      'sqs:GetQueueAttributes on <PollQueue>',
      'sqs:GetQueueUrl on <PollQueue>',
      'sqs:ReceiveMessage on <PollQueue>',
      'sqs:SendMessage on <ArticleQueue>',
      // a poll whose fetch was never sent (host busy), re-sent delayed
      'sqs:SendMessage on <PollQueue>',
    ]);
  });

  test('process-article: the item writes of a save on Articles, Put/GetObject under articles/ and overflow/, GetObject under feeds/, send to its DLQ and to its own queue', () => {
    expect(permissions(built.ingest.articles.fn)).toEqual([
      'dynamodb:BatchWriteItem on <Articles>',
      'dynamodb:GetItem on <Articles>',
      // the hosts' request slots: the host# items of Feeds, never a feed
      'dynamodb:GetItem on <Feeds> if {"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["host#*"]}}',
      'dynamodb:PutItem on <Articles>',
      'dynamodb:UpdateItem on <Articles>',
      'dynamodb:UpdateItem on <Feeds> if {"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["host#*"]}}',
      // archived bytes read back: omitted item fields, and `reprocess` messages
      's3:GetObject on <RawArchive>/articles/*',
      's3:GetObject on <RawArchive>/feeds/*',
      's3:GetObject on <RawArchive>/overflow/*',
      's3:PutObject on <RawArchive>/articles/*',
      's3:PutObject on <RawArchive>/overflow/*',
      'sqs:ChangeMessageVisibility on <ArticleQueue>',
      'sqs:DeleteMessage on <ArticleQueue>',
      'sqs:GetQueueAttributes on <ArticleQueue>',
      'sqs:GetQueueUrl on <ArticleQueue>',
      'sqs:ReceiveMessage on <ArticleQueue>',
      'sqs:SendMessage on <ArticleDlq>',
      // a page whose fetch was never sent (host cooling down / busy), re-sent delayed
      'sqs:SendMessage on <ArticleQueue>',
    ]);
  });

  test('overflow sweep: GetItem of Articles, list versions under overflow/ only, delete versions under overflow/', () => {
    expect(permissions(built.ingest.sweep)).toEqual([
      'dynamodb:GetItem on <Articles>',
      's3:DeleteObjectVersion on <RawArchive>/overflow/*',
      's3:ListBucketVersions on <RawArchive> if {"StringLike":{"s3:prefix":["overflow/*"]}}',
    ]);
  });

  test.each([...fns, ['overflow sweep', () => built.ingest.sweep] as [string, Get<NewswireFunction>]])(
    '%s: no wildcard action, no bucket-level or retention action, logs only to its own group',
    (_name, get) => {
      const lines = permissionLines(template, get(), {});
      for (const line of lines) {
        expect(line).not.toMatch(/^[a-z0-9]+:\S*\*/); // no action wildcard (s3:GetObject*, s3:List*, dynamodb:*)
        expect(line).not.toMatch(
          /PutObjectRetention|PutObjectLegalHold|GetBucket|dynamodb:(Get|Describe)Records|GetShardIterator|DescribeStream|ListStreams/,
        );
      }
      const logs = lines.filter((l) => l.startsWith('logs:')).map((l) => l.split(' on ')[0]);
      expect(logs.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    },
  );

  test('the archive key functions make keys under the prefixes the grants name', () => {
    expect(feedArchiveKey('f-1', new Date('2024-03-07T03:00:00Z'), 'a'.repeat(64))).toMatch(
      new RegExp(`^${ARCHIVE_PREFIX.feeds}`),
    );
    expect(articleArchiveKey('u-1', 'a'.repeat(64))).toMatch(new RegExp(`^${ARCHIVE_PREFIX.articles}`));
    expect(overflowArchiveKey('u-1', 'a'.repeat(64))).toMatch(new RegExp(`^${ARCHIVE_PREFIX.overflow}`));
  });

  test.each(fns)('%s: no "*" resources (tracing off by default), and no managed policy', (_name, get) => {
    const fn = get();
    const star = roleStatements(template, fn).filter((s) => s.Resource === '*');
    expect(star.flatMap(actionsOf)).toEqual([]);
    const role = template.findResources('AWS::IAM::Role')[logicalId(fn.role)];
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('alarms and notifications', () => {
  test.each([
    ['poll-feed DLQ', () => built.ingest.poll.deadLetterQueue],
    ['process-article DLQ', () => built.ingest.articles.deadLetterQueue],
    ['schedule DLQ', () => built.ingest.scheduleDlq],
  ])('%s: alarm when any message is visible, notifying the alarm topic', (_name, dlq) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(dlq(), 'QueueName') }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: logicalId(built.ingest.alarmTopic) }],
    });
  });

  test.each(fns)('%s: alarm on function errors', (_name, get) => {
    const fn = get();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn.fn) } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: logicalId(built.ingest.alarmTopic) }],
    });
  });

  test('by default the alarm topic has no customer-managed key ($1 a month), is SSL-only and mails the configured address', () => {
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: Match.absent(),
      DisplayName: 'Newswire alarms',
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: TEST_CONTEXT[CONTEXT_KEYS.alarmEmail],
    });
  });

  test('with newswire:kmsKey the alarm topic is KMS-encrypted with a rotating key CloudWatch may use, SSL-only, and mails the configured address', () => {
    const keyed = buildNewswireApp({ ...TEST_CONTEXT, [CONTEXT_KEYS.kmsKey]: true, ...NO_BUNDLING });
    const template = Template.fromStack(keyed.ingest);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: getAtt(keyed.ingest.node.findChild('AlarmTopicKey'), 'Arn'),
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: TEST_CONTEXT[CONTEXT_KEYS.alarmEmail],
    });
  });
});

describe('dashboard', () => {
  // GIVEN the app with newswire:dashboard (off by default)
  let withDashboard: NewswireApp;
  let dashboardTemplate: Template;
  beforeAll(() => {
    withDashboard = buildNewswireApp({ ...TEST_CONTEXT, [CONTEXT_KEYS.dashboard]: true, ...NO_BUNDLING });
    dashboardTemplate = Template.fromStack(withDashboard.ingest);
  });
  const metricsEnv = (t: Template, fn: NewswireFunction) =>
    (
      t.findResources('AWS::Lambda::Function')[logicalId(fn.fn)]?.Properties as {
        Environment?: { Variables?: Record<string, unknown> };
      }
    ).Environment?.Variables?.[METRICS_ENV];

  test('by default there is none, and the functions emit only the metrics alarms watch', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(Object.keys(template.findOutputs('DashboardName'))).toEqual([]);
    const emitting = (a: NewswireApp) => [a.ingest.poll.fn, a.ingest.articles.fn, a.ingest.dispatch, a.ingest.sweep];
    for (const fn of emitting(built)) expect(metricsEnv(template, fn)).toBe('alarmed');
    for (const fn of emitting(withDashboard)) expect(metricsEnv(dashboardTemplate, fn)).toBeUndefined();
  });

  test('the DashboardName output names it', () => {
    dashboardTemplate.hasOutput('DashboardName', { Value: { Ref: logicalId(withDashboard.ingest.dashboard!) } });
  });

  test('shows queue and DLQ depth, function errors and duration, and the Newswire custom metrics', () => {
    const body = new Capture();
    dashboardTemplate.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardBody: body,
      DashboardName: Match.absent(),
    });
    const text = JSON.stringify(body.asObject());
    for (const needle of [
      'ApproximateNumberOfMessagesVisible',
      'ApproximateAgeOfOldestMessage',
      'AWS/Lambda',
      'Errors',
      'Duration',
      'Namespace=\\\\\\"Newswire\\\\\\" MetricName=\\\\\\"ReleasesWritten',
      'ReleasesUnchanged',
      'FeedPollFailures',
    ]) {
      expect(text).toContain(needle);
    }
  });
});

describe('feed seeding', () => {
  /** The Create call of a seed, with the imported table name replaced by a marker. */
  const seedCalls = () =>
    Object.values(template.findResources('Custom::NewswireFeedSeed')).map((r) => {
      const [, parts] = r.Properties.Create['Fn::Join'] as [string, unknown[]];
      const json = parts.map((p) => (typeof p === 'string' ? p : '<table>')).join('');
      return { create: JSON.parse(json), installLatest: r.Properties.InstallLatestAwsSdk };
    });

  test('one insert-only PutItem per configured feed, ConditionalCheckFailed ignored', () => {
    const calls = seedCalls();
    expect(calls).toHaveLength(TEST_FEEDS.length);
    for (const { create, installLatest } of calls) {
      expect(installLatest).toBe(false);
      expect(create).toMatchObject({
        service: 'DynamoDB',
        action: 'putItem',
        parameters: { TableName: '<table>', ConditionExpression: 'attribute_not_exists(id)' },
        ignoreErrorCodesMatching: 'ConditionalCheckFailedException',
      });
    }
    expect(SEED_CONDITION).toBe('attribute_not_exists(id)');
  });

  test('the seeded item has exactly the Feeds-table attributes, with a stable id and epoch dates', () => {
    const items = seedCalls().map(({ create }) => create.parameters.Item as Record<string, unknown>);
    const first = TEST_FEEDS[0]!;
    expect(items).toContainEqual({
      id: { S: feedId(first.url) },
      url: { S: first.url },
      name: { S: first.name },
      wire: { S: first.wire },
      enabled: { BOOL: true },
      pollIntervalMinutes: { N: '15' },
      etag: { NULL: true },
      lastModified: { NULL: true },
      lastPolledAt: { NULL: true },
      nextPollAt: { S: SEED_EPOCH },
      consecutiveFailures: { N: '0' },
      lastError: { NULL: true },
      counters: { M: { polls: { N: '0' }, failures: { N: '0' }, itemsSeen: { N: '0' }, itemsQueued: { N: '0' } } },
      createdAt: { S: '1970-01-01T00:00:00.000Z' },
    });
    // the second feed: no wire, disabled, interval defaults to the schedule
    expect(items).toContainEqual(
      expect.objectContaining({ wire: { NULL: true }, enabled: { BOOL: false }, pollIntervalMinutes: { N: '7' } }),
    );
  });

  test('the seeding role may only PutItem on the Feeds table', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter(
      (p) =>
        JSON.stringify(p.Properties.PolicyDocument).includes('dynamodb:PutItem') &&
        !JSON.stringify(p.Properties.PolicyDocument).includes('dynamodb:GetItem'),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[];
    expect(statements).toContainEqual({
      Action: 'dynamodb:PutItem',
      Effect: 'Allow',
      Resource: { 'Fn::ImportValue': names.feeds },
    });
  });
});

describe('outputs', () => {
  test('queue URLs under the keys the CLI reads', () => {
    template.hasOutput('PollQueueUrl', { Value: { Ref: logicalId(built.ingest.poll.queue) } });
    template.hasOutput('ArticleQueueUrl', { Value: { Ref: logicalId(built.ingest.articles.queue) } });
    template.hasOutput('PollDlqUrl', { Value: { Ref: logicalId(built.ingest.poll.deadLetterQueue) } });
    template.hasOutput('ArticleDlqUrl', { Value: { Ref: logicalId(built.ingest.articles.deadLetterQueue) } });
  });
});

describe('newswire:tracing=active', () => {
  // GIVEN the same app with tracing turned on (one flag)
  let traced: NewswireApp;
  let tracedTemplate: Template;
  beforeAll(() => {
    traced = buildNewswireApp({ ...TEST_CONTEXT, [CONTEXT_KEYS.tracing]: 'active', 'aws:cdk:bundling-stacks': [] });
    tracedTemplate = Template.fromStack(traced.ingest);
  });

  test('every function is traced (Active), with the Powertools tracer left on', () => {
    const functions = Object.values(tracedTemplate.findResources('AWS::Lambda::Function')).filter(
      (f) => (f.Properties.Environment?.Variables as Record<string, unknown> | undefined)?.POWERTOOLS_SERVICE_NAME,
    );
    expect(functions).toHaveLength(5);
    for (const f of functions) {
      expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(f.Properties.Environment.Variables.POWERTOOLS_TRACE_ENABLED).toBeUndefined();
    }
  });

  test.each([
    ['dispatch', (a: NewswireApp) => a.ingest.dispatch],
    ['poll-feed', (a: NewswireApp) => a.ingest.poll.fn],
    ['process-article', (a: NewswireApp) => a.ingest.articles.fn],
  ])('%s: the only "*" resources are the two X-Ray writes', (_name, get) => {
    const star = roleStatements(tracedTemplate, get(traced)).filter((s) => s.Resource === '*');
    expect(star.flatMap(actionsOf).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });
});
