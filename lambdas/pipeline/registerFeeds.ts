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

export type AddFeedOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Registers one feed (due at once), or — when it is already registered — applies the settings the
 * spec gives (name, wire, interval; absent ones are kept) and keeps its fetch state.
 */
export async function addFeed(
  deps: { feeds: FeedStore; clock: Clock },
  spec: FeedSpec,
): Promise<{ state: FeedState; outcome: AddFeedOutcome }> {
  const fresh = newFeedState(spec, deps.clock.now());
  if (await deps.feeds.register(fresh)) return { state: fresh, outcome: 'added' };
  const known = await deps.feeds.get(fresh.id);
  if (!known) return addFeed(deps, spec); // removed in between: register it again
  const state: FeedState = {
    ...known,
    name: spec.name !== undefined ? spec.name : known.name,
    wire: spec.wire !== undefined ? spec.wire : known.wire,
    pollIntervalMinutes: spec.pollIntervalMinutes ?? known.pollIntervalMinutes,
    enabled: spec.enabled ?? known.enabled,
  };
  const same =
    state.name === known.name &&
    state.wire === known.wire &&
    state.pollIntervalMinutes === known.pollIntervalMinutes &&
    state.enabled === known.enabled;
  if (same) return { state: known, outcome: 'unchanged' };
  await deps.feeds.put(state);
  return { state, outcome: 'updated' };
}

/** Enables or disables a registered feed, keeping its state; null when there is no such feed. */
export async function setFeedEnabled(
  deps: { feeds: FeedStore },
  id: string,
  enabled: boolean,
): Promise<{ state: FeedState; changed: boolean } | null> {
  const known = await deps.feeds.get(id);
  if (!known) return null;
  if (known.enabled === enabled) return { state: known, changed: false };
  const state = { ...known, enabled };
  await deps.feeds.put(state);
  return { state, changed: true };
}
