/** The Lambdas' configuration: read from the environment once at cold start, failing fast with the key's name. */
import { z } from 'zod';
import { DEFAULT_MAX_REQUESTS_PER_HOST, ENV } from '../adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS, FETCH_ENV, type FetchSettings } from '../adapters/http/fetchDefaults';
import { DEFAULT_MAX_ITEMS_PER_POLL } from '../pipeline/pollFeed';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Items one poll of a feed may queue, newest first (pipeline/pollFeed.ts); the CDK stack sets it. */
export const MAX_ITEMS_PER_POLL_ENV = 'MAX_ITEMS_PER_POLL';

const schema = z.object({
  // Each function gets only the settings of the resources it may touch (least privilege), so
  // every resource setting is optional here and `need()` fails fast in the handler that uses it.
  [ENV.articlesTable]: z.string().optional(),
  [ENV.feedsTable]: z.string().optional(),
  [ENV.rawBucket]: z.string().optional(),
  [ENV.pollQueueUrl]: z.string().optional(),
  [ENV.articleQueueUrl]: z.string().optional(),
  [ENV.articleDlqUrl]: z.string().optional(),
  [FETCH_ENV.userAgent]: z.string().trim().min(1).default(FETCH_DEFAULTS.userAgent),
  [FETCH_ENV.totalTimeoutMs]: positiveInt(FETCH_DEFAULTS.totalTimeoutMs),
  [FETCH_ENV.maxBytes]: positiveInt(FETCH_DEFAULTS.maxBytes),
  [FETCH_ENV.connectTimeoutMs]: positiveInt(FETCH_DEFAULTS.connectTimeoutMs),
  [FETCH_ENV.headersTimeoutMs]: positiveInt(FETCH_DEFAULTS.headersTimeoutMs),
  [FETCH_ENV.bodyIdleTimeoutMs]: positiveInt(FETCH_DEFAULTS.bodyIdleTimeoutMs),
  [FETCH_ENV.maxRedirects]: z.coerce.number().int().min(0).max(20).default(FETCH_DEFAULTS.maxRedirects),
  [FETCH_ENV.perHostConcurrency]: positiveInt(FETCH_DEFAULTS.perHostConcurrency),
  [MAX_ITEMS_PER_POLL_ENV]: positiveInt(DEFAULT_MAX_ITEMS_PER_POLL),
  [ENV.maxRequestsPerHost]: positiveInt(DEFAULT_MAX_REQUESTS_PER_HOST),
  [ENV.schedulePeriodSeconds]: z.coerce.number().int().min(0).default(0),
  [FETCH_ENV.allowHosts]: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$|^\[[0-9a-fA-F:.]+\]:\d+$/, 'expected host:port'))),
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
  /** Items one poll of a feed queues at most (env MAX_ITEMS_PER_POLL, default 500). */
  maxItemsPerPoll: number;
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
    maxItemsPerPoll: e[MAX_ITEMS_PER_POLL_ENV] as number,
    maxRequestsPerHost: e[ENV.maxRequestsPerHost] as number,
    schedulePeriodSeconds: e[ENV.schedulePeriodSeconds] as number,
  };
}

/** Fails at cold start when a handler needs a setting its function was not given. */
export function need<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`invalid configuration: ${key} is not set for this function`);
  return value;
}
