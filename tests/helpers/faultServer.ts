/**
 * A badly behaved feed server on 127.0.0.1 for the fault-injection tests and the fetch benchmark.
 * Every feed (`/feeds/<name>.xml`) is healthy — a valid RSS 2.0 document whose items carry the
 * whole release in content:encoded, with an ETag and conditional GET — until a fault is set on it;
 * `heal` puts it back. Counts requests, full bodies sent and 304s per feed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export const FEED_FAULTS = [
  'healthy',
  'http-500',
  'http-429', // with Retry-After (seconds)
  'http-503-date', // with Retry-After as an HTTP-date
  'reset', // the connection is destroyed before any response
  'truncated-body', // Content-Length promises more than is sent, then the connection closes
  'drip', // headers, then one byte every dripIntervalMs, forever
  'endless', // a body that never ends, as fast as the client reads
  'truncated-xml', // a complete HTTP response carrying half a feed
  'wrong-charset', // windows-1252 bytes under a `charset=utf-8` header
  'redirect-loop',
  'redirect-metadata', // 302 to http://169.254.169.254/latest/meta-data/
  'redirect-private', // 307 to http://10.0.0.1/feed.xml
  'gzip-bomb', // 16 MiB of zeros in ~16 KiB of gzip
  'entity-bomb', // billion laughs in the DOCTYPE
  'ignore-conditional', // healthy, but always 200 with the full body (ignores If-None-Match)
  'huge-item', // healthy, but item 0 carries a release of hugeItemBytes in content:encoded
] as const;
export type FeedFault = (typeof FEED_FAULTS)[number];

export interface FaultServerOptions {
  /** Items per feed. @default 2 */
  itemsPerFeed?: number;
  /** Retry-After of the 429 fault, in seconds. @default 120 */
  retryAfterSeconds?: number;
  /** @default 100 */
  dripIntervalMs?: number;
  /** Size of the release in item 0 of the huge-item fault. @default 400 KiB */
  hugeItemBytes?: number;
}

export interface FeedStats {
  requests: number;
  /** 200 responses with a full feed body. */
  bodies: number;
  notModified: number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `127.0.0.1:<port>`, for the client's allow-list. */
  readonly host: string;
  feedUrl(name: string): string;
  setFault(name: string, fault: FeedFault): void;
  /** Every feed healthy again. */
  healAll(): void;
  stats(name: string): FeedStats;
  totals(): FeedStats;
  /** Zero every counter. */
  resetStats(): void;
  close(): Promise<void>;
}

/**
 * The release text of one item: a dateline, a body and a SOURCE line, well over 600 characters;
 * with padToBytes, as many more body paragraphs as it takes to reach that size.
 */
export function releaseHtml(feed: string, i: number, padToBytes = 0): string {
  const org = `${feed.replace(/[^a-z0-9]+/gi, ' ').trim()} Instruments`;
  const filler = `<p>Paragraph %n of the technical annex: the spectrometer was tested on ore samples from twelve sites, in rain, dust and at temperatures from minus twenty to plus forty-five degrees.</p>\n`;
  let annex = '';
  for (let n = 1; annex.length < padToBytes; n++) annex += filler.replace('%n', String(n));
  return `<p>DENVER, June 2, 2025 /PRNewswire/ -- ${org} today announced release number ${i} of its field spectrometer line, shipping to mining customers in three states.</p>
<p>The instrument weighs under two kilograms, runs a full shift on one battery and reports the mineral content of a sample in seconds, without a laboratory. Field crews can export the readings to the customer's survey software over a cable or a radio link.</p>
<p>"Our customers asked for a lighter instrument that survives a day in the rain," said the company's chief executive. "This is it." Deliveries start this month; a rental program follows in the autumn for smaller exploration teams.</p>
${annex}<p>SOURCE ${org}</p>`;
}

export function rssFeed(
  base: string,
  name: string,
  items: number,
  encoding = 'UTF-8',
  title = name,
  firstItemBytes = 0,
): string {
  const entries = Array.from(
    { length: items },
    (_, i) => `<item><title>${title} release ${i}</title><link>${base}/news/${name}-${i}.html</link>
<guid isPermaLink="false">${name}-${i}</guid><pubDate>Mon, 02 Jun 2025 14:0${i % 10}:00 GMT</pubDate>
<description>Summary of ${name} release ${i}</description>
<content:encoded><![CDATA[${releaseHtml(name, i, i === 0 ? firstItemBytes : 0)}]]></content:encoded></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${title}</title><link>${base}/</link><description>Releases of ${name}</description>
${entries}
</channel></rss>`;
}

const ENTITY_BOMB = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rss version="2.0"><channel><title>&h;</title><link>http://example.test/</link><description>d</description>
<item><title>&h;</title><link>http://example.test/1</link></item></channel></rss>`;

let bomb: Buffer | null = null;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 }));

export async function startFaultServer(opts: FaultServerOptions = {}): Promise<FaultServer> {
  gzipBomb(); // compressed once, up front: ~0.1 s of CPU that must not land inside a timed fetch
  const itemsPerFeed = opts.itemsPerFeed ?? 2;
  const retryAfter = opts.retryAfterSeconds ?? 120;
  const drip = opts.dripIntervalMs ?? 100;
  const faults = new Map<string, FeedFault>();
  const stats = new Map<string, FeedStats>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let base = '';

  const statsOf = (name: string) => {
    let s = stats.get(name);
    if (!s) stats.set(name, (s = { requests: 0, bodies: 0, notModified: 0 }));
    return s;
  };

  const healthy = (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    honourConditional: boolean,
    firstItemBytes = 0,
  ) => {
    const s = statsOf(name);
    const etag = `"${name}-v1"`;
    if (honourConditional && req.headers['if-none-match'] === etag) {
      s.notModified++;
      return res.writeHead(304, { etag }).end();
    }
    s.bodies++;
    res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
      .end(rssFeed(base, name, itemsPerFeed, 'UTF-8', name, firstItemBytes));
  };

  const serveFeed = (req: IncomingMessage, res: ServerResponse, name: string) => {
    statsOf(name).requests++;
    const fault = faults.get(name) ?? 'healthy';
    switch (fault) {
      case 'healthy':
        return healthy(req, res, name, true);
      case 'ignore-conditional':
        return healthy(req, res, name, false);
      case 'huge-item':
        return healthy(req, res, name, true, opts.hugeItemBytes ?? 400 * 1024);
      case 'http-500':
        return res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded');
      case 'http-429':
        return res.writeHead(429, { 'retry-after': String(retryAfter) }).end('slow down');
      case 'http-503-date':
        return res
          .writeHead(503, { 'retry-after': new Date(Date.now() + retryAfter * 1000).toUTCString() })
          .end('maintenance');
      case 'reset':
        return req.socket.destroy();
      case 'truncated-body': {
        const body = Buffer.from(rssFeed(base, name, itemsPerFeed));
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(body.length) });
        res.write(body.subarray(0, body.length >> 1));
        return setTimeout(() => res.socket?.destroy(), 10);
      }
      case 'drip': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const t = setInterval(() => res.write(' '), drip);
        timers.add(t);
        return res.on('close', () => (clearInterval(t), timers.delete(t)));
      }
      case 'endless': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>');
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        return pump();
      }
      case 'truncated-xml': {
        const doc = rssFeed(base, name, itemsPerFeed);
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(doc.slice(0, doc.length >> 1));
      }
      case 'wrong-charset': {
        const doc = rssFeed(base, name, itemsPerFeed, 'windows-1252', `Société Générale café`);
        // latin1 bytes == windows-1252 for these characters; the header lies.
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
          .end(Buffer.from(doc, 'latin1'));
      }
      case 'redirect-loop':
        return res.writeHead(301, { location: `/loop/${name}/a` }).end();
      case 'redirect-metadata':
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case 'redirect-private':
        return res.writeHead(307, { location: 'http://10.0.0.1/feed.xml' }).end();
      case 'gzip-bomb':
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
          .end(gzipBomb());
      case 'entity-bomb':
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(ENTITY_BOMB);
    }
  };

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const feed = /^\/feeds\/([^/?]+)\.xml/.exec(url);
    if (feed) return serveFeed(req, res, decodeURIComponent(feed[1]!));
    const loop = /^\/loop\/([^/]+)\/(a|b)$/.exec(url);
    if (loop) return res.writeHead(302, { location: `/loop/${loop[1]}/${loop[2] === 'a' ? 'b' : 'a'}` }).end();
    const page = /^\/news\/(.+)-(\d+)\.html$/.exec(url);
    if (page) {
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!DOCTYPE html><html><body>${releaseHtml(page[1]!, Number(page[2]))}</body></html>`);
    }
    res.writeHead(404).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    base,
    host: `127.0.0.1:${port}`,
    feedUrl: (name) => `${base}/feeds/${encodeURIComponent(name)}.xml`,
    setFault: (name, fault) => void faults.set(name, fault),
    healAll: () => faults.clear(),
    stats: (name) => ({ ...statsOf(name) }),
    totals: () => {
      const t: FeedStats = { requests: 0, bodies: 0, notModified: 0 };
      for (const s of stats.values()) {
        t.requests += s.requests;
        t.bodies += s.bodies;
        t.notModified += s.notModified;
      }
      return t;
    },
    resetStats: () => stats.clear(),
    close: async () => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
