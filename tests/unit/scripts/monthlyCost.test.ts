/**
 * The arithmetic of `npm run cost` (scripts/cost/monthlyCost.ts) on tiny profiles whose every figure
 * is worked out by hand in the comments: a month is 730 h = 43,800 min; prices are PRICES and
 * MORE_PRICES (us-east-1 list, 2025-07).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALARM_METRICS } from '../../../lambdas/handlers/metricNames';
import {
  DASHBOARD_METRICS,
  emptyPhase,
  feedScanReadUnits,
  feedStateWriteUnits,
  fetchWaves,
  lambdaCpuMs,
  messagesPerInvocation,
  monthlyCost,
  parseInterval,
  unitCounts,
  type DeployedShape,
  type Measured,
  type PhaseCounts,
} from '../../../scripts/cost/monthlyCost';

const phase = (over: Partial<PhaseCounts>): PhaseCounts => ({ ...emptyPhase(), count: 1, ...over });

const deployed = (over: Partial<DeployedShape> = {}): DeployedShape => ({
  functions: 5,
  pollMemoryMb: 1024,
  articleMemoryMb: 1024,
  dispatchMemoryMb: 1024,
  pollBatchSize: 10,
  articleBatchSize: 10,
  pollBatchingWindowSeconds: 0,
  articleBatchingWindowSeconds: 0,
  pollPerHostConcurrency: 2,
  articlePerHostConcurrency: 2,
  alarms: 3,
  alarmMetrics: 5,
  dashboards: 1,
  customMetrics: 12,
  customerManagedKmsKeys: 1,
  scheduleRules: 3,
  queues: 6,
  tracingActive: true,
  ...over,
});

/** Per unchanged poll: 2 RRU + 3 WRU (1 RRU + 2 WRU of them the host slot), 100 log bytes, 10 ms CPU. */
const measured = (over: Partial<DeployedShape> = {}): Measured => ({
  measuredAt: '2026-01-01',
  command: 'test',
  records: 1,
  seed: 1,
  feeds: 1,
  releases: 1,
  unchangedPoll: phase({
    readUnits: 2,
    writeUnits: 3,
    hostSlotReadUnits: 1,
    hostSlotWriteUnits: 2,
    logBytes: 100,
    cpuMs: 10,
  }),
  // 50 items listed (= feedItemsListed: no scaling): 10 RRU, 1 PUT of 1,000 B, 200 B of log, 20 ms more.
  changedPoll: {
    ...phase({
      readUnits: 12,
      writeUnits: 3,
      hostSlotReadUnits: 1,
      hostSlotWriteUnits: 2,
      archivePuts: 1,
      archiveBytes: 1000,
      logBytes: 300,
      cpuMs: 30,
    }),
    itemsListed: 50,
  },
  release: phase({
    readUnits: 1,
    writeUnits: 4,
    archivePuts: 1,
    archiveBytes: 2000,
    messagesQueued: 1,
    logBytes: 500,
    cpuMs: 40,
  }),
  gsiWriteUnitsPerRelease: 2,
  storedBytesPerRelease: 1024,
  feedScanReadUnitsPerFeed: 0.5,
  emfBytes: { poll: 200, article: 100, dispatch: 50 },
  deployed: deployed(over),
});

describe('one feed polled hourly, 24 releases a day, no batching window', () => {
  // runs = polls = 43,800 / 60 = 730; releases = 24 × 730/24 = 730 = article messages = changed polls.
  const cost = monthlyCost(measured(), { feeds: 1, intervalMinutes: 60, releasesPerDay: 24 });

  test('volumes', () => {
    expect(cost.volumes.polls).toBeCloseTo(730, 9);
    expect(cost.volumes.releases).toBeCloseTo(730, 9);
    expect(cost.volumes.changedPolls).toBeCloseTo(730, 9);
    // Far less than a message per poller per window: one message per invocation.
    expect(cost.volumes.pollBatch).toBe(1);
    expect(cost.volumes.articleBatch).toBe(1);
  });

  test('DynamoDB: units per poll, per changed poll, per release (+ GSI), the Scan, storage', () => {
    // RRU: 730 × (2 + 10 + 1) + 730 runs × 1 feed × 0.5 = 9,490 + 365 = 9,855 (no slot handed on: batches of 1).
    expect(cost.volumes.readUnits).toBeCloseTo(9855, 6);
    // WRU: 730 × (3 + 0 + (4 + 2)) = 6,570.
    expect(cost.volumes.writeUnits).toBeCloseTo(6570, 6);
    // 9,855 × 0.125e-6 + 6,570 × 0.625e-6 + (730 × 1,024 B = 0.000696182 GB) × 0.25
    //   = 0.001231875 + 0.00410625 + 0.0001740456 = 0.0055121706
    expect(cost.services.dynamodb).toBeCloseTo(0.0055121706, 9);
  });

  test('Lambda: waits + CPU × 1.7 at 1 GB, dispatch runs, the other scheduled functions, requests', () => {
    // poll 730 × 150 ms + (730 × 10 + 730 × 20) × 1.7 = 109,500 + 37,230 ms → 146.73 GB-s
    // article 730 × 300 ms + 730 × 40 × 1.7 = 219,000 + 49,640 ms → 268.64 GB-s
    // dispatch 730 × 0.4 s × 1 GB = 292; silent check + sweep 760 × 0.5 s × 0.5 GB = 190
    expect(cost.volumes.gbSeconds).toBeCloseTo(897.37, 6);
    // 730 + 730 + 730 + 760 = 2,950 invocations
    expect(cost.volumes.invocations).toBeCloseTo(2950, 6);
    // 897.37 × 0.0000133334 + 2,950 × 0.2e-6 = 0.011964993 + 0.00059
    expect(cost.services.lambda).toBeCloseTo(0.012554993, 8);
  });

  test('SQS: sends in tens, one send per changed poll, idle receives of 2 mappings, one delete per invocation', () => {
    // 73 + 730 + 2 × 15 × 43,800 + 730 + 730 = 1,316,263 requests × 0.4e-6
    expect(cost.volumes.sqsRequests).toBeCloseTo(1_316_263, 6);
    expect(cost.services.sqs).toBeCloseTo(0.5265052, 9);
  });

  test('S3: a PUT per changed feed and per page, a month of new bytes', () => {
    // 1,460 PUTs × 0.005e-3 = 0.0073; 730 × 3,000 B = 0.00203960 GB × 0.023 = 0.0000469108
    expect(cost.volumes.s3Puts).toBeCloseTo(1460, 6);
    expect(cost.services.s3).toBeCloseTo(0.0073469108, 9);
  });

  test('CloudWatch Logs: logged bytes, EMF lines, platform lines; ingested and kept a month', () => {
    // 730 × 800 + 730 × 200 + 730 × 100 + 730 × 50 + 2,950 × 420 = 2,078,500 B = 0.0019357540 GB × 0.53
    expect(cost.volumes.logGb).toBeCloseTo(0.001935754, 9);
    expect(cost.services.cloudwatchLogs).toBeCloseTo(0.0010259496, 9);
  });

  test('fixed lines: custom metrics, alarm metrics, dashboard, KMS; X-Ray per traced invocation', () => {
    expect(cost.services.customMetrics).toBeCloseTo(12 * 0.3, 9);
    expect(cost.services.alarms).toBeCloseTo(5 * 0.1, 9);
    expect(cost.services.dashboard).toBeCloseTo(3, 9);
    // 1 key + 30,000 requests × $0.03 / 10,000
    expect(cost.services.kms).toBeCloseTo(1.09, 9);
    // 2,950 traces × $5 / million
    expect(cost.services.xray).toBeCloseTo(0.01475, 9);
    const sum = Object.values(cost.services).reduce((a, b) => a + b, 0);
    expect(cost.totalUsdPerMonth).toBeCloseTo(sum, 12);
  });

  test('tracing off: no X-Ray line', () => {
    const off = monthlyCost(measured({ tracingActive: false }), { feeds: 1, intervalMinutes: 60, releasesPerDay: 24 });
    expect(off.services.xray).toBe(0);
    expect(off.totalUsdPerMonth).toBeCloseTo(cost.totalUsdPerMonth - 0.01475, 9);
  });
});

describe('6,000 feeds every 5 minutes, batches of 10 in a 30 s window at 512 MB, no releases', () => {
  // polls = 6,000 × 8,760 runs = 52,560,000 (20 a second; a fifth per poller × 30 s = 120 → 10).
  const cost = monthlyCost(measured({ pollMemoryMb: 512, pollBatchingWindowSeconds: 30 }), {
    feeds: 6000,
    intervalMinutes: 5,
    releasesPerDay: 0,
  });

  test('batches fill to the batch size', () => {
    expect(cost.volumes.polls).toBeCloseTo(52_560_000, 3);
    expect(cost.volumes.pollBatch).toBe(10);
  });

  test('DynamoDB: a batch takes its 2 host slots (its per-host concurrency) for its 10 polls in one take, one give-back', () => {
    // One host: one read + one take write + one give-back write per invocation, i.e. a single poll's
    // slot requests for 10 polls. WRU per poll 3 − 2 × (1 − 1/10) = 1.2 → 63,072,000
    expect(cost.volumes.writeUnits).toBeCloseTo(63_072_000, 2);
    // RRU per poll 2 − 1 × 0.9 = 1.1 → 57,816,000, + the Scan 8,760 × 6,000 × 0.5 = 26,280,000
    expect(cost.volumes.readUnits).toBeCloseTo(84_096_000, 2);
  });

  test('Lambda: five waves of 2 per invocation; CPU time doubles at 512 MB, its GB-s do not', () => {
    // waits 5,256,000 invocations × 5 × 150 ms = 3,942,000 s × 0.5 GB = 1,971,000 GB-s
    // CPU 52,560,000 × 10 ms × 1.7 × 2 = 1,787,040 s × 0.5 GB = 893,520 GB-s
    // dispatch 8,760 × 0.4 × 1 = 3,504; the others 190
    expect(cost.volumes.gbSeconds).toBeCloseTo(2_868_214, 3);
  });
});

describe('quiet 304s: the measured unchanged polls wrote no feed state; the hourly heartbeat write is added', () => {
  // GIVEN the same measured counts with a feed item of 1,500 B (its feeds list 50 = feedItemsListed: 2 WRU)
  const quiet = (intervalMinutes: number) =>
    monthlyCost({ ...measured(), feedStateBytes: 1500 }, { feeds: 1, intervalMinutes, releasesPerDay: 24 });
  const written = (intervalMinutes: number) =>
    monthlyCost(measured(), { feeds: 1, intervalMinutes, releasesPerDay: 24 });

  test('every 5 minutes: one poll in 12 is written, 2 WRU each', () => {
    // polls = 43,800 / 5 = 8,760; heartbeat writes 8,760 × 5/60 = 730 × 2 WRU = 1,460 WRU more
    expect(quiet(5).volumes.writeUnits - written(5).volumes.writeUnits).toBeCloseTo(1460, 6);
  });

  test('polled hourly or less often: every poll is written (at most one per poll)', () => {
    // 730 polls × 1 × 2 WRU
    expect(quiet(60).volumes.writeUnits - written(60).volumes.writeUnits).toBeCloseTo(1460, 6);
    expect(quiet(120).volumes.writeUnits - written(120).volumes.writeUnits).toBeCloseTo(730, 6);
  });
});

test('a changed poll that looks up only its new item: its reads are not scaled with the listing, one look-up added', () => {
  // GIVEN feeds of 100 items (twice feedItemsListed: per-item figures scale by 0.5)
  const base = measured();
  const long = { ...base, changedPoll: { ...base.changedPoll, itemsListed: 100 } };
  // Every item looked up (no seenLookupReadUnitsPerItem): (12 − 2) RRU × 0.5; CPU (30 − 10) ms × 0.5
  expect(unitCounts(long).changedPollExtra).toMatchObject({ readUnits: 5, cpuMs: 10 });
  // Only new items looked up, 3 RRU each: (12 − 2) + 1 × 3 RRU, unscaled; CPU still scaled
  expect(unitCounts({ ...long, seenLookupReadUnitsPerItem: 3 }).changedPollExtra).toMatchObject({
    readUnits: 13,
    cpuMs: 10,
  });
});

test('feedStateWriteUnits: the measured feed item with its listing resized to feedItemsListed, in whole KB', () => {
  const base = measured();
  const listing = (itemsListed: number, feedStateBytes: number) => ({
    ...base,
    feedStateBytes,
    changedPoll: { ...base.changedPoll, itemsListed },
  });
  // 50 listed: as measured, 1,500 B → 2
  expect(feedStateWriteUnits(listing(50, 1500))).toBe(2);
  // 170 listed in a 3,500 B item: 120 × 8 B fewer (binary fingerprints) = 2,540 B → 3
  expect(feedStateWriteUnits(listing(170, 3500))).toBe(3);
  // 170 listed in a 1,900 B item: 120 × 8 B fewer = 940 B → 1
  expect(feedStateWriteUnits(listing(170, 1900))).toBe(1);
  // never less than 1
  expect(feedStateWriteUnits(listing(500, 100))).toBe(1);
});

test('feedScanReadUnits: half a unit per 4 KB of feed items scanned, or the measured units per feed', () => {
  const base = measured();
  // 500 feeds × 1,500 B = 750,000 B → 184 × 4 KB (183.1 rounded up) × 0.5 = 92
  expect(feedScanReadUnits({ ...base, feedStateBytes: 1500 }, 500)).toBe(92);
  // one small feed: at least half a unit
  expect(feedScanReadUnits({ ...base, feedStateBytes: 100 }, 1)).toBe(0.5);
  // no measured size: 0.5 per feed as measured
  expect(feedScanReadUnits(base, 500)).toBe(250);
});

test('fixed lines without the opt-ins: 3 alarmed metrics, no dashboard, no customer-managed key', () => {
  const cost = monthlyCost(measured({ customMetrics: 3, dashboards: 0, customerManagedKmsKeys: 0 }), {
    feeds: 1,
    intervalMinutes: 60,
    releasesPerDay: 24,
  });
  expect(cost.services.customMetrics).toBeCloseTo(0.9, 9);
  expect(cost.services.dashboard).toBe(0);
  // 30,000 requests × $0.03 / 10,000
  expect(cost.services.kms).toBeCloseTo(0.09, 9);
});

describe('building blocks', () => {
  test('messagesPerInvocation: what one of the pollers sees in the window, 1 to the batch size', () => {
    expect(messagesPerInvocation(1.7, 30, 10, 5)).toBeCloseTo(10, 9); // 1.7 / 5 × 30 = 10.2 → 10
    expect(messagesPerInvocation(1, 30, 10, 5)).toBeCloseTo(6, 9);
    expect(messagesPerInvocation(1, 0, 10, 5)).toBe(1);
    expect(messagesPerInvocation(0.001, 5, 10, 1)).toBe(1);
  });

  test('fetchWaves: per-host waves of a batch spread over the hosts', () => {
    expect(fetchWaves(10, 2, 1)).toBe(5);
    expect(fetchWaves(10, 2, 5)).toBe(1);
    expect(fetchWaves(10, 4, 2)).toBe(2);
    expect(fetchWaves(1, 2, 1)).toBe(1);
  });

  test('lambdaCpuMs: × 1.7 at 1 GB, in inverse proportion to memory up to a full vCPU (1,769 MB)', () => {
    expect(lambdaCpuMs(10, 1024)).toBeCloseTo(17, 9);
    expect(lambdaCpuMs(10, 256)).toBeCloseTo(68, 9);
    expect(lambdaCpuMs(10, 1769)).toBeCloseTo((17 * 1024) / 1769, 9);
    expect(lambdaCpuMs(10, 3538)).toBeCloseTo((17 * 1024) / 1769, 9);
  });

  test('parseInterval', () => {
    expect(parseInterval('5m')).toBe(5);
    expect(parseInterval('300s')).toBe(5);
    expect(parseInterval('1h')).toBe(60);
    expect(parseInterval('15')).toBe(15);
    expect(() => parseInterval('0m')).toThrow(/more than zero/);
    expect(() => parseInterval('soon')).toThrow(/give e.g. 5m/);
  });
});

test('DASHBOARD_METRICS are the metric names the handlers emit besides ALARM_METRICS', () => {
  const dir = path.join(__dirname, '../../../lambdas/handlers');
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  // Metric names are PascalCase string literals handed to addMetric or chosen just before it.
  const literals = new Set([...source.matchAll(/'((?:Feed|Release|Overflow|Poll)[A-Za-z]+)'/g)].map((m) => m[1]));
  const alarmed = new Set<string>(Object.values(ALARM_METRICS));
  expect([...literals].filter((n) => !alarmed.has(n as string)).sort()).toEqual(
    Object.values(DASHBOARD_METRICS).flat().sort(),
  );
});
