/**
 * Option parsers and the local-runtime wrapper shared by the CLI's commands. Loaded at every start
 * (help included), so it imports nothing heavy at top level: the embedded DynamoDB and the AWS SDK
 * are loaded by withRuntime / withStores when a command opens a store.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { hasCredentials, redactUrl } from '../../lambdas/adapters/http/urlCredentials';
import { canonicalizeUrl, feedId } from '../../lambdas/core/ids';
import type { LogLevel } from '../../lambdas/local/consoleLog';
import type { StoreSet } from '../../lambdas/local/deployedStores';
import type { LocalRuntime } from '../../lambdas/local/runtime';

export const DEFAULT_DATA_DIR = '.newswire';

/**
 * A usage error a command finds itself (after commander parsed the line): printed as one line with
 * a `--help` hint, exit code 2, like commander's own (see usage.ts).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A whole number from min to max (digits only: no `1e3`, `0x10`, `1.0` or blank). */
export const wholeNumber = (name: string, min: number, max: number) => (v: string) => {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  }
  return n;
};

/** A TCP port on 127.0.0.1 (0: any free port). */
export const portNumber = (name: string) => wholeNumber(name, 0, 65_535);

/** Records per page of `query`: checked here, before any store is opened. */
export const MAX_QUERY_LIMIT = 1000;

/** A value that must not be empty (an id, a name, a filter): trimmed. */
export const nonEmpty = (what: string) => (v: string) => {
  const t = v.trim();
  if (!t) throw new InvalidArgumentError(`${what} is empty`);
  return t;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** The English name of month 1–12, from ICU rather than a list of our own. */
const monthName = (month: number): string =>
  new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });

/**
 * Milliseconds since the epoch of an ISO 8601 date (`2024-03-07`, 00:00 UTC) or date-time
 * (`2024-03-07T08:00`, `…:30`, `….5`, with `Z` or an offset `+01:00`; UTC when none), or an
 * InvalidArgumentError saying what is wrong: not ISO 8601 (`1`, `March 7`, `2024/03/07`), or a
 * field out of range (`2024-02-30`, `2024-13-01`, `T25:00`). No rollover: `2024-02-30` is not March 1.
 */
export function parseIsoDateTime(v: string): number {
  const s = v.trim();
  const m = ISO_DATE.exec(s) ?? ISO_DATE_TIME.exec(s);
  if (!m) {
    throw new InvalidArgumentError(
      `expected an ISO 8601 date (2024-03-07) or date-time (2024-03-07T08:00:00Z), got "${v}"`,
    );
  }
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((x) => (x ? Number(x) : 0)) as number[];
  if (month! < 1 || month! > 12) throw new InvalidArgumentError(`"${v}": there is no month ${month}`);
  const leap = year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month!) ? 30 : 31;
  if (day! < 1 || day! > days) {
    throw new InvalidArgumentError(`"${v}": ${monthName(month!)} ${year} has ${days} days`);
  }
  if (hour! > 23 || minute! > 59 || second! > 59) {
    throw new InvalidArgumentError(`"${v}": the time must be 00:00:00 to 23:59:59`);
  }
  const zone = m[8];
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const [h, mm] = [Number(z[2]), Number(z[3])];
    if (h > 23 || mm > 59) throw new InvalidArgumentError(`"${v}": the offset ${zone} is out of range`);
    offsetMin = (z[1] === '-' ? -1 : 1) * (h * 60 + mm);
  }
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year!, month! - 1, day!);
  d.setUTCHours(hour!, minute!, second!, fraction);
  return d.getTime() - offsetMin * 60_000;
}

/** An ISO 8601 date or date-time; a bare date given as an upper bound means the end of that day (inclusive). */
export const isoDate =
  (bound: 'start' | 'end') =>
  (v: string): string => {
    const t = parseIsoDateTime(v);
    const endOfDay = bound === 'end' && ISO_DATE.test(v.trim());
    return new Date(endOfDay ? t + 86_400_000 - 1 : t).toISOString();
  };

/**
 * An absolute http(s) URL without credentials (a `user:password@` part is refused, and not
 * repeated in the message).
 */
export const httpUrlArg = (v: string): string => {
  let u: URL | null = null;
  try {
    u = new URL(v.trim());
  } catch {
    // refused below
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new InvalidArgumentError(`expected an absolute http(s) URL, got "${redactUrl(v)}"`);
  }
  if (hasCredentials(u)) {
    throw new InvalidArgumentError(
      `the URL carries credentials (user:password@), which newswire refuses: ${redactUrl(u.href)}`,
    );
  }
  return v.trim();
};

/** A data dir that exists must be a directory; say so when it is a file (before anything is opened). */
export function checkDataDir(dir: string): string {
  let isDir: boolean | null = null;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // does not exist (yet): created when first written
  }
  if (isDir === false) throw new InvalidArgumentError(`--data-dir ${dir} is a file, not a directory`);
  return dir;
}

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'local data folder (embedded DynamoDB + raw archive)')
    .argParser(checkDataDir)
    .default(DEFAULT_DATA_DIR);

export async function withRuntime<T>(
  dataDir: string,
  level: LogLevel,
  fn: (rt: LocalRuntime) => Promise<T>,
  allowHosts: string[] = [],
) {
  // The default data dir is not checked by the option parser.
  try {
    checkDataDir(dataDir);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [{ openLocalRuntime }, { consoleLog }] = await Promise.all([
    import('../../lambdas/local/runtime.js'),
    import('../../lambdas/local/consoleLog.js'),
  ]);
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

/** --region and --profile go with --stack only. */
export function checkTarget(opts: TargetOptions): void {
  if (!opts.stack && (opts.region || opts.profile)) throw new UsageError('--region and --profile need --stack');
}

/** Runs fn with the stores of the target: the deployed stack's with --stack, else the local embedded ones. */
export async function withStores<T>(opts: TargetOptions, fn: (stores: StoreSet) => Promise<T>): Promise<T> {
  if (opts.stack) {
    const { openDeployedStores } = await import('../../lambdas/local/deployedStores.js');
    const stores = await openDeployedStores({ stack: opts.stack, region: opts.region, profile: opts.profile });
    try {
      return await fn(stores);
    } finally {
      await stores.close();
    }
  }
  checkTarget(opts);
  return withRuntime(opts.dataDir, 'error', (rt) =>
    fn({ ...rt, where: `local (${path.resolve(opts.dataDir)})`, close: () => Promise.resolve() }),
  );
}

/** A feed id (`f-…`) as given, or the id of a feed URL (so `--feed https://…/feed.xml` works too). */
export const feedIdArg = (v: string): string => {
  const t = nonEmpty('the feed id')(v);
  return canonicalizeUrl(t) ? feedId(t) : t;
};
