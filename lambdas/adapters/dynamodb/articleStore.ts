/**
 * Secondary adapter: ArticleStore on the Articles table (design in tableDesign.ts).
 *
 * One item per release, keyed by `id`: the record's fields as they are, plus internal attributes
 * that feed the KEYS_ONLY indexes (`sourceKey`, `monthKey`, `feedId`, `sortKey`) and make writes
 * exactly-once (`contentHash`, `itemHash`, `storedAt`, `history`). Reads strip the internals.
 * Every read path is a GetItem, a BatchGetItem or an index Query — never a Scan.
 */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../../core/errors';
import { monthKey, organizationKey, sortKey } from '../../core/keys';
import { RECORD_FIELDS, type PressReleaseRecord, type RawRef } from '../../core/record';
import type { ArticlePage, ArticleQuery, ArticleStore, SaveOutcome } from '../../pipeline/ports';
import { batchGetById, type BatchRetryOptions, type Item } from './batchGet';
import { isConditionalCheckFailed, toStorageError, wrapDynamo } from './errors';
import { ARTICLE_SORT_KEY } from './tableDesign';

export interface DynamoArticleStoreProps {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Backoff for UnprocessedKeys. @default - see BatchRetryOptions */
  readonly batchRetry?: BatchRetryOptions;
  /** Whole-save attempts when another writer wins a race on the same id. @default 5 */
  readonly saveAttempts?: number;
  /** For tests: the clock used for storedAt and the default `until` of a month walk. @default Date */
  readonly now?: () => Date;
}

/** A previous revision, kept on the item so a correction never loses where the old bytes are. */
export interface RevisionHistoryEntry {
  revision: number;
  contentHash: string;
  raw: RawRef | null;
  storedAt: string;
}

type IndexName = 'bySource' | 'byFeed' | 'byMonth';
const INDEX_PARTITION: Record<IndexName, string> = { bySource: 'sourceKey', byFeed: 'feedId', byMonth: 'monthKey' };
/** Where a month walk stops when the query gives no `since`. */
const MONTH_FLOOR = '2000-01';

/** Position after the last returned item: which index, which partition (month), which key. */
interface Cursor {
  v: 1;
  i: IndexName;
  p: string;
  k: Item;
}

export class DynamoArticleStore implements ArticleStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly batchRetry: BatchRetryOptions;
  private readonly saveAttempts: number;
  private readonly now: () => Date;

  constructor(props: DynamoArticleStoreProps) {
    this.client = props.client;
    this.tableName = props.tableName;
    this.batchRetry = props.batchRetry ?? {};
    this.saveAttempts = props.saveAttempts ?? 5;
    this.now = props.now ?? (() => new Date());
  }

  async seenItemHashes(ids: string[]): Promise<Map<string, string | null>> {
    const items = await batchGetById(this.client, this.tableName, ids, {
      ...this.batchRetry,
      projection: ['id', 'itemHash'],
    });
    const out = new Map<string, string | null>();
    for (const [id, item] of items) out.set(id, typeof item.itemHash === 'string' ? item.itemHash : null);
    return out;
  }

  async save(
    record: PressReleaseRecord,
    meta: { contentHash: string; itemHash: string | null },
  ): Promise<{ outcome: SaveOutcome; revision: number }> {
    for (let attempt = 1; attempt <= this.saveAttempts; attempt++) {
      const storedAt = this.now().toISOString();
      // 1. A new id: created, revision 1.
      const created = toItem({ ...record, revision: 1 }, meta, storedAt, []);
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: created,
            ConditionExpression: 'attribute_not_exists(#id)',
            ExpressionAttributeNames: { '#id': 'id' },
          }),
        );
        return { outcome: 'created', revision: 1 };
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw toStorageError(err, `PutItem ${this.tableName}`);
      }

      // 2. The id exists: compare with what is stored (strongly consistent, so we see the winner).
      const current = await this.readState(record.id);
      if (!current) continue; // deleted in between: start over
      if (current.contentHash === meta.contentHash) {
        if (meta.itemHash !== null && current.itemHash !== meta.itemHash) {
          await this.updateItemHash(record.id, meta.contentHash, meta.itemHash);
        }
        return { outcome: 'unchanged', revision: current.revision };
      }

      // 3. Changed content: the next revision, conditional on nobody having revised it meanwhile.
      const revision = current.revision + 1;
      const history: RevisionHistoryEntry[] = [
        ...current.history,
        { revision: current.revision, contentHash: current.contentHash, raw: current.raw, storedAt: current.storedAt },
      ];
      const revised = toItem({ ...record, revision }, meta, storedAt, history);
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: revised,
            ConditionExpression: '#revision = :old',
            ExpressionAttributeNames: { '#revision': 'revision' },
            ExpressionAttributeValues: { ':old': current.revision },
          }),
        );
        return { outcome: 'revised', revision };
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw toStorageError(err, `PutItem ${this.tableName}`);
        // Lost the race to another writer: re-read and decide again.
      }
    }
    throw new StorageError(
      'SAVE_CONFLICT',
      `save ${record.id}: still conflicting with concurrent writers after ${this.saveAttempts} attempts`,
    );
  }

  async get(id: string): Promise<PressReleaseRecord | null> {
    const out = await wrapDynamo(`GetItem ${this.tableName}`, () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { id }, ConsistentRead: true })),
    );
    return out.Item ? toRecord(out.Item) : null;
  }

  async query(q: ArticleQuery): Promise<ArticlePage> {
    if (!Number.isInteger(q.limit) || q.limit < 1) {
      throw new StorageError('VALIDATION', `query: limit must be a positive integer, got ${q.limit}`, false);
    }
    const lo = q.since;
    const hi = q.until !== undefined ? `${q.until}\uffff` : undefined;
    if (lo !== undefined && hi !== undefined && lo > hi) return { items: [], cursor: null };

    // Which index and which partitions, newest first.
    let index: IndexName;
    let partitions: string[];
    if (q.source !== undefined) {
      index = 'bySource';
      const key = organizationKey(q.source);
      if (key === '') return { items: [], cursor: null };
      partitions = [key];
    } else if (q.feedId !== undefined) {
      index = 'byFeed';
      partitions = [q.feedId];
    } else {
      index = 'byMonth';
      const first = monthKey(q.until ?? this.now().toISOString());
      const last = q.since !== undefined ? monthKey(q.since) : MONTH_FLOOR;
      partitions = monthsDescending(first, last);
    }
    // Both source and feedId: the source index, then only that feed's items.
    const keep =
      q.source !== undefined && q.feedId !== undefined ? (r: PressReleaseRecord) => r.feed?.id === q.feedId : null;

    let startKey: Item | undefined;
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const at = partitions.indexOf(c.p);
      if (c.i !== index || at < 0) {
        throw new StorageError('BAD_CURSOR', 'query: the cursor belongs to a different query', false);
      }
      partitions = partitions.slice(at);
      startKey = c.k;
    }

    // Collect limit + 1 matches: the extra one only tells whether there is a next page.
    const want = q.limit + 1;
    const found: { key: Item; partition: string; record: PressReleaseRecord }[] = [];
    for (const partition of partitions) {
      let exclusiveStart = startKey;
      startKey = undefined;
      do {
        const page = await this.queryIndex(index, partition, lo, hi, want - found.length, exclusiveStart);
        const records = await batchGetById(
          this.client,
          this.tableName,
          page.keys.map((k) => k.id as string),
          this.batchRetry,
        );
        for (const key of page.keys) {
          const item = records.get(key.id as string);
          if (!item) continue; // deleted since the index was read
          const record = toRecord(item);
          if (keep && !keep(record)) continue;
          found.push({ key, partition, record });
          if (found.length >= want) break;
        }
        exclusiveStart = page.lastKey;
      } while (exclusiveStart && found.length < want);
      if (found.length >= want) break;
    }

    const items = found.slice(0, q.limit);
    const last = items[items.length - 1];
    const hasMore = found.length > q.limit;
    return {
      items: items.map((f) => f.record),
      cursor: hasMore && last ? encodeCursor({ v: 1, i: index, p: last.partition, k: last.key }) : null,
    };
  }

  private async queryIndex(
    index: IndexName,
    partition: string,
    lo: string | undefined,
    hi: string | undefined,
    limit: number,
    exclusiveStart: Item | undefined,
  ): Promise<{ keys: Item[]; lastKey: Item | undefined }> {
    const names: Record<string, string> = { '#pk': INDEX_PARTITION[index], '#sk': ARTICLE_SORT_KEY };
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
    const out = await wrapDynamo(`Query ${this.tableName}.${index}`, () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: Math.max(1, limit),
          ...(exclusiveStart ? { ExclusiveStartKey: exclusiveStart } : {}),
        }),
      ),
    );
    return { keys: out.Items ?? [], lastKey: out.LastEvaluatedKey };
  }

  private async readState(id: string): Promise<{
    revision: number;
    contentHash: string;
    itemHash: string | null;
    raw: RawRef | null;
    storedAt: string;
    history: RevisionHistoryEntry[];
  } | null> {
    const out = await wrapDynamo(`GetItem ${this.tableName}`, () =>
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { id },
          ConsistentRead: true,
          ProjectionExpression: '#revision, #contentHash, #itemHash, #raw, #storedAt, #history',
          ExpressionAttributeNames: {
            '#revision': 'revision',
            '#contentHash': 'contentHash',
            '#itemHash': 'itemHash',
            '#raw': 'raw',
            '#storedAt': 'storedAt',
            '#history': 'history',
          },
        }),
      ),
    );
    const item = out.Item;
    if (!item) return null;
    return {
      revision: typeof item.revision === 'number' ? item.revision : 1,
      contentHash: String(item.contentHash ?? ''),
      itemHash: typeof item.itemHash === 'string' ? item.itemHash : null,
      raw: (item.raw as RawRef | null | undefined) ?? null,
      storedAt: String(item.storedAt ?? ''),
      history: Array.isArray(item.history) ? (item.history as RevisionHistoryEntry[]) : [],
    };
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

/** The stored item: the record's fields as they are plus the internal attributes. */
function toItem(
  record: PressReleaseRecord,
  meta: { contentHash: string; itemHash: string | null },
  storedAt: string,
  history: RevisionHistoryEntry[],
): Item {
  const item: Item = {};
  for (const f of RECORD_FIELDS) item[f] = record[f];
  const at = record.publishedAt ?? record.fetchedAt ?? storedAt;
  // GSI key attributes cannot be NULL or empty: leave them out and the item is simply not indexed there.
  const source = record.source !== null ? organizationKey(record.source) : '';
  if (source !== '') item.sourceKey = source;
  if (record.feed?.id) item.feedId = record.feed.id;
  item.monthKey = monthKey(at);
  item[ARTICLE_SORT_KEY] = sortKey(at, record.id);
  item.contentHash = meta.contentHash;
  item.itemHash = meta.itemHash;
  item.storedAt = storedAt;
  item.history = history;
  return item;
}

/** Exactly RECORD_FIELDS, in contract order; internal attributes are dropped. */
function toRecord(item: Item): PressReleaseRecord {
  const out: Record<string, unknown> = {};
  for (const f of RECORD_FIELDS) out[f] = item[f] ?? null;
  return out as unknown as PressReleaseRecord;
}

/** `yyyy-mm` months from `first` down to `last`, both included. */
function monthsDescending(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let month = first; month >= last;) {
    months.push(month);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  return months;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeCursor(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (
      c.v === 1 &&
      (c.i === 'bySource' || c.i === 'byFeed' || c.i === 'byMonth') &&
      typeof c.p === 'string' &&
      typeof c.k === 'object' &&
      c.k !== null
    ) {
      return c as Cursor;
    }
  } catch {
    // fall through
  }
  throw new StorageError('BAD_CURSOR', 'query: the cursor is not one this store issued', false);
}
