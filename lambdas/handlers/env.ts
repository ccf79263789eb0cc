/**
 * The Lambdas' configuration: read from the environment once at cold start, failing fast with the key's name.
 * Zod Mini (same validation, tree-shakable functions instead of methods): every function reads its
 * configuration here, and classic `zod` would put ~470 kB into each bundle (npm run bench:bundle).
 */
import * as z from 'zod/mini';
import { DEFAULT_MAX_REQUESTS_PER_HOST, ENV } from '../adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS, FETCH_ENV, type FetchSettings } from '../adapters/http/fetchDefaults';

const positiveInt = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.positive()), fallback);

/** Items one poll of a feed may queue, newest first (pipeline/pollFeed.ts); the CDK stack sets it. */
export const MAX_ITEMS_PER_POLL_ENV = 'MAX_ITEMS_PER_POLL';

const schema = z.object({
  // Each function gets only the settings of the resources it may touch (least privilege), so
  // every resource setting is optional here and `need()` fails fast in the handler that uses it.
  [ENV.articlesTable]: z.optional(z.string()),
  [ENV.feedsTable]: z.optional(z.string()),
  [ENV.rawBucket]: z.optional(z.string()),
  [ENV.pollQueueUrl]: z.optional(z.string()),
  [ENV.articleQueueUrl]: z.optional(z.string()),
  [ENV.articleDlqUrl]: z.optional(z.string()),
  [FETCH_ENV.userAgent]: z._default(z.string().check(z.trim(), z.minLength(1)), FETCH_DEFAULTS.userAgent),
  [FETCH_ENV.totalTimeoutMs]: positiveInt(FETCH_DEFAULTS.totalTimeoutMs),
  [FETCH_ENV.maxBytes]: positiveInt(FETCH_DEFAULTS.maxBytes),
  [FETCH_ENV.connectTimeoutMs]: positiveInt(FETCH_DEFAULTS.connectTimeoutMs),
  [FETCH_ENV.headersTimeoutMs]: positiveInt(FETCH_DEFAULTS.headersTimeoutMs),
  [FETCH_ENV.bodyIdleTimeoutMs]: positiveInt(FETCH_DEFAULTS.bodyIdleTimeoutMs),
  [FETCH_ENV.maxRedirects]: z._default(
    z.coerce.number().check(z.int(), z.gte(0), z.lte(20)),
    FETCH_DEFAULTS.maxRedirects,
  ),
  [FETCH_ENV.perHostConcurrency]: positiveInt(FETCH_DEFAULTS.perHostConcurrency),
  // Unset: the pipeline's default (pipeline/pollFeed.ts DEFAULT_MAX_ITEMS_PER_POLL), not imported here
  // because that module brings the feed reader (rss-parser, iconv-lite) into every function's bundle.
  [MAX_ITEMS_PER_POLL_ENV]: z.optional(z.coerce.number().check(z.int(), z.positive())),
  [ENV.maxRequestsPerHost]: positiveInt(DEFAULT_MAX_REQUESTS_PER_HOST),
  [ENV.schedulePeriodSeconds]: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
  [FETCH_ENV.allowHosts]: z.pipe(
    z.pipe(
      z._default(z.string(), ''),
      z.transform((s: string) =>
        s
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      ),
    ),
    z.array(z.string().check(z.regex(/^[^\s:]+:\d+$|^\[[0-9a-fA-F:.]+\]:\d+$/, 'expected host:port'))),
  ),
});

export interface LambdaEnv {
  articlesTable: string | null;
  feedsTable: string | null;
  rawBucket: string | null;
  pollQueueUrl: string | null;
  articleQueueUrl: string | null;
  articleDlqUrl: string | null;
  /** Every setting of the HTTP client (fetchDefaults.ts), defaults filled in. */
  fetch: FetchSettings;
  /** Items one poll of a feed queues at most (env MAX_ITEMS_PER_POLL); unset: the pipeline's default (500). */
  maxItemsPerPoll: number | undefined;
  /** Requests in flight to one host from the whole fleet (adapters/dynamodb/hostSlots.ts). */
  maxRequestsPerHost: number;
  /** Seconds between scheduled dispatch runs, over which dispatch spreads a run's polls (0 = no spread). */
  schedulePeriodSeconds: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): LambdaEnv {
  const res = schema.safeParse(env);
  if (!res.success) {
    throw new Error(
      `invalid configuration: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = res.data as Record<string, unknown>;
  const str = (k: string) => (typeof e[k] === 'string' && e[k] ? (e[k] as string) : null);
  const fetch: FetchSettings = {
    userAgent: e[FETCH_ENV.userAgent] as string,
    totalTimeoutMs: e[FETCH_ENV.totalTimeoutMs] as number,
    maxBytes: e[FETCH_ENV.maxBytes] as number,
    connectTimeoutMs: e[FETCH_ENV.connectTimeoutMs] as number,
    headersTimeoutMs: e[FETCH_ENV.headersTimeoutMs] as number,
    bodyIdleTimeoutMs: e[FETCH_ENV.bodyIdleTimeoutMs] as number,
    maxRedirects: e[FETCH_ENV.maxRedirects] as number,
    perHostConcurrency: e[FETCH_ENV.perHostConcurrency] as number,
    allowHosts: e[FETCH_ENV.allowHosts] as string[],
  };
  return {
    articlesTable: str(ENV.articlesTable),
    feedsTable: str(ENV.feedsTable),
    rawBucket: str(ENV.rawBucket),
    pollQueueUrl: str(ENV.pollQueueUrl),
    articleQueueUrl: str(ENV.articleQueueUrl),
    articleDlqUrl: str(ENV.articleDlqUrl),
    fetch,
    maxItemsPerPoll: e[MAX_ITEMS_PER_POLL_ENV] as number | undefined,
    maxRequestsPerHost: e[ENV.maxRequestsPerHost] as number,
    schedulePeriodSeconds: e[ENV.schedulePeriodSeconds] as number,
  };
}

/** Fails at cold start when a handler needs a setting its function was not given. */
export function need<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`invalid configuration: ${key} is not set for this function`);
  return value;
}
