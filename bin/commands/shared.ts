/** Option parsers and the local-runtime wrapper shared by the CLI's commands. */
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { canonicalizeUrl, feedId } from '../../lambdas/core/ids';
import { consoleLog, type LogLevel } from '../../lambdas/local/consoleLog';
import { openDeployedStores, type StoreSet } from '../../lambdas/local/deployedStores';
import { openLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';

export const DEFAULT_DATA_DIR = '.newswire';

export const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got "${v}"`);
  return n;
};

/** An ISO date or date-time; a bare date given as an upper bound means the end of that day (inclusive). */
export const isoDate =
  (bound: 'start' | 'end') =>
  (v: string): string => {
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new InvalidArgumentError(`expected an ISO date like 2024-03-07, got "${v}"`);
    const endOfDay = bound === 'end' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim());
    return new Date(endOfDay ? t + 86_400_000 - 1 : t).toISOString();
  };

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'local data folder (embedded DynamoDB + raw archive)').default(DEFAULT_DATA_DIR);

export async function withRuntime<T>(
  dataDir: string,
  level: LogLevel,
  fn: (rt: LocalRuntime) => Promise<T>,
  allowHosts: string[] = [],
) {
  const rt = await openLocalRuntime({ dataDir, log: consoleLog(level), allowHosts });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** `--data-dir` for the local tables, or `--stack`/`--region`/`--profile` for the deployed ones. */
export interface TargetOptions {
  dataDir: string;
  stack?: string;
  region?: string;
  profile?: string;
}

/** Adds the options of TargetOptions to a command. */
export function addTargetOptions(cmd: Command): Command {
  return cmd
    .addOption(dataDirOption())
    .option(
      '--stack <name>',
      'use the deployed tables of this data stack (e.g. Newswire-prod-Data) instead of local ones',
    )
    .option('--region <region>', 'AWS region of --stack (default: from the AWS config/environment)')
    .option('--profile <profile>', 'AWS profile for --stack (default: the SDK default chain)');
}

/** Runs fn with the stores of the target: the deployed stack's with --stack, else the local embedded ones. */
export async function withStores<T>(opts: TargetOptions, fn: (stores: StoreSet) => Promise<T>): Promise<T> {
  if (opts.stack) {
    const stores = await openDeployedStores({ stack: opts.stack, region: opts.region, profile: opts.profile });
    try {
      return await fn(stores);
    } finally {
      await stores.close();
    }
  }
  if (opts.region || opts.profile) throw new InvalidArgumentError('--region and --profile need --stack');
  return withRuntime(opts.dataDir, 'error', (rt) =>
    fn({ ...rt, where: `local (${path.resolve(opts.dataDir)})`, close: () => Promise.resolve() }),
  );
}

/** A feed id (`f-…`) as given, or the id of a feed URL (so `--feed https://…/feed.xml` works too). */
export const feedIdArg = (v: string): string => (canonicalizeUrl(v) ? feedId(v) : v.trim());
