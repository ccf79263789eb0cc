import { App, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig, type NewswireConfig } from './config';
import { NewswireDataStack } from './stacks/dataStack';
import { NewswireIngestStack } from './stacks/ingestStack';

/**
 * Feature flags this app is written against. Set in code (lowest precedence: cdk.json / -c still win)
 * so `buildApp()` in tests synthesizes exactly what `cdk synth` does.
 */
export const FEATURE_FLAGS: Readonly<Record<string, unknown>> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:target-partitions': ['aws'],
  // Strong (Fn::ImportValue) references: CloudFormation refuses to drop an export the Ingest stack
  // still uses, so the data stack cannot be changed out from under it.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export interface NewswireApp {
  readonly app: App;
  readonly config: NewswireConfig;
  readonly data: NewswireDataStack;
  readonly ingest: NewswireIngestStack;
}

/** Stack names of a stage: `Newswire-<stage>-Data` and `Newswire-<stage>-Ingest`. */
export function stackNames(stage: string): { data: string; ingest: string } {
  return { data: `Newswire-${stage}-Data`, ingest: `Newswire-${stage}-Ingest` };
}

/**
 * Builds the whole CDK app: config from context, the two stacks, and cdk-nag AwsSolutions checks
 * (any unacknowledged finding makes `app.synth()` throw).
 * @param context extra context (tests); cdk.json and `-c` values take precedence over it.
 */
export function buildNewswireApp(context: Record<string, unknown> = {}): NewswireApp {
  const app = new App({ context: { ...FEATURE_FLAGS, ...context } });
  const config = loadConfig(app.node);
  const names = stackNames(config.stage);
  const removalPolicy = config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

  const data = new NewswireDataStack(app, names.data, {
    description: `newswire-ingest (${config.stage}): tables and raw archive (stateful)`,
    rawRetentionDays: config.rawRetentionDays,
    removalPolicy,
  });
  const ingest = new NewswireIngestStack(app, names.ingest, {
    description: `newswire-ingest (${config.stage}): schedule, queues, functions, alarms (stateless)`,
    articlesTable: data.articlesTable,
    feedsTable: data.feedsTable,
    rawBucket: data.rawBucket,
    scheduleMinutes: config.scheduleMinutes,
    feeds: config.feeds,
    logRetention:
      config.logRetentionDays === 0 ? logs.RetentionDays.INFINITE : (config.logRetentionDays as logs.RetentionDays),
    alarmEmail: config.alarmEmail,
    fetch: {
      userAgent: config.userAgent,
      totalTimeoutMs: config.fetchTimeoutMs,
      maxBytes: config.fetchMaxBytes,
      connectTimeoutMs: config.fetchConnectTimeoutMs,
      headersTimeoutMs: config.fetchFirstByteTimeoutMs,
      perHostConcurrency: config.fetchPerHostConcurrency,
    },
    maxItemsPerPoll: config.maxItemsPerPoll,
    maxRequestsPerHost: config.maxRequestsPerHost,
    maxQueueMessageAge: Duration.minutes(config.queueAgeAlarmMinutes),
    overflowSweepGrace: Duration.days(config.overflowSweepGraceDays),
    queueRemovalPolicy: removalPolicy,
    stalledIntervals: config.stalledIntervals,
    haywireFactor: config.haywireFactor,
    silentFeedHours: config.silentFeedHours,
    tracing: config.tracing === 'active',
    alarms: config.alarms,
    dashboard: config.dashboard,
    kmsKey: config.kmsKey,
  });
  ingest.addStackDependency(data);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, data, ingest };
}

/** The App alone (what bin/app.ts synthesizes). */
export function buildApp(context?: Record<string, unknown>): App {
  return buildNewswireApp(context).app;
}
