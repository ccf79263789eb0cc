/**
 * Settings of the HTTP fetcher, in one place: their defaults, the environment variables that carry
 * them to the Lambdas, and the conversion both ways. The CDK config (lib/config.ts), the stack
 * (lib/stacks/ingestStack.ts), the Lambdas' environment (handlers/env.ts), the local runtime and the
 * client itself all read them from here. Plain data only (lib/ imports it), like tableDesign.ts.
 */
import { ENV } from '../dynamodb/tableDesign';

export interface FetchSettings {
  /** Sent as User-Agent on every request: say who you are and how to reach you. */
  readonly userAgent: string;
  /** TCP (+ TLS) connection setup, per connection. */
  readonly connectTimeoutMs: number;
  /** From the request sent to the response headers (first byte). */
  readonly headersTimeoutMs: number;
  /** Longest silence between two body chunks. */
  readonly bodyIdleTimeoutMs: number;
  /** The whole fetch, every redirect hop and the whole body included (a slow drip ends here). */
  readonly totalTimeoutMs: number;
  /** Cap on the body, counted on the wire and again after gzip / br / deflate decoding. */
  readonly maxBytes: number;
  /** Redirect hops followed; each one goes through the address guard again. */
  readonly maxRedirects: number;
  /** Requests in flight to one host name at once (per process); the rest wait their turn. */
  readonly perHostConcurrency: number;
  /** `host:port` pairs fetched even when they resolve to a non-public address (local sample server, tests). */
  readonly allowHosts: readonly string[];
}

export const FETCH_DEFAULTS = {
  /** Honest and identifying; operators set their own contact through `newswire:userAgent`. */
  userAgent: 'newswire-ingest/0.1 (press-release indexer)',
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  bodyIdleTimeoutMs: 10_000,
  totalTimeoutMs: 15_000,
  /** 15 MiB: a feed or release page larger than this is not one. */
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  allowHosts: [] as readonly string[],
} as const satisfies FetchSettings;

/** The environment variables that carry each setting to the Lambdas. */
export const FETCH_ENV = {
  userAgent: ENV.userAgent,
  totalTimeoutMs: ENV.fetchTimeoutMs,
  maxBytes: ENV.fetchMaxBytes,
  connectTimeoutMs: 'NEWSWIRE_FETCH_CONNECT_TIMEOUT_MS',
  headersTimeoutMs: 'NEWSWIRE_FETCH_FIRST_BYTE_TIMEOUT_MS',
  bodyIdleTimeoutMs: 'NEWSWIRE_FETCH_BODY_IDLE_TIMEOUT_MS',
  maxRedirects: 'NEWSWIRE_FETCH_MAX_REDIRECTS',
  perHostConcurrency: 'NEWSWIRE_FETCH_PER_HOST_CONCURRENCY',
  /** Comma-separated `host:port` list. */
  allowHosts: 'NEWSWIRE_FETCH_ALLOW_HOSTS',
} as const satisfies Record<keyof FetchSettings, string>;

/** The environment variables for the settings given (what the stack sets on a function). */
export function fetchEnvironment(settings: Partial<FetchSettings>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings) as [keyof FetchSettings, unknown][]) {
    if (value === undefined) continue;
    out[FETCH_ENV[key]] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}
