/**
 * Secondary adapter: HttpClient on undici, with the limits a poller of untrusted URLs needs —
 * connect / headers / body / total timeouts, a cap on the decoded body size, manual redirects
 * (each hop checked again) and an SSRF guard that checks the address actually connected to.
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import { FetchError } from '../../core/errors';
import type { FetchRequest, FetchResponse, HttpClient } from '../../pipeline/ports';
import { BlockedAddressError, guardedLookup, isBlockedAddress } from './addressGuard';
import { FETCH_DEFAULTS } from './fetchDefaults';

export interface UndiciHttpClientOptions {
  /** Sent as User-Agent on every request (say who you are and how to reach you). */
  readonly userAgent: string;
  /** @default 5000 */
  readonly connectTimeoutMs?: number;
  /** Time to the response headers. @default 10000 */
  readonly headersTimeoutMs?: number;
  /** Longest pause between two body chunks. @default 20000 */
  readonly bodyTimeoutMs?: number;
  /** The whole fetch, redirects included. @default 30000 */
  readonly totalTimeoutMs?: number;
  /** Cap on the decoded body size. @default 15 MiB */
  readonly maxBytes?: number;
  /** @default 5 */
  readonly maxRedirects?: number;
  /** `host:port` pairs allowed even when they resolve to a private address (local sample server, tests). @default [] */
  readonly allowHosts?: readonly string[];
  /** Refuse loopback / private / link-local / … addresses. @default true */
  readonly blockPrivateAddresses?: boolean;
}

/** An HTTP status the caller should see; 429 / 503 carry the server's Retry-After. */
export class HttpStatusError extends FetchError {
  constructor(
    message: string,
    retryable: boolean,
    url: string,
    status: number,
    /** Retry-After as sent (seconds or an HTTP date), or null. */
    readonly retryAfter: string | null,
  ) {
    super('HTTP_STATUS', message, retryable, url, status);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class UndiciHttpClient implements HttpClient {
  private readonly agent: Agent;
  private readonly opts: Required<Omit<UndiciHttpClientOptions, 'allowHosts'>> & { allowHosts: ReadonlySet<string> };

  constructor(options: UndiciHttpClientOptions) {
    this.opts = {
      userAgent: options.userAgent,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 20_000,
      totalTimeoutMs: options.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs,
      maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      maxRedirects: options.maxRedirects ?? 5,
      blockPrivateAddresses: options.blockPrivateAddresses ?? true,
      allowHosts: new Set((options.allowHosts ?? []).map((h) => h.toLowerCase())),
    };
    const guarded = buildConnector({ timeout: this.opts.connectTimeoutMs, lookup: guardedLookup });
    const open = buildConnector({ timeout: this.opts.connectTimeoutMs });
    // Every connection goes through here, whichever hop asked for it.
    const connect: buildConnector.connector = (o, callback) => {
      if (!this.opts.blockPrivateAddresses || this.isAllowed(o.hostname, o.port, o.protocol)) return open(o, callback);
      // net.connect skips `lookup` for IP literals, so check those here.
      if (isIP(o.hostname) && isBlockedAddress(o.hostname)) {
        return callback(new BlockedAddressError(o.hostname, o.hostname), null);
      }
      return guarded(o, callback);
    };
    this.agent = new Agent({
      connect,
      headersTimeout: this.opts.headersTimeoutMs,
      bodyTimeout: this.opts.bodyTimeoutMs,
    });
  }

  async fetch(url: string, req: FetchRequest = {}): Promise<FetchResponse> {
    const signal = AbortSignal.timeout(this.opts.totalTimeoutMs);
    const seen = new Set<string>();
    let current = this.parseUrl(url, url);
    try {
      for (let hop = 0; ; hop++) {
        seen.add(current.href);
        this.checkLiteralAddress(current);
        const res = await request(current, {
          dispatcher: this.agent,
          method: 'GET',
          signal,
          headers: this.headers(req),
        });
        const status = res.statusCode;
        const headers = flattenHeaders(res.headers);

        if (REDIRECTS.has(status) && headers.location) {
          await res.body.dump();
          const next = this.parseUrl(headers.location, current.href, current);
          if (seen.has(next.href)) {
            throw new FetchError('REDIRECT_LOOP', `Redirect loop: ${current.href} → ${next.href}`, false, url, status);
          }
          if (hop + 1 > this.opts.maxRedirects) {
            throw new FetchError(
              'TOO_MANY_REDIRECTS',
              `More than ${this.opts.maxRedirects} redirects`,
              false,
              url,
              status,
            );
          }
          current = next;
          continue;
        }
        if (status === 304) {
          await res.body.dump();
          return { status, url: current.href, headers, body: new Uint8Array() };
        }
        if (status >= 200 && status < 300) {
          const body = await this.readBody(res.body, headers, current.href, signal);
          return { status, url: current.href, headers, body };
        }
        await res.body.dump();
        throw statusError(status, headers, current.href);
      }
    } catch (err) {
      throw toFetchError(err, current.href, signal);
    }
  }

  /** Closes the connection pool (tests, local runtime shutdown). */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private headers(req: FetchRequest): Record<string, string> {
    const h: Record<string, string> = {
      'user-agent': this.opts.userAgent,
      accept: req.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) h['if-none-match'] = req.etag;
    if (req.lastModified) h['if-modified-since'] = req.lastModified;
    return h;
  }

  private parseUrl(raw: string, requested: string, base?: URL): URL {
    let u: URL;
    try {
      u = base ? new URL(raw, base) : new URL(raw);
    } catch {
      throw new FetchError('BAD_URL', `Not a URL: ${JSON.stringify(raw)}`, false, requested);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new FetchError('BAD_URL', `Only http(s) URLs are fetched, not ${u.protocol}`, false, requested);
    }
    u.hash = '';
    return u;
  }

  private isAllowed(hostname: string, port: string | number, protocol: string): boolean {
    const p = String(port || (protocol === 'https:' ? 443 : 80));
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return this.opts.allowHosts.has(`${host}:${p}`) || this.opts.allowHosts.has(`[${host}]:${p}`);
  }

  /** An IP-literal URL that the guard would refuse fails here, before any socket is opened. */
  private checkLiteralAddress(u: URL): void {
    if (!this.opts.blockPrivateAddresses) return;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isBlockedAddress(host) && !this.isAllowed(host, u.port, u.protocol)) {
      throw new BlockedAddressError(host, host);
    }
  }

  /** Reads the body, decoding Content-Encoding, failing as soon as the decoded size passes maxBytes. */
  private async readBody(
    body: Readable,
    headers: Record<string, string>,
    url: string,
    signal: AbortSignal,
  ): Promise<Uint8Array> {
    const max = this.opts.maxBytes;
    const encodings = (headers['content-encoding'] ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e !== '' && e !== 'identity');
    const declared = Number(headers['content-length']);
    if (encodings.length === 0 && Number.isFinite(declared) && declared > max) {
      body.destroy();
      throw tooLarge(url, max);
    }
    // Encodings apply in the order listed, so they are undone in reverse.
    const decoders = encodings.reverse().map((e) => {
      if (e === 'gzip' || e === 'x-gzip') return createGunzip();
      if (e === 'deflate') return createInflate();
      if (e === 'br') return createBrotliDecompress();
      body.destroy();
      throw new FetchError('NETWORK', `Unsupported Content-Encoding ${e}`, false, url);
    });
    const chunks: Buffer[] = [];
    let total = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        total += chunk.length;
        if (total > max) return cb(tooLarge(url, max));
        chunks.push(chunk);
        cb();
      },
    });
    await pipeline([body, ...decoders, sink], { signal });
    return new Uint8Array(Buffer.concat(chunks, total));
  }
}

function tooLarge(url: string, max: number): FetchError {
  return new FetchError('TOO_LARGE', `Body larger than ${max} bytes (decoded)`, false, url);
}

function statusError(status: number, headers: Record<string, string>, url: string): FetchError {
  const retryAfter = headers['retry-after'] ?? null;
  const retryable = status >= 500 || status === 429 || status === 408;
  const hint = retryAfter !== null && (status === 429 || status === 503) ? ` (Retry-After: ${retryAfter})` : '';
  return new HttpStatusError(`HTTP ${status}${hint}`, retryable, url, status, retryAfter);
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Maps whatever a fetch threw to a FetchError with one of the named codes. */
function toFetchError(err: unknown, url: string, signal: AbortSignal): FetchError {
  if (err instanceof FetchError) return err;
  const blocked = findCause(err, (e): e is BlockedAddressError => e instanceof BlockedAddressError);
  if (blocked) return new FetchError('BLOCKED_ADDRESS', blocked.message, false, url, undefined, { cause: err });
  const inner = findCause(err, (e): e is FetchError => e instanceof FetchError);
  if (inner) return inner;
  const code = findCause(
    err,
    (e): e is Error & { code: string } => typeof (e as { code?: unknown }).code === 'string',
  )?.code;
  if (
    signal.aborted ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return new FetchError('TIMEOUT', `Timed out fetching ${url}${code ? ` (${code})` : ''}`, true, url, undefined, {
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new FetchError('NETWORK', `${code ?? 'Network error'}: ${message}`, true, url, undefined, { cause: err });
}

function findCause<T extends Error>(err: unknown, match: (e: Error) => e is T): T | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (match(e)) return e;
  }
  return undefined;
}
