/**
 * `npm run cost -- --feeds 500 --interval 5m --releases-per-day 5000 [--json]`
 *   A month's cost of the deployed stacks per service, at on-demand list prices, from the counts in
 *   scripts/cost/measured.json (see monthlyCost.ts for the arithmetic and assumptions).
 * `npm run cost -- --measure [--records N] [--seed S]`
 *   Refreshes measured.json with a local run (measure.ts), then prints the default profile.
 */
import { readFileSync } from 'node:fs';
import { PRICES } from '../bench/costModel';
import { monthlyCost, parseInterval, type Measured, type Profile } from './monthlyCost';

const USAGE =
  'usage: cost [--feeds N] [--interval 5m] [--releases-per-day N] [--json] | cost --measure [--records N] [--seed S]';

export interface CostArgs {
  profile: Profile;
  json: boolean;
  measure: boolean;
  records: number;
  seed: number;
}

export function parseCostArgs(argv: string[]): CostArgs {
  const args: CostArgs = {
    profile: { feeds: 500, intervalMinutes: 5, releasesPerDay: 5000 },
    json: false,
    measure: false,
    records: 300,
    seed: 20251129,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value; ${USAGE}`);
      return v;
    };
    const count = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a number ≥ 0`);
      return n;
    };
    if (a === '--feeds') args.profile.feeds = count();
    else if (a === '--interval') args.profile.intervalMinutes = parseInterval(value());
    else if (a === '--releases-per-day') args.profile.releasesPerDay = count();
    else if (a === '--json') args.json = true;
    else if (a === '--measure') args.measure = true;
    else if (a === '--records') args.records = count();
    else if (a === '--seed') args.seed = count();
    else throw new Error(`unknown argument ${a}; ${USAGE}`);
  }
  return args;
}

const usd = (n: number) => `$${n.toFixed(2)}`;

async function main(): Promise<void> {
  const args = parseCostArgs(process.argv.slice(2));
  let measured: Measured;
  if (args.measure) {
    const { measure } = await import('./measure.js');
    measured = await measure(args.records, args.seed);
  } else {
    measured = JSON.parse(readFileSync(`${__dirname}/measured.json`, 'utf8')) as Measured;
  }
  // What is deployed is read from the synthesized app now (memory, batching, tracing, alarms), not
  // from when the counts were measured.
  const { deployedShape } = await import('./measure.js');
  measured = { ...measured, deployed: deployedShape() };
  const cost = monthlyCost(measured, args.profile);
  if (args.json) {
    const round = (n: number) => Math.round(n * 100) / 100;
    const services = Object.fromEntries(Object.entries(cost.services).map(([k, v]) => [k, round(v)]));
    console.log(JSON.stringify({ profile: args.profile, totalUsdPerMonth: round(cost.totalUsdPerMonth), services }));
    return;
  }
  const p = args.profile;
  const v = cost.volumes;
  const d = measured.deployed;
  const detail: Record<string, string> = {
    lambda: `${(v.invocations / 1e6).toFixed(2)} M invocations, ${Math.round(v.gbSeconds).toLocaleString('en-US')} GB-s (poll ${d.pollMemoryMb} MB × ${v.pollBatch.toFixed(1)} feeds/invocation, article ${d.articleMemoryMb} MB × ${v.articleBatch.toFixed(1)}, dispatch ${d.dispatchMemoryMb} MB, arm64)`,
    sqs: `${(v.sqsRequests / 1e6).toFixed(2)} M requests`,
    dynamodb: `${(v.readUnits / 1e6).toFixed(2)} M RRU, ${(v.writeUnits / 1e6).toFixed(2)} M WRU, +${v.dynamoGbAdded.toFixed(2)} GB stored`,
    s3: `${(v.s3Puts / 1e3).toFixed(0)} k PUTs, +${v.s3GbAdded.toFixed(2)} GB stored`,
    cloudwatchLogs: `${v.logGb.toFixed(2)} GB ingested and kept`,
    customMetrics: `${d.customMetrics} metrics${d.dashboards ? '' : ' (the ones alarms watch; no dashboard)'}`,
    alarms: `${d.alarms} alarms watching ${d.alarmMetrics} metrics`,
    dashboard: `${d.dashboards} dashboard(s)`,
    kms: `${d.customerManagedKmsKeys} customer-managed key(s) + requests`,
    xray: `${(v.traces / 1e6).toFixed(2)} M traces (tracing ${d.tracingActive ? 'active' : 'off'})`,
  };
  const lines = [
    `newswire cost — ${p.feeds} feeds every ${p.intervalMinutes} min, ${p.releasesPerDay} releases/day: ` +
      `${(v.polls / 1e6).toFixed(2)} M polls, ${Math.round(v.releases).toLocaleString('en-US')} releases a month`,
    ...Object.entries(cost.services)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `  ${k.padEnd(15)} ${usd(n).padStart(8)}  ${detail[k] ?? ''}`),
    `  ${'total'.padEnd(15)} ${usd(cost.totalUsdPerMonth).padStart(8)} a month  (target ≤ $10: ${cost.totalUsdPerMonth <= 10 ? 'met' : 'NOT met'})`,
    `  on-demand list prices ${PRICES.region}, as of ${PRICES.asOf}, no free tier; counts measured ${measured.measuredAt} ` +
      `(${measured.releases} releases, ${measured.feeds} feeds: ${measured.command}); assumptions in scripts/cost/monthlyCost.ts`,
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`cost: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
