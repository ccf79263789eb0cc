/**
 * Every access pattern of the Articles table against dynalite: newest first, paginated with the
 * cursor (no duplicates, no gaps), and served by Query/BatchGetItem/GetItem only — never a Scan.
 */
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { makeDocumentClient } from '../../../../lambdas/adapters/dynamodb/clients';
import { UnsupportedQueryError } from '../../../../lambdas/adapters/dynamodb/errors';
import type { PressReleaseRecord } from '../../../../lambdas/core/record';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import type { ArticleQuery } from '../../../../lambdas/pipeline/ports';
import { MemoryArticleStore } from '../../../helpers/fakes';
import { recordCommands } from './commandLog';
import { makeRecord, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let store: DynamoArticleStore;
let log: ReturnType<typeof recordCommands>;
const saved: PressReleaseRecord[] = [];

const PLACES = [
  { city: 'Beijing', region: null, country: 'CN' },
  { city: 'Austin', region: 'TX', country: 'US' },
  { city: 'Paris', region: null, country: 'FR' },
  { city: 'Paris', region: 'TX', country: 'US' },
  { city: 'São Paulo', region: null, country: 'BR' },
];
const SOURCES = ['Acme Robotics, Inc.', 'ACME ROBOTICS INC', 'chinadaily.com.cn', 'Globex Corporation'];
const TICKERS = [
  [{ exchange: 'NASDAQ', symbol: 'ACME' }],
  [
    { exchange: 'Nasdaq GS', symbol: 'ACME' },
    { exchange: 'NYSE', symbol: 'GLBX' },
  ],
  [],
  [{ exchange: 'NYSE', symbol: 'GLBX' }],
];

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  // A client of our own, so the command log sees only this store's calls.
  const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
  store = new DynamoArticleStore({ client, tableName: started.tables.articles });
  // 48 releases over ~10 weeks in 2025 (several per day on some days, none on others), plus 2 in 2019.
  for (let i = 0; i < 48; i++) {
    const at = new Date(Date.UTC(2025, 0, 6) + Math.floor(i / 3) * 4 * 86_400_000 + (i % 3) * 3_600_000);
    const r = makeRecord({
      id: `u-p-${String(i).padStart(2, '0')}`,
      publishedAt: at.toISOString(),
      source: SOURCES[i % 4] ?? null,
      feed: { id: i % 2 === 0 ? 'f-even' : 'f-odd', url: 'https://example.com/f' },
      tickers: TICKERS[i % 4] ?? [],
      place: PLACES[i % 5] ?? null,
    });
    saved.push(r);
    await store.save(r, { contentHash: `c-${i}`, itemHash: null });
  }
  for (const id of ['u-old-1', 'u-old-2']) {
    const r = makeRecord({
      id,
      publishedAt: id.endsWith('1') ? '2019-05-01T10:00:00.000Z' : '2019-05-02T10:00:00.000Z',
    });
    saved.push(r);
    await store.save(r, { contentHash: 'c-old', itemHash: null });
  }
  log = recordCommands(client);
});
afterAll(async () => {
  await dynamo?.close();
});
beforeEach(() => log.clear());

const newestFirst = (rs: PressReleaseRecord[]) =>
  [...rs].sort((a, b) => (`${b.publishedAt}#${b.id}` < `${a.publishedAt}#${a.id}` ? -1 : 1)).map((r) => r.id);

/** All pages of a query; checks each page's size and that no Scan was sent. */
async function allPages(q: ArticleQuery): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null | undefined = q.cursor;
  let pages = 0;
  do {
    const page = await store.query({ ...q, cursor });
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(q.limit);
    if (page.cursor) expect(page.items).toHaveLength(q.limit);
    ids.push(...page.items.map((r) => r.id));
    cursor = page.cursor;
  } while (cursor && pages < 200);
  expect(log.names).not.toContain('ScanCommand');
  expect(log.names.every((n) => ['QueryCommand', 'BatchGetItemCommand', 'GetItemCommand'].includes(n))).toBe(true);
  return { ids, pages };
}

const within = (r: PressReleaseRecord, since: string, until: string) =>
  (r.publishedAt ?? '') >= since && (r.publishedAt ?? '') <= `${until}\uffff`;

test('1: one release by id is a GetItem', async () => {
  const got = await store.get('u-p-07');
  expect(got).toEqual(saved[7]);
  expect(log.names).toEqual(['GetItemCommand']);
  expect(await store.get('ticker#NASDAQ:ACME#u-p-00#1')).toBeNull(); // index items are not records
});

describe('2: one issuing organization in a time range', () => {
  it('finds every spelling, newest first, across pages', async () => {
    const acme = saved.filter((r) => /acme/i.test(r.source ?? ''));
    const { ids, pages } = await allPages({ source: 'Acme Robotics', limit: 4 });
    expect(ids).toEqual(newestFirst(acme));
    expect(pages).toBe(Math.ceil(acme.length / 4));
    expect(log.names.filter((n) => n === 'QueryCommand').length).toBeGreaterThanOrEqual(pages);
  });

  it('keeps a domain source apart and bounds by time', async () => {
    const china = saved.filter((r) => r.source === 'chinadaily.com.cn' && within(r, '2025-02-01', '2025-02-28'));
    expect(china.length).toBeGreaterThan(2);
    const { ids } = await allPages({ source: 'chinadaily.com.cn', since: '2025-02-01', until: '2025-02-28', limit: 2 });
    expect(ids).toEqual(newestFirst(china));
  });
});

describe('3: everything in a time range (day buckets + directory)', () => {
  it('walks the days that have releases, newest first, page after page', async () => {
    const { ids } = await allPages({ limit: 5 });
    expect(ids).toEqual(newestFirst(saved));
  });

  it('bounds the walk by since / until across day and month boundaries', async () => {
    const inRange = saved.filter((r) => within(r, '2025-01-20', '2025-02-10'));
    const { ids } = await allPages({ since: '2025-01-20', until: '2025-02-10', limit: 4 });
    expect(ids).toEqual(newestFirst(inRange));
  });

  it('an empty walk costs one directory Query, however far back the data goes', async () => {
    expect(await store.query({ since: '2021-01-01', until: '2024-12-31', limit: 10 })).toEqual({
      items: [],
      cursor: null,
    });
    expect(log.names).toEqual(['QueryCommand']);
    log.clear();
    // From the newest day down to 2019 skips the 2,000 empty days in between: one Query per day with data.
    const page = await store.query({ limit: 50 });
    expect(page.items).toHaveLength(50);
    const days = new Set(saved.map((r) => (r.publishedAt ?? '').slice(0, 10))).size;
    expect(log.names.filter((n) => n === 'QueryCommand').length).toBeLessThanOrEqual(days + 1);
  });
});

test('4: one feed in a time range', async () => {
  const odd = saved.filter((r) => r.feed?.id === 'f-odd' && within(r, '2025-01-01', '2025-03-01'));
  const { ids } = await allPages({ feedId: 'f-odd', since: '2025-01-01', until: '2025-03-01', limit: 3 });
  expect(ids).toEqual(newestFirst(odd));
});

describe('5: releases that mention a ticker', () => {
  it('finds a ticker under any exchange spelling, newest first, across pages', async () => {
    const acme = saved.filter((r) => r.tickers.some((t) => t.symbol === 'ACME'));
    const { ids } = await allPages({ ticker: 'nasdaq: acme', limit: 5 });
    expect(ids).toEqual(newestFirst(acme));
  });

  it('serves a release under each of its tickers', async () => {
    const glbx = saved.filter((r) => r.tickers.some((t) => t.symbol === 'GLBX'));
    const { ids } = await allPages({ ticker: 'NYSE:GLBX', limit: 7, since: '2025-01-01' });
    expect(ids).toEqual(newestFirst(glbx));
    expect(ids.some((id) => saved.find((r) => r.id === id)?.tickers.length === 2)).toBe(true);
  });

  it('refuses a bare symbol, naming what it serves', async () => {
    await expect(store.query({ ticker: 'ACME', limit: 5 })).rejects.toThrow(UnsupportedQueryError);
  });
});

describe('6: dateline place', () => {
  it('by country code', async () => {
    const us = saved.filter((r) => r.place?.country === 'US');
    const { ids } = await allPages({ place: 'us', limit: 6 });
    expect(ids).toEqual(newestFirst(us));
  });

  it('by city in any country, and by city within a country', async () => {
    const paris = saved.filter((r) => r.place?.city === 'Paris');
    expect(new Set(paris.map((r) => r.place?.country))).toEqual(new Set(['FR', 'US']));
    expect((await allPages({ place: 'PARIS', limit: 4 })).ids).toEqual(newestFirst(paris));
    log.clear();
    const parisFr = paris.filter((r) => r.place?.country === 'FR');
    expect((await allPages({ place: 'Paris, FR', limit: 2 })).ids).toEqual(newestFirst(parisFr));
    log.clear();
    const austin = saved.filter((r) => r.place?.city === 'Austin');
    expect((await allPages({ place: 'Austin, Texas', limit: 3 })).ids).toEqual(newestFirst(austin));
    log.clear();
    const sp = saved.filter((r) => r.place?.city === 'São Paulo');
    expect((await allPages({ place: 'sao paulo', limit: 10, until: '2025-12-31' })).ids).toEqual(newestFirst(sp));
  });
});

describe('query rules', () => {
  it('refuses two key filters together with a message that lists the supported ones', async () => {
    const err = await store.query({ source: 'Acme', ticker: 'NASDAQ:ACME', limit: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedQueryError);
    expect((err as Error).message).toContain('no index serves --source with --ticker together; supported: one of');
    expect(log.names).toEqual([]); // refused before any request
  });

  it('rejects a cursor from another query or another time range', async () => {
    const page = await store.query({ source: 'Acme Robotics', limit: 2 });
    expect(page.cursor).not.toBeNull();
    await expect(store.query({ ticker: 'NASDAQ:ACME', limit: 2, cursor: page.cursor })).rejects.toMatchObject({
      code: 'BAD_CURSOR',
    });
    await expect(
      store.query({ source: 'Acme Robotics', since: '2025-02-01', limit: 2, cursor: page.cursor }),
    ).rejects.toMatchObject({ code: 'BAD_CURSOR' });
    await expect(store.query({ limit: 2, cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_CURSOR' });
  });
});

test('the in-memory fake of the port answers every query like the store, page for page', async () => {
  const fake = new MemoryArticleStore();
  for (const r of saved) await fake.save(r, { contentHash: r.id, itemHash: null });
  const queries: ArticleQuery[] = [
    { limit: 7 },
    { limit: 4, since: '2025-01-20', until: '2025-02-10' },
    { limit: 3, source: 'acme robotics inc' },
    { limit: 5, feedId: 'f-even', until: '2025-02-01' },
    { limit: 2, ticker: 'nyse:glbx' },
    { limit: 3, place: 'Paris' },
    { limit: 3, place: 'Paris, US' },
    { limit: 4, place: 'FR' },
  ];
  for (const q of queries) {
    let storeCursor: string | null = null;
    let fakeCursor: string | null = null;
    do {
      const a = await store.query({ ...q, cursor: storeCursor });
      const b = await fake.query({ ...q, cursor: fakeCursor });
      expect(b.items.map((r) => r.id)).toEqual(a.items.map((r) => r.id));
      expect(b.cursor === null).toBe(a.cursor === null);
      storeCursor = a.cursor;
      fakeCursor = b.cursor;
    } while (storeCursor);
  }
  await expect(fake.query({ limit: 1, source: 'x', place: 'CN' })).rejects.toThrow(UnsupportedQueryError);
});
