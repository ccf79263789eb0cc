import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { resolveDeployedNames } from '../../../lambdas/local/deployedStores';

const cfnMock = mockClient(CloudFormationClient);
afterEach(() => cfnMock.reset());

const outputs = [
  { OutputKey: 'ArticlesTableName', OutputValue: 'Newswire-prod-Data-Articles123' },
  { OutputKey: 'FeedsTableName', OutputValue: 'Newswire-prod-Data-Feeds456' },
  { OutputKey: 'RawBucketName', OutputValue: 'newswire-prod-raw-789' },
];

describe('resolveDeployedNames', () => {
  it('reads the physical names from the data stack outputs', async () => {
    cfnMock.on(DescribeStacksCommand, { StackName: 'Newswire-prod-Data' }).resolves({
      Stacks: [
        { StackName: 'Newswire-prod-Data', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: outputs },
      ],
    });
    await expect(
      resolveDeployedNames({ stack: 'Newswire-prod-Data' }, new CloudFormationClient({ region: 'eu-west-1' })),
    ).resolves.toEqual({
      stackName: 'Newswire-prod-Data',
      articlesTable: 'Newswire-prod-Data-Articles123',
      feedsTable: 'Newswire-prod-Data-Feeds456',
      rawBucket: 'newswire-prod-raw-789',
    });
  });

  it('accepts the stage prefix and tries the -Data stack after it', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: 'Newswire-prod' })
      .rejects(new Error('Stack with id Newswire-prod does not exist'))
      .on(DescribeStacksCommand, { StackName: 'Newswire-prod-Data' })
      .resolves({
        Stacks: [{ StackName: 'x', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: outputs }],
      });
    const names = await resolveDeployedNames(
      { stack: 'Newswire-prod' },
      new CloudFormationClient({ region: 'eu-west-1' }),
    );
    expect(names.stackName).toBe('Newswire-prod-Data');
  });

  it('says which stacks it tried when none has the outputs', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: 'Other' })
      .resolves({
        Stacks: [{ StackName: 'Other', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [] }],
      })
      .on(DescribeStacksCommand, { StackName: 'Other-Data' })
      .rejects(new Error('Stack with id Other-Data does not exist'));
    await expect(
      resolveDeployedNames({ stack: 'Other' }, new CloudFormationClient({ region: 'eu-west-1' })),
    ).rejects.toThrow(
      /tried Other \(no ArticlesTableName\/FeedsTableName\/RawBucketName outputs\), Other-Data \(no such stack\)/,
    );
  });

  it('passes other errors (credentials, access) through with the stack name', async () => {
    cfnMock.on(DescribeStacksCommand).rejects(new Error('The security token included in the request is invalid'));
    await expect(
      resolveDeployedNames({ stack: 'Newswire-prod-Data' }, new CloudFormationClient({ region: 'eu-west-1' })),
    ).rejects.toThrow(/cannot describe stack Newswire-prod-Data: The security token/);
  });
});
