import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { ensureTables } from '../../../../lambdas/adapters/dynamodb/createTables';
import { UnsupportedQueryError } from '../../../../lambdas/adapters/dynamodb/errors';
import { releaseItem } from '../../../../lambdas/adapters/dynamodb/indexItems';
import { RECORD_FIELDS, type PressReleaseRecord } from '../../../../lambdas/core/record';
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
  store = new DynamoArticleStore({ client, tableName: table, now: () => new Date('2025-06-15T12:00:00.000Z') });
});
afterAll(async () => {
  await dynamo?.close();
});

const raw = async (id: string) =>
  (await client.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;

describe('ensureTables', () => {
  it('is idempotent', async () => {
    await expect(ensureTables(client, { articles: table, feeds: 'Feeds-again' })).resolves.toBeUndefined();
    await expect(ensureTables(client, { articles: table, feeds: 'Feeds-again' })).resolves.toBeUndefined();
  });

  it('refuses a local table created with an older design, saying how to fix it', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: 'Articles-old',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['id', 'monthKey', 'sortKey'].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byMonth',
            KeySchema: [
              { AttributeName: 'monthKey', KeyType: 'HASH' },
              { AttributeName: 'sortKey', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      }),
    );
    await expect(ensureTables(client, { articles: 'Articles-old', feeds: 'Feeds-again' })).rejects.toThrow(
      /Articles-old was created with an older design \(missing bySource, byDay, .*; obsolete byMonth\).*Delete the local data/,
    );
  });
});

describe('save', () => {
  it('creates, then leaves the same content unchanged, then revises with history', async () => {
    const r1 = makeRecord({ id: 'u-save-1' });
    expect(await store.save(r1, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'created', revision: 1 });
    expect(await store.save(r1, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'unchanged', revision: 1 });

    const r2 = makeRecord({
      id: 'u-save-1',
      title: 'Corrected title',
      raw: { feedKey: null, articleKey: 'k2', sha256: 'def' },
    });
    expect(await store.save(r2, { contentHash: 'c2', itemHash: 'i2' })).toEqual({ outcome: 'revised', revision: 2 });

    const item = await raw('u-save-1');
    expect(item).toMatchObject({
      revision: 2,
      title: 'Corrected title',
      contentHash: 'c2',
      itemHash: 'i2',
      sourceKey: 'acme robotics',
      itemType: 'release',
      dayKey: '2025-03-03',
      feedId: 'f-feed1',
      sortKey: '2025-03-03T14:00:00.000Z#u-save-1',
    });
    expect(item?.history).toEqual([
      {
        revision: 1,
        contentHash: 'c1',
        raw: r1.raw,
        overflowKey: null,
        storedAt: '2025-06-15T12:00:00.000Z',
        url: r1.url,
      },
    ]);
    // Stored as maps and lists, nulls as NULL — not as JSON strings; body.text is rebuilt on read.
    expect(item?.body).toEqual({ paragraphs: r1.body.paragraphs, wordCount: r1.body.wordCount });
    expect(item?.subtitle).toBeNull();
  });

  it('unchanged content with a new item hash updates only the item hash', async () => {
    const r = makeRecord({ id: 'u-save-2' });
    await store.save(r, { contentHash: 'c1', itemHash: 'i1' });
    expect(await store.save(r, { contentHash: 'c1', itemHash: 'i9' })).toEqual({ outcome: 'unchanged', revision: 1 });
    expect((await store.seenItems(['u-save-2'])).get('u-save-2')?.itemHash).toBe('i9');
    expect((await raw('u-save-2'))?.revision).toBe(1);
  });

  it('omits the index attributes it cannot fill (null source, no feed)', async () => {
    await store.save(makeRecord({ id: 'u-save-3', source: null, feed: null, publishedAt: null }), {
      contentHash: 'c',
      itemHash: null,
    });
    const item = await raw('u-save-3');
    expect(item).not.toHaveProperty('sourceKey');
    expect(item).not.toHaveProperty('feedId');
    expect(item?.sortKey).toBe('2025-03-03T14:05:00.000Z#u-save-3'); // fetchedAt when no publishedAt
  });

  it('two concurrent saves of the same id with different content leave one record at revision 2', async () => {
    const a = makeRecord({ id: 'u-race', title: 'A' });
    const b = makeRecord({ id: 'u-race', title: 'B' });
    const results = await Promise.all([
      store.save(a, { contentHash: 'ca', itemHash: 'ia' }),
      store.save(b, { contentHash: 'cb', itemHash: 'ib' }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'revised']);
    const item = await raw('u-race');
    expect(item?.revision).toBe(2);
    expect(item?.history).toHaveLength(1);
    const winner = results.find((r) => r.outcome === 'revised') === results[0] ? 'A' : 'B';
    expect(item?.title).toBe(winner);
  });

  it('many concurrent revisions keep revision and history consistent', async () => {
    await store.save(makeRecord({ id: 'u-race-many' }), { contentHash: 'c0', itemHash: null });
    const n = 4;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        store.save(makeRecord({ id: 'u-race-many', title: `v${i}` }), { contentHash: `c${i + 1}`, itemHash: null }),
      ),
    );
    expect(results.map((r) => r.revision).sort()).toEqual([2, 3, 4, 5]);
    const item = await raw('u-race-many');
    expect(item?.revision).toBe(n + 1);
    expect((item?.history as { revision: number }[]).map((h) => h.revision)).toEqual([1, 2, 3, 4]);
  });
});

describe('seenItems', () => {
  it('returns the item hash of every stored id over several batches and skips unknown ids', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `u-seen-${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) {
      if (i % 5 === 4) continue; // 50 never stored
      await store.save(makeRecord({ id }), { contentHash: 'c', itemHash: i % 10 === 0 ? null : `h${i}` });
    }
    const seen = await store.seenItems([...ids, ids[0] as string]); // duplicates are fine
    expect(seen.size).toBe(200);
    expect(seen.get('u-seen-001')?.itemHash).toBe('h1');
    expect(seen.get('u-seen-000')?.itemHash).toBeNull();
    expect(seen.has('u-seen-004')).toBe(false);
  }, 30_000); // 200 saves one after another: ~4.7 s on a loaded 2-core machine, at jest's 5 s default

  it('handles an empty list', async () => {
    expect((await store.seenItems([])).size).toBe(0);
  });
});

describe('get', () => {
  it('returns exactly the record fields in contract order', async () => {
    const r = makeRecord({ id: 'u-get-1' });
    await store.save(r, { contentHash: 'c', itemHash: 'i' });
    const got = await store.get('u-get-1');
    expect(Object.keys(got ?? {})).toEqual([...RECORD_FIELDS]);
    expect(got).toEqual(r);
  });

  it('returns null for an unknown id', async () => {
    expect(await store.get('u-nope')).toBeNull();
  });
});

describe('compact body (body.text rebuilt on read)', () => {
  const body = {
    text: 'First paragraph.\n\nSecond one, with a line\nbreak inside.\n\nThird.',
    paragraphs: ['First paragraph.', 'Second one, with a line\nbreak inside.', 'Third.'],
    wordCount: 9,
  };

  it('stores the paragraphs without the text they join into, and get and query return the whole body', async () => {
    const r = makeRecord({ id: 'u-body-1', source: 'Compact Body Co', body });
    await store.save(r, { contentHash: 'c', itemHash: 'i' });
    const item = await raw('u-body-1');
    expect(item?.body).toEqual({ paragraphs: body.paragraphs, wordCount: 9 });
    const got = await store.get('u-body-1');
    expect(got).toEqual(r);
    expect(Object.keys(got?.body ?? {})).toEqual(['text', 'paragraphs', 'wordCount']);
    expect((await store.query({ source: 'Compact Body Co', limit: 5 })).items).toEqual([r]);
  });

  it('keeps a text that is not its paragraphs joined', async () => {
    const odd = { text: 'Text the parser kept as it was.', paragraphs: [], wordCount: 7 };
    const r = makeRecord({ id: 'u-body-2', body: odd });
    await store.save(r, { contentHash: 'c', itemHash: 'i' });
    expect((await raw('u-body-2'))?.body).toEqual(odd);
    expect(await store.get('u-body-2')).toEqual(r);
  });

  it('reads an item written before, with body.text stored, as it was written', async () => {
    const r = makeRecord({ id: 'u-body-old', source: 'Old Item Co', body });
    // The item as releaseItem wrote it before the compact body: the record's body whole.
    const old = {
      ...releaseItem(r, { contentHash: 'c', itemHash: 'i', storedAt: 'x', history: [], staleIndex: [] }),
      body,
    };
    await client.send(new PutCommand({ TableName: table, Item: old }));
    expect((await raw('u-body-old'))?.body).toEqual(body);
    expect(await store.get('u-body-old')).toEqual(r);
    expect((await store.query({ source: 'Old Item Co', limit: 5 })).items).toEqual([r]);
    // Saving the same content again leaves it unchanged: what is compared is the content hash, not the body.
    expect(await store.save(r, { contentHash: 'c', itemHash: 'i' })).toEqual({ outcome: 'unchanged', revision: 1 });
  });
});

describe('query', () => {
  let qstore: DynamoArticleStore;
  const saved: PressReleaseRecord[] = [];

  beforeAll(async () => {
    const { tables } = { tables: { articles: 'Articles-query', feeds: 'Feeds-query' } };
    await ensureTables(client, tables);
    qstore = new DynamoArticleStore({
      client,
      tableName: tables.articles,
      now: () => new Date('2025-06-15T12:00:00.000Z'),
    });
    // 30 Acme releases over Jan–May 2025 (feed1 / feed2 alternating) + 5 from other issuers.
    for (let i = 0; i < 30; i++) {
      const day = new Date(Date.UTC(2025, 0, 1) + i * 5 * 86_400_000).toISOString();
      const r = makeRecord({
        id: `u-q-${String(i).padStart(2, '0')}`,
        publishedAt: day,
        source: i % 3 === 0 ? 'ACME ROBOTICS INC' : i % 3 === 1 ? 'Acme Robotics, Inc.' : 'Acme Robotics Incorporated',
        feed: { id: i % 2 === 0 ? 'f-feed1' : 'f-feed2', url: 'https://example.com/f' },
      });
      saved.push(r);
      await qstore.save(r, { contentHash: 'c', itemHash: null });
    }
    for (let i = 0; i < 5; i++) {
      const r = makeRecord({
        id: `u-o-${i}`,
        publishedAt: `2025-02-1${i}T08:00:00.000Z`,
        source: 'Globex Corporation',
        feed: { id: 'f-feed3', url: 'https://example.com/g' },
      });
      saved.push(r);
      await qstore.save(r, { contentHash: 'c', itemHash: null });
    }
  });

  const newestFirst = (rs: PressReleaseRecord[]) =>
    [...rs].sort((a, b) => (`${b.publishedAt}#${b.id}` < `${a.publishedAt}#${a.id}` ? -1 : 1)).map((r) => r.id);
  const acme = () => saved.filter((r) => r.id.startsWith('u-q-'));

  async function all(q: Parameters<DynamoArticleStore['query']>[0]): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null | undefined = q.cursor;
    let pages = 0;
    do {
      const page = await qstore.query({ ...q, cursor });
      pages += 1;
      expect(page.items.length).toBeLessThanOrEqual(q.limit);
      ids.push(...page.items.map((r) => r.id));
      cursor = page.cursor;
    } while (cursor && pages < 100);
    return { ids, pages };
  }

  it('finds an organization by any spelling of its name, newest first', async () => {
    const page = await qstore.query({ source: 'Acme Robotics Inc', limit: 50 });
    expect(page.items.map((r) => r.id)).toEqual(newestFirst(acme()));
    expect(page.cursor).toBeNull();
    expect((await qstore.query({ source: 'acme robotics', limit: 1 })).items[0]?.id).toBe('u-q-29');
  });

  it('paginates with the cursor: no duplicates, no gaps, null at the end', async () => {
    const { ids, pages } = await all({ source: 'Acme Robotics, Inc.', limit: 7 });
    expect(ids).toEqual(newestFirst(acme()));
    expect(pages).toBe(5); // 7+7+7+7+2
  });

  it('a page that ends exactly at the last item has no cursor', async () => {
    const { ids, pages } = await all({ source: 'Acme Robotics', limit: 10 });
    expect(ids).toHaveLength(30);
    expect(pages).toBe(3);
  });

  it('queries by feed', async () => {
    const { ids } = await all({ feedId: 'f-feed2', limit: 4 });
    expect(ids).toEqual(newestFirst(acme().filter((r) => r.feed?.id === 'f-feed2')));
  });

  it('refuses source and feed together, naming what it serves', async () => {
    const err = await qstore.query({ source: 'Acme Robotics', feedId: 'f-feed1', limit: 4 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedQueryError);
    expect(err).toMatchObject({ code: 'UNSUPPORTED_QUERY', retryable: false });
    expect((err as Error).message).toMatch(/--source with --feed.*supported: one of --source, --feed, --ticker/);
  });

  it('walks days backwards without filters, across day and month boundaries in pages', async () => {
    const { ids } = await all({ limit: 6, since: '2024-11' });
    expect(ids).toEqual(newestFirst(saved));
  });

  it('stops the day walk as soon as the limit is reached', async () => {
    const page = await qstore.query({ limit: 3 });
    expect(page.items.map((r) => r.id)).toEqual(newestFirst(saved).slice(0, 3));
    expect(page.cursor).not.toBeNull();
  });

  it('bounds by since / until (until inclusive of the whole given day)', async () => {
    const inRange = saved.filter(
      (r) => (r.publishedAt ?? '') >= '2025-02-10' && (r.publishedAt ?? '') <= '2025-03-11\uffff',
    );
    const { ids } = await all({ since: '2025-02-10', until: '2025-03-11', limit: 4 });
    expect(ids).toEqual(newestFirst(inRange));
    expect(ids.length).toBeGreaterThan(5);
    const bySource = await all({ source: 'Globex Corp', since: '2025-02-12', until: '2025-02-13', limit: 10 });
    expect(bySource.ids).toEqual(['u-o-3', 'u-o-2']);
  });

  it('returns nothing for an unknown source or an empty range', async () => {
    expect(await qstore.query({ source: 'Nobody Ltd', limit: 5 })).toEqual({ items: [], cursor: null });
    expect(await qstore.query({ since: '2025-05-01', until: '2025-04-01', limit: 5 })).toEqual({
      items: [],
      cursor: null,
    });
  });

  it('rejects a cursor from another query', async () => {
    const page = await qstore.query({ source: 'Acme Robotics', limit: 2 });
    await expect(qstore.query({ feedId: 'f-feed1', limit: 2, cursor: page.cursor })).rejects.toMatchObject({
      code: 'BAD_CURSOR',
      retryable: false,
    });
    await expect(qstore.query({ limit: 2, cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_CURSOR' });
  });
});
