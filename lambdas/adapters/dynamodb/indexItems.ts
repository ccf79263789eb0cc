/**
 * The items one release writes to the Articles table (design in tableDesign.ts):
 *  - the release item: the record's fields as they are, except `body.text` (rebuilt on read from the
 *    paragraphs, storedBody.ts) + key attributes of the sparse GSIs (sourceKey, feedId, dayKey,
 *    countryKey, cityKey, sortKey) + write-state internals;
 *  - one ticker index item per ticker of the current revision (`ticker#<tickerKey>#<id>#<revision>`),
 *    the multi-valued pattern a GSI on the release item cannot serve;
 *  - the day directory item of its day (`day#<yyyy-mm-dd>`), so a time-range walk visits only days
 *    that have releases;
 *  - one feed listing item per other feed that listed it (`feed#<feedId>#<id>`, in byFeed with the
 *    release's sort key): a release listed by several feeds is found under each of them, while the
 *    release item's own feedId stays its record's feed;
 *  - its GUID alias item (`guid#<hash of feed id + GUID>`, pointing at the release id) when it came
 *    through a feed with a GUID: poll-feed finds a release whose link moved by it. It carries no
 *    index key attribute, so it is in no index and no query ever meets it.
 * Pure functions: no I/O.
 */
import { sha256Hex } from '../../core/ids';
import { cityKey, countryKey, dayKey, organizationKey, sortKey, tickerKey } from '../../core/keys';
import { RECORD_FIELDS, type PressReleaseRecord, type RawRef } from '../../core/record';
import type { Item } from './batchGet';
import { itemSizeBytes, writeUnits } from './itemSize';
import type { OverflowRef } from './overflow';
import { bodyOfStored, storedBody } from './storedBody';
import { ARTICLES_TABLE, ATTR, DAY_DIRECTORY, ITEM_TYPE } from './tableDesign';

/** Previous revisions kept on the item (oldest dropped first). */
export const HISTORY_LIMIT = 10;

/** A previous revision, kept on the item so a correction never loses where the old bytes are. */
export interface RevisionHistoryEntry {
  revision: number;
  contentHash: string;
  raw: RawRef | null;
  /** Archive key of the revision's overflowed body, when it had one. */
  overflowKey: string | null;
  storedAt: string;
  /** The revision's url (absent on entries written before urls were kept). */
  url?: string | null;
}

/** Write-state attributes of a release item (never part of the record). */
export interface WriteState {
  contentHash: string;
  itemHash: string | null;
  storedAt: string;
  history: RevisionHistoryEntry[];
  /** Ids of index items of older revisions still to delete; empty when clean. */
  staleIndex: string[];
  /** Every feed that listed the release (its record's feed included); absent on items written before. */
  feeds?: string[];
}

/** The time a release sorts by: publishedAt, else fetchedAt, else when it was stored. */
export function sortTime(record: PressReleaseRecord, storedAt: string): string {
  return record.publishedAt ?? record.fetchedAt ?? storedAt;
}

/** The normalized ticker keys of a record, de-duplicated, in order. */
export function tickerKeysOf(record: PressReleaseRecord): string[] {
  return [...new Set(record.tickers.map((t) => tickerKey(t.exchange, t.symbol)))].filter((k) => !k.endsWith(':'));
}

export function tickerItemId(key: string, releaseId: string, revision: number): string {
  return `ticker#${key}#${releaseId}#${revision}`;
}

/** The revision a ticker index item was written for (the last `#` segment of its id), or null. */
export function revisionOfTickerItem(id: string): number | null {
  const n = Number(id.slice(id.lastIndexOf('#') + 1));
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function dayDirectoryId(day: string): string {
  return `day#${day}`;
}

/**
 * The release item: every record field as it is (the body without its derivable text), the GSI key
 * attributes it can fill, the write state.
 */
export function releaseItem(record: PressReleaseRecord, state: WriteState): Item {
  const item: Item = {};
  for (const f of RECORD_FIELDS) item[f] = record[f];
  item.body = storedBody(record.body);
  const at = sortTime(record, state.storedAt);
  item[ATTR.itemType] = ITEM_TYPE.release;
  // GSI key attributes cannot be NULL or empty: leave them out and the item is simply not in that index.
  const source = record.source !== null ? organizationKey(record.source) : '';
  if (source !== '') item[ATTR.sourceKey] = source;
  if (record.feed?.id) item[ATTR.feedId] = record.feed.id;
  item[ATTR.dayKey] = dayKey(at);
  if (record.place?.country) item[ATTR.countryKey] = countryKey(record.place.country);
  const city = record.place?.city ? cityKey(record.place.city) : '';
  if (city !== '') item[ATTR.cityKey] = city;
  item[ATTR.sortKey] = sortKey(at, record.id);
  item.tickerKeys = tickerKeysOf(record);
  item.contentHash = state.contentHash;
  item.itemHash = state.itemHash;
  item.storedAt = state.storedAt;
  item.history = state.history.slice(-HISTORY_LIMIT);
  if (state.staleIndex.length > 0) item.staleIndex = state.staleIndex;
  if (state.feeds && state.feeds.length > 0) item.feeds = state.feeds;
  return item;
}

export function listingItemId(feedId: string, releaseId: string): string {
  return `feed#${feedId}#${releaseId}`;
}

/** The feeds a stored item was listed by: its `feeds`, and its record's feed (items written before `feeds` have only that). */
export function feedsOfItem(item: Item): string[] {
  const feeds = Array.isArray(item.feeds) ? (item.feeds as string[]) : [];
  const own = item[ATTR.feedId];
  return typeof own === 'string' && !feeds.includes(own) ? [own, ...feeds] : feeds;
}

/** The listing item of one feed for a release item (same sort key, so byFeed orders it with the feed's own releases). */
export function listingItem(feedId: string, release: Item): Item {
  return {
    [ATTR.id]: listingItemId(feedId, String(release.id)),
    [ATTR.itemType]: ITEM_TYPE.feedListing,
    [ATTR.feedId]: feedId,
    [ATTR.sortKey]: release[ATTR.sortKey],
    [ATTR.releaseId]: String(release.id),
  };
}

/** The listing items of a release item: one per feed in `feeds` other than the record's own. */
export function listingItems(release: Item): Item[] {
  const own = release[ATTR.feedId];
  return ((release.feeds as string[] | undefined) ?? []).filter((f) => f !== own).map((f) => listingItem(f, release));
}

/** The ticker index items of one revision of a release item. */
export function tickerItems(release: Item): Item[] {
  const id = String(release.id);
  const revision = Number(release.revision);
  return ((release.tickerKeys as string[] | undefined) ?? []).map((key) => ({
    [ATTR.id]: tickerItemId(key, id, revision),
    [ATTR.itemType]: ITEM_TYPE.ticker,
    [ATTR.tickerKey]: key,
    [ATTR.sortKey]: release[ATTR.sortKey],
  }));
}

/** The directory item of a day (in byDay's `DAYS` partition, sorted by the day). */
export function dayDirectoryItem(day: string): Item {
  return {
    [ATTR.id]: dayDirectoryId(day),
    [ATTR.itemType]: ITEM_TYPE.day,
    [ATTR.dayKey]: DAY_DIRECTORY,
    [ATTR.sortKey]: day,
  };
}

/** Key of the GUID alias item of (feed id, GUID): hashed, so any GUID fits the key. */
export function guidAliasId(feedId: string, guid: string): string {
  return `guid#${sha256Hex(`${feedId}\n${guid.trim()}`).slice(0, 32)}`;
}

/** The GUID alias item of a release item (feed id + GUID → release id), or null without feed or GUID. */
export function guidAliasItem(release: Item): Item | null {
  const feedId = (release.feed as { id?: unknown } | null | undefined)?.id;
  const guid = release.guid;
  if (typeof feedId !== 'string' || feedId === '' || typeof guid !== 'string' || guid.trim() === '') return null;
  return {
    [ATTR.id]: guidAliasId(feedId, guid),
    [ATTR.itemType]: ITEM_TYPE.guidAlias,
    [ATTR.releaseId]: String(release.id),
  };
}

/**
 * Every item a save writes beside the release item (step 2 of a save): its ticker items, the day
 * directory item when `withDay`, its GUID alias item when it has a feed and a GUID, and the listing
 * items of the other feeds that listed it.
 */
export function companionItems(release: Item, withDay: boolean): Item[] {
  const alias = guidAliasItem(release);
  return [
    ...tickerItems(release),
    ...listingItems(release),
    ...(withDay ? [dayDirectoryItem(dayKey(String(release[ATTR.sortKey])))] : []),
    ...(alias ? [alias] : []),
  ];
}

/** Exactly RECORD_FIELDS, in contract order; internal attributes are dropped, `body.text` rebuilt. */
export function toRecord(item: Item): PressReleaseRecord {
  const out: Record<string, unknown> = {};
  for (const f of RECORD_FIELDS) out[f] = item[f] ?? null;
  out.body = bodyOfStored(out.body);
  // Items stored before records carried warnings have none: `[]`, as the contract says of lists.
  if (out.warnings === null) out.warnings = [];
  // Items stored before records carried revisionReason read as null (`?? null` above) — unknown, never a guess.
  return out as unknown as PressReleaseRecord;
}

/** The overflow pointer of a stored item, if any. */
export function overflowOf(item: Item): OverflowRef | null {
  return (item.overflow as OverflowRef | undefined) ?? null;
}

/**
 * Write units one save of a new release costs: the release item (1 per started KB), one per GSI
 * copy (every copy is KEYS_ONLY-sized, under 1 KB), and each index item with its byTicker copy.
 */
export function writeUnitsOfCreate(release: Item, indexItems: readonly Item[]): number {
  let units = writeUnits(itemSizeBytes(release));
  for (const ix of ARTICLES_TABLE.indexes) if (release[ix.partitionKey] !== undefined) units += 1;
  for (const item of indexItems) units += writeUnits(itemSizeBytes(item)) + 1;
  return units;
}
