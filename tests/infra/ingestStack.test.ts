import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { FETCH_ENV } from '../../lambdas/adapters/http/fetchDefaults';
import { fetchingTimeout } from '../../lib/stacks/ingestStack';
import { feedId } from '../../lambdas/core/ids';
import { buildNewswireApp, type NewswireApp } from '../../lib/app';
import { CONTEXT_KEYS } from '../../lib/config';
import { SEED_CONDITION, SEED_EPOCH } from '../../lib/constructs/feedSeeder';
import type { NewswireFunction } from '../../lib/constructs/newswireFunction';
import type { QueueConsumer } from '../../lib/constructs/queueConsumer';
import {
  actionsOf,
  getAtt,
  importName,
  logicalId,
  roleStatements,
  statementsOn,
  TEST_CONTEXT,
  TEST_FEEDS,
} from './helpers';

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
  test.each(fns)('%s: latest Node.js runtime, arm64, X-Ray, bundled code, house environment', (_name, get) => {
    const fn = get();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Role: getAtt(fn.role, 'Arn'),
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: logicalId(fn.logGroup) } },
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: Match.stringLikeRegexp('^newswire-'),
          POWERTOOLS_METRICS_NAMESPACE: 'Newswire',
          NODE_OPTIONS: '--enable-source-maps',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        }),
      },
    });
  });

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
        ...fetchVars,
      }),
    );
    expect(env(built.ingest.articles.fn)).toEqual(
      expect.objectContaining({
        [ENV.articlesTable]: articlesRef,
        [ENV.rawBucket]: rawRef,
        [ENV.articleDlqUrl]: { Ref: logicalId(built.ingest.articles.deadLetterQueue) },
        ...fetchVars,
      }),
    );
    expect(env(built.ingest.articles.fn)).not.toHaveProperty(ENV.articleQueueUrl);
    expect(env(built.ingest.articles.fn)).not.toHaveProperty(ENV.pollQueueUrl);
    expect(env(built.ingest.articles.fn)).not.toHaveProperty(ENV.feedsTable);
  });
});

test('fetching functions outlast a batch of worst-case fetches to one host', () => {
  // poll-feed: 5 feeds in waves of 2 → 3 × 15 s + 30 s; process-article: 10 pages → 5 × 15 s + 30 s.
  expect(built.ingest.poll.fn.timeout.toSeconds()).toBe(75);
  expect(built.ingest.articles.fn.timeout.toSeconds()).toBe(105);
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
      MessageRetentionPeriod: 4 * 24 * 3600,
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
    ['poll-feed', () => built.ingest.poll, 5, 5],
    ['process-article', () => built.ingest.articles, 10, 10],
  ])(
    '%s event source: partial batch responses, batch size, max concurrency',
    (_name, consumer, batchSize, maxConcurrency) => {
      const c = consumer();
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: getAtt(c.queue, 'Arn'),
        FunctionName: { Ref: logicalId(c.fn.fn) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: batchSize,
        ScalingConfig: { MaximumConcurrency: maxConcurrency },
      });
    },
  );
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
  const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'];

  test('dispatch: no Articles access, no S3 action, read/write Feeds, send to the poll queue only', () => {
    const statements = roleStatements(template, built.ingest.dispatch);
    expect(statementsOn(statements, names.articles)).toEqual([]);
    expect(statementsOn(statements, names.raw)).toEqual([]);
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(statementsOn(statements, names.feeds).flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['dynamodb:Scan', 'dynamodb:UpdateItem']),
    );
    const sqsTargets = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage')).map((s) => s.Resource);
    expect(sqsTargets).toEqual([getAtt(built.ingest.poll.queue, 'Arn')]);
  });

  test('poll-feed: reads Articles but cannot write it; puts raw objects but cannot read them', () => {
    const statements = roleStatements(template, built.ingest.poll.fn);
    const onArticles = statementsOn(statements, names.articles).flatMap(actionsOf);
    expect(onArticles).toContain('dynamodb:BatchGetItem');
    for (const action of writes) expect(onArticles).not.toContain(action);
    const onRaw = statementsOn(statements, names.raw).flatMap(actionsOf);
    expect(onRaw).toContain('s3:PutObject');
    expect(onRaw.filter((a) => a.startsWith('s3:Get') || a.startsWith('s3:List'))).toEqual([]);
    expect(statementsOn(statements, names.feeds).flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['dynamodb:UpdateItem']),
    );
  });

  test('process-article: no Feeds access, sends to its own DLQ only; writes Articles, reads and puts raw objects', () => {
    const statements = roleStatements(template, built.ingest.articles.fn);
    expect(statementsOn(statements, names.feeds)).toEqual([]);
    const dlqArn = getAtt(built.ingest.articles.deadLetterQueue, 'Arn');
    const sends = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(sends.map((s) => s.Resource)).toEqual([dlqArn]);
    // Only sending on the DLQ: it cannot read, delete or purge what is parked there.
    const onDlq = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(dlqArn)).flatMap(actionsOf);
    expect(onDlq.filter((a) => !['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'].includes(a))).toEqual(
      [],
    );
    expect(statementsOn(statements, names.articles).flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['dynamodb:PutItem']),
    );
    expect(statementsOn(statements, names.raw).flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['s3:GetObject*', 's3:PutObject']),
    );
  });

  test.each(fns)('%s: "*" resources are X-Ray only, and no managed policy', (_name, get) => {
    const fn = get();
    const star = roleStatements(template, fn).filter((s) => s.Resource === '*');
    expect(star.flatMap(actionsOf).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
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

  test('the alarm topic is KMS-encrypted with a rotating key CloudWatch may use, SSL-only, and mails the configured address', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: getAtt(built.ingest.node.findChild('AlarmTopicKey'), 'Arn'),
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
  test('shows queue and DLQ depth, function errors and duration, and the Newswire custom metrics', () => {
    const body = new Capture();
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
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
  test('queue URLs and the dashboard name under the keys the CLI reads', () => {
    template.hasOutput('PollQueueUrl', { Value: { Ref: logicalId(built.ingest.poll.queue) } });
    template.hasOutput('ArticleQueueUrl', { Value: { Ref: logicalId(built.ingest.articles.queue) } });
    template.hasOutput('PollDlqUrl', { Value: { Ref: logicalId(built.ingest.poll.deadLetterQueue) } });
    template.hasOutput('ArticleDlqUrl', { Value: { Ref: logicalId(built.ingest.articles.deadLetterQueue) } });
    template.hasOutput('DashboardName', { Value: { Ref: logicalId(built.ingest.dashboard) } });
  });
});
