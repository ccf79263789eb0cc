/**
 * Release ids of feed items. An id must be a function of the item (and its feed), stable from poll
 * to poll — never of its position, and never moved by an item that joins the feed later:
 *
 *  1. `u-` canonical link, when the link identifies a page: not a home page (empty path or `/`
 *     without a query), not the feed's own link or the feed document's URL, and not carried in the
 *     same document by items with different titles (a listing page every item points at). Two items
 *     with the same identifying link — the same release listed twice, once with `?utm_source=` —
 *     ARE the same release: one id, one item.
 *  2. `g-` GUID. A GUID that items with different titles repeat in the same document (feeds that
 *     reuse one GUID) is disambiguated by the item's own title: `g-` of GUID + normalized title.
 *  3. `h-` hash of title + summary.
 *
 * Items that end up with the same id are one release: one of them is kept, chosen by content
 * (shortest link, then smallest item hash), not by order. Exact repeats are dropped the same way.
 *
 * The two "different titles" checks look at the rest of the document, but only to find what a
 * publisher uses for every item (a listing page, a constant GUID): such feeds repeat it at every
 * poll. When a link does become shared later, the item moves to its GUID id, and poll-feed's GUID
 * alias (ArticleStore.releaseIdsByGuid) brings it back to its stored record.
 */
import { canonicalizeUrl, guidReleaseId, hashReleaseId, normalizedText, urlReleaseId } from '../ids';

/** What the id rules read of an item (the rest is carried through). */
export interface IdentifiableItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  summary: string | null;
  /** Hash of the item's content as the feed shows it (tie-breaker between items of one id). */
  itemHash: string;
}

/** Links of the feed itself: its `<link>` (home page) and the URL the document was fetched from. */
export interface FeedOwnLinks {
  feedLink?: string | null;
  documentUrl?: string | null;
}

/** Gives every item its id; items of one id (the same release listed twice) are kept once. */
export function withReleaseIds<T extends IdentifiableItem>(
  items: T[],
  feed: FeedOwnLinks = {},
): (T & { id: string })[] {
  const own = new Set(
    [feed.feedLink, feed.documentUrl].map((u) => canonicalizeUrl(u)).filter((u): u is string => u !== null),
  );
  const links = items.map((it) => identifyingLink(it.link, own));
  const sharedLinks = sharedByDifferentTitles(items.map((it, i) => ({ key: links[i] ?? null, title: it.title })));
  const byLink = links.map((l) => (l !== null && !sharedLinks.has(l) ? l : null));
  const guids = items.map((it, i) => (byLink[i] === null ? it.guid?.trim() || null : null));
  const sharedGuids = sharedByDifferentTitles(items.map((it, i) => ({ key: guids[i] ?? null, title: it.title })));

  const chosen = new Map<string, { item: T & { id: string }; at: number }>();
  items.forEach((it, at) => {
    const link = byLink[at];
    const guid = guids[at];
    const id = link
      ? urlReleaseId(link)
      : guid
        ? guidReleaseId(guid, sharedGuids.has(guid) ? it.title : undefined)
        : hashReleaseId({ title: it.title, firstParagraph: it.summary });
    const kept = chosen.get(id);
    if (!kept || preferred(it, kept.item)) chosen.set(id, { item: { ...it, id }, at });
  });
  // In the document order of the kept items.
  return [...chosen.values()].sort((a, b) => a.at - b.at).map((c) => c.item);
}

/** The canonical link when it can identify a release page, else null. */
export function identifyingLink(link: string | null, ownLinks: ReadonlySet<string>): string | null {
  const canonical = canonicalizeUrl(link);
  if (!canonical) return null;
  const u = new URL(canonical);
  if ((u.pathname === '' || u.pathname === '/') && u.search === '') return null; // a home page
  if (ownLinks.has(canonical)) return null;
  return canonical;
}

/** Keys that items with different (normalized) titles carry. */
function sharedByDifferentTitles(entries: { key: string | null; title: string | null }[]): Set<string> {
  const titles = new Map<string, Set<string>>();
  for (const { key, title } of entries) {
    if (key === null) continue;
    const set = titles.get(key) ?? new Set<string>();
    set.add(normalizedText(title));
    titles.set(key, set);
  }
  return new Set([...titles].filter(([, set]) => set.size > 1).map(([key]) => key));
}

/** Of two items of one release, the one to keep: the shorter link (fewer tracking parameters), then the smaller item hash. */
function preferred(a: IdentifiableItem, b: IdentifiableItem): boolean {
  const la = (a.link ?? '').length;
  const lb = (b.link ?? '').length;
  if (la !== lb) return la < lb;
  return a.itemHash < b.itemHash;
}
