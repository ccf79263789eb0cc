/**
 * Secondary adapter: HostSlots on the Feeds table — a counting semaphore per host, shared by every
 * poll-feed and process-article function (and the local runner, on dynalite).
 *
 * One item per host, `host#<host name>`, with one attribute per slot, `s0` … `s<limit-1>`, each
 * `{ lease, until }` while taken. Taking a slot is one conditional UpdateItem: set `s<i>` if it is
 * absent or its `until` has passed — DynamoDB serializes writes to an item, so two functions can
 * never both take one slot. Giving it back removes `s<i>` only while it still holds our lease.
 * Several slots (acquireSome, for poll-feed's batches) are taken in one UpdateItem conditional on
 * every one of them being free, and given back in one conditional on every one still holding our
 * lease; should that fail (one expired and was taken by another), each is given back on its own,
 * with its own condition. A
 * function that dies holding a slot never gives it back: the slot frees itself at `until` (the
 * lease outlives the longest request the HTTP client lets run). When every slot is taken the caller
 * waits, re-reading the item with a growing, jittered pause, for at most `maxWaitMs`; then
 * HostBusyError, and the queue delivers its message again later instead of a function spinning.
 */
import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  GetCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { HostBusyError } from '../../pipeline/hostBusy';
import type { BatchHostSlots, HostSlotLease } from '../../pipeline/ports';
import { isConditionalCheckFailed, toStorageError, wrapDynamo } from './errors';
import { DEFAULT_HOST_SLOT_WAIT_MS, HOST_SLOTS_ID_PREFIX } from './tableDesign';

/** How long a taken slot outlives the longest request it may cover before it frees itself. */
export const LEASE_MARGIN_MS = 10_000;
const FIRST_PAUSE_MS = 25;
const MAX_PAUSE_MS = 1_000;

export interface DynamoHostSlotsProps {
  readonly client: DynamoDBDocumentClient;
  /** The Feeds table. */
  readonly tableName: string;
  /** Requests in flight to one host at once, fleet-wide (≥ 1). */
  readonly limit: number;
  /** A slot not given back frees itself this long after it was taken: see leaseMsFor. */
  readonly leaseMs: number;
  /** @default DEFAULT_HOST_SLOT_WAIT_MS */
  readonly maxWaitMs?: number;
  /** Epoch ms; @default Date.now. Leases are timed by the functions' clocks (NTP-synced in Lambda). */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** The lease for requests that end within `totalTimeoutMs` (the HTTP client's total fetch timeout). */
export function leaseMsFor(totalTimeoutMs: number): number {
  return totalTimeoutMs + LEASE_MARGIN_MS;
}

interface Slot {
  lease: string;
  until: number;
}

export class DynamoHostSlots implements BatchHostSlots {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxWaitMs: number;

  constructor(private readonly props: DynamoHostSlotsProps) {
    if (!Number.isInteger(props.limit) || props.limit < 1) {
      throw new RangeError(`maxRequestsPerHost must be a whole number ≥ 1, got ${props.limit}`);
    }
    if (!(props.leaseMs > 0)) throw new RangeError(`leaseMs must be > 0, got ${props.leaseMs}`);
    this.now = props.now ?? Date.now;
    this.sleep = props.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = props.random ?? Math.random;
    this.maxWaitMs = props.maxWaitMs ?? DEFAULT_HOST_SLOT_WAIT_MS;
  }

  get limit(): number {
    return this.props.limit;
  }

  /**
   * Frees every slot of every host, taken or not: only for a process that knows no other holds any
   * (the local runner holding its data dir's queue lock, after a killed run left its leases behind —
   * they would otherwise keep the host busy until they expire). Returns the hosts freed.
   */
  async releaseAll(): Promise<number> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await wrapDynamo(`Scan ${this.props.tableName}`, () =>
        this.props.client.send(
          new ScanCommand({
            TableName: this.props.tableName,
            FilterExpression: 'begins_with(#id, :prefix)',
            ExpressionAttributeNames: { '#id': 'id' },
            ExpressionAttributeValues: { ':prefix': HOST_SLOTS_ID_PREFIX },
            ProjectionExpression: '#id',
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      for (const item of page.Items ?? []) ids.push(String(item.id));
      start = page.LastEvaluatedKey;
    } while (start);
    for (const id of ids) {
      await wrapDynamo(`DeleteItem ${this.props.tableName}`, () =>
        this.props.client.send(new DeleteCommand({ TableName: this.props.tableName, Key: { id } })),
      );
    }
    return ids.length;
  }

  async acquire(host: string): Promise<() => Promise<void>> {
    const taken = await this.acquireSome(host, () => 1);
    return once(() => this.giveBack(taken));
  }

  async acquireSome(host: string, want: () => number): Promise<HostSlotLease[]> {
    const name = host.toLowerCase();
    const id = HOST_SLOTS_ID_PREFIX + name;
    const start = this.now();
    let pause = FIRST_PAUSE_MS;
    for (;;) {
      const wanted = Math.floor(want());
      if (!(wanted > 0)) return [];
      const slots = await this.read(id);
      const t = this.now();
      const free: number[] = [];
      let nextExpiry = Infinity;
      for (let i = 0; i < this.props.limit; i++) {
        const s = slots.get(i);
        if (!s || s.until <= t) free.push(i);
        else nextExpiry = Math.min(nextExpiry, s.until);
      }
      if (free.length > 0) {
        // Random free slots: contenders that read the same item mostly aim at different slots.
        const count = Math.min(free.length, Math.max(1, Math.floor(want())));
        const indexes = this.pick(free, count);
        const lease = randomUUID();
        if (await this.take(id, name, indexes, lease, t)) return indexes.map((index) => ({ host: name, index, lease }));
      }
      const waited = this.now() - start;
      if (waited >= this.maxWaitMs) throw new HostBusyError(name, waited);
      // Every slot taken, or a free one taken between our read and our write: pause, growing and
      // jittered, so a crowd of waiters does not re-read the item in step (never past a lease's end).
      const untilExpiry = free.length === 0 ? nextExpiry - this.now() + 1 : Infinity;
      const wait = Math.min(pause * (0.5 + this.random()), untilExpiry, this.maxWaitMs - waited);
      await this.sleep(Math.max(1, Math.round(wait)));
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }

  /**
   * Gives back the slots, each only while it still holds our lease; those of one host in one
   * UpdateItem, or, when that fails its condition, one by one. Never throws (a slot that could not
   * be given back frees itself when its lease ends).
   */
  async giveBack(slots: readonly HostSlotLease[]): Promise<void> {
    const byHost = new Map<string, HostSlotLease[]>();
    for (const s of slots) {
      const list = byHost.get(s.host);
      if (list) list.push(s);
      else byHost.set(s.host, [s]);
    }
    await Promise.all(
      [...byHost.entries()].map(async ([host, held]) => {
        const id = HOST_SLOTS_ID_PREFIX + host;
        if ((await this.give(id, held)) || held.length === 1) return;
        // One of them expired and another holder took it: give back the others, each on its own.
        await Promise.all(held.map((s) => this.give(id, [s])));
      }),
    );
  }

  /** `count` of the indexes, chosen at random. */
  private pick(free: readonly number[], count: number): number[] {
    const pool = [...free];
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }

  /** The taken slots of a host's item, by index (strongly consistent: a stale read only costs a failed write). */
  private async read(id: string): Promise<Map<number, Slot>> {
    const out = await wrapDynamo(`GetItem ${this.props.tableName}`, () =>
      this.props.client.send(new GetCommand({ TableName: this.props.tableName, Key: { id }, ConsistentRead: true })),
    );
    const slots = new Map<number, Slot>();
    for (const [k, v] of Object.entries(out.Item ?? {})) {
      const m = /^s(\d+)$/.exec(k);
      const slot = v as Partial<Slot> | null;
      if (m && slot && typeof slot.until === 'number' && typeof slot.lease === 'string') {
        slots.set(Number(m[1]), { lease: slot.lease, until: slot.until });
      }
    }
    return slots;
  }

  /** Takes the slots `indexes` if every one is free or expired at `t`; false when another holder has one. */
  private async take(id: string, host: string, indexes: readonly number[], lease: string, t: number): Promise<boolean> {
    const names: Record<string, string> = { '#until': 'until', '#host': 'host' };
    const sets: string[] = [];
    const conditions: string[] = [];
    indexes.forEach((index, n) => {
      names[`#s${n}`] = `s${index}`;
      sets.push(`#s${n} = :slot`);
      conditions.push(`(attribute_not_exists(#s${n}) OR #s${n}.#until <= :now)`);
    });
    try {
      await this.props.client.send(
        new UpdateCommand({
          TableName: this.props.tableName,
          Key: { id },
          UpdateExpression: `SET ${sets.join(', ')}, #host = :host`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':slot': { lease, until: t + this.props.leaseMs }, ':now': t, ':host': host },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw toStorageError(err, `UpdateItem ${this.props.tableName}`);
    }
  }

  /**
   * Gives back the slots (of the item `id`) if every one still holds its lease (after expiry someone
   * else may hold it); false when one does not or DynamoDB failed — never throws.
   */
  private async give(id: string, slots: readonly HostSlotLease[]): Promise<boolean> {
    const names: Record<string, string> = { '#lease': 'lease' };
    const values: Record<string, string> = {};
    slots.forEach((s, n) => {
      names[`#s${n}`] = `s${s.index}`;
      values[`:l${n}`] = s.lease;
    });
    try {
      await this.props.client.send(
        new UpdateCommand({
          TableName: this.props.tableName,
          Key: { id },
          UpdateExpression: `REMOVE ${slots.map((_, n) => `#s${n}`).join(', ')}`,
          ConditionExpression: slots.map((_, n) => `#s${n}.#lease = :l${n}`).join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch {
      // Expired and taken by another holder (ConditionalCheckFailed), or DynamoDB failed: either
      // way the lease ends by itself.
      return false;
    }
  }
}

/** `f` callable once; later calls resolve at once. */
function once(f: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= f());
}
