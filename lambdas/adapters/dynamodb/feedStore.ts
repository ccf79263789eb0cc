/**
 * Secondary adapter: FeedStore on the Feeds table. One item per feed, keyed by `id`, holding the
 * FeedState fields as they are.
 *
 * `list` and `listDue` Scan: the Feeds table is a small registry (tens to hundreds of feeds) read
 * by the dispatcher and operators, not a user query path, so a paginated Scan costs less than an
 * index that every poll's write would have to maintain.
 */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../../core/errors';
import { listingBytes, listingFromBytes } from '../../pipeline/feedListing';
import type { FeedCounters, FeedPollUpdate, FeedState, FeedStore } from '../../pipeline/ports';
import { isConditionalCheckFailed, toStorageError, wrapDynamo } from './errors';
import { HOST_SLOTS_ID_PREFIX } from './tableDesign';

export interface DynamoFeedStoreProps {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

const FEED_FIELDS = [
  'id',
  'url',
  'name',
  'wire',
  'enabled',
  'pollIntervalMinutes',
  'etag',
  'lastModified',
  'lastPolledAt',
  'nextPollAt',
  'consecutiveFailures',
  'lastError',
  'counters',
  'createdAt',
  'publishing',
  'lastFetchedAt',
  'listed',
] as const satisfies readonly (keyof FeedState)[];

/** The fields an operator changes; everything else is fetch state owned by the poller. */
const REGISTRATION_FIELDS = [
  'url',
  'name',
  'wire',
  'enabled',
  'pollIntervalMinutes',
] as const satisfies readonly (keyof FeedState)[];

const COUNTERS: readonly (keyof FeedCounters)[] = ['polls', 'failures', 'itemsSeen', 'itemsQueued'];

export class DynamoFeedStore implements FeedStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(props: DynamoFeedStoreProps) {
    this.client = props.client;
    this.tableName = props.tableName;
  }

  async listDue(now: string): Promise<FeedState[]> {
    return this.scan({
      FilterExpression: '#enabled = :t AND #nextPollAt <= :now',
      ExpressionAttributeNames: { '#enabled': 'enabled', '#nextPollAt': 'nextPollAt' },
      ExpressionAttributeValues: { ':t': true, ':now': now },
    });
  }

  /** Every feed; the hosts' request-slot items that share the table (hostSlots.ts) are not feeds. */
  async list(): Promise<FeedState[]> {
    return this.scan({
      FilterExpression: 'NOT begins_with(#id, :hostSlots)',
      ExpressionAttributeNames: { '#id': 'id' },
      ExpressionAttributeValues: { ':hostSlots': HOST_SLOTS_ID_PREFIX },
    });
  }

  async get(id: string, read: { consistent?: boolean } = {}): Promise<FeedState | null> {
    const consistent = read.consistent ?? true;
    const out = await wrapDynamo(`GetItem ${this.tableName}`, () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: { id }, ConsistentRead: consistent })),
    );
    return out.Item ? toFeed(out.Item) : null;
  }

  async register(feed: FeedState): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(toFeed(feed as unknown as Record<string, unknown>)),
          ConditionExpression: 'attribute_not_exists(#id)',
          ExpressionAttributeNames: { '#id': 'id' },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw toStorageError(err, `PutItem ${this.tableName}`);
    }
  }

  /** Replaces the registration fields of a registered feed, keeping its fetch state; registers it when unknown. */
  async put(feed: FeedState): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.updateRegistration(feed)) return;
      if (await this.register(feed)) return;
      // Removed and re-registered concurrently: try the update again.
    }
    throw new StorageError('FEED_CONFLICT', `put feed ${feed.id}: concurrent register/remove`);
  }

  async remove(id: string): Promise<boolean> {
    const out = await wrapDynamo(`DeleteItem ${this.tableName}`, () =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { id }, ReturnValues: 'ALL_OLD' })),
    );
    return out.Attributes !== undefined;
  }

  async recordPoll(id: string, update: FeedPollUpdate): Promise<void> {
    const names: Record<string, string> = { '#id': 'id' };
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const set = (field: keyof FeedPollUpdate, value: unknown) => {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    };
    // etag / lastModified are optional in the update: absent means "keep", null means "clear".
    if (update.etag !== undefined) set('etag', update.etag);
    if (update.lastModified !== undefined) set('lastModified', update.lastModified);
    set('lastPolledAt', update.lastPolledAt);
    set('nextPollAt', update.nextPollAt);
    set('consecutiveFailures', update.consecutiveFailures);
    set('lastError', update.lastError);
    // Written only when it changed (a poll that found new items, or the first successful one).
    if (update.publishing !== undefined) set('publishing', update.publishing);
    if (update.lastFetchedAt !== undefined) set('lastFetchedAt', update.lastFetchedAt);
    if (update.listed !== undefined) set('listed', storedListing(update.listed));
    const adds: string[] = [];
    for (const c of COUNTERS) {
      const n = update.add[c];
      if (n === undefined || n === 0) continue;
      names['#counters'] = 'counters';
      names[`#c_${c}`] = c;
      values[`:c_${c}`] = n;
      adds.push(`#counters.#c_${c} :c_${c}`);
    }
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id },
          UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(#id)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (err) {
      if (isConditionalCheckFailed(err)) {
        throw new StorageError('FEED_NOT_FOUND', `recordPoll: feed ${id} is not registered`, false, { cause: err });
      }
      throw toStorageError(err, `UpdateItem ${this.tableName}`);
    }
  }

  /** UpdateItem of the registration fields, only when the feed exists; false when it does not. */
  private async updateRegistration(feed: FeedState): Promise<boolean> {
    const names: Record<string, string> = { '#id': 'id' };
    const values: Record<string, unknown> = {};
    for (const f of REGISTRATION_FIELDS) {
      names[`#${f}`] = f;
      values[`:${f}`] = feed[f];
    }
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { id: feed.id },
          UpdateExpression: `SET ${REGISTRATION_FIELDS.map((f) => `#${f} = :${f}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(#id)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw toStorageError(err, `UpdateItem ${this.tableName}`);
    }
  }

  private async scan(input: Omit<ScanCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<FeedState[]> {
    const feeds: FeedState[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await wrapDynamo(`Scan ${this.tableName}`, () =>
        this.client.send(
          new ScanCommand({ ...input, TableName: this.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
        ),
      );
      for (const item of out.Items ?? []) feeds.push(toFeed(item));
      start = out.LastEvaluatedKey;
    } while (start);
    return feeds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** The optional FeedState fields: left out when missing. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['publishing', 'lastFetchedAt', 'listed']);

/** Exactly the FeedState fields, in declaration order (missing ones as null; the optional ones left out). */
function toFeed(item: Record<string, unknown>): FeedState {
  const out: Record<string, unknown> = {};
  for (const f of FEED_FIELDS) if (!OPTIONAL_FIELDS.has(f) || item[f] != null) out[f] = item[f] ?? null;
  // Stored as binary (storedListing); a hex string stored before is already the FeedState form.
  if (out.listed instanceof Uint8Array) out.listed = listingFromBytes(out.listed);
  return out as unknown as FeedState;
}

/** A feed as the table stores it: `listed` as binary. */
function toItem(feed: FeedState): Record<string, unknown> {
  return typeof feed.listed === 'string' ? { ...feed, listed: storedListing(feed.listed) } : { ...feed };
}

/** A listing's bytes (what the table stores); a string that is no listing (or empty) as it is. */
function storedListing(listed: string): Uint8Array | string {
  return listingBytes(listed) ?? listed;
}
