/**
 * How fast `reprocess` goes on the local runtime (dynalite + folder archive in a temp dir): stores N
 * releases (the bundled sample pages, each under its own id, archived as fetched), then re-parses
 * them all — once with nothing changed (read + parse + compare) at concurrency 1, 4 and 8, then with
 * a parser whose output differs (every record a new `reparse` revision) at concurrency 1 and 4.
 * Run: npx tsx scripts/bench/reprocess.ts [N=500]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleArchiveKey } from '../../lambdas/core/archiveKeys';
import { contentHash } from '../../lambdas/core/buildRecord';
import { sha256Hex } from '../../lambdas/core/ids';
import { parseRelease, type ParseInput } from '../../lambdas/core/parser';
import { openLocalRuntime } from '../../lambdas/local/runtime';
import { sampleFeedsDir } from '../../lambdas/local/sampleServer';
import type { Log } from '../../lambdas/pipeline/ports';
import { recordFromContent } from '../../lambdas/pipeline/releaseRecord';
import { reprocess, type ReprocessDeps } from '../../lambdas/pipeline/reprocess';

const silent: Log = { debug() {}, info() {}, warn() {}, error() {} };

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 500);
  const dir = mkdtempSync(path.join(tmpdir(), 'newswire-bench-reprocess-'));
  const rt = await openLocalRuntime({ dataDir: dir, log: silent });
  try {
    const releases = path.join(sampleFeedsDir(), 'releases');
    const pages = readdirSync(releases).map((f) => readFileSync(path.join(releases, f)));
    for (let i = 0; i < n; i++) {
      const body = pages[i % pages.length]!;
      const id = `u-bench-${i}`;
      const sha256 = sha256Hex(body);
      const articleKey = articleArchiveKey(id, sha256);
      await rt.archive.put(articleKey, body, 'text/html');
      const url = `https://www.example.test/news/${id}.html`;
      const publishedAt = new Date(Date.UTC(2025, 0, 1 + (i % 200))).toISOString();
      const record = recordFromContent(
        undefined,
        { content: body.toString('utf8'), url },
        {
          feed: { id: 'f-bench', url: 'https://www.example.test/feed.xml' },
          item: {
            id,
            guid: null,
            link: url,
            title: null,
            summary: null,
            contentHtml: null,
            publishedAt,
            author: null,
            categories: [],
            itemHash: 'h',
          },
          url,
          raw: { feedKey: null, articleKey, sha256 },
          fetchedAt: '2025-07-01T00:00:00.000Z',
        },
      );
      await rt.articles.save(record, { contentHash: contentHash(record), itemHash: 'h' });
    }
    const deps: ReprocessDeps = { articles: rt.articles, archive: rt.archive, log: silent };
    const run = async (label: string, d: ReprocessDeps, concurrency: number) => {
      const t = performance.now();
      const s = await reprocess(d, {}, { concurrency });
      const ms = performance.now() - t;
      console.log(
        `${label}, concurrency ${concurrency}: ${s.scanned} records in ${ms.toFixed(0)} ms ` +
          `(${((s.scanned * 1000) / ms).toFixed(0)}/s; changed ${s.changed}, failed ${s.failed})`,
      );
    };
    for (const c of [1, 4, 8]) await run('nothing changed', deps, c);
    for (const c of [1, 4]) {
      const parse = (input: ParseInput) => ({ ...parseRelease(input), subtitle: `bench run ${c}` });
      await run('every record changed', { ...deps, parse }, c);
    }
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
