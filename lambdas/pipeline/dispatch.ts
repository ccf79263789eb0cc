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
  const messages = feeds.map((f): PollFeedMessage => ({ feedId: f.id, dispatchedAt: now }));
  if (messages.length) await deps.pollQueue.send(messages);
  deps.log.info('dispatched feeds', { count: messages.length, mode: opts.only ? 'only' : opts.all ? 'all' : 'due' });
  return { dispatched: messages.map((m) => m.feedId) };
}
