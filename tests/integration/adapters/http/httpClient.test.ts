import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import {
  HttpStatusError,
  UndiciHttpClient,
  type UndiciHttpClientOptions,
} from '../../../../lambdas/adapters/http/httpClient';
import { FetchError } from '../../../../lambdas/core/errors';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seen: { url: string; headers: IncomingMessage['headers'] }[] = [];
let server: Server;
let concurrent = 0;
let maxConcurrent = 0;
let port: number;
let base: string;
const clients: UndiciHttpClient[] = [];

function client(over: Partial<UndiciHttpClientOptions> = {}): UndiciHttpClient {
  const c = new UndiciHttpClient({ userAgent: 'newswire-ingest-test/1.0', allowHosts: [`127.0.0.1:${port}`], ...over });
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => {
      throw new Error('expected the fetch to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const handler = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  routes.set('/feed', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss/>');
  });
  routes.set('/gz', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('hello gzip'));
  });
  routes.set('/br', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('hello br'));
  });
  routes.set('/deflate', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync('hello deflate'));
  });
  for (let i = 1; i <= 3; i++) {
    routes.set(`/r${i}`, (_req, res) => res.writeHead(302, { location: i < 3 ? `/r${i + 1}` : '/feed' }).end());
  }
  routes.set('/loop-a', (_req, res) => res.writeHead(301, { location: `${base}/loop-b` }).end());
  routes.set('/loop-b', (_req, res) => res.writeHead(301, { location: '/loop-a' }).end());
  routes.set('/to-metadata', (_req, res) =>
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  );
  routes.set('/to-private', (_req, res) => res.writeHead(307, { location: 'http://10.0.0.1:8080/x' }).end());
  routes.set('/to-localhost', (_req, res) => res.writeHead(302, { location: `http://localhost:${port}/feed` }).end());
  routes.set('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  routes.set('/to-credentials', (_req, res) =>
    res.writeHead(302, { location: `http://admin:hunter2@127.0.0.1:${port}/feed` }).end(),
  );
  routes.set('/big', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  // 64 MiB of zeros → ~64 KiB gzip, made once at set-up: the server's own 64 MiB must not count in
  // the memory the client test measures.
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  routes.set('/bomb', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
  });
  routes.set('/gz-big', (_req, res) => {
    // Incompressible: 2 MiB on the wire, 2 MiB decoded — too large, but no bomb.
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(randomBytes(2 * 1024 * 1024)));
  });
  routes.set('/declared-big', (_req, res) => {
    res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
    res.write('x');
  });
  routes.set('/reset', (req) => {
    req.socket.destroy();
  });
  routes.set('/slow', (_req, res) => {
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    setTimeout(() => {
      concurrent--;
      res.writeHead(200).end('ok');
    }, 60);
  });
  routes.set('/stall', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    // never ends; the client must give up
  });
  routes.set('/drip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const t = setInterval(() => res.write('.'), 20);
    res.on('close', () => clearInterval(t));
  });
  routes.set('/no-headers', () => {
    // never answers
  });
  routes.set('/500', (_req, res) => res.writeHead(500).end('boom'));
  routes.set('/503', (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end());
  routes.set('/429', (_req, res) => res.writeHead(429, { 'retry-after': '30' }).end());
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  seen.length = 0;
});

describe('UndiciHttpClient', () => {
  it('fetches a 200 with the request headers set', async () => {
    const res = await client().fetch(`${base}/feed`, { accept: 'application/rss+xml' });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${base}/feed`);
    expect(res.headers.etag).toBe('"v1"');
    expect(Buffer.from(res.body).toString()).toBe('<rss/>');
    expect(seen[0]?.headers).toMatchObject({
      'user-agent': 'newswire-ingest-test/1.0',
      accept: 'application/rss+xml',
      'accept-encoding': 'gzip, deflate, br',
    });
  });

  it('sends If-None-Match / If-Modified-Since and returns 304 with an empty body', async () => {
    const res = await client().fetch(`${base}/feed`, { etag: '"v1"', lastModified: 'Mon, 03 Mar 2025 14:00:00 GMT' });
    expect(res.status).toBe(304);
    expect(res.body.byteLength).toBe(0);
    expect(seen[0]?.headers['if-modified-since']).toBe('Mon, 03 Mar 2025 14:00:00 GMT');
  });

  it.each([
    ['/gz', 'hello gzip'],
    ['/br', 'hello br'],
    ['/deflate', 'hello deflate'],
  ])('decodes %s', async (path, text) => {
    expect(Buffer.from((await client().fetch(`${base}${path}`)).body).toString()).toBe(text);
  });

  it('follows a redirect chain and reports the final URL', async () => {
    const res = await client().fetch(`${base}/r1`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${base}/feed`);
    expect(seen.map((s) => s.url)).toEqual(['/r1', '/r2', '/r3', '/feed']);
  });

  it('throws TOO_MANY_REDIRECTS past maxRedirects', async () => {
    const err = await failure(client({ maxRedirects: 2 }).fetch(`${base}/r1`));
    expect(err).toMatchObject({ code: 'TOO_MANY_REDIRECTS', retryable: false });
  });

  it('throws REDIRECT_LOOP on a loop', async () => {
    const err = await failure(client().fetch(`${base}/loop-a`));
    expect(err).toMatchObject({ code: 'REDIRECT_LOOP', retryable: false });
  });

  it.each([
    ['/to-metadata', '169.254.169.254'],
    ['/to-private', '10.0.0.1'],
  ])('refuses a redirect %s to %s without connecting', async (path, addr) => {
    const started = Date.now();
    // A long connect timeout: a connection attempt to these addresses would hang, not fail fast.
    const err = await failure(client({ connectTimeoutMs: 10_000 }).fetch(`${base}${path}`));
    expect(err).toMatchObject({ code: 'BLOCKED_ADDRESS', retryable: false });
    expect(err.message).toContain(addr);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses 127.0.0.1 when it is not allow-listed, before any request reaches it', async () => {
    const err = await failure(client({ allowHosts: [] }).fetch(`${base}/feed`));
    expect(err).toMatchObject({ code: 'BLOCKED_ADDRESS', retryable: false });
    expect(seen).toHaveLength(0);
  });

  it('checks hostnames at connect time: localhost resolves to loopback and is refused', async () => {
    const err = await failure(client().fetch(`${base}/to-localhost`));
    expect(err).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    expect(seen.map((s) => s.url)).toEqual(['/to-localhost']);
  });

  it.each([
    'https://localhost:9/', // TLS connections go through the same guarded lookup
    'http://0x7f000001:9/', // hex, decimal and short IPv4 forms are normalized by the URL parser
    'http://2130706433:9/',
    'http://127.1:9/',
    'http://[::1]:9/',
    'https://[::ffff:7f00:1]:9/',
    'http://[64:ff9b::a9fe:a9fe]/', // NAT64 form of 169.254.169.254
    'http://[::ffff:0:7f00:1]/', // IPv4-translated (SIIT) form of 127.0.0.1
    'http://[::ffff:0:a9fe:a9fe]/', // IPv4-translated form of 169.254.169.254
  ])('refuses %s', async (url) => {
    expect(await failure(client({ allowHosts: [] }).fetch(url))).toMatchObject({ code: 'BLOCKED_ADDRESS' });
  });

  it('refuses a URL carrying credentials with URL_CREDENTIALS, before any request, and never repeats them', async () => {
    const err = await failure(client().fetch(`http://reader:s3cret-pw@127.0.0.1:${port}/feed`));
    expect(err).toMatchObject({ code: 'URL_CREDENTIALS', retryable: false, url: `http://***@127.0.0.1:${port}/feed` });
    expect(seen).toHaveLength(0);
    const shown = JSON.stringify({ message: err.message, url: err.url, stack: err.stack });
    expect(shown).not.toContain('s3cret-pw');
    expect(shown).not.toContain('reader');
    // A user name alone is refused too.
    expect(await failure(client().fetch(`http://reader@127.0.0.1:${port}/feed`))).toMatchObject({
      code: 'URL_CREDENTIALS',
    });
  });

  it('refuses a redirect to a URL carrying credentials, without following it or repeating them', async () => {
    const err = await failure(client().fetch(`${base}/to-credentials`));
    expect(err).toMatchObject({ code: 'URL_CREDENTIALS', retryable: false });
    expect(seen.map((s) => s.url)).toEqual(['/to-credentials']);
    expect(err.message).toContain(`http://***@127.0.0.1:${port}/feed`);
    expect(JSON.stringify({ message: err.message, url: err.url })).not.toMatch(/admin|hunter2/);
  });

  it('a bad URL is named without the credentials it carries', async () => {
    const err = await failure(client().fetch('http://reader:s3cret-pw@exa mple.test/'));
    expect(err.code).toBe('BAD_URL');
    expect(JSON.stringify({ message: err.message, url: err.url })).not.toContain('s3cret-pw');
  });

  it('allowHostsViaRedirect lets a host through on every hop', async () => {
    const res = await client({ allowHosts: [], allowHostsViaRedirect: [`127.0.0.1:${port}`] }).fetch(`${base}/r1`);
    expect(res.status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(['/r1', '/r2', '/r3', '/feed']);
  });

  it('connects anywhere when blockPrivateAddresses is false', async () => {
    const res = await client({ allowHosts: [], blockPrivateAddresses: false }).fetch(`http://localhost:${port}/feed`);
    expect(res.status).toBe(200);
  });

  it('throws BAD_URL for a non-http URL or a redirect to one', async () => {
    expect(await failure(client().fetch('ftp://example.com/x'))).toMatchObject({ code: 'BAD_URL', retryable: false });
    expect(await failure(client().fetch('not a url'))).toMatchObject({ code: 'BAD_URL' });
    expect(await failure(client().fetch(`${base}/to-file`))).toMatchObject({ code: 'BAD_URL' });
  });

  it('throws TOO_LARGE for a body over maxBytes', async () => {
    const err = await failure(client({ maxBytes: 1024 * 1024 }).fetch(`${base}/big`));
    expect(err).toMatchObject({ code: 'TOO_LARGE', retryable: false });
  });

  it('cuts a gzip bomb off with DECOMPRESSION_BOMB, counting decoded bytes', async () => {
    const before = process.memoryUsage().rss;
    const err = await failure(client({ maxBytes: 1024 * 1024 }).fetch(`${base}/bomb`));
    expect(err).toMatchObject({ code: 'DECOMPRESSION_BOMB', retryable: false });
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('an encoded body that is merely large is TOO_LARGE, not a bomb', async () => {
    const err = await failure(client({ maxBytes: 1024 * 1024 }).fetch(`${base}/gz-big`));
    expect(err).toMatchObject({ code: 'TOO_LARGE', retryable: false });
  });

  it('refuses a declared Content-Length over the cap before reading it', async () => {
    const err = await failure(client({ maxBytes: 1024 * 1024 }).fetch(`${base}/declared-big`));
    expect(err).toMatchObject({ code: 'TOO_LARGE' });
    expect(err.message).toContain('Content-Length');
  });

  it('a connection reset is a retryable CONNECTION_RESET', async () => {
    const err = await failure(client().fetch(`${base}/reset`));
    expect(err).toMatchObject({ code: 'CONNECTION_RESET', retryable: true });
  });

  it('keeps at most perHostConcurrency requests in flight per host', async () => {
    concurrent = 0;
    maxConcurrent = 0;
    const c = client({ perHostConcurrency: 2 });
    const all = await Promise.all(Array.from({ length: 6 }, () => c.fetch(`${base}/slow`)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(maxConcurrent).toBe(2);

    // Two host names (two limits) → up to twice as many in flight.
    concurrent = 0;
    maxConcurrent = 0;
    const two = client({ perHostConcurrency: 2, allowHosts: [`127.0.0.1:${port}`, `localhost:${port}`] });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => two.fetch(`http://${i % 2 ? 'localhost' : '127.0.0.1'}:${port}/slow`)),
    );
    expect(maxConcurrent).toBe(4);
  });

  it('redirects to refused addresses never reach the connector of undici', async () => {
    const attempts: string[] = [];
    const onConnect = (m: unknown) =>
      attempts.push((m as { connectParams: { hostname: string } }).connectParams.hostname);
    diagnostics.subscribe('undici:client:beforeConnect', onConnect);
    try {
      const c = client();
      expect(await failure(c.fetch(`${base}/to-metadata`))).toMatchObject({ code: 'BLOCKED_ADDRESS' });
      expect(await failure(c.fetch(`${base}/to-private`))).toMatchObject({ code: 'BLOCKED_ADDRESS' });
      expect(await failure(c.fetch('http://[::ffff:a00:1]/'))).toMatchObject({ code: 'BLOCKED_ADDRESS' });
      expect(await failure(c.fetch('http://[64:ff9b::a9fe:a9fe]/'))).toMatchObject({ code: 'BLOCKED_ADDRESS' });
    } finally {
      diagnostics.unsubscribe('undici:client:beforeConnect', onConnect);
    }
    expect(attempts.length).toBeGreaterThan(0); // the first hop to the allow-listed server did connect
    expect(attempts.filter((h) => h !== '127.0.0.1')).toEqual([]);
  });

  it('throws TIMEOUT when the body stalls', async () => {
    const err = await failure(client({ bodyIdleTimeoutMs: 200 }).fetch(`${base}/stall`));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('throws TIMEOUT when headers never come', async () => {
    const err = await failure(client({ headersTimeoutMs: 200 }).fetch(`${base}/no-headers`));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('throws TIMEOUT when the whole fetch takes longer than totalTimeoutMs', async () => {
    const started = Date.now();
    const err = await failure(client({ totalTimeoutMs: 300 }).fetch(`${base}/drip`));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(err.message).toContain('(total)');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('500 → retryable HTTP_STATUS', async () => {
    const err = await failure(client().fetch(`${base}/500`));
    expect(err).toMatchObject({ code: 'HTTP_STATUS', retryable: true, status: 500 });
  });

  it('404 → non-retryable HTTP_STATUS', async () => {
    const err = await failure(client().fetch(`${base}/nothing-here`));
    expect(err).toMatchObject({ code: 'HTTP_STATUS', retryable: false, status: 404 });
  });

  it.each([
    ['/503', 503, '120'],
    ['/429', 429, '30'],
  ])('%s → retryable with Retry-After kept', async (path, status, retryAfter) => {
    const err = await failure(client().fetch(`${base}${path}`));
    expect(err).toBeInstanceOf(HttpStatusError);
    expect(err).toMatchObject({ code: 'HTTP_STATUS', retryable: true, status, retryAfter });
    expect(err.message).toContain(`Retry-After: ${retryAfter}`);
  });

  it('after a 429 with Retry-After, the host is left alone: other URLs fail with HOST_COOLING_DOWN unsent', async () => {
    const c = client();
    await failure(c.fetch(`${base}/429`));
    seen.length = 0;
    const err = await failure(c.fetch(`${base}/feed`));
    expect(err).toMatchObject({ code: 'HOST_COOLING_DOWN', retryable: true });
    expect(seen).toHaveLength(0);
    // It carries the host's Retry-After (as an HTTP date, ~30 s from now) for the feed's schedule.
    const until = Date.parse((err as unknown as { retryAfter: string }).retryAfter);
    expect(until).toBeGreaterThan(Date.now() + 25_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 31_000);
    // Another host (name:port) is not affected.
    const other = client({ allowHosts: [`127.0.0.1:${port}`, `localhost:${port}`] });
    await failure(other.fetch(`${base}/429`));
    expect((await other.fetch(`http://localhost:${port}/feed`)).status).toBe(200);
  });

  it('throws retryable NETWORK when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await failure(client({ allowHosts: [`127.0.0.1:${deadPort}`] }).fetch(`http://127.0.0.1:${deadPort}/`));
    expect(err).toMatchObject({ code: 'NETWORK', retryable: true });
  });
});
