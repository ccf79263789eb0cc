/**
 * The deployed dead-letter queues, found by stack name: DescribeStacks on the ingest stack gives
 * their URLs (CfnOutputs PollQueueUrl, ArticleQueueUrl, PollDlqUrl, ArticleDlqUrl, ScheduleDlqUrl,
 * DispatchFailuresUrl), so `newswire dlq --stack` works with the name operators already use.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsDeadLetterQueues, type DeployedDlqs } from '../adapters/queue/sqsDeadLetterQueues';
import type { DeployedStackRef } from './deployedStores';

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
  const tried: string[] = [];
  for (const name of candidates(ref.stack)) {
    let outputs: Record<string, string>;
    try {
      const res = await cfn.send(new DescribeStacksCommand({ StackName: name }));
      outputs = Object.fromEntries(
        (res.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
      );
    } catch (err) {
      if (/does not exist/i.test((err as Error).message)) {
        tried.push(`${name} (no such stack)`);
        continue;
      }
      throw new Error(`cannot describe stack ${name}: ${(err as Error).message}`, { cause: err });
    }
    const o = (k: keyof typeof DLQ_OUTPUTS) => outputs[DLQ_OUTPUTS[k]] ?? '';
    if (Object.keys(DLQ_OUTPUTS).every((k) => o(k as keyof typeof DLQ_OUTPUTS))) {
      return {
        stackName: name,
        queues: {
          poll: [{ name: 'PollDlq', url: o('pollDlq'), sourceUrl: o('pollQueue') }],
          article: [{ name: 'ArticleDlq', url: o('articleDlq'), sourceUrl: o('articleQueue') }],
          schedule: [
            { name: 'ScheduleDlq', url: o('scheduleDlq'), sourceUrl: null },
            { name: 'DispatchFailures', url: o('dispatchFailures'), sourceUrl: null },
          ],
        },
      };
    }
    tried.push(`${name} (no ${Object.values(DLQ_OUTPUTS).join('/')} outputs)`);
  }
  throw new Error(
    `no newswire ingest stack found: tried ${tried.join(', ')}; pass the ingest stack name, e.g. Newswire-prod-Ingest`,
  );
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

function clientConfig(ref: DeployedStackRef): { region?: string; profile?: string } {
  return {
    ...(ref.region !== undefined ? { region: ref.region } : {}),
    ...(ref.profile !== undefined ? { profile: ref.profile } : {}),
  };
}
