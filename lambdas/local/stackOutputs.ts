/**
 * A deployed stack's CfnOutputs, found by the name an operator gives: the first candidate stack that
 * exists and has every output asked for. Shared by the CLI's `--stack` modes (data stack: tables and
 * bucket; ingest stack: queues), so the lookup and its error messages are written once.
 */
import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';

/** Where the operator's stack is: its name (or a prefix), region and profile. */
export interface StackRef {
  readonly stack: string;
  readonly region?: string;
  readonly profile?: string;
}

/** The SDK client settings of a stack reference (the default chain fills in what is not given). */
export function clientConfig(ref: StackRef): { region?: string; profile?: string } {
  return {
    ...(ref.region !== undefined ? { region: ref.region } : {}),
    ...(ref.profile !== undefined ? { profile: ref.profile } : {}),
  };
}

/**
 * The outputs `keys` (logical name → CfnOutput key) of the first of `candidates` that exists and has
 * them all, with the stack's name; else an Error naming every stack tried and why it did not fit
 * (`what` names the kind of stack and `example` a name to pass, for that message).
 */
export async function findStackOutputs<K extends string>(
  cfn: CloudFormationClient,
  candidates: readonly string[],
  keys: Readonly<Record<K, string>>,
  what: { kind: string; example: string },
): Promise<{ stackName: string; outputs: Record<K, string> }> {
  const tried: string[] = [];
  for (const name of candidates) {
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
    const entries = (Object.keys(keys) as K[]).map((k) => [k, outputs[keys[k]] ?? ''] as const);
    if (entries.every(([, v]) => v)) {
      return { stackName: name, outputs: Object.fromEntries(entries) as Record<K, string> };
    }
    tried.push(`${name} (no ${Object.values(keys).join('/')} outputs)`);
  }
  throw new Error(
    `no newswire ${what.kind} stack found: tried ${tried.join(', ')}; pass the ${what.kind} stack name, e.g. ${what.example}`,
  );
}
