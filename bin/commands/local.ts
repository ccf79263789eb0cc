import path from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { ARTICLES_TABLE, ATTR, DAY_DIRECTORY, INDEX } from '../../lambdas/adapters/dynamodb/tableDesign';
import type { LocalDynamo } from '../../lambdas/local/dynamoServer';
import { dataDirOption, portNumber } from './shared';

/** The local tables' names (LOCAL_TABLES of lambdas/local/runtime.ts, loaded with the store). */
type LocalTables = (typeof import('../../lambdas/local/runtime.js'))['LOCAL_TABLES'];

/** The port of DynamoDB Local and of the cookbook's examples. */
const DEFAULT_DYNAMO_PORT = 8000;

/** Registers `newswire local …`: the local stores served to other tools. */
export function registerLocalCommand(program: Command): void {
  const local = program.command('local').description('serve the local stores to other tools');
  local
    .command('dynamodb')
    .description(
      'serve the local tables (the embedded DynamoDB under --data-dir) on 127.0.0.1 for any DynamoDB client, until Ctrl-C',
    )
    .addOption(dataDirOption())
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', portNumber('--port'), DEFAULT_DYNAMO_PORT)
    .action(async (opts: { dataDir: string; port: number }) => {
      const [{ makeDocumentClient }, { ensureTables }, { startLocalDynamo }, { LOCAL_TABLES }] = await Promise.all([
        import('../../lambdas/adapters/dynamodb/clients.js'),
        import('../../lambdas/adapters/dynamodb/createTables.js'),
        import('../../lambdas/local/dynamoServer.js'),
        import('../../lambdas/local/runtime.js'),
      ]);
      const dataDir = path.resolve(opts.dataDir);
      const dynamo = await startLocalDynamo({ dir: path.join(dataDir, 'dynamodb'), port: opts.port }).catch(
        (err: Error & { code?: string }) => {
          throw new Error(
            err.code === 'EADDRINUSE'
              ? `port ${opts.port} on 127.0.0.1 is in use; pass --port N (0 picks a free one)`
              : /lock/i.test(err.message)
                ? `the data dir ${dataDir} is in use by another newswire process (${err.message}); stop it first`
                : `could not start the embedded DynamoDB: ${err.message}`,
            { cause: err },
          );
        },
      );
      let newestDay: string | null;
      try {
        const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
        try {
          await ensureTables(client, LOCAL_TABLES);
          newestDay = await readNewestDay(client, LOCAL_TABLES);
        } finally {
          client.destroy();
        }
      } catch (err) {
        await dynamo.close();
        throw err;
      }
      console.log(describeServed(dynamo, dataDir, newestDay, LOCAL_TABLES));
      await untilSignal();
      await dynamo.close();
      console.log('stopped; the data dir is free again');
    });
}

/** What a user needs to connect: endpoint, table names, credentials, one example, the lock. */
export function describeServed(
  dynamo: LocalDynamo,
  dataDir: string,
  newestDay: string | null,
  tables: LocalTables,
): string {
  const indexes = ARTICLES_TABLE.indexes.map((ix) => `${ix.name} (${ix.partitionKey}, ${ix.sortKey})`).join(', ');
  return [
    `newswire local dynamodb — serving ${dataDir}`,
    `  endpoint     ${dynamo.endpoint}`,
    `  tables       ${tables.articles} (key id; indexes ${indexes})`,
    `               ${tables.feeds} (key id)`,
    `  credentials  any; the AWS CLI and SDKs need some, e.g.`,
    `               export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1`,
    `  try          aws dynamodb list-tables --endpoint-url ${dynamo.endpoint}`,
    `               aws dynamodb get-item --endpoint-url ${dynamo.endpoint} --table-name ${tables.articles} --key '{"id": {"S": "<id>"}}'`,
    ...exampleQueries(dynamo.endpoint, newestDay, tables).map((l) => `               ${l}`),
    `  note         the data dir is locked while it is served: newswire ingest, query and get on`,
    `               ${dataDir} refuse to start ("in use") until you stop this (Ctrl-C).`,
  ].join('\n');
}

/** Index Queries a user can paste: the days that have releases (the directory), then the newest day. */
function exampleQueries(endpoint: string, newestDay: string | null, tables: LocalTables): string[] {
  const q = (value: string) =>
    `aws dynamodb query --endpoint-url ${endpoint} --table-name ${tables.articles} --index-name ${INDEX.byDay} ` +
    `--key-condition-expression '${ATTR.dayKey} = :d' --expression-attribute-values '{":d": {"S": "${value}"}}' ` +
    `--no-scan-index-forward --query 'Items[].${ATTR.sortKey}.S' --output text`;
  return [
    `${q(DAY_DIRECTORY)}   # the days that have releases`,
    ...(newestDay ? [`${q(newestDay)}   # the newest day's releases: <publishedAt>#<id>`] : []),
  ];
}

/** The newest day in the byDay directory (one Query of one item), or null on an empty table. */
async function readNewestDay(client: DynamoDBDocumentClient, tables: LocalTables): Promise<string | null> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const out = await client.send(
    new QueryCommand({
      TableName: tables.articles,
      IndexName: INDEX.byDay,
      KeyConditionExpression: '#d = :d',
      ExpressionAttributeNames: { '#d': ATTR.dayKey },
      ExpressionAttributeValues: { ':d': DAY_DIRECTORY },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const day = out.Items?.[0]?.[ATTR.sortKey];
  return typeof day === 'string' ? day : null;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
