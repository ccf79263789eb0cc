import { makeDocumentClient } from '../../../../lambdas/adapters/dynamodb/clients';
import { ensureTables } from '../../../../lambdas/adapters/dynamodb/createTables';
import { startLocalDynamo, type LocalDynamo } from '../../../../lambdas/local/dynamoServer';

export { makeFeed, makeRecord } from '../../../unit/adapters/fixtures';

let tableSeq = 0;

/** dynalite on a free port with fresh tables; close it in afterAll. */
export async function startDynamoWithTables(): Promise<{
  dynamo: LocalDynamo;
  client: ReturnType<typeof makeDocumentClient>;
  tables: { articles: string; feeds: string };
}> {
  const dynamo = await startLocalDynamo({ port: 0 });
  const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  tableSeq += 1;
  const tables = { articles: `Articles-${tableSeq}`, feeds: `Feeds-${tableSeq}` };
  await ensureTables(client, tables);
  return { dynamo, client, tables };
}
