/**
 * `newswire local dynamodb`: serves the tables of a data dir on 127.0.0.1 to any DynamoDB client,
 * says where and how, holds the data dir while serving, and stops cleanly on SIGINT / SIGTERM.
 */
import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { ATTR, DAY_DIRECTORY, INDEX } from '../../lambdas/adapters/dynamodb/tableDesign';
import { LOCAL_TABLES } from '../../lambdas/local/runtime';
import { freePort, newswire, spawnNewswire, waitForExit, waitForOutput } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(120_000);

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  tmp = makeTempDir('newswire-local-dynamo');
  const res = await newswire(['ingest', '--json', '--data-dir', tmp.dir, '--sample-port', String(await freePort())]);
  expect(res.code).toBe(0);
});
/** Servers a failed test may leave running. */
const afterCleanup: ChildProcess[] = [];
afterAll(() => {
  for (const child of afterCleanup) if (child.exitCode === null) child.kill('SIGTERM');
  tmp?.remove();
});

const client = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

test('serves the ingested tables, locks the data dir meanwhile, stops on SIGINT and frees it', async () => {
  const port = await freePort();
  const server = spawnNewswire(['local', 'dynamodb', '--port', String(port), '--data-dir', tmp.dir]);
  afterCleanup.push(server);
  try {
    await servedAndStopped(server, port);
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
  }
  const free = await newswire(['query', '--data-dir', tmp.dir, '--limit', '1', '--format', 'ndjson']);
  expect(free.code).toBe(0);
  expect(free.stdout).toMatch(/"id":"u-/);
});

async function servedAndStopped(server: ChildProcess, port: number): Promise<void> {
  const out = await waitForOutput(server, /refuse to start/);
  const endpoint = `http://127.0.0.1:${port}`;
  expect(out).toContain(`endpoint     ${endpoint}`);
  expect(out).toContain(LOCAL_TABLES.articles);
  expect(out).toContain(LOCAL_TABLES.feeds);
  expect(out).toMatch(/aws dynamodb query --endpoint-url http:\/\/127\.0\.0\.1:\d+ --table-name newswire-articles/);
  expect(out).toMatch(/locked while it is served/);

  const db = client(endpoint);
  try {
    expect((await db.send(new ListTablesCommand({}))).TableNames?.sort()).toEqual(
      [LOCAL_TABLES.articles, LOCAL_TABLES.feeds].sort(),
    );
    // The days directory of the ingested samples, newest first: what the printed example reads.
    const days = await db.send(
      new QueryCommand({
        TableName: LOCAL_TABLES.articles,
        IndexName: INDEX.byDay,
        KeyConditionExpression: '#d = :d',
        ExpressionAttributeNames: { '#d': ATTR.dayKey },
        ExpressionAttributeValues: { ':d': { S: DAY_DIRECTORY } },
        ScanIndexForward: false,
      }),
    );
    const newest = days.Items?.[0]?.[ATTR.sortKey]?.S;
    expect(newest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out).toContain(`{"S": "${newest}"}`);
  } finally {
    db.destroy();
  }

  // While served, another newswire command on the same data dir says why it cannot start.
  const busy = await newswire(['query', '--data-dir', tmp.dir]);
  expect(busy.code).toBe(1);
  expect(busy.stderr).toMatch(/in use by another newswire process/);

  const exited = waitForExit(server);
  server.kill('SIGINT');
  const end = await exited;
  expect(end.code).toBe(0);
  expect(end.stdout).toContain('stopped; the data dir is free again');
}

test('a fresh data dir gets its tables; SIGTERM stops it too', async () => {
  const fresh = makeTempDir('newswire-local-dynamo-fresh');
  try {
    const server = spawnNewswire(['local', 'dynamodb', '--port', '0', '--data-dir', fresh.dir]);
    afterCleanup.push(server);
    const out = await waitForOutput(server, /refuse to start/);
    const endpoint = /endpoint\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(endpoint).toBeDefined();
    const db = client(endpoint!);
    expect((await db.send(new ListTablesCommand({}))).TableNames).toHaveLength(2);
    db.destroy();
    // No releases yet: no "newest day" example, the directory one only.
    expect(out).not.toContain('newest day');
    const exited = waitForExit(server);
    server.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  } finally {
    fresh.remove();
  }
});

test('a port in use is refused with the fix', async () => {
  const port = await freePort();
  const first = spawnNewswire(['local', 'dynamodb', '--port', String(port), '--data-dir', tmp.dir]);
  afterCleanup.push(first);
  await waitForOutput(first, /refuse to start/);
  const other = makeTempDir('newswire-local-dynamo-other');
  try {
    const res = await newswire(['local', 'dynamodb', '--port', String(port), '--data-dir', other.dir]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`port ${port} on 127.0.0.1 is in use; pass --port N`);
  } finally {
    const exited = waitForExit(first);
    first.kill('SIGTERM');
    await exited;
    other.remove();
  }
});
