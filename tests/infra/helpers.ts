/**
 * Shared helpers of the CDK assertion tests: one test context, and ways to find what a function's
 * role may do without depending on generated logical ids.
 */
import { type CfnResource, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { CONTEXT_KEYS } from '../../lib/config';
import type { NewswireFunction } from '../../lib/constructs/newswireFunction';

export const TEST_FEEDS = [
  {
    url: 'https://www.prnewswire.com/rss/news-releases-list.rss',
    name: 'PR Newswire — all',
    wire: 'PR Newswire',
    pollIntervalMinutes: 15,
  },
  {
    url: 'https://www.globenewswire.com/RssFeed/orgclass/1/feedTitle/GlobeNewswire',
    name: 'GlobeNewswire',
    enabled: false,
  },
];

/** A full context with values that differ from the defaults, so tests see config flow through. */
export const TEST_CONTEXT: Record<string, unknown> = {
  [CONTEXT_KEYS.stage]: 'test',
  [CONTEXT_KEYS.scheduleMinutes]: 7,
  [CONTEXT_KEYS.rawRetentionDays]: 400,
  [CONTEXT_KEYS.logRetentionDays]: 14,
  [CONTEXT_KEYS.alarmEmail]: 'ops@example.com',
  [CONTEXT_KEYS.feeds]: TEST_FEEDS,
};

/** The logical id of a construct's CloudFormation resource (its default child, or itself). */
export function logicalId(construct: IConstruct): string {
  const cfn = (construct.node.defaultChild ?? construct) as CfnResource;
  return Stack.of(construct).getLogicalId(cfn);
}

/** `{ "Fn::GetAtt": [id, attr] }` of a construct. */
export function getAtt(construct: IConstruct, attr: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId(construct), attr] };
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every Allow statement of every IAM policy attached to the function's role. */
export function roleStatements(template: Template, fn: NewswireFunction): Statement[] {
  const roleId = logicalId(fn.role);
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => s.Effect === 'Allow');
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Statements whose resources mention `needle` (an export name or a logical id). */
export const statementsOn = (statements: Statement[], needle: string): Statement[] =>
  statements.filter((s) => JSON.stringify(s.Resource).includes(needle));

/** The name of the export through which `consumer`'s stack sees `value` (an attribute of `owner`). */
export function importName(owner: IConstruct, value: string): string {
  const stack = Stack.of(owner);
  const resolved = stack.resolve(stack.exportValue(value)) as { 'Fn::ImportValue': string };
  return resolved['Fn::ImportValue'];
}

/**
 * Every (action, resource) a function's role is allowed, as sorted `action on resource` lines, with
 * resource tokens shown through `labels` (an import name or logical id → a readable name), so a test
 * can assert the exact permissions whatever way CDK merges statements.
 */
export function permissionLines(template: Template, fn: NewswireFunction, labels: Record<string, string>): string[] {
  const show = (r: unknown): string => {
    let text = JSON.stringify(r);
    for (const [needle, label] of Object.entries(labels)) {
      text = text.split(`{"Fn::ImportValue":"${needle}"}`).join(`<${label}>`);
      text = text.split(`{"Fn::GetAtt":["${needle}","Arn"]}`).join(`<${label}>`);
    }
    const join = /^\{"Fn::Join":\["",\[(.*)\]\]\}$/.exec(text);
    return join ? (join[1] as string).replace(/","|",|,"/g, '').replace(/^"|"$/g, '') : text;
  };
  return roleStatements(template, fn)
    .flatMap((s) => {
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      const cond = (s as { Condition?: unknown }).Condition;
      return actionsOf(s).flatMap((a) =>
        resources.map((r) => `${a} on ${show(r)}${cond ? ` if ${JSON.stringify(cond)}` : ''}`),
      );
    })
    .sort();
}
