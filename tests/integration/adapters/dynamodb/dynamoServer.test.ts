import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoFeedStore } from '../../../../lambdas/adapters/dynamodb/feedStore';
import { ensureTables } from '../../../../lambdas/adapters/dynamodb/createTables';
import { startLocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeFeed } from './helpers';

const tables = { articles: 'Articles-p', feeds: 'Feeds-p' };

/** Runs fn against a fresh dynalite persisted under dir, always closing server and client. */
async function withDynamo(dir: string, fn: (store: DynamoFeedStore, endpoint: string) => Promise<void>): Promise<void> {
  const server = await startLocalDynamo({ dir });
  // A fresh client per server: a cached one would keep sockets to the closed port.
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1' }));
  try {
    await ensureTables(client, tables);
    await fn(new DynamoFeedStore({ client, tableName: tables.feeds }), server.endpoint);
  } finally {
    client.destroy();
    await server.close();
  }
}

it('persists under dir across restarts and listens on 127.0.0.1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dynalite-'));
  try {
    await withDynamo(join(dir, 'data'), async (store, endpoint) => {
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await store.register(makeFeed({ id: 'f-1' }))).toBe(true);
    });
    await withDynamo(join(dir, 'data'), async (store) => {
      expect(await store.get('f-1')).toEqual(makeFeed({ id: 'f-1' }));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
