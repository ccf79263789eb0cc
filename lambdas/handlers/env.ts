/** The Lambdas' configuration: read from the environment once at cold start, failing fast with the key's name. */
import { z } from 'zod';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS } from '../adapters/http/fetchDefaults';

const schema = z.object({
  // Each function gets only the settings of the resources it may touch (least privilege), so
  // every resource setting is optional here and `need()` fails fast in the handler that uses it.
  [ENV.articlesTable]: z.string().optional(),
  [ENV.feedsTable]: z.string().optional(),
  [ENV.rawBucket]: z.string().optional(),
  [ENV.pollQueueUrl]: z.string().optional(),
  [ENV.articleQueueUrl]: z.string().optional(),
  [ENV.userAgent]: z.string().default(FETCH_DEFAULTS.userAgent),
  [ENV.fetchTimeoutMs]: z.coerce.number().int().positive().default(FETCH_DEFAULTS.totalTimeoutMs),
  [ENV.fetchMaxBytes]: z.coerce.number().int().positive().default(FETCH_DEFAULTS.maxBytes),
});

export interface LambdaEnv {
  articlesTable: string | null;
  feedsTable: string | null;
  rawBucket: string | null;
  pollQueueUrl: string | null;
  articleQueueUrl: string | null;
  userAgent: string;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): LambdaEnv {
  const res = schema.safeParse(env);
  if (!res.success) throw new Error(`invalid configuration: ${res.error.issues.map((i) => i.message).join('; ')}`);
  const e = res.data as Record<string, string | number | undefined>;
  const str = (k: string) => (typeof e[k] === 'string' && e[k] ? (e[k] as string) : null);
  return {
    articlesTable: str(ENV.articlesTable),
    feedsTable: str(ENV.feedsTable),
    rawBucket: str(ENV.rawBucket),
    pollQueueUrl: str(ENV.pollQueueUrl),
    articleQueueUrl: str(ENV.articleQueueUrl),
    userAgent: e[ENV.userAgent] as string,
    fetchTimeoutMs: e[ENV.fetchTimeoutMs] as number,
    fetchMaxBytes: e[ENV.fetchMaxBytes] as number,
  };
}

/** Fails at cold start when a handler needs a setting its function was not given. */
export function need<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`invalid configuration: ${key} is not set for this function`);
  return value;
}
