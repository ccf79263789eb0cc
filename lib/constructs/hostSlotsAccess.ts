import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ENV, HOST_SLOTS_ID_PREFIX } from '../../lambdas/adapters/dynamodb/tableDesign';
import type { NewswireFunction } from './newswireFunction';

/**
 * Lets a fetching function take the fleet-wide request slots of each host (the `host#<name>` items
 * of the Feeds table, lambdas/adapters/dynamodb/hostSlots.ts): the table's name and the limit as
 * environment, and GetItem / UpdateItem on those items only (a LeadingKeys condition), so a
 * function that has no business with the feeds cannot read or change one.
 */
export function bindHostSlots(fn: NewswireFunction, feedsTable: ITable, maxRequestsPerHost: number): void {
  fn.setEnv(ENV.feedsTable, feedsTable.tableName).setEnv(ENV.maxRequestsPerHost, String(maxRequestsPerHost));
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      resources: [feedsTable.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${HOST_SLOTS_ID_PREFIX}*`] } },
    }),
  );
}
