/** Use-case: send one poll message per feed that is due (primary port: the schedule). */
import type { Clock, FeedStore, Log, MessageSink, PollFeedMessage } from './ports';
import { hostOf, pollDelaySeconds, spreadSecondsFor } from './pollSpread';

export interface DispatchDeps {
  feeds: FeedStore;
  pollQueue: MessageSink<PollFeedMessage>;
  clock: Clock;
  log: Log;
  /**
   * Seconds between two scheduled runs: due feeds are then spread over it, each delayed by a stable
   * offset of its id (pollSpread.ts), so one host's feeds do not all arrive at once. Left out (or 0):
   * every message is sent without delay.
   */
  periodSeconds?: number;
}
export interface DispatchOptions {
  /** Poll every enabled feed now, whatever its schedule (the local `ingest` run). */
  all?: boolean;
  /** Poll exactly these feeds now (enabled ones only), whatever their schedule. */
  only?: string[];
}
export interface DispatchResult {
  dispatched: string[];
}

export async function dispatch(deps: DispatchDeps, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const now = deps.clock.now().toISOString();
  let feeds;
  if (opts.only) {
    const wanted = new Set(opts.only);
    feeds = (await deps.feeds.list()).filter((f) => f.enabled && wanted.has(f.id));
  } else if (opts.all) feeds = (await deps.feeds.list()).filter((f) => f.enabled);
  else feeds = await deps.feeds.listDue(now);
  const ordered = interleaveByHost(feeds);
  const messages = ordered.map((f): PollFeedMessage => ({ feedId: f.id, dispatchedAt: now }));
  // Only a scheduled run spreads its polls: `all` / `only` are an operator asking for them now.
  const period = opts.all || opts.only ? 0 : (deps.periodSeconds ?? 0);
  const delays = ordered.map((f) => pollDelaySeconds(f.id, spreadSecondsFor(period, f.pollIntervalMinutes)));
  if (messages.length) await deps.pollQueue.send(messages, period > 0 ? delays : undefined);
  deps.log.info('dispatched feeds', {
    count: messages.length,
    mode: opts.only ? 'only' : opts.all ? 'all' : 'due',
    ...(period > 0 ? { maxDelaySeconds: delays.reduce((a, b) => Math.max(a, b), 0) } : {}),
  });
  return { dispatched: messages.map((m) => m.feedId) };
}

/**
 * The feeds in round-robin order of their hosts (a, b, c, a, b, a…), so that a batch of poll
 * messages holds feeds of different hosts and does not queue up behind one host's limit.
 */
export function interleaveByHost<T extends { url: string }>(feeds: T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const f of feeds) {
    const host = hostOf(f.url);
    const list = byHost.get(host) ?? [];
    list.push(f);
    byHost.set(host, list);
  }
  const lists = [...byHost.values()];
  const out: T[] = [];
  for (let i = 0; out.length < feeds.length; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}
