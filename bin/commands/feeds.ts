import { InvalidArgumentError, type Command } from 'commander';
import { feedId } from '../../lambdas/core/ids';
import { LISTING_CHARS_PER_ITEM } from '../../lambdas/pipeline/feedListing';
import type { FeedState } from '../../lambdas/pipeline/ports';
import type { SilentFeedReport } from '../../lambdas/pipeline/silentFeeds';
import { hostPortList } from './hostPort';
import {
  addTargetOptions,
  feedIdArg,
  httpUrlArg,
  UsageError,
  wholeNumber,
  withStores,
  type TargetOptions,
} from './shared';

interface AddOptions extends TargetOptions {
  name?: string;
  interval?: number;
  wire?: string;
  json?: boolean;
  /** false with --no-check */
  check: boolean;
  allowHost?: string[];
}

const interval = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1440) {
    throw new InvalidArgumentError(`--interval is minutes between polls, a whole number 1–1440, got "${v}"`);
  }
  return n;
};

const clip = (s: string | null | undefined, n: number) => {
  const t = (s ?? '—').replace(/\s+/g, ' ');
  return t.length > n ? t.slice(0, n - 1) + '…' : t.padEnd(n);
};

/** One line per feed: id, state, interval, failures, next poll, last error, name and URL. */
export function formatFeedTable(feeds: FeedState[]): string {
  const head = `${'id'.padEnd(18)}  ${'state'.padEnd(8)}  ${'every'.padEnd(6)}  ${'fails'.padEnd(5)}  ${'next poll (UTC)'.padEnd(16)}  ${'last error'.padEnd(16)}  name / url`;
  const rows = feeds.map((f) =>
    [
      f.id.padEnd(18),
      (f.enabled ? 'enabled' : 'disabled').padEnd(8),
      `${f.pollIntervalMinutes}m`.padEnd(6),
      String(f.consecutiveFailures).padEnd(5),
      clip(f.enabled ? f.nextPollAt?.slice(0, 16).replace('T', ' ') : null, 16),
      clip(f.consecutiveFailures > 0 ? f.lastError?.code : null, 16),
      f.name ? `${f.name} <${f.url}>` : f.url,
    ].join('  '),
  );
  return [head, ...rows].join('\n');
}

/** One line per silent feed: id, hours silent, last new item, usual items a day, failures, last error, name and URL. */
export function formatSilentTable(feeds: readonly SilentFeedReport[]): string {
  const head = `${'id'.padEnd(18)}  ${'silent'.padEnd(6)}  ${'last new item (UTC)'.padEnd(19)}  ${'usual/day'.padEnd(9)}  ${'fails'.padEnd(5)}  ${'last error'.padEnd(16)}  name / url`;
  const rows = feeds.map((f) =>
    [
      f.id.padEnd(18),
      `${f.silentHours}h`.padEnd(6),
      f.lastPublishedAt.slice(0, 16).replace('T', ' ').padEnd(19),
      String(f.usualItemsPerDay).padEnd(9),
      String(f.consecutiveFailures).padEnd(5),
      clip(f.lastErrorCode, 16),
      f.name ? `${f.name} <${f.url}>` : f.url,
    ].join('  '),
  );
  return [head, ...rows].join('\n');
}

/** Every field of a feed's state, one per line (nested objects flattened with dots). */
export function formatFeedState(feed: FeedState): string {
  const lines: string[] = [];
  const walk = (prefix: string, v: unknown) => {
    // The last listing's fingerprints (16 hex chars an item): how many, not the hex.
    if (prefix === 'listed' && typeof v === 'string') {
      lines.push(`${prefix.padEnd(24)}${v.length / LISTING_CHARS_PER_ITEM} items at the last read`);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    } else {
      lines.push(`${prefix.padEnd(24)}${v === null || v === undefined ? '—' : String(v)}`);
    }
  };
  walk('', feed);
  return lines.join('\n');
}

/** Registers `newswire feeds add|list|show|remove|enable|disable`. */
export function registerFeedsCommand(program: Command): void {
  const feeds = program
    .command('feeds')
    .description(
      'manage the registered feeds (local tables, or the deployed ones with --stack); ids are printed by `feeds list`, and a feed URL works wherever an ID is asked for',
    );

  addTargetOptions(
    feeds
      .command('add')
      .description(
        'register a feed (due at once); an already registered feed keeps its fetch state and gets the given settings',
      )
      .argument('<url>', 'feed URL (http or https)', httpUrlArg)
      .option('--name <name>', 'a name for lists and logs')
      .option('--interval <minutes>', 'minutes between polls (1–1440, default 15)', interval)
      .option('--wire <wire>', 'the wire this feed carries, as a hint for the parser (e.g. "PR Newswire")')
      .option('--json', 'print the feed state as JSON')
      .option(
        '--no-check',
        'register without fetching the URL first (by default a feed not registered yet is fetched once, as a poll ' +
          'would, and a warning says when it is not a feed, has no items, could not be fetched or is on a private address)',
      )
      .option(
        '--allow-host <host:port>',
        'let the check through to this host:port on a private or loopback address (a feed on 127.0.0.1); repeatable',
        hostPortList('--allow-host'),
      ),
  ).action(async (url: string, opts: AddOptions) => {
    const { addFeed, feedSpecSchema } = await import('../../lambdas/pipeline/registerFeeds.js');
    const parsed = feedSpecSchema.safeParse({
      url,
      name: opts.name,
      wire: opts.wire,
      pollIntervalMinutes: opts.interval,
    });
    if (!parsed.success) {
      throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    let checked: string | null = null;
    const { state, outcome } = await withStores(opts, async ({ feeds: store }) => {
      // A new feed is fetched once first; re-adding a registered one (to change its settings) is not.
      if (opts.check && !(await store.get(feedId(parsed.data.url)))) {
        checked = await checkOrWarn(url, opts.allowHost ?? []);
      }
      return addFeed({ feeds: store, clock: { now: () => new Date() } }, parsed.data);
    });
    if (opts.json) console.log(JSON.stringify(state, null, 2));
    else {
      const said = outcome === 'unchanged' ? 'already registered' : outcome;
      console.log(
        `${said} ${state.id} ${state.url} (every ${state.pollIntervalMinutes} min)${checked ? `: ${checked}` : ''}`,
      );
    }
  });

  addTargetOptions(
    feeds
      .command('list')
      .description('list the registered feeds as a table (or --json: an array of feed states)')
      .option('--json', 'print a JSON array of feed states')
      .option(
        '--silent',
        'only the enabled feeds that usually publish daily and have published nothing for --silent-hours (what the silent-feed alarm reports)',
      )
      .option(
        '--silent-hours <hours>',
        'hours without a new item that make a daily feed silent (1-8760, default 24; implies --silent)',
        wholeNumber('--silent-hours', 1, 8760),
      ),
  ).action(async (opts: TargetOptions & { json?: boolean; silent?: boolean; silentHours?: number }) => {
    if (opts.silent || opts.silentHours !== undefined) {
      const { checkSilentFeeds } = await import('../../lambdas/pipeline/silentFeeds.js');
      const quiet = { debug() {}, info() {}, warn() {}, error() {} };
      const { silent } = await withStores(opts, ({ feeds: store }) =>
        checkSilentFeeds(
          { feeds: store, clock: { now: () => new Date() }, log: quiet },
          opts.silentHours === undefined ? {} : { silentHours: opts.silentHours },
        ),
      );
      if (opts.json) console.log(JSON.stringify(silent, null, 2));
      else console.log(silent.length ? formatSilentTable(silent) : 'no silent feeds');
      return;
    }
    const list = await withStores(opts, ({ feeds: store }) => store.list());
    if (opts.json) console.log(JSON.stringify(list, null, 2));
    else console.log(list.length ? formatFeedTable(list) : 'no feeds registered (add one: newswire feeds add URL)');
  });

  addTargetOptions(
    feeds
      .command('show')
      .description('print the whole state of one feed: settings, validators, nextPollAt, failures, lastError, counters')
      .argument('<id>', 'feed id (or its URL)', feedIdArg)
      .option('--json', 'print the feed state as JSON'),
  ).action(async (id: string, opts: TargetOptions & { json?: boolean }) => {
    const feed = await withStores(opts, ({ feeds: store }) => store.get(id));
    if (!feed) return notFound('show', id);
    console.log(opts.json ? JSON.stringify(feed, null, 2) : formatFeedState(feed));
  });

  addTargetOptions(
    feeds
      .command('remove')
      .description('unregister a feed (its stored records stay)')
      .argument('<id>', 'feed id (or its URL)', feedIdArg),
  ).action(async (fid: string, opts: TargetOptions) => {
    const removed = await withStores(opts, ({ feeds: store }) => store.remove(fid));
    if (!removed) return notFound('remove', fid);
    console.log(`removed ${fid}`);
  });

  for (const enabled of [true, false]) {
    const verb = enabled ? 'enable' : 'disable';
    addTargetOptions(
      feeds
        .command(verb)
        .description(enabled ? 'poll a disabled feed again' : 'stop polling a feed, keeping its state')
        .argument('<id>', 'feed id (or its URL)', feedIdArg),
    ).action(async (fid: string, opts: TargetOptions) => {
      const { setFeedEnabled } = await import('../../lambdas/pipeline/registerFeeds.js');
      const res = await withStores(opts, ({ feeds: store }) => setFeedEnabled({ feeds: store }, fid, enabled));
      if (!res) return notFound(verb, fid);
      console.log(`${res.changed ? '' : 'already '}${verb}d ${fid}`);
    });
  }
}

/**
 * Fetches the URL once (the pollers' fetcher and feed reader): what it found when it is a feed
 * (`an RSS 2.0 feed, 6 items`), else null after saying on stderr what is wrong. The feed is
 * registered whatever the check says (a feed may be down today, or on a private address on purpose).
 */
async function checkOrWarn(url: string, allowHosts: string[]): Promise<string | null> {
  const { checkFeedUrl, aFeedFormat } = await import('../../lambdas/local/feedUrlCheck.js');
  const res = await checkFeedUrl(url, { allowHosts });
  if (res.kind === 'feed') return `${aFeedFormat(res.format)} feed, ${res.items} item${res.items === 1 ? '' : 's'}`;
  process.stderr.write(`newswire feeds add: warning: ${url}: ${res.message}; registered anyway\n`);
  return null;
}

function notFound(verb: string, id: string): void {
  console.error(`newswire feeds ${verb}: no feed ${id} (see newswire feeds list)`);
  process.exitCode = 1;
}
