/** In-memory implementations of the ports, for unit tests of the use-cases. */
import { releaseItem, tickerKeysOf } from '../../lambdas/adapters/dynamodb/indexItems';
import { assertLimit, planQuery } from '../../lambdas/adapters/dynamodb/queryPlan';
import { ATTR } from '../../lambdas/adapters/dynamodb/tableDesign';
import { FetchError, StorageError } from '../../lambdas/core/errors';
import type { PressReleaseRecord } from '../../lambdas/core/record';
import type {
  ArticlePage,
  ArticleQuery,
  ArticleStore,
  FeedPollUpdate,
  FeedState,
  FeedStore,
  FetchRequest,
  FetchResponse,
  HttpClient,
  Log,
  MessageSink,
  RawArchive,
  SaveMeta,
  SeenItem,
  SaveOutcome,
} from '../../lambdas/pipeline/ports';

export class MemoryFeedStore implements FeedStore {
  readonly items = new Map<string, FeedState>();
  async listDue(now: string) {
    return [...this.items.values()].filter((f) => f.enabled && f.nextPollAt <= now);
  }
  async list() {
    return [...this.items.values()];
  }
  async get(id: string) {
    return structuredClone(this.items.get(id) ?? null);
  }
  async register(feed: FeedState) {
    if (this.items.has(feed.id)) return false;
    this.items.set(feed.id, structuredClone(feed));
    return true;
  }
  async put(feed: FeedState) {
    this.items.set(feed.id, structuredClone(feed));
  }
  async remove(id: string) {
    return this.items.delete(id);
  }
  async recordPoll(id: string, u: FeedPollUpdate) {
    const f = this.items.get(id);
    if (!f) throw new Error(`no feed ${id}`);
    const { add, ...rest } = u;
    Object.assign(f, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    for (const [k, v] of Object.entries(add)) f.counters[k as keyof typeof f.counters] += v ?? 0;
  }
}

/**
 * The ArticleStore port in memory, with the same contract as the DynamoDB store: exactly-once saves
 * (a stale redelivery of a previous revision's content is unchanged), GUID aliases, and queries planned by the
 * same rules (one key filter + time range, UnsupportedQueryError otherwise), newest first, with a cursor.
 */
export class MemoryArticleStore implements ArticleStore {
  readonly items = new Map<
    string,
    {
      record: PressReleaseRecord;
      contentHash: string;
      itemHash: string | null;
      previous?: string[];
      /** Every feed that listed it (its record's feed first). */
      feeds?: string[];
    }
  >();
  /** GUID aliases: `<feed id>\n<guid>` → release id. */
  readonly aliases = new Map<string, string>();
  async seenItems(ids: string[]) {
    const m = new Map<string, SeenItem>();
    for (const id of ids) {
      const it = this.items.get(id);
      if (it) m.set(id, { itemHash: it.itemHash, feeds: this.feedsOf(it) });
    }
    return m;
  }
  async addFeedListings(feedId: string, ids: string[]) {
    let added = 0;
    for (const id of new Set(ids)) {
      const it = this.items.get(id);
      if (it && !this.feedsOf(it).includes(feedId)) {
        it.feeds = [...this.feedsOf(it), feedId];
        added++;
      }
    }
    return added;
  }
  private feedsOf(it: { record: PressReleaseRecord; feeds?: string[] }): string[] {
    const own = it.record.feed?.id;
    const feeds = it.feeds ?? [];
    return own !== undefined && !feeds.includes(own) ? [own, ...feeds] : feeds;
  }
  async releaseIdsByGuid(feedId: string, guids: string[]) {
    const m = new Map<string, string>();
    for (const guid of guids) {
      const id = this.aliases.get(`${feedId}\n${guid.trim()}`);
      if (id !== undefined) m.set(guid, id);
    }
    return m;
  }
  async save(record: PressReleaseRecord, meta: SaveMeta) {
    const prev = this.items.get(record.id);
    if (meta.reparseOf !== undefined && prev?.record.revision !== meta.reparseOf) {
      throw new StorageError('REPARSE_SUPERSEDED', `save ${record.id}: re-parse of revision ${meta.reparseOf}`, true);
    }
    if (record.feed && record.guid?.trim()) this.aliases.set(`${record.feed.id}\n${record.guid.trim()}`, record.id);
    // A version is the content and the url: the same content under a moved url is a revision.
    const version = (contentHash: string, url: string | null) => JSON.stringify([contentHash, url]);
    const ours = version(meta.contentHash, record.url);
    let outcome: SaveOutcome = 'created';
    let revision = 1;
    let revisionReason: PressReleaseRecord['revisionReason'] = null;
    if (prev && meta.reparseOf !== undefined) {
      outcome = 'revised';
      revision = prev.record.revision + 1;
      revisionReason = 'reparse';
    } else if (prev) {
      if (version(prev.contentHash, prev.record.url) === ours) {
        if (meta.itemHash !== null) prev.itemHash = meta.itemHash;
        if (record.feed) await this.addFeedListings(record.feed.id, [record.id]);
        return { outcome: 'unchanged' as const, revision: prev.record.revision };
      }
      if (prev.previous?.includes(ours)) {
        if (record.feed) await this.addFeedListings(record.feed.id, [record.id]);
        return { outcome: 'unchanged' as const, revision: prev.record.revision };
      }
      outcome = 'revised';
      revision = prev.record.revision + 1;
      revisionReason = prev.contentHash !== meta.contentHash ? 'correction' : 'moved';
    }
    const previous = prev ? [...(prev.previous ?? []), version(prev.contentHash, prev.record.url)] : [];
    const itemHash = meta.itemHash ?? (meta.reparseOf !== undefined ? (prev?.itemHash ?? null) : null);
    const feeds = [...new Set([...(prev ? this.feedsOf(prev) : []), ...(record.feed ? [record.feed.id] : [])])];
    this.items.set(record.id, {
      record: { ...structuredClone(record), revision, revisionReason },
      contentHash: meta.contentHash,
      itemHash,
      previous,
      feeds,
    });
    return { outcome, revision };
  }
  async get(id: string) {
    return structuredClone(this.items.get(id)?.record ?? null);
  }
  async query(q: ArticleQuery): Promise<ArticlePage> {
    assertLimit(q.limit);
    const plan = planQuery(q);
    if (plan.kind === 'empty') return { items: [], cursor: null };
    const hi = q.until !== undefined ? `${q.until}\uffff` : undefined;
    const rows = [...this.items.values()]
      .map(({ record, feeds }) => ({
        record,
        feeds: feeds ?? [],
        item: releaseItem(record, { contentHash: '', itemHash: null, storedAt: '', history: [], staleIndex: [] }),
      }))
      .filter(({ record, item, feeds }) => {
        const time = String(item[ATTR.sortKey]);
        if (q.since !== undefined && time < q.since) return false;
        if (hi !== undefined && time > hi) return false;
        if (plan.kind === 'days') return true;
        if (plan.index === 'byTicker') return tickerKeysOf(record).includes(plan.partition);
        if (plan.index === 'byFeed') return record.feed?.id === plan.partition || feeds.includes(plan.partition);
        if (plan.country !== undefined && item[ATTR.countryKey] !== plan.country) return false;
        return item[plan.pkAttr] === plan.partition;
      })
      .map(({ record, item }) => ({ record, key: String(item[ATTR.sortKey]) }))
      .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString('utf8') : null;
    const rest = after === null ? rows : rows.filter((r) => r.key < after);
    const page = rest.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => structuredClone(r.record)),
      cursor: rest.length > q.limit && last ? Buffer.from(last.key, 'utf8').toString('base64url') : null,
    };
  }
}

export class MemoryArchive implements RawArchive {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();
  async put(key: string, body: Uint8Array, contentType: string) {
    this.objects.set(key, { body: new Uint8Array(body), contentType });
  }
  async get(key: string) {
    return this.objects.get(key)?.body ?? null;
  }
}

export type Route = { status?: number; body?: string; headers?: Record<string, string> } | FetchError;

/** An HttpClient answering from a table of routes; records every request. */
export class FakeHttp implements HttpClient {
  readonly requests: { url: string; req?: FetchRequest }[] = [];
  constructor(readonly routes: Record<string, Route>) {}
  async fetch(url: string, req?: FetchRequest): Promise<FetchResponse> {
    this.requests.push({ url, req });
    const r = this.routes[url];
    if (!r) throw new FetchError('HTTP_STATUS', `404 for ${url}`, false, url, 404);
    if (r instanceof FetchError) throw r;
    const status = r.status ?? 200;
    if (status >= 400) throw new FetchError('HTTP_STATUS', `${status} for ${url}`, status >= 500, url, status);
    return { status, url, headers: r.headers ?? {}, body: Buffer.from(r.body ?? '') };
  }
}

export class ArraySink<T> implements MessageSink<T> {
  readonly sent: T[] = [];
  async send(messages: T[]) {
    this.sent.push(...structuredClone(messages));
  }
}

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

export const fixedClock = (iso: string) => ({ now: () => new Date(iso) });
