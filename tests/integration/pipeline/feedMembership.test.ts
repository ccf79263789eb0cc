/**
 * A release listed by several feeds is found under each of them: the bundled samples list some
 * releases in two feeds, and whichever feed's poll stores a release first, `query --feed` of every
 * feed returns exactly the releases that feed lists — on every run, from a fresh data directory.
 */
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { runIngest } from '../../../lambdas/local/ingest';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { startSampleServer, type SampleServer } from '../../../lambdas/local/sampleServer';
import type { PressReleaseRecord } from '../../../lambdas/core/record';
import { readSampleManifest } from '../../helpers/sampleManifest';
import { makeTempDir } from '../../helpers/tempDir';

jest.setTimeout(120_000);

const manifest = readSampleManifest();
let server: SampleServer;

beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function allOf(rt: LocalRuntime, feedId: string): Promise<PressReleaseRecord[]> {
  const out: PressReleaseRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await rt.articles.query({ feedId, limit: 4, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** Slugs of the releases each sample feed lists, from one fresh ingest (feeds in `order`). */
async function slugsByFeed(order: 'as-listed' | 'reversed'): Promise<Map<string, string[]>> {
  const tmp = makeTempDir('newswire-membership');
  const rt = await openLocalRuntime({
    dataDir: tmp.dir,
    log: consoleLog('silent'),
    allowHosts: [new URL(server.baseUrl).host],
  });
  try {
    const specs = server.feeds.map((f) => ({ url: f.url, name: f.name, wire: 'PR Newswire' }));
    const report = await runIngest(rt, { feeds: order === 'reversed' ? [...specs].reverse() : specs });
    expect(report.failed).toBe(0);
    const out = new Map<string, string[]>();
    for (const feed of await rt.feeds.list()) {
      const path = new URL(feed.url).pathname;
      const records = await allOf(rt, feed.id);
      const slugs = records.map((r) => (r.url ?? '').replace(/^.*\/news-releases\/(.*)\.html$/, '$1'));
      expect(new Set(slugs).size).toBe(slugs.length); // each release once per feed
      out.set(path, slugs.sort());
    }
    return out;
  } finally {
    await rt.close();
    tmp.remove();
  }
}

test('every feed finds every release it lists, whichever feed stored it first', async () => {
  const expected = new Map(
    manifest.feeds.map((f) => [
      f.path,
      manifest.releases
        .filter((r) => r.feeds.includes(f.path.replace(/^.*\//, '').replace(/\.[a-z]+$/, '')))
        .map((r) => r.slug)
        .sort(),
    ]),
  );
  // The samples do cross-list releases, or this test would prove nothing.
  expect(manifest.releases.some((r) => r.feeds.length > 1)).toBe(true);
  const forward = await slugsByFeed('as-listed');
  const backward = await slugsByFeed('reversed');
  for (const [feedPath, slugs] of expected) {
    expect({ feedPath, slugs: forward.get(feedPath) }).toEqual({ feedPath, slugs });
    expect({ feedPath, slugs: backward.get(feedPath) }).toEqual({ feedPath, slugs });
  }
});
