/**
 * A month's cost of the deployed stacks for a profile (feeds, poll interval, releases per day), from
 * the counts `npm run cost:measure` took in a local run (scripts/cost/measured.json) and on-demand
 * list prices (PRICES in scripts/bench/costModel.ts). Pure arithmetic: every figure not measured is
 * a named constant below with the reason for its value.
 */
import { LISTING_BYTES_PER_ITEM } from '../../lambdas/pipeline/feedListing';
import { QUIET_POLL_HEARTBEAT_MINUTES } from '../../lambdas/pipeline/pollFeed';
import { PRICES } from '../bench/costModel';

/** Counts of one phase of the local run (totals over `count` polls or releases). */
export interface PhaseCounts {
  count: number;
  /** DynamoDB requests by command name. */
  dynamoRequests: Record<string, number>;
  /** Capacity units dynalite reported (base table; eventually consistent reads are half units). */
  readUnits: number;
  writeUnits: number;
  /** The part of readUnits / writeUnits spent on the fleet-wide host slots (`host#` items of Feeds). */
  hostSlotReadUnits?: number;
  hostSlotWriteUnits?: number;
  archivePuts: number;
  archiveBytes: number;
  messagesQueued: number;
  /** Bytes the Powertools logger printed. */
  logBytes: number;
  /** CPU time of the local process (pipeline + embedded DynamoDB). */
  cpuMs: number;
  wallMs: number;
}

/** A phase with nothing counted yet. */
export function emptyPhase(): PhaseCounts {
  return {
    count: 0,
    dynamoRequests: {},
    readUnits: 0,
    writeUnits: 0,
    hostSlotReadUnits: 0,
    hostSlotWriteUnits: 0,
    archivePuts: 0,
    archiveBytes: 0,
    messagesQueued: 0,
    logBytes: 0,
    cpuMs: 0,
    wallMs: 0,
  };
}

/** What lib/** deploys, read from the synthesized templates. */
export interface DeployedShape {
  functions: number;
  pollMemoryMb: number;
  articleMemoryMb: number;
  dispatchMemoryMb: number;
  pollBatchSize: number;
  articleBatchSize: number;
  /** MaximumBatchingWindowInSeconds of the SQS mappings (0: none, an invocation per arrival). */
  pollBatchingWindowSeconds: number;
  articleBatchingWindowSeconds: number;
  /** Requests in flight to one host per container (the fetcher's perHostConcurrency): a batch's waves. */
  pollPerHostConcurrency: number;
  articlePerHostConcurrency: number;
  alarms: number;
  /** Metrics the alarms watch (a metric-math alarm is billed per metric in its expression). */
  alarmMetrics: number;
  dashboards: number;
  /** Custom metric names the functions emit (each with the one `service` dimension Powertools adds). */
  customMetrics: number;
  customerManagedKmsKeys: number;
  scheduleRules: number;
  queues: number;
  tracingActive: boolean;
}

export interface Measured {
  measuredAt: string;
  command: string;
  records: number;
  seed: number;
  feeds: number;
  releases: number;
  /**
   * Round 2: every feed polled again with nothing new (conditional GET → 304), with poll-feed told
   * the schedule period as deployed: a 304 that changes nothing is not written (pollFeed.ts), so
   * these counts hold no feed-state write; the hourly heartbeat write is feedStateWriteUnits.
   */
  unchangedPoll: PhaseCounts;
  /**
   * Every feed polled without validators (200, full body, every listed item already stored), as
   * deployed: only items not listed unchanged at the feed's last read are looked up (here none).
   */
  changedPoll: PhaseCounts & { itemsListed: number };
  /**
   * Read units of looking up one listed item's seen state (BatchGetItem of Articles, charged by the
   * stored release's size): the same round as a local run does it (every item) less the deployed one,
   * per item. Absent: changedPoll looked up every listed item.
   */
  seenLookupReadUnitsPerItem?: number;
  /** Round 1 after its polls: processing the queued article messages (count = releases written). */
  release: PhaseCounts;
  /** Write units of the GSI entries per release (dynalite does not charge them). */
  gsiWriteUnitsPerRelease: number;
  /** DynamoDB bytes per release (release item + index items). */
  storedBytesPerRelease: number;
  /** Read units a Scan of the Feeds table costs per feed (dispatch scans it each run). */
  feedScanReadUnitsPerFeed: number;
  /**
   * Bytes of a stored feed-state item (the measured feeds', listing of changedPoll.itemsListed items
   * included): a quiet 304's heartbeat write (every QUIET_POLL_HEARTBEAT_MINUTES) is charged by it.
   * Absent: the unchanged polls were measured written.
   */
  feedStateBytes?: number;
  /** Bytes of the EMF line each handler prints per invocation. */
  emfBytes: { poll: number; article: number; dispatch: number };
  deployed: DeployedShape;
}

export interface Profile {
  feeds: number;
  intervalMinutes: number;
  releasesPerDay: number;
}

/**
 * The custom metrics the handlers emit besides ALARM_METRICS, by the function that emits them (their
 * addMetric calls in lambdas/handlers/*.ts; a unit test holds this list to them). A function whose
 * environment says METRICS_ENV=alarmed leaves them out.
 */
export const DASHBOARD_METRICS: Readonly<Record<string, readonly string[]>> = {
  'newswire-poll-feed': ['FeedPollFailures', 'FeedItemsQueued', 'PollsDeferred'],
  'newswire-process-article': [
    'ReleasesWritten',
    'ReleasesUnchanged',
    'ReleasesKeptStored',
    'ReleasesReparsed',
    'ReleasesFailed',
    'ReleasesDeferred',
  ],
  'newswire-dispatch': ['FeedsDispatched'],
  'newswire-overflow-sweep': ['OverflowOrphansDeleted'],
};

/** Further on-demand list prices, us-east-1 (same as-of date as PRICES). */
export const MORE_PRICES = {
  cloudwatchLogsIngestGbUsd: 0.5,
  cloudwatchLogsStorageGbMonthUsd: 0.03,
  customMetricMonthUsd: 0.3,
  /** Standard-resolution alarm, per metric it watches. */
  alarmMetricMonthUsd: 0.1,
  dashboardMonthUsd: 3,
  kmsKeyMonthUsd: 1,
  kmsRequestsPerTenThousandUsd: 0.03,
  xrayTracesRecordedPerMillionUsd: 5,
} as const;

/** Not measured: stated assumptions. */
export const MONTHLY_ASSUMPTIONS = {
  /** 730 hours, the month AWS prices by. */
  daysPerMonth: 730 / 24,
  /**
   * Items a wire's RSS feed lists (PR Newswire's feeds list 20-50): the seen-id check of a changed
   * feed reads each. The measured feeds list more; their per-item costs are scaled to this.
   */
  feedItemsListed: 50,
  /**
   * Items a changed feed lists that its last read did not (or listed changed): each changed poll is
   * counted for one new release (changedPolls ≤ article messages), so one look-up each.
   */
  newItemsPerChangedPoll: 1,
  /** Wait for a conditional GET of a feed on the wire's site (the 304 of an unchanged feed). */
  feedFetchMs: 150,
  /** Wait for a release page from the wire's site (as bench:ingest's model). */
  pageFetchMs: 300,
  /** A 1 GB arm64 Lambda has ~0.6 vCPU: local CPU time × this = its CPU time there. */
  lambdaCpuScale: 1.7,
  /**
   * Lambda allots CPU in proportion to memory, one full vCPU at 1,769 MB: below that, CPU-bound work
   * at M MB takes 1024/M times as long as at 1 GB (the same GB-seconds), while waiting on the network
   * costs M/1024 of what it does at 1 GB.
   */
  lambdaFullVcpuMemoryMb: 1769,
  /**
   * Lambda reads an SQS queue with about five pollers at once, each gathering its own batch within
   * the batching window: one sees about a fifth of the messages.
   */
  sqsPollersPerMapping: 5,
  /**
   * The wire serves its feeds and pages from one host name (PR Newswire: www.prnewswire.com), so a
   * batch's fetches go in waves of the per-host concurrency, each a network wait.
   */
  feedHosts: 1,
  /**
   * poll-feed hands a fleet-wide slot from one poll of its batch to the next of the same host
   * (lambdas/pipeline/hostSlotReuse.ts) while the slot's lease has 5 s to spare, and the polls of a
   * host that start together (its per-host concurrency, 2) take their slots in one read and one
   * conditional write of the host's item and give them back in one write: an invocation reads and
   * writes each host's item as often as a single poll's slot does (one take, one give-back), not
   * once per poll or per slot. That the batch's first polls of a host meet in one take (the later
   * ones join the read of the earlier) is what tests/integration/pipeline/pollBatchHostSlots.test.ts
   * shows on dynalite; a poll that comes after the write costs a take of its own. The local run
   * measures the table requests of a slot per poll (no batches).
   */
  pollReusesHostSlots: true,
  /**
   * A 304 that changes nothing is written only when the feed's lastPolledAt is this old
   * (pollFeed.ts): a feed polled every interval I ≤ this writes I / this of its unchanged polls.
   */
  quietPollHeartbeatMinutes: QUIET_POLL_HEARTBEAT_MINUTES,
  /** Billed duration of one dispatch run (a Scan of the Feeds table, SendMessageBatch of the due feeds). */
  dispatchMs: 400,
  /** The hourly silent-feed check and the daily overflow sweep: invocations and billed ms each. */
  otherInvocationsPerMonth: 730 + 30,
  otherInvocationMs: 500,
  otherMemoryMb: 512,
  /** START, END and REPORT lines the Lambda platform writes per invocation (REPORT with X-Ray). */
  platformLogBytesPerInvocation: 420,
  /**
   * Receives of the Lambda SQS pollers on an idle queue: ~5 long polls of 20 s at a time, i.e. 15 a
   * minute per event source mapping; a message-bearing receive is one of these.
   */
  idleReceivesPerMappingMinute: 15,
  /** Poll messages per SendMessageBatch of dispatch (SQS's maximum, what SqsMessageSink sends). */
  messagesPerSendBatch: 10,
  /** Sampled traces per invocation: the default X-Ray rule records 1 a second + 5 %, so at under one
   * invocation a second nearly every one is traced. */
  xraySampledFraction: 1,
  /** KMS requests a month: DynamoDB using the AWS-managed key for 2 tables (data keys re-fetched
   * ~every 5 min per host) plus alarm notifications through the topic's key. */
  kmsRequestsPerMonth: 30_000,
  /** CloudWatch Logs bytes stored ≈ one month of ingest (retention is 30 days). */
  logStorageMonths: 1,
} as const;

export interface Volumes {
  polls: number;
  /** Polls that found their feed changed (a new release listed). */
  changedPolls: number;
  releases: number;
  /** Messages per invocation of poll-feed and of process-article. */
  pollBatch: number;
  articleBatch: number;
  invocations: number;
  gbSeconds: number;
  sqsRequests: number;
  readUnits: number;
  writeUnits: number;
  dynamoGbAdded: number;
  s3Puts: number;
  s3GbAdded: number;
  logGb: number;
  traces: number;
}

export interface MonthlyCost {
  profile: Profile;
  totalUsdPerMonth: number;
  services: Record<string, number>;
  /** Monthly volumes behind the dollars, for the printed breakdown. */
  volumes: Volumes;
}

const MILLION = 1e6;
const GB = 1024 ** 3;

type PerUnit = Pick<PhaseCounts, 'readUnits' | 'writeUnits' | 'archivePuts' | 'archiveBytes' | 'logBytes' | 'cpuMs'>;
const FIELDS = ['readUnits', 'writeUnits', 'archivePuts', 'archiveBytes', 'logBytes', 'cpuMs'] as const;
const per = (p: PhaseCounts): PerUnit =>
  Object.fromEntries(FIELDS.map((k) => [k, p[k] / Math.max(1, p.count)])) as PerUnit;

/**
 * Per-unit figures from the measured run: an unchanged poll (304); what a poll that finds its feed
 * changed costs on top of that, scaled from the measured feeds' length to FEED_ITEMS_LISTED (the
 * seen-id check reads every listed item; the feed body grows with them) except the one archive PUT;
 * and a release (its article message: fetch, archive, parse, write, GSI entries included).
 */
export function unitCounts(m: Measured): {
  unchangedPoll: PerUnit;
  changedPollExtra: PerUnit;
  release: PerUnit & { messages: number };
} {
  const unchangedPoll = per(m.unchangedPoll);
  const changed = per(m.changedPoll);
  const scale = MONTHLY_ASSUMPTIONS.feedItemsListed / Math.max(1, m.changedPoll.itemsListed);
  // Deployed, a changed poll looks up only its new items: its reads do not grow with the listing.
  const lookups = m.seenLookupReadUnitsPerItem;
  const unscaled = (k: (typeof FIELDS)[number]) => k === 'archivePuts' || (k === 'readUnits' && lookups !== undefined);
  const extra = Object.fromEntries(
    FIELDS.map((k) => [k, Math.max(0, changed[k] - unchangedPoll[k]) * (unscaled(k) ? 1 : scale)]),
  ) as PerUnit;
  if (lookups !== undefined) extra.readUnits += MONTHLY_ASSUMPTIONS.newItemsPerChangedPoll * lookups;
  const release = per(m.release);
  return {
    unchangedPoll,
    changedPollExtra: extra,
    release: {
      ...release,
      writeUnits: release.writeUnits + m.gsiWriteUnitsPerRelease,
      messages: m.release.messagesQueued / Math.max(1, m.release.count),
    },
  };
}

/**
 * Messages per invocation of an SQS mapping: what one of its pollers sees arrive within the batching
 * window (the pollers share the arrivals), 1 to the batch size.
 */
export function messagesPerInvocation(
  perSecond: number,
  windowSeconds: number,
  batchSize: number,
  pollers: number = MONTHLY_ASSUMPTIONS.sqsPollersPerMapping,
): number {
  return Math.min(batchSize, Math.max(1, (perSecond / Math.max(1, pollers)) * windowSeconds));
}

/**
 * Network waits of one invocation that fetches `messages` URLs in parallel: they are spread over
 * `hosts` host names, and at most `perHost` go to one host at a time (the rest wait for a slot).
 */
export function fetchWaves(messages: number, perHost: number, hosts: number = MONTHLY_ASSUMPTIONS.feedHosts): number {
  const perHostMessages = messages / Math.max(1, Math.min(hosts, messages));
  return Math.max(1, Math.ceil(perHostMessages / Math.max(1, perHost)));
}

/** Lambda CPU milliseconds at `memoryMb` for `localCpuMs` of CPU time in the local run. */
export function lambdaCpuMs(localCpuMs: number, memoryMb: number): number {
  const a = MONTHLY_ASSUMPTIONS;
  return localCpuMs * a.lambdaCpuScale * (1024 / Math.min(memoryMb, a.lambdaFullVcpuMemoryMb));
}

/**
 * Write units of one feed-state write at FEED_ITEMS_LISTED: the measured item with its listing
 * resized from the measured feeds' length (LISTING_BYTES_PER_ITEM an item: the Feeds table stores
 * the fingerprints as binary), in 1 KB units.
 */
export function feedStateWriteUnits(m: Measured): number {
  return Math.max(1, Math.ceil(feedStateBytesAtProfile(m) / 1024));
}

/** The measured feed item's bytes with its listing resized to FEED_ITEMS_LISTED. */
function feedStateBytesAtProfile(m: Measured): number {
  const listingDelta = (MONTHLY_ASSUMPTIONS.feedItemsListed - m.changedPoll.itemsListed) * LISTING_BYTES_PER_ITEM;
  return Math.max(0, (m.feedStateBytes ?? 0) + listingDelta);
}

/**
 * Read units of dispatch's Scan of the Feeds table: an eventually consistent Scan is charged half a
 * unit per 4 KB of the items it reads, summed over the page — for `feeds` items of the measured
 * size (listing resized). Without a measured size, the measured run's units per feed (2 feeds: each
 * rounded up to half a unit).
 */
export function feedScanReadUnits(m: Measured, feeds: number): number {
  if (m.feedStateBytes === undefined) return feeds * m.feedScanReadUnitsPerFeed;
  return Math.max(1, Math.ceil((feeds * feedStateBytesAtProfile(m)) / 4096)) * 0.5;
}

export function monthlyCost(m: Measured, profile: Profile): MonthlyCost {
  const a = MONTHLY_ASSUMPTIONS;
  const d = m.deployed;
  const u = unitCounts(m);
  const minutes = a.daysPerMonth * 24 * 60;
  const runs = minutes / profile.intervalMinutes;
  const polls = profile.feeds * runs;
  const releases = profile.releasesPerDay * a.daysPerMonth;
  const articleMessages = releases * u.release.messages;
  // Each listing of a new release changes its feed once (releases in one interval share a poll: an upper bound).
  const changedPolls = Math.min(polls, articleMessages);
  const sum = (k: keyof PerUnit) =>
    polls * u.unchangedPoll[k] + changedPolls * u.changedPollExtra[k] + releases * u.release[k];

  // Lambda: GB-seconds of each function and the invocations (a batch's records run in parallel:
  // a network wait per wave of fetches to the host, the CPU of every record).
  const pollBatch = messagesPerInvocation(polls / (minutes * 60), d.pollBatchingWindowSeconds, d.pollBatchSize);
  const articleBatch = messagesPerInvocation(
    articleMessages / (minutes * 60),
    d.articleBatchingWindowSeconds,
    d.articleBatchSize,
  );
  const pollInvocations = polls / pollBatch;
  const articleInvocations = articleMessages / articleBatch;
  const pollWaitMs = pollInvocations * fetchWaves(pollBatch, d.pollPerHostConcurrency) * a.feedFetchMs;
  const articleWaitMs = articleInvocations * fetchWaves(articleBatch, d.articlePerHostConcurrency) * a.pageFetchMs;
  const pollCpuMs = lambdaCpuMs(
    polls * u.unchangedPoll.cpuMs + changedPolls * u.changedPollExtra.cpuMs,
    d.pollMemoryMb,
  );
  const articleCpuMs = lambdaCpuMs(releases * u.release.cpuMs, d.articleMemoryMb);
  const gbSeconds =
    ((pollWaitMs + pollCpuMs) / 1000) * (d.pollMemoryMb / 1024) +
    ((articleWaitMs + articleCpuMs) / 1000) * (d.articleMemoryMb / 1024) +
    runs * (a.dispatchMs / 1000) * (d.dispatchMemoryMb / 1024) +
    a.otherInvocationsPerMonth * (a.otherInvocationMs / 1000) * (a.otherMemoryMb / 1024);
  const invocations = pollInvocations + articleInvocations + runs + a.otherInvocationsPerMonth;
  const lambda = gbSeconds * PRICES.lambdaArmGbSecondUsd + (invocations / MILLION) * PRICES.lambdaRequestsPerMillionUsd;

  // SQS: sends in batches, the pollers' receives (idle or not), one DeleteMessageBatch per invocation.
  const sqsRequests =
    polls / a.messagesPerSendBatch +
    changedPolls +
    2 * a.idleReceivesPerMappingMinute * minutes +
    pollInvocations +
    articleInvocations;
  const sqs = (sqsRequests / MILLION) * PRICES.sqsRequestsPerMillionUsd;

  // DynamoDB: measured units per poll and per release, dispatch's Scan of Feeds, a month's new bytes;
  // less the host-slot requests of the polls that were handed a slot instead of taking one: with
  // reuse, one take and one give-back of a host's item per host of an invocation.
  const slotTakesPerPoll = a.pollReusesHostSlots ? Math.min(pollBatch, a.feedHosts) / pollBatch : 1;
  const perPoll = (units: number | undefined) => (units ?? 0) / Math.max(1, m.unchangedPoll.count);
  const slotUnitsSaved = (units: number | undefined) => polls * perPoll(units) * (1 - slotTakesPerPoll);
  const readUnits =
    sum('readUnits') + runs * feedScanReadUnits(m, profile.feeds) - slotUnitsSaved(m.unchangedPoll.hostSlotReadUnits);
  const heartbeatWrites =
    m.feedStateBytes === undefined
      ? 0
      : polls * Math.min(1, profile.intervalMinutes / a.quietPollHeartbeatMinutes) * feedStateWriteUnits(m);
  const writeUnits = sum('writeUnits') - slotUnitsSaved(m.unchangedPoll.hostSlotWriteUnits) + heartbeatWrites;
  const dynamoGbAdded = (releases * m.storedBytesPerRelease) / GB;
  const dynamodb =
    (readUnits / MILLION) * PRICES.dynamoReadRequestUnitsPerMillionUsd +
    (writeUnits / MILLION) * PRICES.dynamoWriteRequestUnitsPerMillionUsd +
    dynamoGbAdded * PRICES.dynamoStorageGbMonthUsd;

  // S3: PUTs of feed bodies and pages, a month's new archive bytes.
  const s3Puts = sum('archivePuts');
  const s3GbAdded = sum('archiveBytes') / GB;
  const s3 = (s3Puts / 1000) * PRICES.s3PutPerThousandUsd + s3GbAdded * PRICES.s3StorageGbMonthUsd;

  // CloudWatch Logs: what the functions log, their EMF metric lines and the platform's lines.
  const logBytes =
    sum('logBytes') +
    pollInvocations * m.emfBytes.poll +
    articleInvocations * m.emfBytes.article +
    runs * m.emfBytes.dispatch +
    invocations * a.platformLogBytesPerInvocation;
  const logGb = logBytes / GB;
  const logs =
    logGb * MORE_PRICES.cloudwatchLogsIngestGbUsd +
    logGb * a.logStorageMonths * MORE_PRICES.cloudwatchLogsStorageGbMonthUsd;

  const metrics = d.customMetrics * MORE_PRICES.customMetricMonthUsd;
  const alarms = d.alarmMetrics * MORE_PRICES.alarmMetricMonthUsd;
  const dashboard = d.dashboards * MORE_PRICES.dashboardMonthUsd;
  const kms =
    d.customerManagedKmsKeys * MORE_PRICES.kmsKeyMonthUsd +
    (a.kmsRequestsPerMonth / 10_000) * MORE_PRICES.kmsRequestsPerTenThousandUsd;
  const traces = d.tracingActive ? invocations * a.xraySampledFraction : 0;
  const xray = (traces / MILLION) * MORE_PRICES.xrayTracesRecordedPerMillionUsd;

  const services: Record<string, number> = {
    lambda,
    sqs,
    dynamodb,
    s3,
    cloudwatchLogs: logs,
    customMetrics: metrics,
    alarms,
    dashboard,
    kms,
    xray,
  };
  const total = Object.values(services).reduce((n, v) => n + v, 0);
  return {
    profile,
    totalUsdPerMonth: total,
    services,
    volumes: {
      polls,
      changedPolls,
      releases,
      pollBatch,
      articleBatch,
      invocations,
      gbSeconds,
      sqsRequests,
      readUnits,
      writeUnits,
      dynamoGbAdded,
      s3Puts,
      s3GbAdded,
      logGb,
      traces,
    },
  };
}

/** `5m`, `300s`, `1h` or a bare number of minutes → minutes. */
export function parseInterval(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(s.trim());
  if (!m) throw new Error(`--interval ${s}: give e.g. 5m, 300s or 1h`);
  const n = Number(m[1]);
  const minutes = m[2] === 's' ? n / 60 : m[2] === 'h' ? n * 60 : n;
  if (!(minutes > 0)) throw new Error(`--interval ${s}: must be more than zero`);
  return minutes;
}
