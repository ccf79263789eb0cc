/**
 * Use-case: parse stored releases again, from the raw bytes in the archive, with the current parser —
 * nothing is fetched. For each stored record: read its archived bytes (the release page, or the feed
 * item that carried the whole release), build the record through the same path as process-article
 * (releaseRecord.ts), and store it as the next revision, with revisionReason `reparse`, only when it
 * differs from the stored record in any field but parserVersion / revision / revisionReason. A
 * degraded parse never replaces a stored revision that is not degraded. The CLI runs it over the
 * stored records a filter selects (`newswire reprocess`); the article-queue Lambda runs it for one id
 * (`--via-queue`).
 */
import { isDeepStrictEqual } from 'node:util';
import semver from 'semver';
import { contentHash } from '../core/buildRecord';
import { describeError, NewswireError } from '../core/errors';
import { decodeBody } from '../core/feed/decode';
import type { FeedItem, ParsedFeed } from '../core/feed/types';
import { canonicalizeUrl } from '../core/ids';
import { organizationKey } from '../core/keys';
import type { PressReleaseRecord } from '../core/record';
import type { ArticleQuery, ArticleStore, Log, MessageSink, RawArchive } from './ports';
import { readFeed } from './readFeed';
import { keepsStoredRevision, recordFromContent, type ParseFn } from './releaseRecord';

export interface ReprocessDeps {
  articles: ArticleStore;
  archive: RawArchive;
  log: Log;
  /** The parser (default: `parseRelease`). */
  parse?: ParseFn;
}

/** Which stored records to parse again. Time bounds are on publishedAt (fetchedAt without one), as in `query`. */
export interface ReprocessFilter {
  since?: string;
  until?: string;
  /** Issuing organization (spelling-insensitive, as `query --source`). */
  source?: string;
  feedId?: string;
  /** Only records whose parserVersion is below this semver version (a version that is not semver counts as below). */
  parserVersionBelow?: string;
}

export type ReprocessOutcome = 'changed' | 'unchanged' | 'degraded-kept' | 'failed';

export interface ReprocessResult {
  id: string;
  outcome: ReprocessOutcome;
  /** The stored revision after this (for `changed`, the one written — or that would be, on a dry run). */
  revision: number;
  /** Why it failed (`failed` only). */
  error?: { code: string; message: string };
}

export interface ReprocessSummary {
  /** Records the filters selected and that were parsed again (or attempted). */
  scanned: number;
  changed: number;
  unchanged: number;
  /** The new parse was degraded: the stored revision, which is not, was kept. */
  degradedKept: number;
  failed: number;
  /** Failures by code (ARCHIVE_MISSING, NO_RAW, ITEM_NOT_IN_ARCHIVE, …). */
  failedByCode: Record<string, number>;
  /** The first failures, with their reasons (at most MAX_LISTED_FAILURES). */
  failures: { id: string; code: string; message: string }[];
  /** Records listed by the store query but left out by a filter it cannot apply itself (parser version…). */
  skipped: number;
  dryRun: boolean;
}

/** A summary of nothing done yet (also what a run over an empty store reports). */
export function emptyReprocessSummary(dryRun: boolean): ReprocessSummary {
  return {
    scanned: 0,
    changed: 0,
    unchanged: 0,
    degradedKept: 0,
    failed: 0,
    failedByCode: {},
    failures: [],
    skipped: 0,
    dryRun,
  };
}

export interface ReprocessOptions {
  /** Write nothing; count what would change. */
  dryRun?: boolean;
  /** Records parsed at once. @default DEFAULT_REPROCESS_CONCURRENCY */
  concurrency?: number;
  /** Called after each record with the running totals. */
  onProgress?: (s: Readonly<ReprocessSummary>) => void;
  /** Records per store query page. @default 100 */
  pageSize?: number;
}

export const DEFAULT_REPROCESS_CONCURRENCY = 4;
export const MAX_LISTED_FAILURES = 50;
/** Parsed feed bodies kept while a run walks records (records of one poll share one feed body). */
const FEED_CACHE_ENTRIES = 16;

/** Message of the article queue asking the Lambda to parse one stored release again (`reprocess --via-queue`). */
export interface ReprocessArticleMessage {
  reprocess: { id: string };
}

/**
 * Parses the stored records the filter selects again, at most `concurrency` at a time, and returns
 * the totals. Never throws for one record: its failure is counted with its reason.
 */
export async function reprocess(
  deps: ReprocessDeps,
  filter: ReprocessFilter,
  opts: ReprocessOptions = {},
): Promise<ReprocessSummary> {
  const summary = emptyReprocessSummary(opts.dryRun === true);
  const reader = archiveReader(deps.archive);
  const records = selectedRecords(deps.articles, filter, opts.pageSize ?? 100, () => summary.skipped++);
  await pool(records, opts.concurrency ?? DEFAULT_REPROCESS_CONCURRENCY, async (stored) => {
    const r = await reprocessRecord(deps, stored, { dryRun: opts.dryRun, reader });
    summary.scanned++;
    if (r.outcome === 'changed') summary.changed++;
    else if (r.outcome === 'unchanged') summary.unchanged++;
    else if (r.outcome === 'degraded-kept') summary.degradedKept++;
    else {
      summary.failed++;
      const code = r.error?.code ?? 'UNKNOWN';
      summary.failedByCode[code] = (summary.failedByCode[code] ?? 0) + 1;
      if (summary.failures.length < MAX_LISTED_FAILURES) {
        summary.failures.push({ id: r.id, code, message: r.error?.message ?? '' });
      }
    }
    opts.onProgress?.(summary);
  });
  deps.log.info('reprocess done', { ...summary, failures: undefined });
  return summary;
}

/**
 * Sends one article-queue message per selected record, for the Lambdas to parse again
 * (`reprocess --via-queue`). Returns how many were queued and how many a filter left out.
 */
export async function enqueueReprocess(
  deps: { articles: ArticleStore; sink: MessageSink<ReprocessArticleMessage> },
  filter: ReprocessFilter,
  opts: { pageSize?: number; onProgress?: (queued: number) => void } = {},
): Promise<{ queued: number; skipped: number }> {
  let queued = 0;
  let skipped = 0;
  let batch: ReprocessArticleMessage[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await deps.sink.send(batch);
    queued += batch.length;
    batch = [];
    opts.onProgress?.(queued);
  };
  for await (const r of selectedRecords(deps.articles, filter, opts.pageSize ?? 100, () => skipped++)) {
    batch.push({ reprocess: { id: r.id } });
    if (batch.length >= 100) await flush();
  }
  await flush();
  return { queued, skipped };
}

/**
 * Parses one stored release again (the queue's `reprocess` message). Throws what a record failed
 * with, so the queue retries it or parks it in the DLQ with its reason; NOT_STORED when the id is
 * not stored.
 */
export async function reprocessStoredId(deps: ReprocessDeps, id: string): Promise<Exclude<ReprocessOutcome, 'failed'>> {
  const stored = await deps.articles.get(id);
  if (!stored) throw new NewswireError('NOT_STORED', `reprocess ${id}: no such release is stored`, false);
  const outcome = await reparse(deps, stored, { dryRun: false, reader: archiveReader(deps.archive) });
  return outcome.outcome;
}

/** Parses one stored record again; a failure is returned as `failed` with its reason, never thrown. */
export async function reprocessRecord(
  deps: ReprocessDeps,
  stored: PressReleaseRecord,
  opts: { dryRun?: boolean; reader?: ArchiveReader } = {},
): Promise<ReprocessResult> {
  try {
    return await reparse(deps, stored, {
      dryRun: opts.dryRun === true,
      reader: opts.reader ?? archiveReader(deps.archive),
    });
  } catch (err) {
    const { code, message } = describeError(err);
    deps.log.warn('reprocess failed', { id: stored.id, revision: stored.revision, code, reason: message });
    return { id: stored.id, outcome: 'failed', revision: stored.revision, error: { code, message } };
  }
}

async function reparse(
  deps: ReprocessDeps,
  stored: PressReleaseRecord,
  opts: { dryRun: boolean; reader: ArchiveReader },
  attempt = 1,
): Promise<ReprocessResult & { outcome: Exclude<ReprocessOutcome, 'failed'> }> {
  const src = await readArchivedRelease(opts.reader, stored);
  const record = recordFromContent(deps.parse, src, {
    feed: stored.feed,
    item: src.item,
    url: src.url,
    raw: stored.raw,
    fetchedAt: stored.fetchedAt,
  });
  const at = { id: stored.id, revision: stored.revision };
  if (keepsStoredRevision(record, stored)) {
    deps.log.warn('degraded re-parse not stored: the stored revision is kept', { ...at, warnings: record.warnings });
    return { ...at, outcome: 'degraded-kept' };
  }
  if (sameRecord(record, stored)) return { ...at, outcome: 'unchanged' };
  if (opts.dryRun) return { id: stored.id, outcome: 'changed', revision: stored.revision + 1 };
  try {
    const saved = await deps.articles.save(record, {
      contentHash: contentHash(record),
      itemHash: null,
      reparseOf: stored.revision,
    });
    deps.log.info('release re-parsed', {
      id: stored.id,
      revision: saved.revision,
      parserVersion: record.parserVersion,
    });
    return { id: stored.id, outcome: 'changed', revision: saved.revision };
  } catch (err) {
    // Another revision was stored since the listing read this one: parse that one instead (once).
    if (err instanceof NewswireError && err.code === 'REPARSE_SUPERSEDED' && attempt === 1) {
      const now = await deps.articles.get(stored.id);
      if (!now) throw new NewswireError('NOT_STORED', `reprocess ${stored.id}: no longer stored`, false);
      return reparse(deps, now, opts, attempt + 1);
    }
    throw err;
  }
}

/**
 * Same record but for what says which parser made it and which revision it is. Compared as JSON
 * data (what is stored), in any key order: a stored map's keys come back in no particular order.
 */
function sameRecord(a: PressReleaseRecord, b: PressReleaseRecord): boolean {
  const data = ({ parserVersion: _p, revision: _r, revisionReason: _rr, ...rest }: PressReleaseRecord): unknown =>
    JSON.parse(JSON.stringify(rest));
  return isDeepStrictEqual(data(a), data(b));
}

// ---------- reading the archived bytes back ----------

/** Archive reads of one run: feed bodies are parsed once for all the records they carried. */
export interface ArchiveReader {
  get(key: string): Promise<Uint8Array | null>;
  /** The items of an archived feed body, or null when the key is not in the archive. */
  feed(key: string, url: string | null): Promise<ParsedFeed | null>;
}

export function archiveReader(archive: RawArchive): ArchiveReader {
  const feeds = new Map<string, Promise<ParsedFeed | null>>();
  return {
    get: (key) => archive.get(key),
    feed(key, url) {
      let parsed = feeds.get(key);
      if (!parsed) {
        parsed = archive.get(key).then((body) => (body ? readFeed({ body, contentType: null, url }) : null));
        feeds.set(key, parsed);
        parsed.catch(() => feeds.delete(key));
        if (feeds.size > FEED_CACHE_ENTRIES) feeds.delete(feeds.keys().next().value as string);
      }
      return parsed;
    },
  };
}

/**
 * What process-article parsed for this record, read back from the archive: the release page
 * (raw.articleKey), or the feed item that carried the whole release (found again in the feed body
 * at raw.feedKey). The feed item is found again too when there is a page, since it supplies what
 * the page does not (its id, link, date, summary); without it, the stored record supplies them.
 */
async function readArchivedRelease(
  reader: ArchiveReader,
  stored: PressReleaseRecord,
): Promise<{ content: string; url: string | null; item: FeedItem }> {
  const raw = stored.raw;
  if (!raw || (!raw.articleKey && !raw.feedKey)) {
    throw new NewswireError('NO_RAW', `${stored.id}: the record points to no archived bytes (raw is null)`, false);
  }
  let item: FeedItem | null = null;
  if (raw.feedKey) {
    const feed = await reader.feed(raw.feedKey, stored.feed?.url ?? null);
    if (!feed) throw archiveMissing(stored.id, raw.feedKey);
    item = findItem(feed.items, stored);
  }
  if (raw.articleKey) {
    const page = await reader.get(raw.articleKey);
    if (!page) throw archiveMissing(stored.id, raw.articleKey);
    return { content: decodeBody(page, null).text, url: stored.url, item: item ?? itemOfRecord(stored) };
  }
  if (!item) {
    throw new NewswireError(
      'ITEM_NOT_IN_ARCHIVE',
      `${stored.id}: the item is not found again in the archived feed ${raw.feedKey}`,
      false,
    );
  }
  return { content: item.contentHtml ?? item.summary ?? '', url: item.link, item };
}

function archiveMissing(id: string, key: string): NewswireError {
  return new NewswireError('ARCHIVE_MISSING', `${id}: ${key} is not in the raw archive (expired or deleted?)`, false);
}

/**
 * The record's item in the feed: by id, then GUID, then link. It keeps the stored id (a release
 * whose link moved keeps the id it was first stored under, see poll-feed's GUID aliases).
 */
function findItem(items: FeedItem[], stored: PressReleaseRecord): FeedItem | null {
  const found =
    items.find((i) => i.id === stored.id) ??
    (stored.guid ? items.find((i) => i.guid === stored.guid) : undefined) ??
    (stored.url ? items.find((i) => i.link !== null && canonicalizeUrl(i.link) === stored.url) : undefined);
  return found ? { ...found, id: stored.id } : null;
}

/** Stand-in for a feed item no longer readable: what the stored record says the item said. */
function itemOfRecord(r: PressReleaseRecord): FeedItem {
  return {
    id: r.id,
    guid: r.guid,
    link: r.url,
    title: r.title,
    summary: r.summary,
    contentHtml: null,
    publishedAt: r.publishedAt,
    author: null,
    categories: [],
    itemHash: '',
  };
}

// ---------- selecting the records ----------

/**
 * Stored records matching the filter, newest first, each once. The store query serves one of
 * source / feed with the time range (the index that fits, or the day walk); the other, and the
 * parser version, are applied here (`onSkip` counts what they leave out).
 */
export async function* selectedRecords(
  articles: ArticleStore,
  filter: ReprocessFilter,
  pageSize: number,
  onSkip: () => void = () => undefined,
): AsyncGenerator<PressReleaseRecord> {
  const q: ArticleQuery = {
    ...(filter.feedId !== undefined
      ? { feedId: filter.feedId }
      : filter.source !== undefined
        ? { source: filter.source }
        : {}),
    since: filter.since,
    until: filter.until,
    limit: pageSize,
    cursor: null,
  };
  const sourceKey = filter.feedId !== undefined && filter.source !== undefined ? organizationKey(filter.source) : null;
  const below = filter.parserVersionBelow;
  // A record re-parsed into another sort position (a new publishedAt) may be listed again: once is enough.
  const seen = new Set<string>();
  do {
    const page = await articles.query(q);
    for (const r of page.items) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      if (
        (sourceKey !== null && organizationKey(r.source ?? '') !== sourceKey) ||
        (below !== undefined && !versionBelow(r.parserVersion, below))
      ) {
        onSkip();
        continue;
      }
      yield r;
    }
    q.cursor = page.cursor;
  } while (q.cursor);
}

/** `version` in semver's normal form (`v0.3.0` → `0.3.0`), or null when it is not a semver version. */
export function normalVersion(version: string): string | null {
  return semver.valid(version);
}

/** True when `version` is a lower semver version than `bound`, or is not semver at all. */
export function versionBelow(version: string, bound: string): boolean {
  const v = semver.valid(version);
  return v === null || semver.lt(v, bound);
}

/** Runs `work` on every item of `items`, at most `concurrency` at a time. */
async function pool<T>(items: AsyncIterable<T>, concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const it = items[Symbol.asyncIterator]();
  const worker = async () => {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      await work(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
