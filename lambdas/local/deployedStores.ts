/**
 * The deployed tables and archive, found by stack name: DescribeStacks on the data stack gives the
 * physical names (CfnOutputs ArticlesTableName, FeedsTableName, RawBucketName). Used by the CLI's
 * `--stack` mode so operators query and manage what `cdk deploy` created without copying names.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { S3RawArchive } from '../adapters/archive/s3Archive';
import { DynamoArticleStore } from '../adapters/dynamodb/articleStore';
import { makeDocumentClient } from '../adapters/dynamodb/clients';
import { DynamoFeedStore } from '../adapters/dynamodb/feedStore';
import type { ArticleStore, FeedStore, RawArchive } from '../pipeline/ports';
import { clientConfig, findStackOutputs, type StackRef } from './stackOutputs';

/** The data stack (`Newswire-prod-Data`) or its prefix (`Newswire-prod`: `-Data` is appended). */
export type DeployedStackRef = StackRef;

export interface DeployedNames {
  readonly stackName: string;
  readonly articlesTable: string;
  readonly feedsTable: string;
  readonly rawBucket: string;
}

export interface StoreSet {
  readonly feeds: FeedStore;
  readonly articles: ArticleStore;
  readonly archive: RawArchive;
  /** Where these stores live, for messages (`local (.newswire)`, `stack Newswire-prod-Data (eu-west-1)`). */
  readonly where: string;
  close(): Promise<void>;
}

const OUTPUTS = {
  articlesTable: 'ArticlesTableName',
  feedsTable: 'FeedsTableName',
  rawBucket: 'RawBucketName',
} as const;

/** Resolves the physical table and bucket names from the data stack's outputs. */
export async function resolveDeployedNames(
  ref: DeployedStackRef,
  cfn: CloudFormationClient = new CloudFormationClient(clientConfig(ref)),
): Promise<DeployedNames> {
  const candidates = ref.stack.endsWith('-Data') ? [ref.stack] : [ref.stack, `${ref.stack}-Data`];
  const { stackName, outputs } = await findStackOutputs(cfn, candidates, OUTPUTS, {
    kind: 'data',
    example: 'Newswire-prod-Data',
  });
  return { stackName, ...outputs };
}

/** Opens the deployed stores (AWS credentials from the SDK's default chain or `profile`). */
export async function openDeployedStores(ref: DeployedStackRef): Promise<StoreSet> {
  const names = await resolveDeployedNames(ref);
  const client = makeDocumentClient(clientConfig(ref));
  const s3 = new S3Client(clientConfig(ref));
  const archive = new S3RawArchive({ client: s3, bucket: names.rawBucket });
  return {
    feeds: new DynamoFeedStore({ client, tableName: names.feedsTable }),
    articles: new DynamoArticleStore({ client, tableName: names.articlesTable, archive }),
    archive,
    where: `stack ${names.stackName}${ref.region ? ` (${ref.region})` : ''}`,
    close: () => {
      client.destroy();
      s3.destroy();
      return Promise.resolve();
    },
  };
}
