import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { findProjectRoot, PROJECT_ROOT } from '../../lib/constructs/projectRoot';
import { QueueConsumer } from '../../lib/constructs/queueConsumer';

const fnProps = { entry: 'lambdas/handlers/dispatch.ts', serviceName: 'newswire-test' };

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
    consumer = new QueueConsumer(stack, 'Hop', { function: fnProps });
    consumer.fn.bindTable(table, ENV.feedsTable, 'read');
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
    expect(consumer.alarms).toHaveLength(2);
  });

  test('bindTable sets the variable and a read-only grant in one call', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [ENV.feedsTable]: { Ref: Match.stringLikeRegexp('^Table') } }) },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[],
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
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
      () => new QueueConsumer(stack, 'Hop', { function: { ...fnProps, timeout: Duration.seconds(10) }, ...props }),
    ).toThrow(message);
  });
});
