import { RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { marshall } from '@aws-sdk/util-dynamodb';
import { newFeedState } from '../../lambdas/pipeline/registerFeeds';
import type { FeedConfig } from '../config';

export interface FeedSeederProps {
  /** The Feeds table. */
  readonly table: ITable;
  /** Feeds to register. An empty list creates nothing. */
  readonly feeds: readonly FeedConfig[];
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

/** Epoch: a seeded feed is due at once, and its createdAt does not change between synths. */
export const SEED_EPOCH = '1970-01-01T00:00:00.000Z';

/** DynamoDB item condition that makes seeding insert-only. */
export const SEED_CONDITION = 'attribute_not_exists(id)';

/**
 * The Feeds-table item of a configured feed, in DynamoDB JSON: the same new-feed state the CLI and
 * the local runtime register (pipeline/registerFeeds), created at the epoch so it is due at once and
 * the template does not change between synths.
 */
export function seedItem(feed: FeedConfig): Record<string, unknown> {
  const { url, name, wire, pollIntervalMinutes, enabled } = feed;
  return marshall(newFeedState({ url, name, wire, pollIntervalMinutes, enabled }, new Date(SEED_EPOCH)));
}

/**
 * Registers the configured feeds on deploy without ever overwriting state: one AwsCustomResource per
 * feed does a conditional PutItem on create only. An existing item (the feed was registered before,
 * or by the CLI) makes the put fail with ConditionalCheckFailedException, which is ignored.
 * Editing a feed in config does not rewrite it (operators own live state through the CLI), and
 * removing it from config does not delete it.
 */
export class FeedSeeder extends Construct {
  public readonly seeds: readonly AwsCustomResource[];

  constructor(scope: Construct, id: string, props: FeedSeederProps) {
    super(scope, id);
    if (props.feeds.length === 0) {
      this.seeds = [];
      return;
    }

    // One role and log group for the stack's singleton provider function, instead of the managed
    // AWSLambdaBasicExecutionRole: write its own logs, PutItem on this one table, nothing else.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Seeds configured feeds into the Feeds table (insert-only)',
    });
    logGroup.grantWrite(role);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [props.table.tableArn] }),
    );

    this.seeds = props.feeds.map((feed) => {
      const seed = new AwsCustomResource(this, `Seed-${feed.id}`, {
        resourceType: 'Custom::NewswireFeedSeed',
        role,
        logGroup,
        installLatestAwsSdk: false, // the runtime's SDK has PutItem; no npm install at deploy time
        onCreate: {
          service: 'DynamoDB',
          action: 'putItem',
          parameters: { TableName: props.table.tableName, Item: seedItem(feed), ConditionExpression: SEED_CONDITION },
          physicalResourceId: PhysicalResourceId.of(feed.id),
          ignoreErrorCodesMatching: 'ConditionalCheckFailedException',
        },
      });
      // The PutItem grant lives in the role's default policy: it must exist before the first call.
      seed.node.addDependency(role);
      return seed;
    });
  }
}
