/**
 * Figures of the Articles design, measured on the bundled sample releases in an in-memory dynalite:
 * item sizes and write units per release, requests per save (new, redelivered, revised), and
 * requests per page of each access pattern (including an empty day walk), and the throughput of
 * exactly-once saves next to BatchWriteItem of the same items. Prints a table, or one JSON object
 * with --json. Throughput figures depend on the machine's load; the others do not.
 *
 *   npx tsx scripts/storage-figures.ts [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../lambdas/adapters/dynamodb/articleStore';
import { batchPut } from '../lambdas/adapters/dynamodb/batchWrite';
import { makeDocumentClient } from '../lambdas/adapters/dynamodb/clients';
import { ensureTables } from '../lambdas/adapters/dynamodb/createTables';
import { companionItems, releaseItem, tickerItems, writeUnitsOfCreate } from '../lambdas/adapters/dynamodb/indexItems';
import { itemSizeBytes } from '../lambdas/adapters/dynamodb/itemSize';
import { buildRecord, contentHash } from '../lambdas/core/buildRecord';
import { dayKey } from '../lambdas/core/keys';
import { parseRelease } from '../lambdas/core/parser';
import type { PressReleaseRecord } from '../lambdas/core/record';
import { startLocalDynamo } from '../lambdas/local/dynamoServer';
import type { ArticleQuery } from '../lambdas/pipeline/ports';

const THROUGHPUT_RECORDS = 1000;

/** Runs f against a fresh in-memory dynalite with the tables; wall seconds and CPU ms of this process. */
async function timed(f: (client: DynamoDBDocumentClient) => Promise<void>): Promise<{ secs: number; cpuMs: number }> {
  const dynamo = await startLocalDynamo({ port: 0 });
  const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  try {
    await ensureTables(client, { articles: 'articles', feeds: 'feeds' });
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    await f(client);
    const cpu = process.cpuUsage(cpu0);
    return { secs: Number(process.hrtime.bigint() - t0) / 1e9, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

const RELEASES = path.join(__dirname, '..', 'lambdas', 'local', 'sample-feeds', 'releases');

function sampleRecords(): PressReleaseRecord[] {
  return readdirSync(RELEASES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f, i) => {
      const url = `https://www.prnewswire.com/news-releases/${f}`;
      const parsed = parseRelease({ content: readFileSync(path.join(RELEASES, f), 'utf8'), url });
      const record = buildRecord(parsed, {
        feed: { id: 'f-sample', url: 'https://example.test/feed.xml' },
        item: null,
        url,
        raw: { feedKey: null, articleKey: `articles/x/${i}.html.gz`, sha256: String(i) },
        fetchedAt: '2025-06-01T00:00:00.000Z',
      });
      return record;
    });
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const json = process.argv.includes('--json');
  const records = sampleRecords();
  const dynamo = await startLocalDynamo({ port: 0 });
  const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  const requests: string[] = [];
  client.middlewareStack.add(
    (next, ctx) => async (args) => {
      requests.push(String(ctx.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'count' },
  );
  try {
    await ensureTables(client, { articles: 'articles', feeds: 'feeds' });
    const store = new DynamoArticleStore({ client, tableName: 'articles' });

    // Sizes and write units (what a save of each new release costs, directory item included once per day).
    const days = new Set<string>();
    let bytes = 0;
    let units = 0;
    let tickers = 0;
    for (const r of records) {
      const item = releaseItem(r, {
        contentHash: 'x',
        itemHash: 'x',
        storedAt: r.fetchedAt ?? '',
        history: [],
        staleIndex: [],
      });
      const day = dayKey(String(item.sortKey));
      const index = companionItems(item, !days.has(day));
      days.add(day);
      bytes += itemSizeBytes(item);
      units += writeUnitsOfCreate(item, index);
      tickers += r.tickers.length;
    }

    // Requests per save.
    const count = async (f: () => Promise<unknown>) => {
      requests.length = 0;
      await f();
      return requests.length;
    };
    let createRequests = 0;
    for (const r of records)
      createRequests += await count(() => store.save(r, { contentHash: contentHash(r), itemHash: 'i' }));
    let unchangedRequests = 0;
    for (const r of records)
      unchangedRequests += await count(() => store.save(r, { contentHash: contentHash(r), itemHash: 'i' }));
    let reviseRequests = 0;
    for (const r of records) {
      const corrected = { ...r, title: `${r.title ?? ''} (corrected)` };
      reviseRequests += await count(() =>
        store.save(corrected, { contentHash: contentHash(corrected), itemHash: 'i' }),
      );
    }

    // Requests per page of 20, per access pattern.
    const first = records[0] as PressReleaseRecord;
    const withTicker = records.find((r) => r.tickers.length > 0);
    const withCity = records.find((r) => r.place?.city);
    const patterns: [string, ArticleQuery | string][] = [
      ['1 get by id', first.id],
      ['2 source', { source: first.source ?? 'x', limit: 20 }],
      ['3 all, newest 20', { limit: 20 }],
      ['3 empty range (2001–2019)', { since: '2001-01-01', until: '2019-12-31', limit: 20 }],
      ['4 feed', { feedId: 'f-sample', limit: 20 }],
      [
        '5 ticker',
        {
          ticker: withTicker ? `${withTicker.tickers[0]?.exchange}:${withTicker.tickers[0]?.symbol}` : 'X:Y',
          limit: 20,
        },
      ],
      ['6 country', { place: withCity?.place?.country ?? 'US', limit: 20 }],
      ['6 city', { place: withCity?.place?.city ?? 'Austin', limit: 20 }],
    ];
    const perPattern: Record<string, { requests: number; items: number }> = {};
    for (const [name, q] of patterns) {
      let items = 0;
      const n = await count(async () => {
        if (typeof q === 'string') items = (await store.get(q)) ? 1 : 0;
        else items = (await store.query(q)).items.length;
      });
      perPattern[name] = { requests: n, items };
    }

    // Store throughput: exactly-once saves (8 in flight) vs BatchWriteItem of the same items, each
    // into a fresh in-memory dynalite in this process.
    const copies = Array.from({ length: THROUGHPUT_RECORDS }, (_, i) => {
      const r = records[i % records.length] as PressReleaseRecord;
      const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
      return { ...r, id: `u-copy-${i}`, publishedAt: at };
    });
    const saves = await timed(async (c) => {
      const s = new DynamoArticleStore({ client: c, tableName: 'articles' });
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let r = copies[next++]; r; r = copies[next++]) await s.save(r, { contentHash: r.id, itemHash: null });
        }),
      );
    });
    const ceiling = await timed(async (c) => {
      const items = copies.flatMap((r) => {
        const it = releaseItem(r, { contentHash: r.id, itemHash: null, storedAt: '', history: [], staleIndex: [] });
        return [it, ...tickerItems(it)];
      });
      const chunks: (typeof items)[] = [];
      for (let i = 0; i < items.length; i += 25 * 4) chunks.push(items.slice(i, i + 25 * 4));
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let ch = chunks[next++]; ch; ch = chunks[next++]) await batchPut(c, 'articles', ch);
        }),
      );
    });

    const out = {
      releases: records.length,
      meanItemBytes: Math.round(bytes / records.length),
      meanTickersPerRelease: +(tickers / records.length).toFixed(2),
      writeUnitsPerNewRelease: +(units / records.length).toFixed(2),
      requestsPerSave: {
        created: +(createRequests / records.length).toFixed(2),
        unchanged: +(unchangedRequests / records.length).toFixed(2),
        revised: +(reviseRequests / records.length).toFixed(2),
      },
      requestsPerPage: perPattern,
      throughput: {
        records: THROUGHPUT_RECORDS,
        savesPerSec: Math.round(THROUGHPUT_RECORDS / saves.secs),
        saveCpuMsPerRecord: +(saves.cpuMs / THROUGHPUT_RECORDS).toFixed(2),
        batchWritePerSec: Math.round(THROUGHPUT_RECORDS / ceiling.secs),
        batchWriteCpuMsPerRecord: +(ceiling.cpuMs / THROUGHPUT_RECORDS).toFixed(2),
      },
    };
    if (json) {
      console.log(JSON.stringify(out));
      return;
    }
    console.log(`Articles design, measured on ${out.releases} sample releases (in-memory dynalite):`);
    console.log(
      `  release item        ${out.meanItemBytes} bytes on average; ${out.meanTickersPerRelease} tickers per release`,
    );
    console.log(
      `  write units         ${out.writeUnitsPerNewRelease} per new release (item + GSI copies + ticker/day index items)`,
    );
    console.log(
      `  requests per save   new ${out.requestsPerSave.created}, redelivered ${out.requestsPerSave.unchanged}, revised ${out.requestsPerSave.revised}`,
    );
    for (const [name, v] of Object.entries(perPattern)) {
      console.log(`  ${name.padEnd(28)} ${String(v.requests).padStart(2)} requests for ${v.items} records`);
    }
    const t = out.throughput;
    console.log(
      `  store.save          ${t.savesPerSec} records/s, ${t.saveCpuMsPerRecord} ms CPU each (${t.records} records, 8 in flight)`,
    );
    console.log(
      `  BatchWriteItem      ${t.batchWritePerSec} records/s, ${t.batchWriteCpuMsPerRecord} ms CPU each (the same items, no conditions)`,
    );
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
