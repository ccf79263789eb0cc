import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { OVERFLOW_PREFIX } from '../../lambdas/adapters/dynamodb/overflow';
import { ARTICLES_TABLE, FEEDS_TABLE, type TableDesign } from '../../lambdas/adapters/dynamodb/tableDesign';

export interface NewswireDataStackProps extends StackProps {
  /** Days the raw archive keeps current object versions; 0 = forever. @default 0 */
  readonly rawRetentionDays?: number;
  /** What happens to tables and buckets when the stack is deleted. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** Noncurrent versions (overwritten or deleted raw objects) are kept this long for recovery. */
export const NONCURRENT_VERSION_EXPIRATION = Duration.days(30);
/**
 * The key prefixes of the raw archive (lambdas/core/archiveKeys.ts and adapters/dynamodb/overflow.ts
 * make the keys; tests check they agree). IAM grants are scoped to these.
 */
export const ARCHIVE_PREFIX = { feeds: 'feeds/', articles: 'articles/', overflow: OVERFLOW_PREFIX } as const;
/** Archive prefixes of fetched bytes, which `rawRetentionDays` expires (never `overflow/`: record bodies). */
export const RAW_PREFIXES = [ARCHIVE_PREFIX.feeds, ARCHIVE_PREFIX.articles] as const;
/** S3 server access logs are kept this long. */
export const ACCESS_LOG_EXPIRATION = Duration.days(365);

/**
 * The stateful half: the Articles and Feeds tables and the raw archive bucket. Nothing here is
 * replaced by an ordinary deploy of the pipeline code (that lives in NewswireIngestStack).
 *
 * Tables are `dynamodb.Table` (AWS::DynamoDB::Table), not TableV2: one region needs no global table,
 * and cdk-nag's AwsSolutions-DDB3 (PITR) only inspects AWS::DynamoDB::Table.
 */
export class NewswireDataStack extends Stack {
  public readonly articlesTable: dynamodb.Table;
  public readonly feedsTable: dynamodb.Table;
  public readonly rawBucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: NewswireDataStackProps = {}) {
    super(scope, id, props);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const rawRetentionDays = props.rawRetentionDays ?? 0;

    this.articlesTable = this.table('Articles', ARTICLES_TABLE, removalPolicy);
    this.feedsTable = this.table('Feeds', FEEDS_TABLE, removalPolicy);

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: ACCESS_LOG_EXPIRATION }],
    });
    // No S1 acknowledgement needed: cdk-nag accepts a bucket that is itself an access-log destination.

    this.rawBucket = new s3.Bucket(this, 'RawArchive', {
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'raw-archive/',
      lifecycleRules: [
        {
          id: 'housekeeping',
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          noncurrentVersionExpiration: NONCURRENT_VERSION_EXPIRATION,
          expiredObjectDeleteMarker: true,
        },
        // Retention applies to the fetched bytes only: `overflow/` holds the bodies of records too large
        // for a DynamoDB item, which must live as long as their records.
        ...(rawRetentionDays > 0
          ? RAW_PREFIXES.map((prefix) => ({
              id: `raw-retention-${prefix.replace(/\/$/, '')}`,
              prefix,
              expiration: Duration.days(rawRetentionDays),
            }))
          : []),
      ],
    });

    new CfnOutput(this, 'ArticlesTableName', {
      value: this.articlesTable.tableName,
      description: 'Articles table (one item per press release)',
    });
    new CfnOutput(this, 'FeedsTableName', {
      value: this.feedsTable.tableName,
      description: 'Feeds table (registry + fetch state)',
    });
    new CfnOutput(this, 'RawBucketName', {
      value: this.rawBucket.bucketName,
      description: 'Raw archive of fetched feeds and pages',
    });
  }

  /** A table exactly as tableDesign describes it: on-demand, PITR, deletion protection, encrypted. */
  private table(id: string, design: TableDesign, removalPolicy: RemovalPolicy): dynamodb.Table {
    const table = new dynamodb.Table(this, id, {
      partitionKey: { name: design.partitionKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Deletion protection guards the data even against a stack deletion; a throwaway stage that
      // asks for 'destroy' must be deletable, so the two go together.
      deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy,
    });
    for (const index of design.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        ...(index.projection === 'INCLUDE'
          ? { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...(index.include ?? [])] }
          : { projectionType: dynamodb.ProjectionType.KEYS_ONLY }),
      });
    }
    return table;
  }
}
