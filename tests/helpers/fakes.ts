/** In-memory implementations of the ports, for unit tests of the use-cases. */
import { FetchError } from '../../lambdas/core/errors';
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

export class MemoryArticleStore implements ArticleStore {
  readonly items = new Map<string, { record: PressReleaseRecord; contentHash: string; itemHash: string | null }>();
  async seenItemHashes(ids: string[]) {
    const m = new Map<string, string | null>();
    for (const id of ids) {
      const it = this.items.get(id);
      if (it) m.set(id, it.itemHash);
    }
    return m;
  }
  async save(record: PressReleaseRecord, meta: { contentHash: string; itemHash: string | null }) {
    const prev = this.items.get(record.id);
    let outcome: SaveOutcome = 'created';
    let revision = 1;
    if (prev) {
      if (prev.contentHash === meta.contentHash) {
        prev.itemHash = meta.itemHash;
        return { outcome: 'unchanged' as const, revision: prev.record.revision };
      }
      outcome = 'revised';
      revision = prev.record.revision + 1;
    }
    this.items.set(record.id, { record: { ...structuredClone(record), revision }, ...meta });
    return { outcome, revision };
  }
  async get(id: string) {
    return structuredClone(this.items.get(id)?.record ?? null);
  }
  async query(q: ArticleQuery): Promise<ArticlePage> {
    const all = [...this.items.values()].map((i) => i.record);
    all.sort((a, b) => ((b.publishedAt ?? '') > (a.publishedAt ?? '') ? 1 : -1));
    return { items: all.slice(0, q.limit), cursor: null };
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
