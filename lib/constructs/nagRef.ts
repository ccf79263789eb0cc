import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * How cdk-nag spells a resource reference inside a finding id, e.g. the `<Articles47CFF050.Arn>` in
 * `AwsSolutions-IAM5[Resource::<Articles47CFF050.Arn>/index/*]` — so acknowledgements can name the
 * exact finding instead of silencing a whole rule.
 *
 * Same stack: cdk-nag flattens `Fn::GetAtt`/`Ref` to `<LogicalId.Attr>`/`<LogicalId>`. Another stack:
 * the policy holds `Fn::ImportValue` of the export CDK creates for the reference; `exportValue`
 * returns that same (idempotent) export, whose name is what cdk-nag prints.
 *
 * @param consumer a construct in the stack whose policy uses the reference
 * @param owner a construct in the stack that owns the referenced resource
 * @param value the token (an ARN attribute of `owner`'s resource)
 */
export function nagRef(consumer: IConstruct, owner: IConstruct, value: string): string {
  const ownerStack = Stack.of(owner);
  const token = Stack.of(consumer) === ownerStack ? value : ownerStack.exportValue(value);
  return flatten(ownerStack.resolve(token));
}

function flatten(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const getAtt = o['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt.length === 2) return `<${String(getAtt[0])}.${String(getAtt[1])}>`;
    if (typeof o.Ref === 'string') return `<${o.Ref}>`;
    if (typeof o['Fn::ImportValue'] === 'string') return o['Fn::ImportValue'];
  }
  throw new Error(`nagRef: cannot tell how cdk-nag prints ${JSON.stringify(v)}`);
}
