import { Match, Template } from 'aws-cdk-lib/assertions';
import { ARTICLES_TABLE, FEEDS_TABLE } from '../../lambdas/adapters/dynamodb/tableDesign';
import { buildNewswireApp, type NewswireApp } from '../../lib/app';
import { CONTEXT_KEYS } from '../../lib/config';
import { getAtt, logicalId, TEST_CONTEXT } from './helpers';

// GIVEN the app built once from the test context (bundling is the slow part)
let built: NewswireApp;
let template: Template;
beforeAll(() => {
  built = buildNewswireApp(TEST_CONTEXT);
  template = Template.fromStack(built.data);
});

describe('NewswireData stack', () => {
  test('is named after the stage', () => {
    expect(built.data.stackName).toBe('Newswire-test-Data');
    expect(built.ingest.stackName).toBe('Newswire-test-Ingest');
  });

  test('Articles has exactly the GSIs of tableDesign, with their lean projections', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: ARTICLES_TABLE.partitionKey, KeyType: 'HASH' }],
      GlobalSecondaryIndexes: ARTICLES_TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection:
          index.projection === 'INCLUDE'
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...(index.include ?? [])] }
            : { ProjectionType: 'KEYS_ONLY' },
      })),
    });
    expect(ARTICLES_TABLE.indexes.map((i) => [i.name, i.projection])).toEqual([
      ['bySource', 'KEYS_ONLY'],
      ['byDay', 'KEYS_ONLY'],
      ['byFeed', 'KEYS_ONLY'],
      ['byTicker', 'KEYS_ONLY'],
      ['byCountry', 'KEYS_ONLY'],
      ['byCity', 'INCLUDE'],
    ]);
    // Only the country code is copied into byCity: every other index copies keys only.
    expect(ARTICLES_TABLE.indexes.find((i) => i.name === 'byCity')?.include).toEqual(['countryKey']);
  });

  test('Feeds is keyed by id and has no GSI', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: FEEDS_TABLE.partitionKey, KeyType: 'HASH' }],
      GlobalSecondaryIndexes: Match.absent(),
    });
  });

  test.each([
    ['Articles', () => built.data.articlesTable],
    ['Feeds', () => built.data.feedsTable],
  ])('%s: on-demand, PITR, deletion protection, encrypted, retained', (_name, table) => {
    const tables = template.findResources('AWS::DynamoDB::Table');
    const resource = tables[logicalId(table())];
    expect(resource).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      },
    });
    // no physical name: CloudFormation generates it
    expect(resource?.Properties.TableName).toBeUndefined();
  });

  test('raw archive: versioned, all public access blocked, S3-managed encryption, access logs to the log bucket', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(built.data.accessLogsBucket) } },
        BucketName: Match.absent(),
      },
    });
  });

  test('raw archive lifecycle: aborts multipart uploads, expires noncurrent versions, applies the configured retention', () => {
    const rawId = logicalId(built.data.rawBucket);
    const rules = template.findResources('AWS::S3::Bucket')[rawId]?.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          Status: 'Enabled',
        }),
        expect.objectContaining({
          ExpirationInDays: TEST_CONTEXT[CONTEXT_KEYS.rawRetentionDays],
          Prefix: 'feeds/',
          Status: 'Enabled',
        }),
        expect.objectContaining({
          ExpirationInDays: TEST_CONTEXT[CONTEXT_KEYS.rawRetentionDays],
          Prefix: 'articles/',
          Status: 'Enabled',
        }),
      ]),
    );
    // Overflowed record bodies (overflow/…) live as long as their records: no rule expires them.
    const expiring = (rules as { ExpirationInDays?: number; Prefix?: string }[]).filter((r) => r.ExpirationInDays);
    expect(expiring.map((r) => r.Prefix)).toEqual(['feeds/', 'articles/']);
  });

  test.each([
    ['raw archive', () => built.data.rawBucket],
    ['access log', () => built.data.accessLogsBucket],
  ])('%s bucket policy denies every request without TLS', (_name, bucket) => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(bucket()) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: [getAtt(bucket(), 'Arn'), { 'Fn::Join': ['', [getAtt(bucket(), 'Arn'), '/*']] }],
          }),
        ]),
      },
    });
  });

  test('access log bucket: blocked, encrypted, expiring, and the logging service may write only the raw archive prefix', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 365 })] },
      LoggingConfiguration: Match.absent(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(built.data.accessLogsBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': getAtt(built.data.rawBucket, 'Arn') } }),
          }),
        ]),
      },
    });
  });

  test('outputs the table and bucket names under the keys the CLI reads', () => {
    template.hasOutput('ArticlesTableName', { Value: { Ref: logicalId(built.data.articlesTable) } });
    template.hasOutput('FeedsTableName', { Value: { Ref: logicalId(built.data.feedsTable) } });
    template.hasOutput('RawBucketName', { Value: { Ref: logicalId(built.data.rawBucket) } });
  });
});

describe('NewswireData stack with removalPolicy "destroy"', () => {
  test('drops deletion protection and deletes data with the stack (throwaway stages)', () => {
    // GIVEN a throwaway stage WHEN built THEN tables are deletable
    const app = buildNewswireApp({ [CONTEXT_KEYS.stage]: 'scratch', [CONTEXT_KEYS.removalPolicy]: 'destroy' });
    const t = Template.fromStack(app.data);
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    t.resourcePropertiesCountIs('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true }, 0);
    // and a retention of 0 keeps raw objects forever (no expiration rule)
    const raw = t.findResources('AWS::S3::Bucket')[logicalId(app.data.rawBucket)];
    expect(JSON.stringify(raw?.Properties.LifecycleConfiguration)).not.toContain('ExpirationInDays');
  });
});
