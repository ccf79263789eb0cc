import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { TRACING_DEFINE } from '../../lambdas/handlers/tracing';
import { nagRef } from './nagRef';
import { PROJECT_ROOT } from './projectRoot';

/** One of the environment variable names the Lambdas read (tableDesign's ENV): no re-typed names. */
export type EnvName = (typeof ENV)[keyof typeof ENV];

/**
 * The newest Node.js runtime this aws-cdk-lib knows (cdk-nag AwsSolutions-L1 compares against the
 * same list). Pinned instead of NODEJS_LATEST so a CDK upgrade never changes the runtime silently.
 */
export const NEWSWIRE_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** esbuild target matching NEWSWIRE_RUNTIME. */
export const NEWSWIRE_ESBUILD_TARGET = 'node24';
/**
 * How every function is bundled (esbuild, locally). `npm run bench:bundle` builds each function with
 * these very options to measure its size and cold init, so a change here is measured there.
 */
export const NEWSWIRE_BUNDLING = {
  minify: true,
  sourceMap: true,
  // Stack traces map to file:line:column through the mappings alone (--enable-source-maps); the
  // sources embedded beside them tripled the .map (process-article 3.2 -> 0.95 MB), which Node reads
  // and parses at every cold start and which ships in the function's zip.
  sourcesContent: false,
  // Error classes are matched by name; keep them readable after minification.
  keepNames: true,
  target: NEWSWIRE_ESBUILD_TARGET,
  format: OutputFormat.CJS,
  externalModules: ['@aws-sdk/*'],
  logLevel: LogLevel.WARNING,
} as const satisfies BundlingOptions;

/**
 * Where a function's AWS SDK clients come from.
 * - `bundled`: bundled into the function, ES module builds first (`mainFields: module,main`) so esbuild
 *   keeps only the commands, protocol and middleware the function's clients use, and the credential
 *   chain reduced to the environment (lambdas/handlers/lambdaCredentials.ts). A cold start then parses
 *   the few hundred kB the function needs instead of loading each client package whole from the
 *   runtime's copy (dispatch 229 -> 138 ms of CPU over an empty bundle, measured interleaved).
 * - `runtime`: left external (`@aws-sdk/*`), loaded from the Lambda runtime's copy: for a function
 *   whose own code is too large to carry the SDK too within the 1 MB bundle budget.
 */
export type AwsSdkSource = 'bundled' | 'runtime';
/** The module every bundled SDK client takes its default credential provider from (see lambdaCredentials.ts). */
export const LAMBDA_CREDENTIALS_MODULE = './lambdas/handlers/lambdaCredentials.ts';

/**
 * esbuild rewrites every regular expression literal with a Unicode property escape (`/\p{Lu}/u`) as
 * `new RegExp("\\p{Lu}", "u")` for any Node target, evaluated at every call: a compilation-cache
 * lookup and a new object each time in the parser's rules, which process-article runs on every
 * release. NEWSWIRE_RUNTIME reads them natively, so they stay literals (scripts/build-cli.cjs does
 * the same for the CLI). CDK passes it as `--supported:regexp-unicode-property-escapes=true`.
 */
export const NATIVE_UNICODE_REGEXPS = { '--supported:regexp-unicode-property-escapes': 'true' } as const;

/**
 * entities ships an ES module build and a CommonJS build of the same code: htmlparser2, dom-serializer
 * and the parser import the first, rss-parser requires the second, so poll-feed and process-article
 * carried both (45 kB, and two copies of its decoding tables built at every cold start). These
 * esbuild aliases (`--alias:FROM=TO`, TO resolved from the project root) send every import of it,
 * `require` included, to the ES module build; tests/infra/handlerBundles.test.ts checks one build.
 */
export const ENTITIES_ONE_BUILD = [
  'entities=./node_modules/entities/dist/esm/index.js',
  'entities/decode=./node_modules/entities/dist/esm/decode.js',
  'entities/escape=./node_modules/entities/dist/esm/escape.js',
] as const;

/**
 * One function's esbuild options: the house ones, where its AWS SDK comes from, and whether it
 * traces as a bundle-time constant (lambdas/handlers/tracing.ts), so a function that does not trace
 * has no X-Ray SDK in its bundle.
 */
export function newswireBundling(tracing: boolean, awsSdk: AwsSdkSource = 'bundled'): BundlingOptions {
  const define = { [TRACING_DEFINE]: JSON.stringify(String(tracing)) };
  if (awsSdk === 'runtime') {
    return {
      ...NEWSWIRE_BUNDLING,
      externalModules: [...NEWSWIRE_BUNDLING.externalModules],
      esbuildArgs: { ...NATIVE_UNICODE_REGEXPS, '--alias': [...ENTITIES_ONE_BUILD] },
      define,
    };
  }
  return {
    ...NEWSWIRE_BUNDLING,
    externalModules: [],
    mainFields: ['module', 'main'],
    esbuildArgs: {
      ...NATIVE_UNICODE_REGEXPS,
      // esbuild's --alias:FROM=TO; TO is resolved from the project root, where CDK (and the bench) run esbuild.
      '--alias': [`@aws-sdk/credential-provider-node=${LAMBDA_CREDENTIALS_MODULE}`, ...ENTITIES_ONE_BUILD],
    },
    define,
  };
}
/** NODE_OPTIONS of every function (the bundle benchmark starts its processes with it too). */
export const NEWSWIRE_NODE_OPTIONS = '--enable-source-maps';
/** Powertools metrics namespace of every function (the dashboard reads it). */
export const METRICS_NAMESPACE = 'Newswire';

export interface NewswireFunctionProps {
  /** Handler file, relative to the project root (e.g. `lambdas/handlers/dispatch.ts`); it exports `handler`. */
  readonly entry: string;
  /** Powertools service name (logs, metrics dimension, traces). */
  readonly serviceName: string;
  /** Short description shown in the Lambda console. @default - none */
  readonly description?: string;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** Extra environment variables (merged over the house defaults). @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Reserved concurrency. Left unset by default: reserving capacity fails deploys in accounts with
   * the default low concurrency quota; consumers throttle with SQS `maxConcurrency` instead.
   * @default - unreserved
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * X-Ray: true = active (every invocation traced, the X-Ray write permission granted); false = no
   * tracing, and the Powertools tracer is switched off (POWERTOOLS_TRACE_ENABLED=false). The stack
   * passes the `newswire:tracing` config. @default false
   */
  readonly tracing?: boolean;
  /** Where its AWS SDK clients come from (see AwsSdkSource). @default 'bundled' */
  readonly awsSdk?: AwsSdkSource;
}

/** DynamoDB item actions a function may be granted on a table (no table management, no streams). */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:Scan'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:BatchWriteItem';

/** S3 object actions a function may be granted under a key prefix. */
export type ObjectAction = 's3:GetObject' | 's3:PutObject' | 's3:DeleteObjectVersion';

/** What a function may do to the objects under one key prefix of a bucket. */
export interface PrefixAccess {
  /** A key prefix ending in `/` (e.g. `feeds/`); the grant covers `<prefix>*`. */
  readonly prefix: string;
  readonly actions: readonly ObjectAction[];
}

/**
 * The house Lambda: Node.js (latest runtime), ARM64, X-Ray when asked (`tracing`), bundled locally by esbuild
 * (minified, source maps, the AWS SDK v3 clients it uses bundled unless `awsSdk: 'runtime'`), its own log group with
 * retention, and a role that can write only to that log group. `bindTable`/`bindBucket`/
 * `bindQueueSend` set the environment variable and the grant in one call, so the two never drift.
 *
 * Grants are explicit policy statements naming each action the function's code calls, never the
 * `grantRead*` helpers (which add scans, stream reads, `s3:List*`, `s3:GetBucket*`, object
 * retention and legal hold): a table by ARN, objects by key prefix.
 */
export class NewswireFunction extends Construct {
  public readonly fn: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  public readonly timeout: Duration;
  /** Powertools service name: the `service` dimension of the custom metrics the function emits. */
  public readonly serviceName: string;
  /** Handler file, relative to the project root (as given in the props). */
  public readonly entry: string;
  /** The esbuild options it is bundled with (`npm run bench:bundle` builds it with these). */
  public readonly bundling: BundlingOptions;

  constructor(scope: Construct, id: string, props: NewswireFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout ?? Duration.seconds(30);
    this.serviceName = props.serviceName;
    this.entry = props.entry;
    this.bundling = newswireBundling(props.tracing ?? false, props.awsSdk ?? 'bundled');

    // Log retention is explicit and deletion goes with the (stateless) function.
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Own role instead of AWSLambdaBasicExecutionRole (managed, logs:* on every log group).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      runtime: NEWSWIRE_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      tracing: props.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      timeout: this.timeout,
      memorySize: props.memorySize ?? 512,
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      bundling: this.bundling,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: NEWSWIRE_NODE_OPTIONS,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...(props.tracing ? {} : { POWERTOOLS_TRACE_ENABLED: 'false' }),
        ...props.environment,
      },
    });
    if (props.tracing) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Active tracing: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions (tests pin "*" to X-Ray actions only).',
      });
    }
  }

  /** Sets `envName` to the table's name and allows exactly these item actions on the table (not its indexes). */
  public bindTable(table: ITable, envName: EnvName, actions: readonly TableAction[]): this {
    this.fn.addEnvironment(envName, table.tableName);
    this.allow(actions, [table.tableArn]);
    return this;
  }

  /**
   * Sets `envName` to the bucket's name and allows, per key prefix, exactly these object actions.
   * A listing is not an object action: see `allowListVersions`.
   */
  public bindBucket(bucket: IBucket, envName: EnvName, access: readonly PrefixAccess[]): this {
    this.fn.addEnvironment(envName, bucket.bucketName);
    for (const { prefix, actions } of access) {
      if (!/^[a-z0-9-]+\/$/.test(prefix)) {
        throw new Error(`bindBucket: prefix must be one path segment ending in "/" (got ${JSON.stringify(prefix)})`);
      }
      this.allow(actions, [bucket.arnForObjects(`${prefix}*`)]);
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagRef(this, bucket, bucket.bucketArn)}/${prefix}*]`,
        reason: `Archive keys are made at run time under ${prefix} (content-addressed, see lambdas/core/archiveKeys.ts and overflow.ts): ${actions.join(', ')} on objects of ${bucket.node.id} under ${prefix} only.`,
      });
    }
    return this;
  }

  /** Allows listing the object versions of the bucket under one key prefix only (s3:prefix condition). */
  public allowListVersions(bucket: IBucket, prefix: string): this {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucketVersions'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
      }),
    );
    return this;
  }

  /** Sets `envName` to the queue's URL and allows sqs:SendMessage (SendMessageBatch included) on it only. */
  public bindQueueSend(queue: IQueue, envName: EnvName): this {
    this.fn.addEnvironment(envName, queue.queueUrl);
    this.allow(['sqs:SendMessage'], [queue.queueArn]);
    return this;
  }

  private allow(actions: readonly string[], resources: string[]): void {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...actions], resources }));
  }

  /** A custom metric this function emits through Powertools (namespace Newswire, dimension service). */
  public customMetric(metricName: string, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return new cloudwatch.Metric({
      ...props,
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: this.serviceName },
    });
  }

  /** Sets a plain configuration variable. */
  public setEnv(envName: EnvName, value: string): this {
    this.fn.addEnvironment(envName, value);
    return this;
  }
}
