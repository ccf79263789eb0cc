import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, type CfnResource, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { findProjectRoot, PROJECT_ROOT } from '../../lib/constructs/projectRoot';
import { QueueConsumer } from '../../lib/constructs/queueConsumer';

const fnProps = { entry: 'lambdas/handlers/dispatch.ts', serviceName: 'newswire-test' };
const maxMessageAge = Duration.minutes(30);

describe('findProjectRoot', () => {
  test('walks up to the folder with package.json, wherever lib/ runs from', () => {
    expect(findProjectRoot(path.join(PROJECT_ROOT, 'lib', 'constructs'))).toBe(PROJECT_ROOT);
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'package-lock.json'))).toBe(true);
  });

  test('throws when no package.json is above the folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-pkg-'));
    expect(() => findProjectRoot(dir)).toThrow(/No package.json found above/);
  });
});

describe('QueueConsumer', () => {
  // GIVEN one consumer with the defaults and a bound table, in a stack of its own
  let template: Template;
  let consumer: QueueConsumer;
  beforeAll(() => {
    const stack = new Stack(new App(), 'ConsumerTest');
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    });
    const bucket = new s3.Bucket(stack, 'Bucket');
    consumer = new QueueConsumer(stack, 'Hop', { function: fnProps, maxMessageAge });
    consumer.fn
      .bindTable(table, ENV.feedsTable, ['dynamodb:GetItem'])
      .bindBucket(bucket, ENV.rawBucket, [{ prefix: 'feeds/', actions: ['s3:PutObject'] }]);
    template = Template.fromStack(stack);
  });

  test('defaults: maxReceiveCount 5, visibility 6 × the 30 s default timeout, batch 10, concurrency 5', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 180,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 30, MemorySize: 512 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      ScalingConfig: { MaximumConcurrency: 5 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(consumer.alarms).toHaveLength(3);
  });

  test('queue and DLQ keep messages 14 days and are retained when the stack is deleted or replaces them', () => {
    for (const q of [consumer.queue, consumer.deadLetterQueue]) {
      const resource =
        template.findResources('AWS::SQS::Queue')[Stack.of(q).getLogicalId(q.node.defaultChild as CfnResource)];
      expect(resource).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { MessageRetentionPeriod: 14 * 24 * 3600 },
      });
    }
  });

  test('alarms when the oldest message of the queue is older than maxMessageAge, saying what to do', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Statistic: 'Maximum',
      Period: 300,
      Threshold: 30 * 60,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmDescription: Match.stringLikeRegexp('older than 30 minutes.*event source mapping is enabled'),
    });
  });

  test('bindTable and bindBucket set the variable and exactly the given actions, objects by prefix', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [ENV.feedsTable]: { Ref: Match.stringLikeRegexp('^Table') } }) },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const pairs = statements
      .filter((s) => s.Resource !== '*')
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).map((a) => [a, JSON.stringify(s.Resource)]));
    expect(pairs.filter(([a]) => a?.startsWith('dynamodb:') || a?.startsWith('s3:'))).toEqual([
      ['dynamodb:GetItem', expect.stringMatching(/^\{"Fn::GetAtt":\["Table\w+","Arn"\]\}$/)],
      ['s3:PutObject', expect.stringMatching(/Bucket\w+.*"\/feeds\/\*"/)],
    ]);
  });

  test('bindBucket refuses a prefix that is not one segment ending in /', () => {
    const stack = new Stack(new App(), 'BadPrefix');
    const c = new QueueConsumer(stack, 'Hop', { function: fnProps, maxMessageAge });
    expect(() => c.fn.bindBucket(new s3.Bucket(stack, 'B'), ENV.rawBucket, [{ prefix: 'feeds', actions: [] }])).toThrow(
      /prefix must be one path segment ending in "\/"/,
    );
  });

  test.each([
    [
      'maxConcurrency is below the SQS minimum of 2',
      { maxConcurrency: 1 },
      /maxConcurrency must be an integer 2–1000 \(got 1\)/,
    ],
    ['maxReceiveCount is 0', { maxReceiveCount: 0 }, /maxReceiveCount must be an integer 1–1000 \(got 0\)/],
  ])('throws when %s', (_name, props, message) => {
    const stack = new Stack(new App(), 'Bad');
    expect(
      () =>
        new QueueConsumer(stack, 'Hop', {
          function: { ...fnProps, timeout: Duration.seconds(10) },
          maxMessageAge,
          ...props,
        }),
    ).toThrow(message);
  });
});
