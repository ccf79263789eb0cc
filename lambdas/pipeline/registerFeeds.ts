/** Use-case: register feeds (from configuration, a feeds file or the CLI) without touching the state of known ones. */
import { z } from 'zod';
import { canonicalizeUrl, feedId } from '../core/ids';
import type { Clock, FeedState, FeedStore } from './ports';

export const DEFAULT_POLL_INTERVAL_MINUTES = 15;

export const feedSpecSchema = z.object({
  url: z.string().refine((u) => canonicalizeUrl(u) !== null, { message: 'must be an http(s) URL' }),
  name: z.string().min(1).nullish(),
  wire: z.string().min(1).nullish(),
  pollIntervalMinutes: z.number().int().min(1).max(1440).optional(),
  enabled: z.boolean().optional(),
});
export type FeedSpec = z.infer<typeof feedSpecSchema>;
export const feedSpecListSchema = z.array(feedSpecSchema);

/** A new feed's state: due at once, no failures, counters at zero. */
export function newFeedState(spec: FeedSpec, now: Date): FeedState {
  return {
    id: feedId(spec.url),
    url: spec.url,
    name: spec.name ?? null,
    wire: spec.wire ?? null,
    enabled: spec.enabled ?? true,
    pollIntervalMinutes: spec.pollIntervalMinutes ?? DEFAULT_POLL_INTERVAL_MINUTES,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    nextPollAt: now.toISOString(),
    consecutiveFailures: 0,
    lastError: null,
    counters: { polls: 0, failures: 0, itemsSeen: 0, itemsQueued: 0 },
    createdAt: now.toISOString(),
  };
}

export async function registerFeeds(
  deps: { feeds: FeedStore; clock: Clock },
  specs: FeedSpec[],
): Promise<{ ids: string[]; added: number }> {
  let added = 0;
  const ids: string[] = [];
  for (const spec of specs) {
    const state = newFeedState(spec, deps.clock.now());
    if (await deps.feeds.register(state)) added++;
    ids.push(state.id);
  }
  return { ids, added };
}
