/**
 * Secondary adapter: HttpClient on undici, with the limits a poller of untrusted URLs needs —
 * connect / first-byte / body-idle / total timeouts, a cap on the body counted on the wire and after
 * decoding (a decompression bomb is cut off), manual redirects (each hop checked again, loops
 * detected), an SSRF guard that checks the address actually connected to, URLs carrying
 * credentials refused (and redacted from every error), and a per-host limit on requests in flight.
 * Feeds and release pages both go through it.
 */
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, buildConnector, request } from './undiciParts';
import { FetchError, StorageError } from '../../core/errors';
import { HostBusyError, isHostBusy } from '../../pipeline/hostBusy';
import type { FetchRequest, FetchResponse, HostSlots, HttpClient } from '../../pipeline/ports';
import { BlockedAddressError, guardedLookup, isBlockedAddress } from './addressGuard';
import { hasCredentials, redactUrl } from './urlCredentials';
import { FETCH_DEFAULTS, type FetchSettings } from './fetchDefaults';
import { HostAllowList } from './hostAllowList';
import { HostLimiter } from './hostLimiter';
import { parseRetryAfter } from '../../pipeline/schedule';
import { HOST_COOLING_DOWN } from '../../pipeline/notSentGrace';

export interface UndiciHttpClientOptions extends Partial<FetchSettings> {
  /** Refuse loopback / private / link-local / … addresses (allowHosts excepted). @default true */
  readonly blockPrivateAddresses?: boolean;
  /**
   * `host:port` pairs let through the guard like allowHosts, and also when a redirect from any other
   * host leads there (see HostAllowList: an allowHosts entry is not).
   */
  readonly allowHostsViaRedirect?: readonly string[];
  /**
   * Fleet-wide slots per host (adapters/dynamodb/hostSlots.ts), taken around every request after
   * this process's own per-host slot. @default - this process's limit only
   */
  readonly hostSlots?: HostSlots;
}

/**
 * An encoded body whose decoded size passes maxBytes while fewer than maxBytes / BOMB_RATIO bytes
 * came over the wire is called a decompression bomb (no real feed compresses that well); otherwise
 * it is merely too large.
 */
const BOMB_RATIO = 10;

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

/**
 * A host's 429 / 503 Retry-After pauses this process's requests to it, up to this long: shorter
 * than an article message's visibility timeout, so a page refused here is retried by SQS after the
 * pause rather than used up against maxReceiveCount. (The feed that got the 429 keeps the full
 * Retry-After in its nextPollAt.)
 */
const MAX_HOST_COOLDOWN_MS = 10 * 60_000;

/** A request not sent because its host asked (Retry-After) to be left alone until `retryAfter`. */
export class HostCoolingDownError extends FetchError {
  /** As an HTTP date, like the header it came from. */
  readonly retryAfter: string;
  constructor(url: string, host: string, until: Date) {
    super(
      HOST_COOLING_DOWN,
      `Not sent: ${host} asked (429/503 Retry-After) not to be called before ${until.toISOString()}`,
      true,
      url,
    );
    this.retryAfter = until.toUTCString();
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why a fetch ran out of time: one of the four limits. */
type TimeoutPhase = 'connect' | 'first byte' | 'body idle' | 'total';

class TotalTimeout extends Error {
  constructor(ms: number) {
    super(`no complete response within ${ms} ms`);
    this.name = 'TotalTimeout';
  }
}

export class UndiciHttpClient implements HttpClient {
  /** Connections to allowed hosts go through unguarded; every other one through the guard. */
  private readonly agent: Agent;
  /** Every connection through the guard: hops an allowed host is not allowed for. */
  private readonly strictAgent: Agent;
  private readonly limiter: HostLimiter;
  /** host[:port] → epoch ms until which it asked (Retry-After) not to be called. */
  private readonly cooldowns = new Map<string, number>();
  private readonly hostSlots: HostSlots | null;
  private readonly opts: Required<
    Omit<UndiciHttpClientOptions, 'allowHosts' | 'allowHostsViaRedirect' | 'hostSlots'>
  > & {
    allowHosts: HostAllowList;
  };

  constructor(options: UndiciHttpClientOptions = {}) {
    this.opts = {
      userAgent: options.userAgent ?? FETCH_DEFAULTS.userAgent,
      connectTimeoutMs: options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
      headersTimeoutMs: options.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs,
      bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? FETCH_DEFAULTS.bodyIdleTimeoutMs,
      totalTimeoutMs: options.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs,
      maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
      perHostConcurrency: options.perHostConcurrency ?? FETCH_DEFAULTS.perHostConcurrency,
      blockPrivateAddresses: options.blockPrivateAddresses ?? true,
      allowHosts: new HostAllowList(options.allowHosts ?? FETCH_DEFAULTS.allowHosts, options.allowHostsViaRedirect),
    };
    this.limiter = new HostLimiter(this.opts.perHostConcurrency);
    this.hostSlots = options.hostSlots ?? null;
    const guarded = buildConnector({ timeout: this.opts.connectTimeoutMs, lookup: guardedLookup });
    const open = buildConnector({ timeout: this.opts.connectTimeoutMs });
    // Every connection goes through here, whichever hop asked for it: the guard runs on the
    // address DNS gave for this very connection (no window for a rebinding answer).
    const connector =
      (allowListed: boolean): buildConnector.connector =>
      (o, callback) => {
        if (!this.opts.blockPrivateAddresses || (allowListed && this.opts.allowHosts.has(o))) {
          return open(o, callback);
        }
        // net.connect skips `lookup` for IP literals, so check those here.
        const literal = o.hostname.replace(/^\[|\]$/g, '');
        if (isIP(literal) && isBlockedAddress(literal)) {
          return callback(new BlockedAddressError(o.hostname, literal), null);
        }
        return guarded(o, callback);
      };
    const agent = (allowListed: boolean) =>
      new Agent({
        connect: connector(allowListed),
        headersTimeout: this.opts.headersTimeoutMs,
        bodyTimeout: this.opts.bodyIdleTimeoutMs,
        // The HostLimiter bounds requests per host; no pipelining, so one request per connection.
        pipelining: 1,
      });
    this.agent = agent(true);
    this.strictAgent = agent(false);
  }

  async fetch(url: string, req: FetchRequest = {}): Promise<FetchResponse> {
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The total budget starts once the first slot is ours: waiting behind our own requests to a
    // busy host is not the server's slowness.
    const startClock = () => {
      timer ??= setTimeout(() => deadline.abort(new TotalTimeout(this.opts.totalTimeoutMs)), this.opts.totalTimeoutMs);
    };
    const signal = deadline.signal;
    const seen = new Set<string>();
    // Never echo credentials: every error below names the URL without them.
    const shown = redactUrl(url);
    let current = this.parseUrl(url, shown);
    // True while every hop of this fetch went to an allowed host (see HostAllowList).
    let allowedChain = true;
    try {
      for (let hop = 0; ; hop++) {
        seen.add(current.href);
        const allowed = this.opts.allowHosts.allowsHop(current, allowedChain);
        allowedChain &&= allowed;
        this.checkLiteralAddress(current, allowed);
        this.checkCooldown(current);
        const release = await this.acquireSlots(current);
        startClock();
        let next: URL | null = null;
        try {
          const res = await request(current, {
            dispatcher: allowed ? this.agent : this.strictAgent,
            method: 'GET',
            signal,
            headers: this.headers(req),
          });
          const status = res.statusCode;
          const headers = flattenHeaders(res.headers);

          if (REDIRECTS.has(status) && headers.location) {
            await res.body.dump();
            next = this.parseUrl(headers.location, shown, current);
            if (seen.has(next.href)) {
              throw new FetchError(
                'REDIRECT_LOOP',
                `Redirect loop: ${current.href} → ${next.href}`,
                false,
                shown,
                status,
              );
            }
            if (hop + 1 > this.opts.maxRedirects) {
              throw new FetchError(
                'TOO_MANY_REDIRECTS',
                `More than ${this.opts.maxRedirects} redirects (last: ${current.href} → ${next.href})`,
                false,
                shown,
                status,
              );
            }
          } else if (status === 304) {
            await res.body.dump();
            return { status, url: current.href, headers, body: new Uint8Array() };
          } else if (status >= 200 && status < 300) {
            const body = await this.readBody(res.body, headers, current.href, signal).catch((err: unknown) => {
              throw truncatedBody(err, current.href);
            });
            return { status, url: current.href, headers, body };
          } else {
            await res.body.dump().catch(() => undefined);
            this.noteRetryAfter(current, status, headers['retry-after']);
            throw statusError(status, headers, current.href);
          }
        } finally {
          await release();
        }
        current = next;
      }
    } catch (err) {
      // The slots' table failing is our infrastructure's failure, not the URL's: it stays a StorageError.
      if (err instanceof StorageError) throw err;
      throw toFetchError(err, current.href, signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * This process's slot for the host, then (when configured) a fleet-wide one; the function that
   * gives both back. HOST_BUSY when no fleet-wide slot freed in time.
   */
  private async acquireSlots(u: URL): Promise<() => Promise<void>> {
    const local = await this.limiter.acquire(u.hostname);
    if (!this.hostSlots) return () => Promise.resolve(local());
    let fleet: () => Promise<void>;
    try {
      fleet = await this.hostSlots.acquire(u.hostname);
    } catch (err) {
      local();
      if (isHostBusy(err) && err instanceof HostBusyError) throw new HostBusyError(err.host, err.waitedMs, u.href);
      throw err;
    }
    return async () => {
      await fleet();
      local();
    };
  }

  /**
   * A host that answered 429 / 503 with Retry-After is left alone until then by this process: the
   * other feeds and pages of that host fail at once with HOST_COOLING_DOWN (carrying the same
   * Retry-After) instead of hammering it.
   */
  private noteRetryAfter(u: URL, status: number, retryAfter: string | undefined): void {
    if (status !== 429 && status !== 503) return;
    const now = new Date();
    const until = parseRetryAfter(retryAfter, now);
    if (!until) return;
    const capped = Math.min(until.getTime(), now.getTime() + MAX_HOST_COOLDOWN_MS);
    const key = u.host.toLowerCase();
    if (capped > (this.cooldowns.get(key) ?? 0)) this.cooldowns.set(key, capped);
  }

  private checkCooldown(u: URL): void {
    const key = u.host.toLowerCase();
    const until = this.cooldowns.get(key);
    if (until === undefined) return;
    if (until <= Date.now()) {
      this.cooldowns.delete(key);
      return;
    }
    throw new HostCoolingDownError(u.href, u.host, new Date(until));
  }

  /** Closes the connection pool (tests, local runtime shutdown). */
  async close(): Promise<void> {
    await Promise.all([this.agent.close(), this.strictAgent.close()]);
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

  /**
   * The URL to fetch (the one given, or a redirect's Location against the current URL), or a named
   * error: BAD_URL, or URL_CREDENTIALS for a `user:password@` part — refused, not silently dropped
   * (a feed has no business handing out credentials, and they would end up in logs and records).
   * `requested` is the fetch's URL as errors show it (credentials redacted).
   */
  private parseUrl(raw: string, requested: string, base?: URL): URL {
    let u: URL;
    try {
      u = base ? new URL(raw, base) : new URL(raw);
    } catch {
      throw new FetchError('BAD_URL', `Not a URL: ${JSON.stringify(redactUrl(raw))}`, false, requested);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new FetchError('BAD_URL', `Only http(s) URLs are fetched, not ${u.protocol}`, false, requested);
    }
    if (hasCredentials(u)) {
      throw new FetchError(
        'URL_CREDENTIALS',
        `Refusing a URL that carries credentials (user:password@): ${redactUrl(u.href)}`,
        false,
        requested,
      );
    }
    u.hash = '';
    return u;
  }

  /** An IP-literal URL that the guard would refuse fails here, before any socket is opened. */
  private checkLiteralAddress(u: URL, allowed: boolean): void {
    if (!this.opts.blockPrivateAddresses || allowed) return;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isBlockedAddress(host)) {
      throw new BlockedAddressError(host, host);
    }
  }

  /**
   * Reads the body, undoing Content-Encoding, failing as soon as the bytes received or the bytes
   * decoded pass maxBytes — a gzip / br / deflate bomb is cut off after maxBytes of output.
   */
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
    if (Number.isFinite(declared) && declared > max) {
      body.destroy();
      throw tooLarge(url, max, `declared Content-Length ${declared}`);
    }
    // Encodings apply in the order listed, so they are undone in reverse.
    const decoders = encodings.reverse().map((e) => {
      if (e === 'gzip' || e === 'x-gzip') return createGunzip();
      if (e === 'deflate') return createInflate();
      if (e === 'br') return createBrotliDecompress();
      body.destroy();
      throw new FetchError('BAD_ENCODING', `Unsupported Content-Encoding ${e}`, false, url);
    });
    let received = 0;
    const wire = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        received += chunk.length;
        if (received > max) return cb(tooLarge(url, max, 'on the wire'));
        cb(null, chunk);
      },
    });
    const chunks: Buffer[] = [];
    let total = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        total += chunk.length;
        if (total > max) {
          if (decoders.length && received * BOMB_RATIO < max) {
            return cb(
              new FetchError(
                'DECOMPRESSION_BOMB',
                `Decoded body passed ${max} bytes from ${received} bytes received (${encodings.join(', ')}); cut off`,
                false,
                url,
              ),
            );
          }
          return cb(tooLarge(url, max, decoders.length ? 'decoded' : 'on the wire'));
        }
        chunks.push(chunk);
        cb();
      },
    });
    await pipeline([body, wire, ...decoders, sink], { signal });
    return new Uint8Array(Buffer.concat(chunks, total));
  }
}

function tooLarge(url: string, max: number, where: string): FetchError {
  return new FetchError('TOO_LARGE', `Body larger than ${max} bytes (${where})`, false, url);
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

const TIMEOUT_CODES: Record<string, TimeoutPhase> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'first byte',
  UND_ERR_BODY_TIMEOUT: 'body idle',
};
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL']);

/** A connection that closes mid-body (after the headers) is a truncated body, not a refused request. */
function truncatedBody(err: unknown, url: string): unknown {
  if (err instanceof FetchError) return err;
  const code = findCause(
    err,
    (e): e is Error & { code: string } => typeof (e as { code?: unknown }).code === 'string',
  )?.code;
  if (code && RESET_CODES.has(code)) {
    const message = err instanceof Error ? err.message : String(err);
    return new FetchError('TRUNCATED_BODY', `Connection closed mid-body (${code}: ${message})`, true, url, undefined, {
      cause: err,
    });
  }
  return err;
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
  const phase: TimeoutPhase | undefined = signal.aborted ? 'total' : code ? TIMEOUT_CODES[code] : undefined;
  if (phase) {
    return new FetchError('TIMEOUT', `Timed out (${phase}) fetching ${url}`, true, url, undefined, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  if (code && DNS_CODES.has(code)) {
    return new FetchError('DNS_FAILURE', `${code}: ${message}`, true, url, undefined, { cause: err });
  }
  if (code && RESET_CODES.has(code)) {
    return new FetchError('CONNECTION_RESET', `${code}: ${message}`, true, url, undefined, { cause: err });
  }
  return new FetchError('NETWORK', `${code ?? 'Network error'}: ${message}`, true, url, undefined, { cause: err });
}

function findCause<T extends Error>(err: unknown, match: (e: Error) => e is T): T | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (match(e)) return e;
  }
  return undefined;
}
