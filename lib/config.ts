/**
 * The deployment configuration, read once from CDK context (cdk.json "context", or `-c key=value`)
 * and validated with zod. Every error names the context key, the bad value and the fix, so a typo in
 * cdk.json fails `cdk synth` with a message instead of deploying something odd.
 */
import { z } from 'zod';
import { DEFAULT_MAX_REQUESTS_PER_HOST } from '../lambdas/adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS } from '../lambdas/adapters/http/fetchDefaults';
import { canonicalizeUrl, feedId } from '../lambdas/core/ids';
import { DLQ_RETENTION } from './constructs/queueConsumer';

/** Context keys, in one place (cdk.json, tests and error messages use these). */
export const CONTEXT_KEYS = {
  stage: 'newswire:stage',
  scheduleMinutes: 'newswire:scheduleMinutes',
  rawRetentionDays: 'newswire:rawRetentionDays',
  logRetentionDays: 'newswire:logRetentionDays',
  alarmEmail: 'newswire:alarmEmail',
  removalPolicy: 'newswire:removalPolicy',
  feeds: 'newswire:feeds',
  userAgent: 'newswire:userAgent',
  fetchTimeoutMs: 'newswire:fetchTimeoutMs',
  fetchMaxBytes: 'newswire:fetchMaxBytes',
  fetchConnectTimeoutMs: 'newswire:fetchConnectTimeoutMs',
  fetchFirstByteTimeoutMs: 'newswire:fetchFirstByteTimeoutMs',
  fetchPerHostConcurrency: 'newswire:fetchPerHostConcurrency',
  maxRequestsPerHost: 'newswire:maxRequestsPerHost',
  maxItemsPerPoll: 'newswire:maxItemsPerPoll',
  queueAgeAlarmMinutes: 'newswire:queueAgeAlarmMinutes',
  overflowSweepGraceDays: 'newswire:overflowSweepGraceDays',
  stalledIntervals: 'newswire:stalledIntervals',
  haywireFactor: 'newswire:haywireFactor',
  silentFeedHours: 'newswire:silentFeedHours',
  tracing: 'newswire:tracing',
  alarms: 'newswire:alarms',
  dashboard: 'newswire:dashboard',
  kmsKey: 'newswire:kmsKey',
} as const;

/**
 * Which alarms are deployed (each metric an alarm watches costs $0.10 a month):
 * - `essential` (the default): one for each way work can fail or be lost — every DLQ not empty and
 *   its oldest message near deletion, the poll and article queues' oldest message, every function's
 *   errors, stalled polling, silent feeds, haywire invocations. A throttle is not a failure on its
 *   own: a throttled queue-fed invocation leaves its messages in the queue (the queue-age alarm), a
 *   throttled scheduled run is retried and then parked (ScheduleDlq, DispatchFailures, stalled), and a
 *   throttled table request is retried by the SDK and then fails its message (errors, DLQ).
 * - `full`: also a throttle alarm for every function and every table with its indexes (+15 metrics).
 */
export const ALARM_SETS = ['essential', 'full'] as const;
export type AlarmSet = (typeof ALARM_SETS)[number];

/**
 * X-Ray tracing of the functions: `off` (the default — at 500 feeds polled every 5 minutes, active
 * tracing records every invocation, about $5 per million traces) or `active` (every invocation traced;
 * turn it on while investigating, `-c newswire:tracing=active`).
 */
export const TRACING_MODES = ['off', 'active'] as const;
export type TracingMode = (typeof TRACING_MODES)[number];

/** The retention periods CloudWatch Logs accepts (0 = never expire). */
export const LOG_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export interface FeedConfig {
  /** `f-` + 16 hex chars of sha256(canonical URL) — the Feeds table key. */
  readonly id: string;
  readonly url: string;
  readonly name: string;
  readonly wire: string | null;
  readonly pollIntervalMinutes: number;
  readonly enabled: boolean;
}

export interface NewswireConfig {
  /** Used in stack names and construct ids only, never in physical resource names. */
  readonly stage: string;
  /** How often the dispatch schedule runs. */
  readonly scheduleMinutes: number;
  /** Days the raw archive keeps current objects; 0 = forever. */
  readonly rawRetentionDays: number;
  /** Lambda log retention; 0 = never expire. */
  readonly logRetentionDays: number;
  /** Who gets alarm mail; undefined = topic without subscription. */
  readonly alarmEmail: string | undefined;
  /** What happens to tables and buckets when their stack is deleted. */
  readonly removalPolicy: 'retain' | 'destroy';
  /** Feeds seeded into the Feeds table on deploy (never overwriting existing state). */
  readonly feeds: readonly FeedConfig[];
  readonly userAgent: string;
  readonly fetchTimeoutMs: number;
  readonly fetchMaxBytes: number;
  readonly fetchConnectTimeoutMs: number;
  readonly fetchFirstByteTimeoutMs: number;
  readonly fetchPerHostConcurrency: number;
  /**
   * Requests in flight to one host from all poll-feed and process-article functions together (slots
   * in the Feeds table, lambdas/adapters/dynamodb/hostSlots.ts).
   */
  readonly maxRequestsPerHost: number;
  /** Items one poll of a feed may queue (newest first); poll-feed reads it as MAX_ITEMS_PER_POLL. */
  readonly maxItemsPerPoll: number;
  /** Alarm when the oldest message of a source queue (poll, article) is older than this. */
  readonly queueAgeAlarmMinutes: number;
  /** The overflow sweep deletes an unreferenced `overflow/` object only when it is older than this. */
  readonly overflowSweepGraceDays: number;
  /** The stalled alarm fires after this many schedule periods without a successful poll. */
  readonly stalledIntervals: number;
  /** The haywire alarms fire at this many times the invocations the schedule and the feed count allow. */
  readonly haywireFactor: number;
  /** A feed that usually publishes daily is silent after this many hours without a new item. */
  readonly silentFeedHours: number;
  /** X-Ray tracing of every function: off, or active (each invocation traced). */
  readonly tracing: TracingMode;
  /** Which alarms are deployed (ALARM_SETS). */
  readonly alarms: AlarmSet;
  /**
   * A CloudWatch dashboard ($3 a month) and the custom metrics only it shows (FeedsDispatched,
   * FeedPollFailures, FeedItemsQueued, Releases*, OverflowOrphansDeleted: $0.30 a month each); off,
   * the functions emit only the metrics alarms watch.
   */
  readonly dashboard: boolean;
  /**
   * A customer-managed KMS key ($1 a month) encrypting the alarm topic. Off, the topic is
   * unencrypted at rest (alarm notifications carry alarm names and states, no data) and accepts
   * only TLS.
   */
  readonly kmsKey: boolean;
}

export const CONFIG_DEFAULTS = {
  stage: 'dev',
  scheduleMinutes: 15,
  rawRetentionDays: 0,
  logRetentionDays: 30,
  removalPolicy: 'retain',
  userAgent: FETCH_DEFAULTS.userAgent,
  fetchTimeoutMs: FETCH_DEFAULTS.totalTimeoutMs,
  fetchMaxBytes: FETCH_DEFAULTS.maxBytes,
  fetchConnectTimeoutMs: FETCH_DEFAULTS.connectTimeoutMs,
  fetchFirstByteTimeoutMs: FETCH_DEFAULTS.headersTimeoutMs,
  fetchPerHostConcurrency: FETCH_DEFAULTS.perHostConcurrency,
  maxRequestsPerHost: DEFAULT_MAX_REQUESTS_PER_HOST,
  maxItemsPerPoll: 500,
  // Longer than a message that is retried until it dead-letters takes (5 receives × a visibility
  // timeout of 6 × the function timeout: about 78 minutes for process-article at the defaults).
  queueAgeAlarmMinutes: 120,
  overflowSweepGraceDays: 2,
  stalledIntervals: 4,
  haywireFactor: 3,
  silentFeedHours: 24,
  tracing: 'off',
  alarms: 'essential',
  dashboard: false,
  kmsKey: false,
} as const satisfies Partial<Record<keyof NewswireConfig, unknown>>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

// `-c key=value` on the command line always arrives as a string: accept "15" for 15, "true" for
// true and a JSON string for the feeds list, so the CLI and cdk.json behave the same.
const fromCliString = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return v;
    }
  }
  return v;
};
const int = (min: number, max: number, unit = '') => {
  const error = `must be a whole number from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
  return z.preprocess(fromCliString, z.number({ error }).int({ error }).min(min, { error }).max(max, { error }));
};

const feedSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
    name: z.string().trim().min(1, 'must be a non-empty string'),
    wire: z.string().trim().min(1).nullable().optional(),
    pollIntervalMinutes: int(1, 1440, 'minutes').optional(),
    enabled: z.preprocess(fromCliString, z.boolean()).optional(),
  })
  .strict();

const schema = z.object({
  stage: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9]{0,19}$/,
      'must be 1–20 letters/digits starting with a letter (it becomes part of the stack names)',
    )
    .default(CONFIG_DEFAULTS.stage),
  scheduleMinutes: int(1, 1440, 'minutes').default(CONFIG_DEFAULTS.scheduleMinutes),
  rawRetentionDays: int(0, 36_500, 'days, 0 = keep forever').default(CONFIG_DEFAULTS.rawRetentionDays),
  logRetentionDays: z
    .preprocess(
      fromCliString,
      z.number().refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
        message: `must be one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(', ')} (0 = never expire)`,
      }),
    )
    .default(CONFIG_DEFAULTS.logRetentionDays),
  alarmEmail: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.email().optional()),
  removalPolicy: z.enum(['retain', 'destroy']).default(CONFIG_DEFAULTS.removalPolicy),
  feeds: z.preprocess(fromCliString, z.array(feedSchema)).default([]),
  userAgent: z.string().trim().min(1).default(CONFIG_DEFAULTS.userAgent),
  fetchTimeoutMs: int(100, 900_000, 'milliseconds').default(CONFIG_DEFAULTS.fetchTimeoutMs),
  fetchMaxBytes: int(1024, 100 * 1024 * 1024, 'bytes').default(CONFIG_DEFAULTS.fetchMaxBytes),
  fetchConnectTimeoutMs: int(100, 60_000, 'milliseconds').default(CONFIG_DEFAULTS.fetchConnectTimeoutMs),
  fetchFirstByteTimeoutMs: int(100, 300_000, 'milliseconds').default(CONFIG_DEFAULTS.fetchFirstByteTimeoutMs),
  fetchPerHostConcurrency: int(1, 64, 'requests').default(CONFIG_DEFAULTS.fetchPerHostConcurrency),
  maxRequestsPerHost: int(1, 64, 'requests in flight to one host, fleet-wide').default(
    CONFIG_DEFAULTS.maxRequestsPerHost,
  ),
  maxItemsPerPoll: int(1, 10_000, 'items').default(CONFIG_DEFAULTS.maxItemsPerPoll),
  // At most 7 days, so the alarm fires well before the 14-day retention drops a message.
  queueAgeAlarmMinutes: int(5, 7 * 24 * 60, 'minutes').default(CONFIG_DEFAULTS.queueAgeAlarmMinutes),
  overflowSweepGraceDays: int(1, 365, 'days').default(CONFIG_DEFAULTS.overflowSweepGraceDays),
  stalledIntervals: int(1, 1440, 'schedule periods').default(CONFIG_DEFAULTS.stalledIntervals),
  haywireFactor: int(2, 1000, 'times the expected invocations').default(CONFIG_DEFAULTS.haywireFactor),
  silentFeedHours: int(1, 8760, 'hours').default(CONFIG_DEFAULTS.silentFeedHours),
  tracing: z
    .enum(TRACING_MODES, { error: `must be one of ${TRACING_MODES.map((m) => `"${m}"`).join(', ')}` })
    .default(CONFIG_DEFAULTS.tracing),
  alarms: z
    .enum(ALARM_SETS, { error: `must be one of ${ALARM_SETS.map((m) => `"${m}"`).join(', ')}` })
    .default(CONFIG_DEFAULTS.alarms),
  dashboard: z
    .preprocess(fromCliString, z.boolean({ error: 'must be true or false' }))
    .default(CONFIG_DEFAULTS.dashboard),
  kmsKey: z.preprocess(fromCliString, z.boolean({ error: 'must be true or false' })).default(CONFIG_DEFAULTS.kmsKey),
});

type SchemaKey = keyof typeof CONTEXT_KEYS;

/** Something that can answer context look-ups: an App's or a Stack's `node`. */
export interface ContextSource {
  tryGetContext(key: string): unknown;
}

/**
 * Reads and validates the `newswire:*` context keys.
 * @throws ConfigError naming every bad key, its value and how to fix it.
 */
export function loadConfig(source: ContextSource): NewswireConfig {
  const raw: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(CONTEXT_KEYS)) {
    const value = source.tryGetContext(key);
    if (value !== undefined) raw[field] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const [field, ...rest] = issue.path;
      const key = CONTEXT_KEYS[field as SchemaKey] ?? String(field);
      const where = key + rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      const got = describe(pathValue(raw, issue.path));
      return `  - "${where}" ${issue.message} (got ${got}). Fix it in cdk.json "context" or pass -c ${key}=…`;
    });
    throw new ConfigError(`Invalid newswire configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  checkRawRetention(c.rawRetentionDays);
  const feeds = c.feeds.map((f, i): FeedConfig => {
    const canonical = canonicalizeUrl(f.url);
    if (!canonical)
      throw new ConfigError(`"${CONTEXT_KEYS.feeds}[${i}].url" is not a usable http(s) URL (got ${describe(f.url)}).`);
    return {
      id: feedId(canonical),
      url: canonical,
      name: f.name,
      wire: f.wire ?? null,
      // A feed cannot be polled more often than the schedule fires; default to the schedule.
      pollIntervalMinutes: f.pollIntervalMinutes ?? c.scheduleMinutes,
      enabled: f.enabled ?? true,
    };
  });
  const seen = new Map<string, number>();
  feeds.forEach((f, i) => {
    const first = seen.get(f.id);
    if (first !== undefined) {
      throw new ConfigError(
        `"${CONTEXT_KEYS.feeds}[${i}].url" (${f.url}) is the same feed as "${CONTEXT_KEYS.feeds}[${first}]" once canonicalized. Remove one of them.`,
      );
    }
    seen.set(f.id, i);
  });
  checkStalledWindow(c.stalledIntervals, c.scheduleMinutes, feeds);
  return { ...c, alarmEmail: c.alarmEmail, feeds };
}

/**
 * The stalled alarm looks at stalledIntervals × scheduleMinutes: CloudWatch evaluates at most one
 * day, and a window shorter than every configured feed's poll interval would fire between polls.
 */
function checkStalledWindow(intervals: number, scheduleMinutes: number, feeds: readonly FeedConfig[]): void {
  const window = intervals * scheduleMinutes;
  const fix = `Fix it in cdk.json "context" or pass -c ${CONTEXT_KEYS.stalledIntervals}=…`;
  if (window > 24 * 60) {
    throw new ConfigError(
      `"${CONTEXT_KEYS.stalledIntervals}" × "${CONTEXT_KEYS.scheduleMinutes}" is ${intervals} × ${scheduleMinutes} = ${window} minutes; a CloudWatch alarm evaluates at most 1440 (one day). ${fix}`,
    );
  }
  const enabled = feeds.filter((f) => f.enabled).map((f) => f.pollIntervalMinutes);
  const shortest = enabled.length ? Math.min(...enabled) : 0;
  if (shortest > window) {
    throw new ConfigError(
      `"${CONTEXT_KEYS.stalledIntervals}" gives a stalled window of ${window} minutes (${intervals} × ${scheduleMinutes}), shorter than the ${shortest}-minute poll interval of the most frequently polled feed: the alarm would fire between polls. Set it to at least ${Math.ceil(shortest / scheduleMinutes)}. ${fix}`,
    );
  }
}

/**
 * The raw archive must outlive a dead-lettered message: an oversized article message reads its
 * left-out fields back from the archived feed body, so a message redriven after the feed body
 * expired could only fail again (ARCHIVE_MISSING). 0 (keep forever) is always fine.
 */
function checkRawRetention(days: number): void {
  const dlqDays = DLQ_RETENTION.toDays();
  if (days === 0 || days >= dlqDays) return;
  throw new ConfigError(
    `"${CONTEXT_KEYS.rawRetentionDays}" is ${days} days, shorter than the ${dlqDays} days a dead-letter queue keeps a message (a redriven message would find its archived feed gone): set it to 0 (keep forever) or at least ${dlqDays}. Fix it in cdk.json "context" or pass -c ${CONTEXT_KEYS.rawRetentionDays}=${dlqDays}`,
  );
}

function pathValue(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
