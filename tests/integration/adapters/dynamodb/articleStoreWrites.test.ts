/**
 * Exactly-once writes against dynalite: redelivery, re-runs, racing workers, stale redelivery of an
 * older message, bounded revision history, and a save crashed between its writes then retried —
 * the table converges and a query never returns an orphaned or stale index entry.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore, type SaveStep } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { HISTORY_LIMIT } from '../../../../lambdas/adapters/dynamodb/indexItems';
import type { PressReleaseRecord, Ticker } from '../../../../lambdas/core/record';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeRecord, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let client: Awaited<ReturnType<typeof startDynamoWithTables>>['client'];
let table: string;
let store: DynamoArticleStore;

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  client = started.client;
  table = started.tables.articles;
  store = new DynamoArticleStore({ client, tableName: table });
});
afterAll(async () => {
  await dynamo?.close();
});

const item = async (id: string) =>
  (await client.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;

/** Raw ticker index items of one ticker (all of them, stale or not), as `<releaseId>#<revision>`. */
async function tickerEntries(key: string): Promise<string[]> {
  const out = await client.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'byTicker',
      KeyConditionExpression: 'tickerKey = :t',
      ExpressionAttributeValues: { ':t': key },
    }),
  );
  return (out.Items ?? []).map((i) => String(i.id).split('#').slice(-2).join('#')).sort();
}

const ids = async (q: Parameters<DynamoArticleStore['query']>[0]) => (await store.query(q)).items.map((r) => r.id);

/** A store whose save throws once at the given step, as a crash between two writes would. */
function crashingStore(at: SaveStep): DynamoArticleStore {
  let crashed = false;
  return new DynamoArticleStore({
    client,
    tableName: table,
    onSaveStep: (step) => {
      if (step === at && !crashed) {
        crashed = true;
        throw new Error(`crash after ${step}`);
      }
    },
  });
}

const t = (exchange: string, symbol: string): Ticker => ({ exchange, symbol });

describe('exactly once', () => {
  it('a redelivered message and a re-run leave one record', async () => {
    const r = makeRecord({ id: 'u-once', tickers: [t('NASDAQ', 'ONCE')] });
    expect(await store.save(r, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'created', revision: 1 });
    expect(await store.save(r, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'unchanged', revision: 1 });
    const rerun = new DynamoArticleStore({ client, tableName: table });
    expect(await rerun.save(r, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'unchanged', revision: 1 });
    expect(await tickerEntries('NASDAQ:ONCE')).toEqual(['u-once#1']);
    expect(await ids({ ticker: 'NASDAQ:ONCE', limit: 10 })).toEqual(['u-once']);
  });

  it('two workers racing on the same release leave one record', async () => {
    const r = makeRecord({ id: 'u-twins', tickers: [t('NYSE', 'TWIN')] });
    const workers = [0, 1].map(() => new DynamoArticleStore({ client, tableName: table }));
    const results = await Promise.all(workers.map((w) => w.save(r, { contentHash: 'c', itemHash: 'i' })));
    expect(results.map((x) => x.outcome).sort()).toEqual(['created', 'unchanged']);
    expect((await item('u-twins'))?.revision).toBe(1);
    expect(await tickerEntries('NYSE:TWIN')).toEqual(['u-twins#1']);
  });

  it('racing different contents with different tickers: one revision chain, only its index items left', async () => {
    const versions = ['AAA', 'BBB', 'CCC', 'DDD'].map((sym) =>
      makeRecord({ id: 'u-race-tk', title: sym, tickers: [t('NASDAQ', sym)] }),
    );
    const workers = versions.map(() => new DynamoArticleStore({ client, tableName: table }));
    const results = await Promise.all(
      versions.map((v, i) => workers[i]!.save(v, { contentHash: `c-${v.title}`, itemHash: null })),
    );
    expect(results.map((x) => x.revision).sort()).toEqual([1, 2, 3, 4]);
    const final = await item('u-race-tk');
    expect(final?.revision).toBe(4);
    expect(final?.staleIndex).toBeUndefined();
    const current = `NASDAQ:${String(final?.title)}`;
    for (const v of versions) {
      const key = `NASDAQ:${String(v.title)}`;
      expect(await tickerEntries(key)).toEqual(key === current ? ['u-race-tk#4'] : []);
      expect(await ids({ ticker: key, limit: 5 })).toEqual(key === current ? ['u-race-tk'] : []);
    }
  });

  it('a stale redelivery of an older message does not create a revision', async () => {
    const v1 = makeRecord({ id: 'u-stale', title: 'First' });
    const v2 = makeRecord({ id: 'u-stale', title: 'Corrected' });
    await store.save(v1, { contentHash: 'c-v1', itemHash: 'i1' });
    expect(await store.save(v2, { contentHash: 'c-v2', itemHash: 'i2' })).toEqual({ outcome: 'revised', revision: 2 });
    expect(await store.save(v1, { contentHash: 'c-v1', itemHash: 'i1' })).toEqual({
      outcome: 'unchanged',
      revision: 2,
    });
    const stored = await item('u-stale');
    expect(stored).toMatchObject({ revision: 2, title: 'Corrected', contentHash: 'c-v2', itemHash: 'i2' });
  });

  it(`keeps the last ${HISTORY_LIMIT} previous revisions, each with its raw archive keys`, async () => {
    const n = HISTORY_LIMIT + 3;
    for (let rev = 1; rev <= n; rev++) {
      const r = makeRecord({
        id: 'u-hist',
        title: `v${rev}`,
        raw: { feedKey: null, articleKey: `articles/u-hist/sha${rev}.html.gz`, sha256: `sha${rev}` },
      });
      expect((await store.save(r, { contentHash: `c${rev}`, itemHash: null })).revision).toBe(rev);
    }
    const history = (await item('u-hist'))?.history as { revision: number; raw: { articleKey: string } }[];
    expect(history.map((h) => h.revision)).toEqual(
      Array.from({ length: HISTORY_LIMIT }, (_, i) => n - HISTORY_LIMIT + i),
    );
    expect(history.at(-1)?.raw.articleKey).toBe(`articles/u-hist/sha${n - 1}.html.gz`);
  });

  it('a revision that moves publishedAt moves the record between days and ticker positions', async () => {
    const v1 = makeRecord({ id: 'u-move', publishedAt: '2024-07-01T09:00:00.000Z', tickers: [t('TSX', 'MOVE')] });
    const v2 = { ...v1, title: 'Moved', publishedAt: '2024-07-03T09:00:00.000Z' };
    await store.save(v1, { contentHash: 'm1', itemHash: null });
    await store.save(v2, { contentHash: 'm2', itemHash: null });
    expect(await ids({ since: '2024-07-01', until: '2024-07-01', limit: 5 })).toEqual([]);
    expect(await ids({ since: '2024-07-03', until: '2024-07-03', limit: 5 })).toEqual(['u-move']);
    expect(await ids({ ticker: 'TSX:MOVE', until: '2024-07-02', limit: 5 })).toEqual([]);
    expect(await ids({ ticker: 'TSX:MOVE', limit: 5 })).toEqual(['u-move']);
    expect(await tickerEntries('TSX:MOVE')).toEqual(['u-move#2']);
  });
});

describe('a loser of a conditional write leaves the index as the winner wrote it', () => {
  it('the same content again with another date: unchanged, and still found by its ticker', async () => {
    const v1 = makeRecord({ id: 'u-redate', publishedAt: '2024-09-01T10:00:00.000Z', tickers: [t('NYSE', 'RDTE')] });
    const restamped = { ...v1, publishedAt: '2024-09-05T10:00:00.000Z' }; // same content hash
    await store.save(v1, { contentHash: 'same', itemHash: 'i1' });
    expect(await store.save(restamped, { contentHash: 'same', itemHash: 'i2' })).toEqual({
      outcome: 'unchanged',
      revision: 1,
    });
    expect(await ids({ ticker: 'NYSE:RDTE', limit: 5 })).toEqual(['u-redate']);
    const entry = await item('ticker#NYSE:RDTE#u-redate#1');
    expect(entry?.sortKey).toBe((await item('u-redate'))?.sortKey);
  });

  it('a redelivery of an old version after two corrections leaves no index item behind', async () => {
    const v = (n: number, sym: string) => makeRecord({ id: 'u-late', title: `v${n}`, tickers: [t('NYSE', sym)] });
    await store.save(v(1, 'LTA'), { contentHash: 'l1', itemHash: null });
    await store.save(v(2, 'LTB'), { contentHash: 'l2', itemHash: null });
    await store.save(v(3, 'LTC'), { contentHash: 'l3', itemHash: null });
    expect(await store.save(v(1, 'LTA'), { contentHash: 'l1', itemHash: null })).toEqual({
      outcome: 'unchanged',
      revision: 3,
    });
    expect(await tickerEntries('NYSE:LTA')).toEqual([]);
    expect(await tickerEntries('NYSE:LTB')).toEqual([]);
    expect(await tickerEntries('NYSE:LTC')).toEqual(['u-late#3']);
  });
});

describe('a save crashed between its writes, then retried', () => {
  it('after the index items, before the record: nothing dangling is returned, the retry creates it', async () => {
    const r = makeRecord({ id: 'u-crash-1', publishedAt: '2023-02-02T10:00:00.000Z', tickers: [t('NASDAQ', 'CRSA')] });
    await expect(crashingStore('indexItemsWritten').save(r, { contentHash: 'c', itemHash: null })).rejects.toThrow(
      /crash after indexItemsWritten/,
    );
    // The index item exists but points to no record: queries skip it.
    expect(await tickerEntries('NASDAQ:CRSA')).toEqual(['u-crash-1#1']);
    expect(await store.query({ ticker: 'NASDAQ:CRSA', limit: 5 })).toEqual({ items: [], cursor: null });
    expect(await ids({ since: '2023-02-02', until: '2023-02-02', limit: 5 })).toEqual([]);
    expect(await store.get('u-crash-1')).toBeNull();

    expect(await store.save(r, { contentHash: 'c', itemHash: null })).toEqual({ outcome: 'created', revision: 1 });
    expect(await ids({ ticker: 'NASDAQ:CRSA', limit: 5 })).toEqual(['u-crash-1']);
    expect(await ids({ since: '2023-02-02', until: '2023-02-02', limit: 5 })).toEqual(['u-crash-1']);
    expect(await tickerEntries('NASDAQ:CRSA')).toEqual(['u-crash-1#1']);
  });

  it('after a revision was written, before its stale index items were deleted: the retry cleans up', async () => {
    const v1 = makeRecord({ id: 'u-crash-2', tickers: [t('NASDAQ', 'OLDT'), t('NYSE', 'KEEP')] });
    const v2 = makeRecord({ id: 'u-crash-2', title: 'Corrected', tickers: [t('NYSE', 'KEEP'), t('NYSE', 'NEWT')] });
    await store.save(v1, { contentHash: 'v1', itemHash: null });
    await expect(crashingStore('releaseWritten').save(v2, { contentHash: 'v2', itemHash: null })).rejects.toThrow(
      /crash after releaseWritten/,
    );
    // Revision 2 is stored with the list of what is stale; the stale items are still there…
    expect(await item('u-crash-2')).toMatchObject({
      revision: 2,
      staleIndex: ['ticker#NASDAQ:OLDT#u-crash-2#1', 'ticker#NYSE:KEEP#u-crash-2#1'],
    });
    expect(await tickerEntries('NASDAQ:OLDT')).toEqual(['u-crash-2#1']);
    expect(await tickerEntries('NYSE:KEEP')).toEqual(['u-crash-2#1', 'u-crash-2#2']);
    // …but no query returns a stale entry, and none returns the release twice.
    expect(await ids({ ticker: 'NASDAQ:OLDT', limit: 5 })).toEqual([]);
    expect(await ids({ ticker: 'NYSE:KEEP', limit: 5 })).toEqual(['u-crash-2']);
    expect(await ids({ ticker: 'NYSE:NEWT', limit: 5 })).toEqual(['u-crash-2']);
    expect((await store.get('u-crash-2'))?.title).toBe('Corrected');

    // The queue retries the message: unchanged content, and the cleanup is finished.
    expect(await store.save(v2, { contentHash: 'v2', itemHash: null })).toEqual({ outcome: 'unchanged', revision: 2 });
    expect((await item('u-crash-2'))?.staleIndex).toBeUndefined();
    expect(await tickerEntries('NASDAQ:OLDT')).toEqual([]);
    expect(await tickerEntries('NYSE:KEEP')).toEqual(['u-crash-2#2']);
    expect(await tickerEntries('NYSE:NEWT')).toEqual(['u-crash-2#2']);
  });

  it('after the stale items were deleted, before the list was cleared: the retry clears it', async () => {
    const v1 = makeRecord({ id: 'u-crash-3', tickers: [t('NASDAQ', 'CRSC')] });
    const v2 = makeRecord({ id: 'u-crash-3', title: 'Corrected', tickers: [] });
    await store.save(v1, { contentHash: 'v1', itemHash: null });
    await expect(crashingStore('staleDeleted').save(v2, { contentHash: 'v2', itemHash: null })).rejects.toThrow();
    expect(await tickerEntries('NASDAQ:CRSC')).toEqual([]);
    expect((await item('u-crash-3'))?.staleIndex).toEqual(['ticker#NASDAQ:CRSC#u-crash-3#1']);
    expect(await store.save(v2, { contentHash: 'v2', itemHash: null })).toEqual({ outcome: 'unchanged', revision: 2 });
    expect((await item('u-crash-3'))?.staleIndex).toBeUndefined();
  });

  it('converges from a crash at every step, whatever step the retry reaches', async () => {
    const steps: SaveStep[] = ['indexItemsWritten', 'releaseWritten', 'staleDeleted'];
    for (const [i, step] of steps.entries()) {
      const id = `u-crash-all-${i}`;
      const v1 = makeRecord({ id, tickers: [t('NASDAQ', `A${i}`)] });
      const v2: PressReleaseRecord = { ...v1, title: 'v2', tickers: [t('NASDAQ', `B${i}`)] };
      await store.save(v1, { contentHash: 'v1', itemHash: null });
      await crashingStore(step)
        .save(v2, { contentHash: 'v2', itemHash: null })
        .catch(() => undefined);
      await store.save(v2, { contentHash: 'v2', itemHash: null });
      const stored = await item(id);
      expect(stored).toMatchObject({ revision: 2, title: 'v2' });
      expect(stored?.staleIndex).toBeUndefined();
      expect(await tickerEntries(`NASDAQ:A${i}`)).toEqual([]);
      expect(await tickerEntries(`NASDAQ:B${i}`)).toEqual([`${id}#2`]);
    }
  });
});
