/** Use-case: send one poll message per feed that is due (primary port: the schedule). */
import type { Clock, FeedStore, Log, MessageSink, PollFeedMessage } from './ports';

export interface DispatchDeps {
  feeds: FeedStore;
  pollQueue: MessageSink<PollFeedMessage>;
  clock: Clock;
  log: Log;
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
  const messages = interleaveByHost(feeds).map((f): PollFeedMessage => ({ feedId: f.id, dispatchedAt: now }));
  if (messages.length) await deps.pollQueue.send(messages);
  deps.log.info('dispatched feeds', { count: messages.length, mode: opts.only ? 'only' : opts.all ? 'all' : 'due' });
  return { dispatched: messages.map((m) => m.feedId) };
}

/**
 * The feeds in round-robin order of their hosts (a, b, c, a, b, a…), so that a batch of poll
 * messages holds feeds of different hosts and does not queue up behind one host's limit.
 */
export function interleaveByHost<T extends { url: string }>(feeds: T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const f of feeds) {
    let host: string;
    try {
      host = new URL(f.url).hostname.toLowerCase();
    } catch {
      host = '';
    }
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
