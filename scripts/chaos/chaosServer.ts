/**
 * The chaos run's wire site on 127.0.0.1: serves a ChaosWorld's feeds and pages (with ETags and
 * conditional GET, like scripts/bench/releaseServer) and injects HTTP faults from the seed. A fault
 * is either permanent (a page or feed gone: 404 / 410) or transient: the first 1–2 requests of a
 * chosen URL fail with one kind of fault, later ones succeed (so the pipeline's retries — three
 * receives per message — can always get through). `heal()` ends every transient fault.
 * A faulty response never carries an ETag, so it never turns into a 304 later.
 */
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mulberry32 } from '../bench/releaseGenerator';
import { feedXmlOf, pageHtml, type ChaosWorld } from './world';

export const HTTP_FAULTS = [
  'http-500',
  'http-503',
  'http-429', // with Retry-After: 1
  'reset', // connection destroyed before any response
  'truncated-body', // Content-Length promises more than is sent
  'slow-body', // the body in small pieces, 120 ms apart
  'truncated-xml', // a complete response carrying half a feed (feeds only)
  'malformed-xml', // a complete response that is not well-formed XML (feeds only)
  'wrong-charset', // windows-1252 bytes under charset=utf-8 (feeds only)
] as const;
export type HttpFault = (typeof HTTP_FAULTS)[number];
const PAGE_FAULTS: HttpFault[] = ['http-500', 'http-503', 'http-429', 'reset', 'truncated-body', 'slow-body'];
const FEED_FAULTS: HttpFault[] = [...HTTP_FAULTS];

export interface ChaosServer {
  baseUrl: string;
  host: string;
  feedUrls: { name: string; url: string }[];
  setEpoch(epoch: number): void;
  heal(): void;
  /** Faults injected so far, by kind (permanent ones as `http-404` / `http-410`). */
  readonly faults: Record<string, number>;
  close(): Promise<void>;
}

interface Plan {
  kind: HttpFault;
  failFirst: number;
}

export async function startChaosServer(
  world: ChaosWorld,
  opts: { faultRate: number; kinds?: readonly HttpFault[] },
): Promise<ChaosServer> {
  const allowed = (k: HttpFault) => !opts.kinds || opts.kinds.includes(k);
  let epoch = 0;
  let healed = false;
  const faults: Record<string, number> = {};
  const hits = new Map<string, number>();
  const plans = new Map<string, Plan>();
  const rand = mulberry32(world.seed ^ 0x4e77);
  const planFor = (path: string, kinds: HttpFault[]) => {
    if (kinds.length && rand() < opts.faultRate) {
      plans.set(path, { kind: kinds[Math.floor(rand() * kinds.length)]!, failFirst: 1 + Math.floor(rand() * 2) });
    }
  };
  const pages = new Map<string, (typeof world.releases)[number]>();
  const redirects = new Map<string, string>();
  const feeds = new Map<string, (typeof world.feeds)[number]>();
  for (const r of world.releases) {
    pages.set(r.finalPath, r);
    if (r.moved) redirects.set(r.path, r.finalPath);
    planFor(r.finalPath, PAGE_FAULTS.filter(allowed));
  }
  for (const f of world.feeds) {
    feeds.set(f.path, f);
    planFor(f.path, FEED_FAULTS.filter(allowed));
  }
  const cache = new Map<string, { bytes: Buffer; etag: string }>();
  const body = (key: string, make: () => string) => {
    const k = `${epoch}:${key}`;
    let b = cache.get(k);
    if (!b) {
      const bytes = Buffer.from(make(), 'utf8');
      b = { bytes, etag: `"${createHash('sha1').update(bytes).digest('hex')}"` };
      cache.set(k, b);
    }
    return b;
  };
  const count = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const feed = feeds.get(path);
    const page = pages.get(path);
    const moved = redirects.get(path);
    const gone = feed?.gone ?? (page?.finalPath === path ? page.gone : null) ?? null;
    if (gone) {
      count(`http-${gone}`);
      res.writeHead(gone, { 'content-type': 'text/plain' }).end('gone');
      return;
    }
    if (moved) {
      res.writeHead(301, { location: `${baseUrl}${moved}` }).end();
      return;
    }
    if (!feed && !page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const b = feed
      ? body(path, () => feedXmlOf(world, feed, epoch, baseUrl))
      : body(path, () => pageHtml(world, page!, epoch, baseUrl));
    const type = feed ? 'application/rss+xml; charset=utf-8' : 'text/html; charset=utf-8';
    const plan = plans.get(path);
    if (plan && !healed && n <= plan.failFirst) {
      count(plan.kind);
      inject(plan.kind, res, b.bytes, type);
      return;
    }
    if (req.headers['if-none-match'] === b.etag) {
      res.writeHead(304, { etag: b.etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': b.bytes.length, etag: b.etag }).end(b.bytes);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    host: `127.0.0.1:${port}`,
    feedUrls: world.feeds.map((f) => ({ name: f.name, url: `${baseUrl}${f.path}` })),
    setEpoch: (e) => {
      epoch = e;
    },
    heal: () => {
      healed = true;
    },
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function inject(kind: HttpFault, res: ServerResponse, bytes: Buffer, type: string): void {
  switch (kind) {
    case 'http-500':
    case 'http-503':
      res.writeHead(kind === 'http-500' ? 500 : 503, { 'content-type': 'text/plain' }).end('server error');
      return;
    case 'http-429':
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'truncated-body':
      res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
      return;
    case 'slow-body': {
      res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
      const step = Math.ceil(bytes.length / 4);
      let at = 0;
      const tick = () => {
        if (res.destroyed) return;
        const chunk = bytes.subarray(at, at + step);
        at += step;
        if (at >= bytes.length) res.end(chunk);
        else {
          res.write(chunk);
          setTimeout(tick, 120);
        }
      };
      tick();
      return;
    }
    case 'truncated-xml': {
      const half = bytes.subarray(0, Math.floor(bytes.length / 2));
      res.writeHead(200, { 'content-type': type, 'content-length': half.length }).end(half);
      return;
    }
    case 'malformed-xml': {
      const bad = Buffer.from('<?xml version="1.0"?><rss><channel><title>broken</title><item><title>a & b <i></item>');
      res.writeHead(200, { 'content-type': type, 'content-length': bad.length }).end(bad);
      return;
    }
    case 'wrong-charset': {
      const latin = Buffer.from(bytes.toString('utf8'), 'latin1');
      res.writeHead(200, { 'content-type': type, 'content-length': latin.length }).end(latin);
      return;
    }
  }
}
