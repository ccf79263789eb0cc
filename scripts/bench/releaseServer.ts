/**
 * Serves a generated release set over HTTP on 127.0.0.1, the way a wire's site does: one RSS feed
 * per GeneratedFeed at /feeds/<name>.xml and one page per release at /news-releases/<slug>.html,
 * with ETag validators (a repeated poll gets 304). Bodies are built once and kept in memory, so the
 * server costs the benchmark as little as possible.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedXml, type GeneratedSet } from './releaseGenerator';

export interface ReleaseServer {
  baseUrl: string;
  feeds: { name: string; url: string }[];
  /** Requests answered so far, by kind. */
  readonly counts: { feed: number; page: number; notFound: number };
  close(): Promise<void>;
}

interface Body {
  bytes: Buffer;
  etag: string;
  type: string;
}

export async function startReleaseServer(set: GeneratedSet): Promise<ReleaseServer> {
  const routes = new Map<string, Body>();
  const counts = { feed: 0, page: 0, notFound: 0 };
  const server = createServer((req, res) => {
    const body = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (!body) {
      counts.notFound++;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (body.type.startsWith('application/rss')) counts.feed++;
    else counts.page++;
    if (req.headers['if-none-match'] === body.etag) {
      res.writeHead(304, { etag: body.etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': body.type, 'content-length': body.bytes.length, etag: body.etag });
    res.end(body.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const add = (route: string, text: string, type: string) => {
    const bytes = Buffer.from(text, 'utf8');
    routes.set(route, { bytes, type, etag: `"${createHash('sha1').update(bytes).digest('hex')}"` });
  };
  for (const r of set.releases) {
    add(`/news-releases/${r.slug}.html`, r.html.replaceAll('{{BASE_URL}}', baseUrl), 'text/html; charset=utf-8');
  }
  for (const f of set.feeds)
    add(`/feeds/${f.name}.xml`, feedXml(set, f, baseUrl), 'application/rss+xml; charset=utf-8');
  return {
    baseUrl,
    feeds: set.feeds.map((f) => ({ name: f.name, url: `${baseUrl}/feeds/${f.name}.xml` })),
    counts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
