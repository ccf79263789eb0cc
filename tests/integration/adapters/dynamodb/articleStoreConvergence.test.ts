/**
 * Convergence under any interleaving (fast-check against dynalite): versions of one release saved by
 * racing workers, some crashing between two writes, every crashed message then retried as the queue
 * would. Afterwards the release is stored once, its revision history is consecutive, no cleanup is
 * pending, and every query returns it exactly where the stored revision says — never a leftover.
 */
import fc from 'fast-check';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore, type SaveStep } from '../../../../lambdas/adapters/dynamodb/articleStore';
import type { PressReleaseRecord } from '../../../../lambdas/core/record';
import type { ArticleQuery } from '../../../../lambdas/pipeline/ports';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeRecord, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let client: Awaited<ReturnType<typeof startDynamoWithTables>>['client'];
let table: string;

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  client = started.client;
  table = started.tables.articles;
});
afterAll(async () => {
  await dynamo?.close();
});

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD'];
const STEPS: (SaveStep | null)[] = [null, null, 'indexItemsWritten', 'releaseWritten', 'staleDeleted'];

/** Version v of release `id`: its own title, tickers and day. */
function version(id: string, v: number, tickers: number[]): PressReleaseRecord {
  return makeRecord({
    id,
    title: `v${v}`,
    publishedAt: `2024-0${1 + (v % 3)}-1${v}T10:00:00.000Z`,
    tickers: tickers.map((t) => ({ exchange: 'NASDAQ', symbol: SYMBOLS[t] ?? 'AAA' })),
  });
}

let run = 0;

/** A version's date moved by two days (the feed re-stamped it). */
const restamped = (r: PressReleaseRecord) => new Date(Date.parse(r.publishedAt ?? '') + 2 * 86_400_000).toISOString();

/** Every id a query returns, over all its pages (other runs' releases share the days and tickers). */
async function allIds(store: DynamoArticleStore, q: Omit<ArticleQuery, 'limit' | 'cursor'>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.query({ ...q, limit: 100, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

test('any interleaving of saves, crashes and retries converges', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), { minLength: 2, maxLength: 4 }),
      fc.array(
        fc.record({
          v: fc.nat(),
          // The same content re-stamped with another date (same content hash).
          restamp: fc.boolean(),
          crash: fc.constantFrom(...STEPS),
          wave: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      async (tickerSets, messages) => {
        const id = `u-conv-${++run}`;
        const versions = tickerSets.map((t, v) => version(id, v, t));
        const save = (m: { v: number; restamp: boolean; crash: SaveStep | null }) => {
          let crashed = false;
          const store = new DynamoArticleStore({
            client,
            tableName: table,
            onSaveStep: (step) => {
              if (step === m.crash && !crashed) {
                crashed = true;
                throw new Error(`crash after ${step}`);
              }
            },
          });
          const base = versions[m.v % versions.length] as PressReleaseRecord;
          const r = m.restamp ? { ...base, publishedAt: restamped(base) } : base;
          return store.save(r, { contentHash: `h-${r.title}`, itemHash: null });
        };
        // Messages of one wave race; waves follow each other; failed messages are retried at the end.
        const failed: { v: number; restamp: boolean }[] = [];
        for (const wave of [0, 1, 2]) {
          const batch = messages.filter((m) => m.wave === wave);
          const results = await Promise.allSettled(batch.map(save));
          results.forEach((res, i) => res.status === 'rejected' && failed.push(batch[i] as (typeof failed)[0]));
        }
        for (const m of failed) await save({ ...m, crash: null });

        const store = new DynamoArticleStore({ client, tableName: table });
        const item = (await client.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;
        expect(item).toBeDefined();
        const stored = (await store.get(id)) as PressReleaseRecord;
        const v = Number(stored.title?.slice(1));
        const saved = versions[v] as PressReleaseRecord;
        expect([saved.publishedAt, restamped(saved)]).toContain(stored.publishedAt);
        expect(stored).toEqual({
          ...saved,
          publishedAt: stored.publishedAt,
          revision: stored.revision,
          // Revision 1 has no reason; a later one was written for changed content or a restamped url.
          revisionReason: stored.revision === 1 ? null : expect.stringMatching(/^(correction|moved)$/),
        });
        expect(item?.staleIndex).toBeUndefined();
        const history = (item?.history as { revision: number }[]).map((h) => h.revision);
        expect(history).toEqual(Array.from({ length: stored.revision - 1 }, (_, i) => i + 1));
        for (const symbol of SYMBOLS) {
          const hits = await allIds(store, { ticker: `NASDAQ:${symbol}` });
          const expected = stored.tickers.some((t) => t.symbol === symbol) ? [id] : [];
          expect(hits.filter((h) => h === id)).toEqual(expected);
        }
        const day = (stored.publishedAt ?? '').slice(0, 10);
        expect((await allIds(store, { since: day, until: day })).filter((x) => x === id)).toHaveLength(1);
        for (const other of versions.flatMap((o) => [o.publishedAt ?? '', restamped(o)])) {
          const d = other.slice(0, 10);
          if (d !== day) expect(await allIds(store, { since: d, until: d })).not.toContain(id);
        }
      },
    ),
    { numRuns: 25 },
  );
}, 60_000);
