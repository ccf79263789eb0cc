/**
 * The save decision of a release, as a pure function: from what is stored under the release's id
 * (nothing, or its current revision) and what arrives (content hash, url, feed item hash, the feed
 * that listed it), plan what to write and say what the outcome is. The store executes the plan;
 * when its conditional write loses a race, it reads the winner's state and plans again.
 *
 * The story, in order:
 *   - a re-parse of a revision that is no longer the stored one: superseded, nothing written;
 *   - nothing stored: create revision 1 (conditional on the id being absent), listed by its feed;
 *   - stored with the same content at the same url: unchanged — remember a changed feed item hash,
 *     and record the listing feed if it is a new one (membership, no new revision);
 *   - stored with the content and url of an older revision (a redelivered old message): unchanged,
 *     membership recorded the same way;
 *   - otherwise the next revision (correction / moved / reparse), conditional on the revision read
 *     and on the feeds read (listings only grow), retiring the index items of the stored revision.
 * Every plan on a stored item first finishes the cleanup a crashed save left (its `staleIndex`).
 *
 * No I/O and no table names: how items are named is the caller's (`IndexNaming`).
 */
import type { RevisionReason } from './record';

/** The part of a history entry the planner reads: a previous revision's content and url. */
export interface HistoryVersion {
  contentHash: string;
  /** Absent on entries written before urls were kept: then it matches any url. */
  url?: string | null;
}

/** What is stored under the id: the current revision's write state. */
export interface StoredRelease<H extends HistoryVersion = HistoryVersion> {
  revision: number;
  contentHash: string;
  itemHash: string | null;
  url: string | null;
  /** Previous revisions, oldest first. */
  history: readonly H[];
  /** The history entry that describes the current revision once a newer one replaces it. */
  asHistory: H;
  /** Index items of the current revision that the next revision makes stale (its ticker items). */
  revisionIndexIds: readonly string[];
  /** Index items of older revisions still to delete (a crashed save's leftovers). */
  staleIndex: readonly string[];
  /** The record's feed (the first feed that stored it), and every feed that listed the release. */
  feedId: string | null;
  feeds: readonly string[];
  /** Whether the stored item has a `feeds` list (items written before feed membership have none). */
  hasFeeds: boolean;
}

/** What arrives to be saved. */
export interface IncomingRelease {
  url: string | null;
  /** The feed that listed the release in this delivery (null for a page saved without a feed). */
  feedId: string | null;
  contentHash: string;
  /** Hash of the feed item it came from (null without one). */
  itemHash: string | null;
  /** Set by a re-parse: the revision it was parsed from (it replaces only that one). */
  reparseOf?: number;
}

/** How the store names the index items the planner retires. */
export interface IndexNaming {
  /** The membership (listing) item of `feedId` for the release. */
  listing(feedId: string): string;
}

/** The condition a write of a stored item is made under: nobody revised it or listed it since it was read. */
export interface WriteExpectation {
  revision: number;
  /** Length of `feeds` as read; null when the item had no `feeds` list. */
  feedCount: number | null;
}

/** Recording that one more feed lists a stored release (no new revision). */
export interface ListingPlan {
  feedId: string;
  /** Appended to the item's `feeds` (an item without the list starts it with its own feed). */
  append: string[];
  expect: WriteExpectation;
}

export type SavePlan<H extends HistoryVersion = HistoryVersion> =
  | { kind: 'superseded'; reparseOf: number; storedRevision: number | null }
  | { kind: 'create'; outcome: 'created'; revision: 1; feeds: string[] }
  | {
      kind: 'unchanged';
      outcome: 'unchanged';
      revision: number;
      /** Leftover stale index items to delete first (empty when clean). */
      finishCleanup: string[];
      /** The feed item changed but not the release: store this item hash (and its GUID alias). */
      rememberItemHash: string | null;
      /** The listing feed is new to the release: record its membership. */
      listing: ListingPlan | null;
    }
  | {
      kind: 'revise';
      outcome: 'revised';
      revision: number;
      revisionReason: RevisionReason;
      itemHash: string | null;
      history: H[];
      feeds: string[];
      /** Index items the new revision retires (after it is written), leftovers included. */
      staleIndex: string[];
      finishCleanup: string[];
      expect: WriteExpectation;
    };

export function planSave<H extends HistoryVersion>(
  stored: StoredRelease<H> | null,
  incoming: IncomingRelease,
  naming: IndexNaming,
): SavePlan<H> {
  const { reparseOf } = incoming;
  if (reparseOf !== undefined && stored?.revision !== reparseOf) {
    return { kind: 'superseded', reparseOf, storedRevision: stored?.revision ?? null };
  }
  if (!stored) {
    return { kind: 'create', outcome: 'created', revision: 1, feeds: incoming.feedId ? [incoming.feedId] : [] };
  }
  const finishCleanup = [...stored.staleIndex];

  if (reparseOf === undefined) {
    const sameVersion = stored.contentHash === incoming.contentHash && stored.url === incoming.url;
    const olderVersion = stored.history.some(
      (h) => h.contentHash === incoming.contentHash && (h.url ?? incoming.url) === incoming.url,
    );
    if (sameVersion || olderVersion) {
      const itemChanged = sameVersion && incoming.itemHash !== null && stored.itemHash !== incoming.itemHash;
      return {
        kind: 'unchanged',
        outcome: 'unchanged',
        revision: stored.revision,
        finishCleanup,
        rememberItemHash: itemChanged ? incoming.itemHash : null,
        listing: incoming.feedId ? planListing(stored, incoming.feedId) : null,
      };
    }
  }

  // The next revision. Every feed that listed it stays; one that arrives through a feed other than
  // the record's makes that feed the record's, whose listing item is then one too many.
  const feedId = incoming.feedId;
  const feeds = [...new Set([...stored.feeds, ...(feedId ? [feedId] : [])])];
  const ownListingRetired = feedId !== null && feedId !== stored.feedId && stored.feeds.includes(feedId);
  const staleIndex = [
    ...new Set([
      ...stored.staleIndex,
      ...stored.revisionIndexIds,
      ...(ownListingRetired ? [naming.listing(feedId)] : []),
    ]),
  ];
  const revisionReason: RevisionReason =
    reparseOf !== undefined ? 'reparse' : stored.contentHash !== incoming.contentHash ? 'correction' : 'moved';
  return {
    kind: 'revise',
    outcome: 'revised',
    revision: stored.revision + 1,
    revisionReason,
    // A re-parse read no feed item: it keeps the item hash the stored revision came from.
    itemHash: incoming.itemHash ?? (reparseOf !== undefined ? stored.itemHash : null),
    history: [...stored.history, stored.asHistory],
    feeds,
    staleIndex,
    finishCleanup,
    expect: expectationOf(stored),
  };
}

/**
 * Recording that `feedId` lists a stored release too, or null when it is already a member. An item
 * written before membership has no `feeds`: the list starts with its record's feed.
 */
export function planListing(
  stored: Pick<StoredRelease, 'revision' | 'feedId' | 'feeds' | 'hasFeeds'>,
  feedId: string,
): ListingPlan | null {
  if (stored.feeds.includes(feedId)) return null;
  const append = stored.feedId !== null && !stored.hasFeeds ? [stored.feedId, feedId] : [feedId];
  return { feedId, append, expect: expectationOf(stored) };
}

function expectationOf(stored: Pick<StoredRelease, 'revision' | 'feeds' | 'hasFeeds'>): WriteExpectation {
  return { revision: stored.revision, feedCount: stored.hasFeeds ? stored.feeds.length : null };
}
