import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { resolveDeployedDlqs } from '../../../lambdas/local/deployedQueues';

const cfn = mockClient(CloudFormationClient);
afterEach(() => cfn.reset());

const Q = 'https://sqs.eu-west-1.amazonaws.com/123456789012/Newswire-prod-Ingest';
const outputs = Object.entries({
  PollQueueUrl: `${Q}-PollQueue`,
  ArticleQueueUrl: `${Q}-ArticleQueue`,
  PollDlqUrl: `${Q}-PollDlq`,
  ArticleDlqUrl: `${Q}-ArticleDlq`,
  ScheduleDlqUrl: `${Q}-ScheduleDlq`,
  DispatchFailuresUrl: `${Q}-DispatchFailures`,
  AlarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alarms',
}).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue }));
const stack = (name: string, out = outputs) =>
  cfn.on(DescribeStacksCommand, { StackName: name }).resolves({
    Stacks: [{ StackName: name, CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: out }],
  });
const missing = () =>
  cfn
    .on(DescribeStacksCommand)
    .rejects(Object.assign(new Error('Stack with id X does not exist'), { name: 'ValidationError' }));
const client = () => new CloudFormationClient({ region: 'eu-west-1' });

test('maps poll, article and schedule to the DLQs the ingest stack outputs, with the source queues to redrive to', async () => {
  missing();
  stack('Newswire-prod-Ingest');
  await expect(resolveDeployedDlqs({ stack: 'Newswire-prod-Ingest' }, client())).resolves.toEqual({
    stackName: 'Newswire-prod-Ingest',
    queues: {
      poll: [{ name: 'PollDlq', url: `${Q}-PollDlq`, sourceUrl: `${Q}-PollQueue` }],
      article: [{ name: 'ArticleDlq', url: `${Q}-ArticleDlq`, sourceUrl: `${Q}-ArticleQueue` }],
      schedule: [
        { name: 'ScheduleDlq', url: `${Q}-ScheduleDlq`, sourceUrl: null },
        { name: 'DispatchFailures', url: `${Q}-DispatchFailures`, sourceUrl: null },
      ],
    },
  });
});

test.each([
  ['the data stack name the other commands take', 'Newswire-prod-Data', ['Newswire-prod-Ingest']],
  ['the stage prefix', 'Newswire-prod', ['Newswire-prod', 'Newswire-prod-Ingest']],
])('accepts %s and finds the ingest stack', async (_what, given, asked) => {
  missing();
  stack('Newswire-prod-Ingest');
  const res = await resolveDeployedDlqs({ stack: given }, client());
  expect(res.stackName).toBe('Newswire-prod-Ingest');
  expect(cfn.commandCalls(DescribeStacksCommand).map((c) => c.args[0].input.StackName)).toEqual(asked);
});

test('says which stacks it tried when none has the queue outputs', async () => {
  missing();
  stack('Other', outputs.slice(0, 3));
  await expect(resolveDeployedDlqs({ stack: 'Other' }, client())).rejects.toThrow(
    /no newswire ingest stack found: tried Other \(no PollQueueUrl\/.*outputs\), Other-Ingest \(no such stack\)/,
  );
});

test('passes other errors (credentials, access) through with the stack name', async () => {
  cfn.on(DescribeStacksCommand).rejects(new Error('The security token included in the request is invalid'));
  await expect(resolveDeployedDlqs({ stack: 'Newswire-prod-Ingest' }, client())).rejects.toThrow(
    /cannot describe stack Newswire-prod-Ingest: The security token/,
  );
});
