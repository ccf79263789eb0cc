/**
 * Local sample feed server: serves the bundled PR Newswire-style sample feeds and release pages
 * (lambdas/local/sample-feeds) over real HTTP on 127.0.0.1, so `npm start` and the end-to-end tests
 * exercise the real HTTP fetcher (conditional GET included) and the real parser.
 *
 * Routes (GET and HEAD only):
 *   /feeds/<name>.xml            application/rss+xml; charset=utf-8
 *   /news-releases/<slug>.html   text/html; charset=utf-8
 * Anything else is 404 (path traversal included: names are matched against a strict pattern, never
 * joined as given); other methods are 405. `{{BASE_URL}}` in a served file is replaced with this
 * server's own base URL, so feed links and canonical URLs point back at it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface SampleServerOptions {
  /** TCP port; default 0 = any free port. */
  port?: number;
  /** Interface to bind; default '127.0.0.1'. */
  host?: string;
  /** Folder holding feeds/ and releases/; default: the bundled sample-feeds folder. */
  root?: string;
}

export interface SampleServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  baseUrl: string;
  /** Absolute URL of every feed, in the order of `feeds`. */
  feedUrls: string[];
  feeds: { name: string; url: string }[];
  /** Requests received so far (any method, any status). */
  readonly requests: number;
  /** Stops listening and drops idle keep-alive connections. Safe to call twice. */
  close(): Promise<void>;
}

const SAMPLE_FEEDS_REL = path.join('lambdas', 'local', 'sample-feeds');
const BASE_URL_TOKEN = /\{\{BASE_URL\}\}/g;
/** Feed names and release slugs: lower-case words and digits joined by dashes. Nothing else. */
const FEED_ROUTE = /^\/feeds\/([a-z0-9][a-z0-9-]{0,200})\.xml$/;
const RELEASE_ROUTE = /^\/news-releases\/([a-z0-9][a-z0-9-]{0,300})\.html$/;

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * Absolute path of lambdas/local/sample-feeds. Walks up from this file to the project root (the
 * first directory with a package.json that also holds the sample folder), so it works from the TS
 * sources (jest, tsx), from compiled dist/ output and from a bundle; falls back to the working dir.
 */
export function sampleFeedsDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) {
      const candidate = path.join(dir, SAMPLE_FEEDS_REL);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fromCwd = path.resolve(process.cwd(), SAMPLE_FEEDS_REL);
  if (existsSync(fromCwd)) return fromCwd;
  throw new Error(
    `sample feeds folder not found: looked for ${SAMPLE_FEEDS_REL} above ${__dirname} and in ${process.cwd()}`,
  );
}

interface CachedFile {
  body: Buffer;
  etag: string;
  /** HTTP-date (whole seconds) of the file's mtime. */
  lastModified: string;
  lastModifiedMs: number;
  contentType: string;
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** RFC 9110 weak comparison, as If-None-Match requires. */
function etagMatches(header: string, etag: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  const want = strip(etag);
  return header.split(',').some((t) => t.trim() === '*' || strip(t) === want);
}

function isNotModified(req: IncomingMessage, file: CachedFile): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, file.etag); // If-None-Match wins over If-Modified-Since
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && file.lastModifiedMs <= since;
}

function listFeedNames(root: string): string[] {
  const dir = path.join(root, 'feeds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^([a-z0-9][a-z0-9-]*)\.xml$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

export async function startSampleServer(opts: SampleServerOptions = {}): Promise<SampleServer> {
  const root = path.resolve(opts.root ?? sampleFeedsDir());
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`sample server: invalid port ${String(port)} (use 0..65535; 0 picks a free port)`);
  }

  let baseUrl = '';
  let requests = 0;
  /** Promises, so concurrent first requests for one file read it once. */
  const cache = new Map<string, Promise<CachedFile | null>>();

  const load = (file: string, contentType: string): Promise<CachedFile | null> => {
    let entry = cache.get(file);
    if (!entry) {
      entry = (async () => {
        try {
          const st = await stat(file);
          if (!st.isFile()) return null;
          const raw = await readFile(file, 'utf8');
          const body = Buffer.from(raw.replace(BASE_URL_TOKEN, baseUrl), 'utf8');
          const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
          const lastModifiedMs = Math.floor(st.mtimeMs / 1000) * 1000;
          return { body, etag, lastModified: new Date(lastModifiedMs).toUTCString(), lastModifiedMs, contentType };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
          cache.delete(file); // do not remember transient read errors
          throw err;
        }
      })();
      cache.set(file, entry);
    }
    return entry;
  };

  const resolveRoute = (pathname: string): { file: string; type: string } | null => {
    const feed = FEED_ROUTE.exec(pathname);
    if (feed?.[1]) return { file: path.join(root, 'feeds', `${feed[1]}.xml`), type: RSS_TYPE };
    const rel = RELEASE_ROUTE.exec(pathname);
    if (rel?.[1]) return { file: path.join(root, 'releases', `${rel[1]}.html`), type: HTML_TYPE };
    return null;
  };

  const sendText = (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...extra,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests += 1;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    // Only the raw path is matched (query ignored); '..', '%2e', '%2f', backslashes never match.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const route = resolveRoute(rawPath);
    const file = route ? await load(route.file, route.type) : null;
    if (!file) {
      sendText(res, 404, 'Not Found\n');
      return;
    }
    const headers = {
      ETag: file.etag,
      'Last-Modified': file.lastModified,
      'Cache-Control': 'no-cache',
    };
    if (isNotModified(req, file)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(method === 'HEAD' ? undefined : file.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy(err instanceof Error ? err : undefined);
      else sendText(res, 500, 'Internal Server Error\n');
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(
            `sample server: port ${port} on ${host} is already in use; choose another port with --sample-port <port> (or --sample-port 0 for any free port)`,
          ),
        );
      } else if (err.code === 'EACCES') {
        reject(
          new Error(
            `sample server: not allowed to listen on port ${port} on ${host}; choose another port with --sample-port <port>`,
          ),
        );
      } else {
        reject(err);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });

  const address = server.address() as AddressInfo;
  baseUrl = `http://${formatHost(host)}:${address.port}`;
  const feeds = listFeedNames(root).map((name) => ({ name, url: `${baseUrl}/feeds/${name}.xml` }));

  let closing: Promise<void> | null = null;
  return {
    baseUrl,
    feeds,
    feedUrls: feeds.map((f) => f.url),
    get requests() {
      return requests;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Idle keep-alive sockets (fetch/undici keeps them) would hold close() open: drop them now,
        // and anything still busy after a short grace period.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
      return closing;
    },
  };
}
