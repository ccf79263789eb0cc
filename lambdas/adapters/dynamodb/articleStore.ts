/**
 * Secondary adapter: ArticleStore on the Articles table (design in tableDesign.ts, items in
 * indexItems.ts).
 *
 * What a save writes is decided by a pure planner, core/savePlan.ts: from the stored state (read
 * only when needed) and the incoming record it returns create / unchanged (perhaps remembering a
 * new feed item hash, perhaps adding the listing feed's membership) / next revision / superseded
 * re-parse, with the condition to write under. `save` carries the plan out in the steps below;
 * when a conditional write loses a race it reads the winner's state and plans again.
 *
 * Writes are exactly-once without transactions (dynalite has none), in an order that converges when
 * a crashed or racing write is retried:
 *   1. an overflowed body, when the item would exceed the item limit — a content-addressed archive
 *      put (a record that cannot fit at all fails here, before anything is written to the table);
 *   2. index items of the new revision (ticker items are revision-scoped: `ticker#<key>#<id>#<rev>`;
 *      the day directory item; the GUID alias item) — idempotent BatchWriteItem puts, shared by
 *      concurrent saves;
 *   3. the release item — a conditional PutItem (`attribute_not_exists(id)` for revision 1,
 *      `revision = :old` and as many `feeds` as read for a revision), carrying `staleIndex`: the
 *      index items of older revisions;
 *   4. deleting those stale index items, then removing `staleIndex` (conditional on the revision).
 * A crash before 3 leaves index items no record points to; a crash before 4 leaves stale ones. Reads
 * verify every index hit against the release item (same key, same sort key, same revision), so
 * neither is ever returned, and the next save of the id (the retry) finishes step 4.
 *
 * Every read path is a GetItem, a BatchGetItem or an index Query — never a Scan.
 */
import { createHash } from 'node:crypto';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../../core/errors';
import { dayKey, releaseIdOfSortKey } from '../../core/keys';
import type { PressReleaseRecord, RawRef } from '../../core/record';
import {
  planListing,
  planSave,
  type IncomingRelease,
  type ListingPlan,
  type SavePlan,
  type StoredRelease,
  type WriteExpectation,
} from '../../core/savePlan';
import type {
  ArticlePage,
  ArticleQuery,
  ArticleStore,
  RawArchive,
  SaveMeta,
  SaveOutcome,
  SeenItem,
} from '../../pipeline/ports';
import { batchGetById, type Item } from './batchGet';
import { batchDeleteById, CoalescingPutWriter } from './batchWrite';
import { isConditionalCheckFailed, toStorageError, wrapDynamo } from './errors';
import {
  companionItems,
  feedsOfItem,
  guidAliasId,
  guidAliasItem,
  listingItem,
  listingItemId,
  listingItems,
  overflowOf,
  releaseItem,
  revisionOfTickerItem,
  tickerItemId,
  tickerItems,
  toRecord,
  type RevisionHistoryEntry,
} from './indexItems';
import { fitItem, restoreItem } from './overflow';
import { assertLimit, planQuery, type DayWalkPlan, type PartitionPlan } from './queryPlan';
import type { BatchRetryOptions } from './retry';
import { ATTR, DAY_DIRECTORY, INDEX, ITEM_TYPE } from './tableDesign';

export type { RevisionHistoryEntry } from './indexItems';

export interface DynamoArticleStoreProps {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /**
   * Where the bodies of records too large for one item go (`overflow/<id>/<sha256>.json.gz`), and
   * where reads find them. Without it such a record fails with RECORD_TOO_LARGE.
   */
  readonly archive?: RawArchive;
  /** Backoff for UnprocessedKeys / UnprocessedItems. @default - see BatchRetryOptions */
  readonly batchRetry?: BatchRetryOptions;
  /** Whole-save attempts when another writer wins a race on the same id. @default 5 */
  readonly saveAttempts?: number;
  /** For tests: the clock used for storedAt. @default Date */
  readonly now?: () => Date;
  /** For tests: called between the steps of a save, so a test can crash it there. */
  readonly onSaveStep?: (step: SaveStep, id: string) => void | Promise<void>;
}

/** The points between the writes of a save (see the module comment). */
export type SaveStep = 'indexItemsWritten' | 'releaseWritten' | 'staleDeleted';

/** What a save knows of the stored item: the planner's view (savePlan.ts) and what its writes need. */
interface StoredState extends StoredRelease<RevisionHistoryEntry> {
  tickerKeys: string[];
  /** The item's sort key (its index items must carry the same). */
  sortKey: string;
}

/** How a carried-out plan ended: done with an outcome, or lost a conditional write to `winner`. */
type Attempt = { done: { outcome: SaveOutcome; revision: number } } | { lost: StoredState | null };

/** Position after the last returned hit: the query it belongs to, the partition, the index key. */
interface Cursor {
  v: 3;
  /** Fingerprint of the query (fingerprintOf). */
  f: string;
  /** Partition of the last returned hit (its day, for a day walk). */
  p: string;
  /** Sort key and table key (`id`, left out when it is the release id in the sort key) of the last hit. */
  s: string;
  i?: string;
}

/** Directory days read per Query of a day walk. */
const DAYS_PER_PAGE = 100;
/** Days queried at once when a day walk meets sparse days. */
const DAYS_IN_FLIGHT = 4;

export class DynamoArticleStore implements ArticleStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly archive: RawArchive | undefined;
  private readonly batchRetry: BatchRetryOptions;
  private readonly saveAttempts: number;
  private readonly now: () => Date;
  private readonly onSaveStep: DynamoArticleStoreProps['onSaveStep'];
  /** Days whose directory item this store has written (one write per day per process). */
  private readonly knownDays = new Set<string>();
  /** Index items of concurrent saves share BatchWriteItem calls. */
  private readonly indexWriter: CoalescingPutWriter;

  constructor(props: DynamoArticleStoreProps) {
    this.client = props.client;
    this.tableName = props.tableName;
    this.archive = props.archive;
    this.batchRetry = props.batchRetry ?? {};
    this.saveAttempts = props.saveAttempts ?? 5;
    this.now = props.now ?? (() => new Date());
    this.onSaveStep = props.onSaveStep;
    this.indexWriter = new CoalescingPutWriter(this.client, this.tableName, this.batchRetry);
  }

  async seenItems(ids: string[]): Promise<Map<string, SeenItem>> {
    const items = await batchGetById(this.client, this.tableName, ids, {
      ...this.batchRetry,
      projection: [ATTR.id, 'itemHash', ATTR.feedId, 'feeds'],
    });
    const out = new Map<string, SeenItem>();
    for (const [id, item] of items) {
      out.set(id, { itemHash: typeof item.itemHash === 'string' ? item.itemHash : null, feeds: feedsOfItem(item) });
    }
    return out;
  }

  async addFeedListings(feedId: string, ids: string[]): Promise<number> {
    let added = 0;
    for (const id of new Set(ids)) {
      const state = await this.readState(id);
      const plan = state ? planListing(state, feedId) : null;
      if (state && plan && (await this.addListing(id, plan, state))) added++;
    }
    return added;
  }

  async releaseIdsByGuid(feedId: string, guids: string[]): Promise<Map<string, string>> {
    const keyOf = new Map(guids.filter((g) => g.trim() !== '').map((g) => [guidAliasId(feedId, g), g]));
    const items = await batchGetById(this.client, this.tableName, [...keyOf.keys()], {
      ...this.batchRetry,
      projection: [ATTR.id, ATTR.itemType, ATTR.releaseId],
    });
    const out = new Map<string, string>();
    for (const [key, item] of items) {
      const guid = keyOf.get(key);
      const target = item[ATTR.releaseId];
      if (guid !== undefined && item[ATTR.itemType] === ITEM_TYPE.guidAlias && typeof target === 'string') {
        out.set(guid, target);
      }
    }
    return out;
  }

  /**
   * Plans the save (core/savePlan.ts) from the stored state and carries the plan out; when its
   * conditional write loses a race, plans again from the winner's state.
   */
  async save(record: PressReleaseRecord, meta: SaveMeta): Promise<{ outcome: SaveOutcome; revision: number }> {
    const id = record.id;
    const incoming: IncomingRelease = {
      url: record.url,
      feedId: record.feed?.id ?? null,
      contentHash: meta.contentHash,
      itemHash: meta.itemHash,
      ...(meta.reparseOf !== undefined ? { reparseOf: meta.reparseOf } : {}),
    };
    const naming = { listing: (feedId: string) => listingItemId(feedId, id) };
    // Most saves are of new ids (the poll step skips stored ones): plan the create without reading,
    // read only when it loses. A re-parse is of a stored id: read first.
    let stored: StoredState | null = meta.reparseOf !== undefined ? await this.readState(id) : null;
    for (let attempt = 1; attempt <= this.saveAttempts;) {
      const plan = planSave(stored, incoming, naming);
      const result = await this.carryOut(plan, record, meta, stored);
      if ('done' in result) return result.done;
      // A lost create that finds the id stored decides again at once; any other loss is an attempt.
      if (!(plan.kind === 'create' && result.lost)) attempt++;
      stored = result.lost;
    }
    throw new StorageError(
      'SAVE_CONFLICT',
      `save ${id}: still conflicting with concurrent writers after ${this.saveAttempts} attempts`,
    );
  }

  /** Carries out one save plan: the writes of the module comment's steps, in order. */
  private async carryOut(
    plan: SavePlan<RevisionHistoryEntry>,
    record: PressReleaseRecord,
    meta: SaveMeta,
    stored: StoredState | null,
  ): Promise<Attempt> {
    const id = record.id;
    const storedAt = this.now().toISOString();
    if (plan.kind === 'superseded') throw reparseSuperseded(id, plan.reparseOf, plan.storedRevision);
    if (plan.kind === 'create') {
      const item = releaseItem(
        { ...record, revision: 1, revisionReason: null },
        { ...meta, storedAt, history: [], staleIndex: [], feeds: plan.feeds },
      );
      return this.writeRelease(item, 'attribute_not_exists(#id)', { '#id': ATTR.id }, {});
    }
    if (!stored) throw new Error(`save ${id}: a ${plan.kind} plan needs the stored state`);

    // Finish the cleanup a crashed save left behind.
    if (plan.finishCleanup.length > 0) await this.deleteStale(id, stored.revision, plan.finishCleanup);

    if (plan.kind === 'unchanged') {
      if (plan.rememberItemHash !== null) {
        // The feed item changed (its GUID, say) but not the release: remember both.
        await this.updateItemHash(id, meta.contentHash, plan.rememberItemHash);
        const alias = guidAliasItem(releaseItem(record, { ...meta, storedAt, history: [], staleIndex: [] }));
        if (alias) await this.indexWriter.put([alias]);
      }
      if (plan.listing) await this.addListing(id, plan.listing, stored);
      return { done: { outcome: 'unchanged', revision: plan.revision } };
    }

    // The next revision, conditional on the revision and the feeds read.
    const item = releaseItem(
      { ...record, revision: plan.revision, revisionReason: plan.revisionReason },
      {
        contentHash: meta.contentHash,
        itemHash: plan.itemHash,
        storedAt,
        history: plan.history,
        staleIndex: plan.staleIndex,
        feeds: plan.feeds,
      },
    );
    const { condition, names, values } = unchangedSince(plan.expect);
    const attempt = await this.writeRelease(item, condition, names, values);
    if ('done' in attempt) await this.deleteStale(id, plan.revision, plan.staleIndex);
    return attempt;
  }

  /**
   * Steps 1–3 of a save: overflow the body if need be, write the index items, then the release item
   * under `condition`. When the condition fails, the index items are made to agree with the winner.
   */
  private async writeRelease(
    item: Item,
    condition: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<Attempt> {
    const id = String(item[ATTR.id]);
    const stored = await fitItem(item, this.archive);
    const written = await this.writeIndexItems(item);
    if (await this.putIf(stored, condition, names, values)) {
      await this.onSaveStep?.('releaseWritten', id);
      const revision = Number(item.revision);
      return { done: { outcome: revision === 1 ? 'created' : 'revised', revision } };
    }
    return { lost: await this.afterLostWrite(id, written, String(item[ATTR.sortKey])) };
  }

  async get(id: string): Promise<PressReleaseRecord | null> {
    const out = await wrapDynamo(`GetItem ${this.tableName}`, () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { id }, ConsistentRead: true })),
    );
    const item = out.Item;
    if (!item || !isRelease(item)) return null;
    return toRecord(await restoreItem(item, this.archive));
  }

  async query(q: ArticleQuery): Promise<ArticlePage> {
    assertLimit(q.limit);
    const plan = planQuery(q);
    if (plan.kind === 'empty') return { items: [], cursor: null };
    const lo = q.since;
    const hi = q.until !== undefined ? `${q.until}\uffff` : undefined;
    const fingerprint = fingerprintOf(plan, lo, hi);

    let resume: { partition: string; key: Item } | undefined;
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      if (c.f !== fingerprint)
        throw new StorageError('BAD_CURSOR', 'query: the cursor belongs to a different query', false);
      const id = c.i ?? releaseIdOfSortKey(c.s);
      resume = { partition: c.p, key: { [ATTR.id]: id, [plan.pkAttr]: c.p, [ATTR.sortKey]: c.s } };
    }
    const partitions =
      plan.kind === 'partition' ? single(plan.partition) : this.daysNewestFirst(lo, hi, resume?.partition);

    // Collect limit + 1 matches: the extra one only tells whether there is a next page. Index hits
    // are gathered across partitions (days) until there are enough candidates, then hydrated with
    // one BatchGetItem; hits that fail verification are replaced by reading further.
    const want = q.limit + 1;
    const found: { key: Item; partition: string; record: PressReleaseRecord }[] = [];
    let batch: { partition: string; hit: Item }[] = [];
    const hits = this.indexHits(plan, partitions, lo, hi, resume, () => want - found.length - batch.length);
    let exhausted = false;
    while (!exhausted && found.length < want) {
      batch = [];
      while (batch.length < want - found.length) {
        const next = await hits.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        batch.push(next.value);
      }
      const items = await batchGetById(
        this.client,
        this.tableName,
        batch.map((b) => releaseIdOfSortKey(String(b.hit[ATTR.sortKey]))),
        this.batchRetry,
      );
      for (const { partition, hit } of batch) {
        const item = items.get(releaseIdOfSortKey(String(hit[ATTR.sortKey])));
        if (!item || !hitMatches(plan, partition, hit, item)) continue; // orphaned or stale index entry
        found.push({ key: indexKeyOf(plan, hit), partition, record: toRecord(await restoreItem(item, this.archive)) });
      }
    }

    const items = found.slice(0, q.limit);
    const last = items[items.length - 1];
    const hasMore = found.length > q.limit;
    return {
      items: items.map((f) => f.record),
      cursor:
        hasMore && last
          ? encodeCursor({
              v: 3,
              f: fingerprint,
              p: last.partition,
              s: String(last.key[ATTR.sortKey]),
              ...(last.key[ATTR.id] !== releaseIdOfSortKey(String(last.key[ATTR.sortKey]))
                ? { i: String(last.key[ATTR.id]) }
                : {}),
            })
          : null,
    };
  }

  /**
   * Index hits newest first, partition after partition, from the cursor's position on. Each Query
   * asks for as many items as the caller still needs (`need()`), so a page reads no more than it uses.
   * A day walk reads one day at a time until a day runs out before the page is full (sparse data);
   * from then on it queries the next DAYS_IN_FLIGHT days at once, so sparse days cost requests but
   * not round trips one after another.
   */
  private async *indexHits(
    plan: PartitionPlan | DayWalkPlan,
    partitions: AsyncIterable<string>,
    lo: string | undefined,
    hi: string | undefined,
    resume: { partition: string; key: Item } | undefined,
    need: () => number,
  ): AsyncGenerator<{ partition: string; hit: Item }> {
    type FirstPage = Promise<{ partition: string; page: Awaited<ReturnType<DynamoArticleStore['queryIndex']>> }>;
    const days = partitions[Symbol.asyncIterator]();
    const inFlight: FirstPage[] = [];
    let window = 1;
    let noMore = false;
    for (;;) {
      while (!noMore && inFlight.length < window) {
        const next = await days.next();
        if (next.done) {
          noMore = true;
          break;
        }
        const partition = next.value;
        const start = resume?.partition === partition ? resume.key : undefined;
        const first: FirstPage = this.queryIndex(plan, partition, lo, hi, need(), start).then((page) => ({
          partition,
          page,
        }));
        first.catch(() => undefined); // awaited below; a page abandoned with its generator must not crash
        inFlight.push(first);
      }
      const head = inFlight.shift();
      if (!head) return;
      const first = await head;
      const partition = first.partition;
      let page = first.page;
      for (;;) {
        for (const hit of page.hits) yield { partition, hit };
        if (!page.lastKey) break;
        page = await this.queryIndex(plan, partition, lo, hi, need(), page.lastKey);
      }
      if (plan.kind === 'days' && need() > 0) window = DAYS_IN_FLIGHT;
    }
  }

  /** The days that have releases, newest first, within [lo, hi] and not after `upTo` (a cursor's day). */
  private async *daysNewestFirst(
    lo: string | undefined,
    hi: string | undefined,
    upTo: string | undefined,
  ): AsyncGenerator<string> {
    const loDay = lo?.slice(0, 10);
    const hiDay = upTo !== undefined && (hi === undefined || upTo < hi) ? upTo : hi;
    const directory: PartitionPlan = {
      kind: 'partition',
      index: INDEX.byDay,
      pkAttr: ATTR.dayKey,
      partition: DAY_DIRECTORY,
    };
    let start: Item | undefined;
    do {
      const page = await this.queryIndex(directory, DAY_DIRECTORY, loDay, hiDay, DAYS_PER_PAGE, start);
      for (const hit of page.hits) yield String(hit[ATTR.sortKey]);
      start = page.lastKey;
    } while (start);
  }

  private async queryIndex(
    plan: PartitionPlan | DayWalkPlan,
    partition: string,
    lo: string | undefined,
    hi: string | undefined,
    limit: number,
    exclusiveStart: Item | undefined,
  ): Promise<{ hits: Item[]; lastKey: Item | undefined }> {
    const names: Record<string, string> = { '#pk': plan.pkAttr, '#sk': ATTR.sortKey };
    const values: Record<string, string> = { ':pk': partition };
    let condition = '#pk = :pk';
    if (lo !== undefined && hi !== undefined) {
      condition += ' AND #sk BETWEEN :lo AND :hi';
      values[':lo'] = lo;
      values[':hi'] = hi;
    } else if (lo !== undefined) {
      condition += ' AND #sk >= :lo';
      values[':lo'] = lo;
    } else if (hi !== undefined) {
      condition += ' AND #sk <= :hi';
      values[':hi'] = hi;
    } else {
      delete names['#sk'];
    }
    const country = plan.kind === 'partition' && partition === plan.partition ? plan.country : undefined;
    if (country !== undefined) {
      names['#country'] = ATTR.countryKey;
      values[':country'] = country;
    }
    const out = await wrapDynamo(`Query ${this.tableName}.${plan.index}`, () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: plan.index,
          KeyConditionExpression: condition,
          ...(country !== undefined ? { FilterExpression: '#country = :country' } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: Math.max(1, limit),
          ...(exclusiveStart ? { ExclusiveStartKey: exclusiveStart } : {}),
        }),
      ),
    );
    return { hits: out.Items ?? [], lastKey: out.LastEvaluatedKey };
  }

  /** Step 2: the index items of this revision of the release item; returns the ticker item ids written. */
  private async writeIndexItems(release: Item): Promise<string[]> {
    const day = dayKey(String(release[ATTR.sortKey]));
    const items = companionItems(release, !this.knownDays.has(day));
    await this.indexWriter.put(items);
    this.knownDays.add(day);
    await this.onSaveStep?.('indexItemsWritten', String(release.id));
    return items.filter((i) => i[ATTR.itemType] === ITEM_TYPE.ticker).map((t) => String(t[ATTR.id]));
  }

  /** Step 4: delete the stale index items, then forget them (unless a newer revision took over the list). */
  private async deleteStale(id: string, revision: number, staleIndex: string[]): Promise<void> {
    await batchDeleteById(this.client, this.tableName, staleIndex, this.batchRetry);
    await this.onSaveStep?.('staleDeleted', id);
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id },
          UpdateExpression: 'REMOVE #stale',
          ConditionExpression: '#revision = :rev',
          ExpressionAttributeNames: { '#stale': 'staleIndex', '#revision': 'revision' },
          ExpressionAttributeValues: { ':rev': revision },
        }),
      );
    } catch (err) {
      // A newer revision carries the list on (it unions what was stale): it will finish.
      if (!isConditionalCheckFailed(err)) throw toStorageError(err, `UpdateItem ${this.tableName}`);
    }
  }

  /**
   * After losing a conditional write: reads the winner's state and makes the ticker items we wrote
   * agree with it. Ours are scoped to a revision the winner has reached or passed: those it does not
   * point to are deleted; those it does (same ticker, same revision) hold our sort key if we wrote
   * last, so when the winner's differs (the same content with another date) they are put again with it.
   */
  private async afterLostWrite(id: string, written: string[], ourSortKey: string): Promise<StoredState | null> {
    const now = await this.readState(id);
    const winners = new Set(now ? now.tickerKeys.map((k) => tickerItemId(k, id, now.revision)) : []);
    const drop = written.filter((w) => !winners.has(w));
    if (drop.length > 0) await batchDeleteById(this.client, this.tableName, drop, this.batchRetry);
    if (now && now.sortKey !== ourSortKey) {
      const mine = new Set(written);
      const repair = now.tickerKeys.filter((k) => mine.has(tickerItemId(k, id, now.revision)));
      if (repair.length > 0) {
        await this.indexWriter.put(
          tickerItems({ id, revision: now.revision, tickerKeys: repair, [ATTR.sortKey]: now.sortKey }),
        );
      }
      // Listing items are one per feed, shared by revisions: ours overwrote the winner's sort key.
      const listings = listingItems({
        id,
        [ATTR.feedId]: now.feedId ?? undefined,
        feeds: now.feeds,
        [ATTR.sortKey]: now.sortKey,
      });
      if (listings.length > 0) await this.indexWriter.put(listings);
    }
    return now;
  }

  /** Conditional PutItem; false when the condition failed. */
  private async putIf(
    item: Item,
    condition: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw toStorageError(err, `PutItem ${this.tableName}`);
    }
  }

  private async readState(id: string): Promise<StoredState | null> {
    const fields = [
      'revision',
      'contentHash',
      'itemHash',
      'raw',
      'storedAt',
      'history',
      'tickerKeys',
      'staleIndex',
      'overflow',
      'url',
      ATTR.sortKey,
      ATTR.feedId,
      'feeds',
    ];
    const out = await wrapDynamo(`GetItem ${this.tableName}`, () =>
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { id },
          ConsistentRead: true,
          ProjectionExpression: fields.map((f) => `#${f}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(fields.map((f) => [`#${f}`, f])),
        }),
      ),
    );
    const item = out.Item;
    if (!item) return null;
    const revision = typeof item.revision === 'number' ? item.revision : 1;
    const contentHash = String(item.contentHash ?? '');
    const url = typeof item.url === 'string' ? item.url : null;
    const tickerKeys = Array.isArray(item.tickerKeys) ? (item.tickerKeys as string[]) : [];
    return {
      revision,
      contentHash,
      itemHash: typeof item.itemHash === 'string' ? item.itemHash : null,
      url,
      history: Array.isArray(item.history) ? (item.history as RevisionHistoryEntry[]) : [],
      asHistory: {
        revision,
        contentHash,
        raw: (item.raw as RawRef | null | undefined) ?? null,
        overflowKey: overflowOf(item)?.key ?? null,
        storedAt: String(item.storedAt ?? ''),
        url,
      },
      revisionIndexIds: tickerKeys.map((k) => tickerItemId(k, id, revision)),
      staleIndex: Array.isArray(item.staleIndex) ? (item.staleIndex as string[]) : [],
      feedId: typeof item[ATTR.feedId] === 'string' ? (item[ATTR.feedId] as string) : null,
      feeds: feedsOfItem(item),
      hasFeeds: Array.isArray(item.feeds),
      tickerKeys,
      sortKey: String(item[ATTR.sortKey] ?? ''),
    };
  }

  /**
   * Records that a feed lists the stored release too (`planListing`): its listing item first (in
   * byFeed, but not trusted until the release item names the feed), then the feed appended to the
   * release item's `feeds`, conditional on the revision and feeds read (a new revision moves the
   * sort key: read, plan and redo). False when the feed was already known.
   */
  private async addListing(id: string, first: ListingPlan, state: StoredState): Promise<boolean> {
    let plan: ListingPlan | null = first;
    let current: StoredState | null = state;
    for (let attempt = 1; attempt <= this.saveAttempts; attempt++) {
      if (!plan || !current) return false;
      await this.indexWriter.put([listingItem(plan.feedId, { id, [ATTR.sortKey]: current.sortKey })]);
      const { condition, names, values } = unchangedSince(plan.expect);
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { id },
            UpdateExpression: 'SET #feeds = list_append(if_not_exists(#feeds, :none), :add)',
            ConditionExpression: condition,
            ExpressionAttributeNames: { ...names, '#feeds': 'feeds' },
            ExpressionAttributeValues: { ...values, ':none': [], ':add': plan.append },
          }),
        );
        return true;
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw toStorageError(err, `UpdateItem ${this.tableName}`);
        current = await this.readState(id); // revised or listed meanwhile: decide again
        plan = current ? planListing(current, first.feedId) : null;
      }
    }
    if (!plan || !current) return false;
    throw new StorageError(
      'SAVE_CONFLICT',
      `listing ${id} under feed ${first.feedId}: still conflicting after ${this.saveAttempts} attempts`,
    );
  }

  /** Same content seen through a changed feed item: remember the new item hash so polls stop re-sending it. */
  private async updateItemHash(id: string, contentHash: string, itemHash: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id },
          UpdateExpression: 'SET #itemHash = :ih',
          ConditionExpression: '#contentHash = :ch',
          ExpressionAttributeNames: { '#itemHash': 'itemHash', '#contentHash': 'contentHash' },
          ExpressionAttributeValues: { ':ih': itemHash, ':ch': contentHash },
        }),
      );
    } catch (err) {
      // A concurrent revision replaced the content: its writer stored its own item hash.
      if (!isConditionalCheckFailed(err)) throw toStorageError(err, `UpdateItem ${this.tableName}`);
    }
  }
}

/** The condition of a write that expects the item as it was read: same revision, same feeds list. */
function unchangedSince(expect: WriteExpectation): {
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
} {
  const sameFeeds = expect.feedCount !== null ? 'size(#feeds) = :feedCount' : 'attribute_not_exists(#feeds)';
  return {
    condition: `#revision = :old AND ${sameFeeds}`,
    names: { '#revision': 'revision', '#feeds': 'feeds' },
    values: { ':old': expect.revision, ...(expect.feedCount !== null ? { ':feedCount': expect.feedCount } : {}) },
  };
}

/** A re-parse of a revision that is no longer the stored one: nothing written; reprocess reads it again. */
function reparseSuperseded(id: string, reparseOf: number, storedRevision: number | null): StorageError {
  const now = storedRevision !== null ? `revision ${storedRevision} is stored now` : 'it is no longer stored';
  return new StorageError('REPARSE_SUPERSEDED', `save ${id}: re-parse of revision ${reparseOf}, but ${now}`, true);
}

function isRelease(item: Item): boolean {
  return item[ATTR.itemType] === ITEM_TYPE.release;
}

/** Whether an index hit still describes the release item it points to (else it is orphaned or stale). */
function hitMatches(plan: PartitionPlan | DayWalkPlan, partition: string, hit: Item, item: Item): boolean {
  if (!isRelease(item) || item[ATTR.sortKey] !== hit[ATTR.sortKey]) return false;
  if (plan.index === INDEX.byFeed) return feedsOfItem(item).includes(partition);
  if (plan.index === INDEX.byTicker) {
    const revision = revisionOfTickerItem(String(hit[ATTR.id]));
    return revision === item.revision && ((item.tickerKeys as string[] | undefined) ?? []).includes(partition);
  }
  if (plan.kind === 'partition' && plan.country !== undefined && item[ATTR.countryKey] !== plan.country) return false;
  return item[plan.pkAttr] === partition;
}

/** The exclusive start key of a hit in its index: table key + index keys (no projected attributes). */
function indexKeyOf(plan: PartitionPlan | DayWalkPlan, hit: Item): Item {
  return { [ATTR.id]: hit[ATTR.id], [plan.pkAttr]: hit[plan.pkAttr], [ATTR.sortKey]: hit[ATTR.sortKey] };
}

async function* single(partition: string): AsyncGenerator<string> {
  yield partition;
}

/** Binds a cursor to the query it came from: index, partition, country filter, time range. */
function fingerprintOf(plan: PartitionPlan | DayWalkPlan, lo: string | undefined, hi: string | undefined): string {
  const what = plan.kind === 'partition' ? [plan.index, plan.partition, plan.country ?? null] : [plan.index];
  return createHash('sha256')
    .update(JSON.stringify([...what, lo ?? null, hi ?? null]))
    .digest('base64url')
    .slice(0, 16);
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeCursor(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (
      c.v === 3 &&
      [c.f, c.p, c.s].every((x) => typeof x === 'string') &&
      (c.i === undefined || typeof c.i === 'string')
    ) {
      return c as Cursor;
    }
  } catch {
    // fall through
  }
  throw new StorageError('BAD_CURSOR', 'query: the cursor is not one this store issued', false);
}
