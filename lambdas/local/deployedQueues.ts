/**
 * The deployed dead-letter queues, found by stack name: DescribeStacks on the ingest stack gives
 * their URLs (CfnOutputs PollQueueUrl, ArticleQueueUrl, PollDlqUrl, ArticleDlqUrl, ScheduleDlqUrl,
 * DispatchFailuresUrl), so `newswire dlq --stack` works with the name operators already use.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsDeadLetterQueues, type DeployedDlqs } from '../adapters/queue/sqsDeadLetterQueues';
import { clientConfig, findStackOutputs, type StackRef as DeployedStackRef } from './stackOutputs';

/** The ingest stack's CfnOutputs that name the queues (tests/infra checks the stack has each). */
export const DLQ_OUTPUTS = {
  pollQueue: 'PollQueueUrl',
  articleQueue: 'ArticleQueueUrl',
  pollDlq: 'PollDlqUrl',
  articleDlq: 'ArticleDlqUrl',
  scheduleDlq: 'ScheduleDlqUrl',
  dispatchFailures: 'DispatchFailuresUrl',
} as const;

/**
 * The ingest stack's name candidates: `Newswire-prod-Ingest` as given, `Newswire-prod-Data` (what
 * the other commands take) as its `-Ingest` sibling, a prefix `Newswire-prod` with `-Ingest` after it.
 */
function candidates(stack: string): string[] {
  if (stack.endsWith('-Ingest')) return [stack];
  if (stack.endsWith('-Data')) return [`${stack.slice(0, -'-Data'.length)}-Ingest`];
  return [stack, `${stack}-Ingest`];
}

/** Resolves the DLQ (and source queue) URLs from the ingest stack's outputs. */
export async function resolveDeployedDlqs(
  ref: DeployedStackRef,
  cfn: CloudFormationClient = new CloudFormationClient(clientConfig(ref)),
): Promise<{ stackName: string; queues: DeployedDlqs }> {
  const { stackName, outputs: o } = await findStackOutputs(cfn, candidates(ref.stack), DLQ_OUTPUTS, {
    kind: 'ingest',
    example: 'Newswire-prod-Ingest',
  });
  return {
    stackName,
    queues: {
      poll: [{ name: 'PollDlq', url: o.pollDlq, sourceUrl: o.pollQueue }],
      article: [{ name: 'ArticleDlq', url: o.articleDlq, sourceUrl: o.articleQueue }],
      schedule: [
        { name: 'ScheduleDlq', url: o.scheduleDlq, sourceUrl: null },
        { name: 'DispatchFailures', url: o.dispatchFailures, sourceUrl: null },
      ],
    },
  };
}

/** Opens the deployed DLQs (AWS credentials from the SDK's default chain or `profile`). */
export async function openDeployedDlqs(ref: DeployedStackRef): Promise<SqsDeadLetterQueues> {
  const { stackName, queues } = await resolveDeployedDlqs(ref);
  return new SqsDeadLetterQueues({
    client: new SQSClient(clientConfig(ref)),
    queues,
    where: `stack ${stackName}${ref.region ? ` (${ref.region})` : ''}`,
  });
}
