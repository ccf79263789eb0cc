/**
 * Use-case: the silent-feed check (primary port: an hourly schedule; also `newswire feeds list
 * --silent`). Reads every feed, finds the enabled ones that usually publish at least daily and have
 * published nothing for the configured hours (core/feedPublishing.ts), and logs each with what an
 * operator needs to tell "the wire stopped" from "our polls fail".
 */
import { findSilentFeeds, type SilenceRule, type SilentFeed } from '../core/feedPublishing';
import type { Clock, FeedState, FeedStore, Log } from './ports';

/** Hours without a publication that make a daily feed silent (the stack sets it from newswire:silentFeedHours). */
export const SILENT_FEED_HOURS_ENV = 'SILENT_FEED_HOURS';

export interface SilentFeedsDeps {
  feeds: Pick<FeedStore, 'list'>;
  clock: Clock;
  log: Log;
}

/** A silent feed with its poll state: failing polls (lastError) or a feed that answers with nothing new. */
export interface SilentFeedReport extends SilentFeed {
  readonly lastPolledAt: string | null;
  readonly consecutiveFailures: number;
  readonly lastErrorCode: string | null;
}

export interface SilentFeedsResult {
  /** Enabled feeds: what the check looked at (and the haywire alarm's feed count). */
  readonly enabledFeeds: number;
  readonly silent: SilentFeedReport[];
}

export async function checkSilentFeeds(deps: SilentFeedsDeps, rule: SilenceRule = {}): Promise<SilentFeedsResult> {
  const feeds = await deps.feeds.list();
  const byId = new Map<string, FeedState>(feeds.map((f) => [f.id, f]));
  const silent = findSilentFeeds(feeds, deps.clock.now(), rule).map((s): SilentFeedReport => {
    const f = byId.get(s.id) as FeedState;
    return {
      ...s,
      lastPolledAt: f.lastPolledAt,
      consecutiveFailures: f.consecutiveFailures,
      lastErrorCode: f.consecutiveFailures > 0 ? (f.lastError?.code ?? null) : null,
    };
  });
  for (const s of silent) deps.log.warn('silent feed', { ...s });
  const enabledFeeds = feeds.filter((f) => f.enabled).length;
  deps.log.info('silent feed check', { enabledFeeds, silent: silent.length });
  return { enabledFeeds, silent };
}
