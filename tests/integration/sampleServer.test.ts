import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Parser from 'rss-parser';
import { sampleFeedsDir, startSampleServer, type SampleServer } from '../../lambdas/local/sampleServer';
import { readSampleManifest } from '../helpers/sampleManifest';

/** The bundled set promises at least 24 distinct releases (the demo and the end-to-end test rely on it). */
const MIN_RELEASES = 24;
const dir = sampleFeedsDir();
const manifest = readSampleManifest();
const pageFiles = readdirSync(path.join(dir, 'releases')).filter((f) => f.endsWith('.html'));

/** Minimal HTML escaping, the way the pages write text. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A raw GET whose path is sent exactly as given (fetch would normalize `..` away). */
function rawGet(
  baseUrl: string,
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown> }> {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: rawPath, method, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sample feed server', () => {
  let server: SampleServer;

  beforeAll(async () => {
    server = await startSampleServer();
  });

  afterAll(async () => {
    await server.close();
  });

  test('binds 127.0.0.1 on a free port and lists the bundled feeds', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.feeds.map((f) => f.name)).toEqual(manifest.feeds.map((f) => f.name));
    expect(server.feedUrls).toEqual(manifest.feeds.map((f) => `${server.baseUrl}${f.path}`));
    expect(server.feeds.map((f) => f.url)).toEqual(server.feedUrls);
  });

  describe('the data set', () => {
    test('the manifest lists every release page exactly once', () => {
      const slugs = manifest.releases.map((r) => r.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      expect([...slugs].sort()).toEqual(pageFiles.map((f) => f.replace(/\.html$/, '')).sort());
      expect(pageFiles.length).toBeGreaterThanOrEqual(MIN_RELEASES);
    });

    test('labels are well-formed', () => {
      for (const r of manifest.releases) {
        expect(r.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*-30\d{7}$/);
        expect(r.datelineDate === null || /^\d{4}-\d{2}-\d{2}$/.test(r.datelineDate)).toBe(true);
        expect(r.wireTag).toMatch(/^PRNewswire(?:-[A-Za-z]+)?$/);
        expect(r.country).toMatch(/^[A-Z]{2}$/);
        expect(new Date(r.publishedAt).toISOString()).toBe(r.publishedAt);
        expect(r.publishedAt >= '2024-03-01' && r.publishedAt < '2025-11-01').toBe(true);
        for (const t of r.tickers) expect(t).toMatch(/^[A-Z]+:[A-Z0-9.]+$/);
        expect(r.feeds.length).toBeGreaterThan(0);
        for (const f of r.feeds) expect(manifest.feeds.map((x) => x.name)).toContain(f);
      }
    });

    test('the two feeds overlap (dedupe case) and together name at least 24 releases', () => {
      const inBoth = manifest.releases.filter((r) => r.feeds.length > 1);
      expect(inBoth.length).toBeGreaterThanOrEqual(1);
      expect(manifest.releases.length).toBeGreaterThanOrEqual(MIN_RELEASES);
      for (const f of manifest.feeds) {
        expect(manifest.releases.filter((r) => r.feeds.includes(f.name))).toHaveLength(f.items);
      }
    });
  });

  describe.each(manifest.feeds)('feed $name', (feed) => {
    test('is well-formed RSS whose items all resolve to release pages on this server', async () => {
      const res = await fetch(`${server.baseUrl}${feed.path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const xml = await res.text();
      expect(xml).not.toContain('{{BASE_URL}}');

      const parsed = await new Parser().parseString(xml);
      expect(parsed.items).toHaveLength(feed.items);
      const bySlug = new Map(manifest.releases.map((r) => [r.slug, r]));
      const seen = new Set<string>();
      for (const item of parsed.items) {
        const link = item.link ?? '';
        expect(link.startsWith(`${server.baseUrl}/news-releases/`)).toBe(true);
        expect(item.guid).toBe(link);
        const slug = /\/news-releases\/([^/]+)\.html$/.exec(link)?.[1] ?? '';
        const label = bySlug.get(slug);
        expect(label).toBeDefined();
        expect(label?.feeds).toContain(feed.name);
        expect(item.title).toBe(label?.title);
        expect(item.creator).toBeTruthy();
        expect(item.contentSnippet).toBeTruthy();
        expect(item.isoDate).toBe(label?.publishedAt);
        expect(seen.has(slug)).toBe(false);
        seen.add(slug);

        const page = await fetch(link);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = await page.text();
        for (const marker of ['release-body', 'xn-location', 'xn-chron']) expect(html).toContain(marker);
        expect(html).toMatch(/<p>SOURCE(?:\s|&nbsp;)+\S/);
      }
    });
  });

  describe.each(manifest.releases)('page $slug', (r) => {
    test('agrees with its manifest labels', async () => {
      const url = `${server.baseUrl}/news-releases/${r.slug}.html`;
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toContain('{{BASE_URL}}');
      expect(html).toContain(`<link rel="canonical" href="${url}">`);
      expect(html).toContain(`<meta property="og:url" content="${url}">`);
      expect(html).toContain(`<title>${esc(r.title)}</title>`);
      expect(html).toContain(`<h1>${esc(r.title)}</h1>`);
      expect(html).toMatch(/<p class="mb-no">[A-Z][a-z]{2} \d{2}, \d{4}, \d{2}:\d{2} ET<\/p>/);
      const meta = /<meta property="article:published_time" content="([^"]+)">/.exec(html)?.[1];
      expect(meta).toBeDefined();
      expect(new Date(meta ?? '').toISOString()).toBe(r.publishedAt);
      expect(html).toContain(`<span class="xn-location">${esc(r.datelineLocation)}</span>`);
      expect(html).toMatch(new RegExp(`<span class="xn-chron">[^<]+</span>(?:</span>)? /${r.wireTag}/ -- `));
      expect(html).toMatch(
        new RegExp(`<p>SOURCE(?:\\s|&nbsp;)+${esc(r.source).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</p>`),
      );
      expect(html).toMatch(/View original content(?: to download multimedia)?:<a href="[^"]+"/);
    });
  });

  describe('HTTP caching', () => {
    test('strong ETag and Last-Modified, with 304 on If-None-Match / If-Modified-Since', async () => {
      const url = server.feedUrls[0] ?? '';
      const first = await fetch(url);
      const body = await first.text();
      const etag = first.headers.get('etag') ?? '';
      const lastModified = first.headers.get('last-modified') ?? '';
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

      const again = await fetch(url);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe(body);

      const byEtag = await fetch(url, { headers: { 'If-None-Match': etag } });
      expect(byEtag.status).toBe(304);
      expect(byEtag.headers.get('etag')).toBe(etag);
      expect(await byEtag.text()).toBe('');

      const listed = await fetch(url, { headers: { 'If-None-Match': `"nope", ${etag}` } });
      expect(listed.status).toBe(304);
      await listed.arrayBuffer();

      const otherEtag = await fetch(url, {
        headers: { 'If-None-Match': '"something-else"', 'If-Modified-Since': lastModified },
      });
      expect(otherEtag.status).toBe(200); // If-None-Match takes precedence
      expect(await otherEtag.text()).toBe(body);

      const byDate = await fetch(url, { headers: { 'If-Modified-Since': lastModified } });
      expect(byDate.status).toBe(304);
      await byDate.arrayBuffer();

      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      const changed = await fetch(url, { headers: { 'If-Modified-Since': older } });
      expect(changed.status).toBe(200);
      await changed.arrayBuffer();
    });

    test('HEAD gives the headers without a body', async () => {
      const url = server.feedUrls[0] ?? '';
      const res = await fetch(url, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
      expect(res.headers.get('etag')).toMatch(/^"/);
      expect(await res.text()).toBe('');
    });
  });

  describe('refusals', () => {
    test.each([
      '/../package.json',
      '/feeds/../../package.json',
      '/news-releases/..%2F..%2F..%2Fpackage.json',
      '/news-releases/%2e%2e/%2e%2e/package.json',
      '/feeds/..\\..\\package.json',
      '/news-releases/does-not-exist-302000001.html',
      '/feeds/nope.xml',
      '/manifest.json',
      '/',
    ])('404 for %s', async (p) => {
      expect((await rawGet(server.baseUrl, p)).status).toBe(404);
    });

    test('405 for other methods', async () => {
      const res = await rawGet(server.baseUrl, '/feeds/prnewswire-all.xml', 'POST');
      expect(res.status).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
    });

    test('counts the requests it served', async () => {
      const before = server.requests;
      await (await fetch(`${server.baseUrl}/nothing-here`)).arrayBuffer();
      expect(server.requests).toBe(before + 1);
    });

    test('a busy port is rejected with a message naming it and --sample-port', async () => {
      const port = Number(new URL(server.baseUrl).port);
      const attempt = startSampleServer({ port });
      await expect(attempt).rejects.toThrow(String(port));
      await expect(attempt).rejects.toThrow(/--sample-port/);
    });
  });

  test('serves another root, replaces {{BASE_URL}}, and closes cleanly', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sample-feeds-'));
    try {
      mkdirSync(path.join(root, 'feeds'));
      mkdirSync(path.join(root, 'releases'));
      writeFileSync(
        path.join(root, 'feeds', 'mini.xml'),
        '<rss version="2.0"><channel><link>{{BASE_URL}}/x</link></channel></rss>',
      );
      const other = await startSampleServer({ root });
      expect(other.feeds).toEqual([{ name: 'mini', url: `${other.baseUrl}/feeds/mini.xml` }]);
      const res = await fetch(other.feedUrls[0] ?? '');
      expect(await res.text()).toContain(`<link>${other.baseUrl}/x</link>`);
      await other.close();
      await other.close(); // idempotent
      await expect(fetch(other.feedUrls[0] ?? '')).rejects.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
