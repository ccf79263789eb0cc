/**
 * A stand-in for the few AWS CLI commands the query cookbook (docs/cookbook.md) uses, for machines without the
 * AWS CLI (a fresh `npm ci && npm test`). Run as `aws` through the wrapper `writeAwsCliStandIn`
 * writes; it sends the same low-level requests with the AWS SDK and prints what the AWS CLI prints.
 *
 * Supported, and nothing else (anything else exits 2 with "aws: error: …", so a wrong example
 * cannot pass):
 * - `aws dynamodb get-item | query | batch-get-item`, `aws cloudformation describe-stacks`;
 * - each operation's options from OPERATIONS, mapped as the CLI maps them: `--table-name` →
 *   TableName, JSON values for structured options (no shorthand syntax, no file://),
 *   `--no-scan-index-forward` → ScanIndexForward false; `--opt value` or `--opt=value`;
 * - global options `--endpoint-url`, `--region`, `--query` (JMESPath), `--output json|text`
 *   (default AWS_DEFAULT_OUTPUT, else json);
 * - auto-pagination as the CLI does it: `json` prints the pages merged, then applies `--query`;
 *   `text` applies `--query` to each page and prints each page's rows.
 *
 * It only talks to 127.0.0.1/localhost: the endpoint comes from `--endpoint-url`, else
 * AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL; none, or another host, exits 2. Region from
 * `--region`, AWS_DEFAULT_REGION or AWS_REGION; credentials from AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY (any values). A service error prints the CLI's "An error occurred (Code)
 * when calling the Op operation: message" and exits 255, as AWS CLI v1 does.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, type DescribeStacksInput } from '@aws-sdk/client-cloudformation';
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type BatchGetItemInput,
  type GetItemInput,
  type QueryInput,
} from '@aws-sdk/client-dynamodb';
import * as jmespath from 'jmespath';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** How an option's value becomes its input member: a string, parsed JSON, or a --x / --no-x switch. */
type OptionKind = 'string' | 'json' | 'boolean';

/** The CLI's auto-pagination of an operation (botocore's paginators-1.json). */
interface Paginator {
  inputToken: string;
  outputToken: string;
  resultKeys: string[];
  nonAggregateKeys: string[];
}

interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

interface OperationSpec {
  /** Option name without `--` → kind; the input member is the name in PascalCase. */
  options: Record<string, OptionKind>;
  required: string[];
  paginator?: Paginator;
  send(config: ClientConfig, input: Record<string, unknown>): Promise<unknown>;
}

interface ServiceSpec {
  /** The env var that names the service's endpoint, as the AWS CLI and SDKs read it. */
  endpointEnv: string;
  operations: Record<string, OperationSpec>;
}

const clientOptions = (c: ClientConfig) => ({ ...c, maxAttempts: 1 });

const dynamodb = (config: ClientConfig) => new DynamoDBClient(clientOptions(config));

export const SERVICES: Record<string, ServiceSpec> = {
  dynamodb: {
    endpointEnv: 'AWS_ENDPOINT_URL_DYNAMODB',
    operations: {
      'get-item': {
        options: {
          'table-name': 'string',
          key: 'json',
          'projection-expression': 'string',
          'expression-attribute-names': 'json',
        },
        required: ['table-name', 'key'],
        send: (c, input) => dynamodb(c).send(new GetItemCommand(input as unknown as GetItemInput)),
      },
      query: {
        options: {
          'table-name': 'string',
          'index-name': 'string',
          'key-condition-expression': 'string',
          'filter-expression': 'string',
          'projection-expression': 'string',
          'expression-attribute-names': 'json',
          'expression-attribute-values': 'json',
          'scan-index-forward': 'boolean',
        },
        required: ['table-name'],
        paginator: {
          inputToken: 'ExclusiveStartKey',
          outputToken: 'LastEvaluatedKey',
          resultKeys: ['Items', 'Count', 'ScannedCount'],
          nonAggregateKeys: ['ConsumedCapacity'],
        },
        send: (c, input) => dynamodb(c).send(new QueryCommand(input as unknown as QueryInput)),
      },
      'batch-get-item': {
        options: { 'request-items': 'json' },
        required: ['request-items'],
        send: (c, input) => dynamodb(c).send(new BatchGetItemCommand(input as unknown as BatchGetItemInput)),
      },
    },
  },
  cloudformation: {
    endpointEnv: 'AWS_ENDPOINT_URL_CLOUDFORMATION',
    operations: {
      'describe-stacks': {
        options: { 'stack-name': 'string' },
        required: [],
        paginator: { inputToken: 'NextToken', outputToken: 'NextToken', resultKeys: ['Stacks'], nonAggregateKeys: [] },
        send: (c, input) =>
          new CloudFormationClient(clientOptions(c)).send(
            new DescribeStacksCommand(input as unknown as DescribeStacksInput),
          ),
      },
    },
  },
};

const GLOBAL_OPTIONS = ['endpoint-url', 'region', 'query', 'output'] as const;
type GlobalOption = (typeof GLOBAL_OPTIONS)[number];

/** A command line the stand-in cannot run as the AWS CLI would: exit 2. */
export class UsageError extends Error {}

export interface ParsedCommand {
  service: string;
  operation: string;
  /** The operation's input, as the AWS CLI would send it. */
  input: JsonObject;
  globals: Partial<Record<GlobalOption, string>>;
}

/** `table-name` → `TableName`: how the AWS CLI names an option after its input member. */
export const memberName = (option: string): string =>
  option
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** Parses `aws <service> <operation> [options]` (global options may come anywhere). */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const globals: ParsedCommand['globals'] = {};
  const input: JsonObject = {};
  const positional: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  let spec: OperationSpec | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (positional.length < 2) positional.push(arg);
      else unknown.push(arg);
      if (positional.length === 2 && !spec) spec = operationSpec(positional[0]!, positional[1]!);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`argument --${name}: expected one argument`);
      i++;
      return next;
    };
    const once = (key: string) => {
      if (seen.has(key)) throw new UsageError(`argument --${name}: given more than once`);
      seen.add(key);
    };

    if ((GLOBAL_OPTIONS as readonly string[]).includes(name)) {
      once(name);
      globals[name as GlobalOption] = takeValue();
      continue;
    }
    const switchName = name.startsWith('no-') ? name.slice(3) : name;
    if (spec?.options[switchName] === 'boolean') {
      if (inline !== undefined) throw new UsageError(`argument --${name}: ignored explicit argument '${inline}'`);
      once(switchName);
      input[memberName(switchName)] = !name.startsWith('no-');
      continue;
    }
    const kind = spec?.options[name];
    if (kind === undefined || kind === 'boolean') {
      unknown.push(arg);
      continue;
    }
    once(name);
    const value = takeValue();
    input[memberName(name)] = kind === 'json' ? parseJsonValue(name, value) : value;
  }

  if (!spec) throw new UsageError('too few arguments: aws <service> <operation> [options]');
  if (unknown.length > 0) throw new UsageError(`Unknown options: ${unknown.join(', ')}`);
  const missing = spec.required.filter((o) => !seen.has(o));
  if (missing.length > 0) {
    throw new UsageError(`the following arguments are required: ${missing.map((o) => `--${o}`).join(', ')}`);
  }
  if (globals.output !== undefined && !['json', 'text'].includes(globals.output)) {
    throw new UsageError(`argument --output: the stand-in prints json or text, not '${globals.output}'`);
  }
  if (globals.query !== undefined) {
    try {
      compileJmesPath(globals.query);
    } catch (err) {
      throw new UsageError(`argument --query: ${(err as Error).message}`);
    }
  }
  return { service: positional[0]!, operation: positional[1]!, input, globals };
}

/** Parses a JMESPath expression without evaluating it (jmespath exports compile; its types omit it). */
const compileJmesPath = (expression: string): unknown =>
  (jmespath as unknown as { compile(e: string): unknown }).compile(expression);

function operationSpec(service: string, operation: string): OperationSpec {
  const s = SERVICES[service];
  if (!s)
    throw new UsageError(`argument command: Invalid choice '${service}', valid choices are: ${choices(SERVICES)}`);
  const op = s.operations[operation];
  if (!op) {
    throw new UsageError(
      `argument operation: Invalid choice '${operation}', valid choices are: ${choices(s.operations)}`,
    );
  }
  return op;
}

const choices = (o: object) => Object.keys(o).join(', ');

function parseJsonValue(option: string, value: string): Json {
  try {
    return JSON.parse(value) as Json;
  } catch {
    throw new UsageError(`argument --${option}: not JSON (the stand-in takes JSON only, no shorthand or file://)`);
  }
}

/** An SDK output as the CLI shows it: plain JSON, without $metadata, bytes as base64, times ISO 8601. */
export function toCliData(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map(toCliData);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = toCliData(v);
    return out;
  }
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(`unexpected ${typeof value} in an SDK output`);
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Python's str() of a scalar, as the CLI's text output writes it. */
const pyStr = (v: Json | undefined): string =>
  v === null || v === undefined ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);

/** The AWS CLI's `--output text` (a port of awscli/text.py). */
export function formatText(data: Json): string {
  const out: string[] = [];
  formatItem(data, out);
  return out.join('');
}

function formatItem(item: Json, out: string[], identifier?: string, scalarKeys?: string[]): void {
  if (isObject(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(`${pyStr(item)}\n`);
}

function formatList(items: Json[], out: string[], identifier?: string): void {
  if (items.length === 0) return;
  if (items.some(isObject)) {
    const keys = allScalarKeys(items);
    for (const el of items) formatItem(el, out, identifier, keys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter((el) => !Array.isArray(el) && !isObject(el));
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const el of items) if (Array.isArray(el) || isObject(el)) formatItem(el, out, identifier);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(items: Json[], out: string[], identifier?: string): void {
  if (identifier !== undefined) for (const el of items) out.push(`${identifier.toUpperCase()}\t${pyStr(el)}\n`);
  else out.push(`${items.map(pyStr).join('\t')}\n`);
}

function formatDict(item: JsonObject, out: string[], identifier?: string, scalarKeys?: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, Json][] = [];
  const isScalar = (v: Json) => !Array.isArray(v) && !isObject(v);
  if (scalarKeys === undefined) {
    for (const key of Object.keys(item).sort()) {
      const v = item[key]!;
      if (isScalar(v)) scalars.push(pyStr(v));
      else nonScalars.push([key, v]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyStr(item[key]) : '');
    for (const key of Object.keys(item).sort()) if (!scalarKeys.includes(key)) nonScalars.push([key, item[key]!]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, v] of nonScalars) formatItem(v, out, key);
}

function allScalarKeys(items: Json[]): string[] {
  const keys = new Set<string>();
  for (const el of items) {
    if (!isObject(el)) continue;
    for (const [k, v] of Object.entries(el)) if (!Array.isArray(v) && !isObject(v)) keys.add(k);
  }
  return [...keys].sort();
}

/** The pages merged as the CLI's json output merges them: lists concatenated, counts summed. */
export function mergePages(pages: JsonObject[], paginator: Paginator): JsonObject {
  const merged: JsonObject = {};
  for (const page of pages) {
    for (const key of paginator.resultKeys) {
      const v = page[key];
      if (v === undefined || v === null) continue;
      const prev = merged[key];
      if (prev === undefined) merged[key] = Array.isArray(v) ? [...v] : v;
      else if (Array.isArray(prev) && Array.isArray(v)) prev.push(...v);
      else if (typeof prev === 'number' && typeof v === 'number') merged[key] = prev + v;
      else if (typeof prev === 'string' && typeof v === 'string') merged[key] = prev + v;
    }
  }
  Object.assign(merged, firstPageRest(pages, paginator));
  return merged;
}

/** What the CLI keeps of the first page besides the result keys: its non-aggregate keys, null when absent. */
function firstPageRest(pages: JsonObject[], paginator: Paginator): JsonObject {
  const rest: JsonObject = {};
  for (const key of paginator.nonAggregateKeys) rest[key] = pages[0]?.[key] ?? null;
  return rest;
}

/** What the CLI prints for an operation's responses (one, or every page of a paginated one). */
export function renderOutput(
  pages: JsonObject[],
  paginator: Paginator | undefined,
  output: 'json' | 'text',
  query: string | undefined,
): string {
  const select = (data: Json): Json => (query === undefined ? data : (jmespath.search(data, query) as Json));
  if (output === 'text') {
    const views = paginator
      ? pages.map((page, i) => {
          const view: JsonObject = i === 0 ? firstPageRest(pages, paginator) : {};
          for (const key of paginator.resultKeys) if (page[key] !== undefined) view[key] = page[key]!;
          return view;
        })
      : pages;
    return views.map((v) => formatText(select(v))).join('');
  }
  const data = select(paginator ? mergePages(pages, paginator) : (pages[0] ?? {}));
  return isObject(data) && Object.keys(data).length === 0 ? '' : `${JSON.stringify(data, null, 4)}\n`;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function clientConfig(service: string, globals: ParsedCommand['globals'], env: NodeJS.ProcessEnv): ClientConfig {
  const endpointEnv = SERVICES[service]!.endpointEnv;
  const endpoint = globals['endpoint-url'] ?? env[endpointEnv] ?? env.AWS_ENDPOINT_URL;
  if (!endpoint) {
    throw new UsageError(
      `no endpoint: the stand-in only talks to local services; pass --endpoint-url or set ${endpointEnv}`,
    );
  }
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    throw new UsageError(`argument --endpoint-url: invalid URL '${endpoint}'`);
  }
  if (!LOCAL_HOSTS.has(host)) throw new UsageError(`endpoint ${endpoint}: the stand-in only talks to 127.0.0.1`);
  const region = globals.region ?? env.AWS_DEFAULT_REGION ?? env.AWS_REGION;
  if (!region)
    throw new CliError('You must specify a region. You can also configure your region by running "aws configure".');
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new CliError('Unable to locate credentials. You can configure credentials by running "aws configure".');
  }
  const sessionToken = env.AWS_SESSION_TOKEN;
  return { endpoint, region, credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } };
}

/** A failure the AWS CLI reports with exit status 255 (v1). */
class CliError extends Error {}

/** Every response of the operation: one, or each page while the paginator's token says there is more. */
async function fetchPages(spec: OperationSpec, config: ClientConfig, input: JsonObject): Promise<JsonObject[]> {
  const pages: JsonObject[] = [];
  let request: Record<string, unknown> = input;
  for (;;) {
    const raw = (await spec.send(config, request)) as Record<string, unknown>;
    const page = toCliData(raw) as JsonObject;
    pages.push(page);
    const token = spec.paginator ? raw[spec.paginator.outputToken] : undefined;
    if (token === undefined || token === null) return pages;
    request = { ...input, [spec.paginator!.inputToken]: token };
  }
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs one command line; resolves with the exit status the AWS CLI would give. */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    const spec = SERVICES[cmd.service]!.operations[cmd.operation]!;
    const config = clientConfig(cmd.service, cmd.globals, env);
    const output = (cmd.globals.output ?? env.AWS_DEFAULT_OUTPUT ?? 'json') as 'json' | 'text';
    if (output !== 'json' && output !== 'text') throw new UsageError(`output format '${output}' is not supported`);
    let pages: JsonObject[];
    try {
      pages = await fetchPages(spec, config, cmd.input);
    } catch (err) {
      const e = err as { name?: string; message?: string; $fault?: unknown };
      if (e.$fault === undefined) {
        throw new CliError(
          `Could not connect to the endpoint URL: "${config.endpoint}/" (${e.message ?? String(err)})`,
        );
      }
      throw new CliError(
        `An error occurred (${e.name ?? 'Unknown'}) when calling the ${memberName(cmd.operation)} operation: ${e.message ?? ''}`,
      );
    }
    io.stdout(renderOutput(pages, spec.paginator, output, cmd.globals.query));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(
        `usage: aws [options] <command> <subcommand> [parameters]  (stand-in: tests/helpers/awsCliStandIn.ts)\n`,
      );
      io.stderr(`aws: error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CliError) {
      io.stderr(`\n${err.message}\n`);
      return 255;
    }
    throw err;
  }
}

/**
 * Writes an executable `aws` into `dir` that runs this stand-in (through tsx, with this node);
 * returns `dir`, to put first on PATH.
 */
export function writeAwsCliStandIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'aws');
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  writeFileSync(
    file,
    `#!/bin/sh\n# AWS CLI stand-in for the query cookbook, docs/cookbook.md (see ${__filename})\n` +
      `exec ${quote(process.execPath)} --require ${quote(require.resolve('tsx/cjs'))} ${quote(__filename)} "$@"\n`,
  );
  chmodSync(file, 0o755);
  return dir;
}

if (require.main === module) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  run(process.argv.slice(2), process.env, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`aws (stand-in): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 255;
    },
  );
}
