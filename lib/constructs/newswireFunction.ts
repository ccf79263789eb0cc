import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
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
}

export type TableAccess = 'read' | 'readWrite';
export type BucketAccess = 'read' | 'put' | 'readPut';

/**
 * The house Lambda: Node.js (latest runtime), ARM64, X-Ray active, bundled locally by esbuild
 * (minified, source maps, AWS SDK v3 external: the runtime provides it), its own log group with
 * retention, and a role that can write only to that log group. `bindTable`/`bindBucket`/
 * `bindQueueSend` set the environment variable and the grant in one call, so the two never drift.
 */
export class NewswireFunction extends Construct {
  public readonly fn: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  public readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: NewswireFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout ?? Duration.seconds(30);

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
      tracing: lambda.Tracing.ACTIVE,
      timeout: this.timeout,
      memorySize: props.memorySize ?? 512,
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      bundling: {
        minify: true,
        sourceMap: true,
        // Error classes are matched by name; keep them readable after minification.
        keepNames: true,
        target: NEWSWIRE_ESBUILD_TARGET,
        format: OutputFormat.CJS,
        externalModules: ['@aws-sdk/*'],
        logLevel: LogLevel.WARNING,
      },
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions (tests pin "*" to X-Ray actions only).',
    });
  }

  /** Sets `envName` to the table's name and grants read or read/write data access. */
  public bindTable(table: ITable, envName: EnvName, access: TableAccess): this {
    this.fn.addEnvironment(envName, table.tableName);
    if (access === 'read') table.grantReadData(this.fn);
    else table.grantReadWriteData(this.fn);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagRef(this, table, table.tableArn)}/index/*]`,
      reason: `DynamoDB grants name a table's GSIs as <table ARN>/index/* (only emitted when the table has GSIs): scoped to ${table.node.id}'s own indexes, no other table.`,
    });
    return this;
  }

  /** Sets `envName` to the bucket's name and grants object reads, puts, or both. */
  public bindBucket(bucket: IBucket, envName: EnvName, access: BucketAccess): this {
    this.fn.addEnvironment(envName, bucket.bucketName);
    const acks: { id: string; reason: string }[] = [
      {
        id: `AwsSolutions-IAM5[Resource::${nagRef(this, bucket, bucket.bucketArn)}/*]`,
        reason: `Object keys are content-addressed and made at run time (feeds/<feedId>/…, articles/<id>/…): the grant covers objects of ${bucket.node.id} only.`,
      },
    ];
    if (access === 'read' || access === 'readPut') {
      bucket.grantRead(this.fn);
      acks.push(
        {
          id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
          reason: 'grantRead: GetObject plus its version/ACL/tagging variants, on this bucket only.',
        },
        {
          id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]',
          reason: 'grantRead: bucket metadata reads (location, versioning) on this bucket only.',
        },
        {
          id: 'AwsSolutions-IAM5[Action::s3:List*]',
          reason: 'grantRead: listing this bucket (reprocess walks the archive) on this bucket only.',
        },
      );
    }
    if (access === 'put' || access === 'readPut') {
      bucket.grantPut(this.fn);
      acks.push({
        id: 'AwsSolutions-IAM5[Action::s3:Abort*]',
        reason: 'grantPut: aborting its own multipart uploads, on this bucket only.',
      });
    }
    Validations.of(this.role).acknowledge(...acks);
    return this;
  }

  /** Sets `envName` to the queue's URL and grants sending only. */
  public bindQueueSend(queue: IQueue, envName: EnvName): this {
    this.fn.addEnvironment(envName, queue.queueUrl);
    queue.grantSendMessages(this.fn);
    return this;
  }

  /** Sets a plain configuration variable. */
  public setEnv(envName: EnvName, value: string): this {
    this.fn.addEnvironment(envName, value);
    return this;
  }
}
