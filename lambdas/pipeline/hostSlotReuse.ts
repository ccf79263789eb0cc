/**
 * Fleet-wide host slots handed from one request of this process to the next instead of given back
 * and taken again. Taking a slot costs a strongly consistent read and a conditional write of the
 * host's item, giving it back another write (adapters/dynamodb/hostSlots.ts): three table requests
 * around each fetch, most of what a 304 poll costs in DynamoDB. poll-feed polls a batch of feeds at
 * once, mostly of one wire's host, through the HTTP client's per-host limit (a few at a time): when
 * one request ends, the next of the same host is already waiting for a slot. This HostSlots keeps a
 * freed slot for `lingerMs` and gives it to that request, so a batch takes about as many slots as it
 * runs requests to a host at once, not one per request.
 *
 * The fleet-wide bound is unchanged: the slot stays taken in the table the whole time and one
 * request at a time uses it. A slot is handed on only while its lease (taken at most `leaseMs`
 * before it frees itself) still outlasts the longest request (`requestMs`) by `marginMs`; after
 * that it is given back and a fresh one taken. A slot nobody asks for within `lingerMs` is given
 * back, and `flush()` gives back every kept slot at once — a handler calls it before returning, so
 * a frozen container holds none.
 *
 * Over BatchHostSlots (the DynamoDB adapter) the takes and give-backs of a host are also batched:
 * requests of a host that wait while a take is under way (its read of the host's item) join it, so
 * the batch's first requests — as many as the HTTP client lets run to a host at once — get their
 * slots from one conditional write; a slot freed while a request of the host waits for a take goes
 * to that request. A kept slot whose linger ends while other requests of its host are still running
 * here waits for them (at most the longest request), so a host's slots go back together, in one
 * write; so do those flush() gives back. The fleet-wide bound is the same: every slot in use is
 * taken in the table, each by one request at a time.
 */
import type { BatchHostSlots, HostSlotLease, HostSlots } from './ports';

export interface HostSlotReuseOptions {
  /** A slot frees itself this long after it was taken (the lease; leaseMsFor in hostSlots.ts). */
  readonly leaseMs: number;
  /** The longest a request may run once it has its slot (the HTTP client's total timeout). */
  readonly requestMs: number;
  /** Lease left over after the longest request before a slot is no longer handed on. @default 5_000 */
  readonly marginMs?: number;
  /** How long a freed slot waits for another request of this process. @default 50 */
  readonly lingerMs?: number;
  /** Epoch ms. @default Date.now */
  readonly now?: () => number;
}

interface HeldSlot {
  /** When the slot was asked for: its lease ends no earlier than this + leaseMs. */
  readonly askedAt: number;
  readonly give: () => Promise<void>;
  /** The slot in the table, when the inner HostSlots gives back several in one write. */
  readonly lease?: HostSlotLease;
}

interface Waiter {
  resolve: (release: () => Promise<void>) => void;
  reject: (err: unknown) => void;
}

interface IdleSlot extends HeldSlot {
  timer: ReturnType<typeof setTimeout>;
}

export class HostSlotReuse implements HostSlots {
  private readonly idle = new Map<string, IdleSlot[]>();
  private readonly giving = new Set<Promise<void>>();
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly lingerMs: number;
  /** The inner HostSlots when it takes and gives back several slots in one write. */
  private readonly batch: BatchHostSlots | null;
  /** Per host (batch mode): requests waiting for a take, whether one is under way, slots in use here. */
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly taking = new Set<string>();
  private readonly inUse = new Map<string, number>();
  /** Slots taken from the inner HostSlots and slots handed on, for the cost harness and tests. */
  readonly counts = { taken: 0, handedOn: 0 };

  constructor(
    private readonly inner: HostSlots,
    private readonly opts: HostSlotReuseOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.marginMs = opts.marginMs ?? 5_000;
    this.lingerMs = opts.lingerMs ?? 50;
    this.batch = isBatch(inner) ? inner : null;
  }

  async acquire(host: string): Promise<() => Promise<void>> {
    const key = host.toLowerCase();
    const kept = this.idle.get(key) ?? [];
    while (kept.length > 0) {
      const slot = kept.pop() as IdleSlot;
      clearTimeout(slot.timer);
      if (this.usable(slot)) {
        this.counts.handedOn++;
        return this.releaser(key, slot);
      }
      this.giveBack(slot);
    }
    if (this.batch) {
      const batch = this.batch;
      return new Promise((resolve, reject) => {
        this.waitersOf(key).push({ resolve, reject });
        if (!this.taking.has(key)) void this.take(batch, key, host);
      });
    }
    const askedAt = this.now();
    const give = await this.inner.acquire(host);
    this.counts.taken++;
    return this.releaser(key, { askedAt, give });
  }

  /**
   * One take of the host's slots for the requests waiting for one (those that come while it reads
   * the host's item included); again while some are left waiting. A failed take (HostBusyError after
   * the bounded wait, or the table's failure) fails every request waiting for the host.
   */
  private async take(batch: BatchHostSlots, key: string, host: string): Promise<void> {
    this.taking.add(key);
    const waiters = this.waitersOf(key);
    const askedAt = this.now();
    try {
      const leases = await batch.acquireSome(host, () => waiters.length);
      for (const lease of leases) {
        this.counts.taken++;
        const slot: HeldSlot = { askedAt, lease, give: () => batch.giveBack([lease]) };
        const waiter = waiters.shift();
        if (waiter) waiter.resolve(this.releaser(key, slot));
        else this.keep(key, slot);
      }
    } catch (err) {
      for (const waiter of waiters.splice(0)) waiter.reject(err);
    } finally {
      this.taking.delete(key);
    }
    if (waiters.length > 0) void this.take(batch, key, host);
  }

  private waitersOf(key: string): Waiter[] {
    let list = this.waiting.get(key);
    if (!list) this.waiting.set(key, (list = []));
    return list;
  }

  /** Gives back every kept slot now (and waits for the give-backs already under way). */
  async flush(): Promise<void> {
    for (const slots of this.idle.values()) {
      const all = slots.splice(0);
      for (const slot of all) clearTimeout(slot.timer);
      this.giveBackAll(all);
    }
    this.idle.clear();
    await Promise.all([...this.giving]);
  }

  /** Slots kept for the next request, over every host. */
  get keptSlots(): number {
    let n = 0;
    for (const slots of this.idle.values()) n += slots.length;
    return n;
  }

  /** Whether the slot's lease still covers a whole request started now, with the margin to spare. */
  private usable(slot: HeldSlot): boolean {
    return this.now() - slot.askedAt + this.opts.requestMs + this.marginMs <= this.opts.leaseMs;
  }

  private releaser(key: string, slot: HeldSlot): () => Promise<void> {
    let done = false;
    this.inUse.set(key, (this.inUse.get(key) ?? 0) + 1);
    return () => {
      if (done) return Promise.resolve();
      done = true;
      this.inUse.set(key, (this.inUse.get(key) ?? 1) - 1);
      if (!this.usable(slot)) {
        this.giveBack(slot);
        return Promise.resolve();
      }
      // A request of this host waiting for a take here gets this slot at once.
      const waiter = this.waiting.get(key)?.shift();
      if (waiter) {
        this.counts.handedOn++;
        waiter.resolve(this.releaser(key, slot));
        return Promise.resolve();
      }
      this.keep(key, slot);
      return Promise.resolve();
    };
  }

  /** Keeps a freed slot for the next request of its host, for lingerMs (see lingered). */
  private keep(key: string, slot: HeldSlot): void {
    const idle: IdleSlot = { ...slot, timer: setTimeout(() => this.lingered(key, idle), this.lingerMs) };
    // A kept slot must not keep a process alive (the local runner exits when its work is done).
    idle.timer.unref?.();
    const list = this.idle.get(key);
    if (list) list.push(idle);
    else this.idle.set(key, [idle]);
  }

  /**
   * Nobody asked for a kept slot within lingerMs: it is given back. In batch mode, while other
   * requests of its host still run here it waits for them (another lingerMs at a time, while it can
   * still be handed on), then goes back with the host's other kept slots in one write.
   */
  private lingered(key: string, idle: IdleSlot): void {
    const list = this.idle.get(key) ?? [];
    if (this.batch && (this.inUse.get(key) ?? 0) > 0 && this.usable(idle)) {
      idle.timer = setTimeout(() => this.lingered(key, idle), this.lingerMs);
      idle.timer.unref?.();
      return;
    }
    const going = this.batch ? list.splice(0) : list.splice(list.indexOf(idle), list.includes(idle) ? 1 : 0);
    for (const slot of going) clearTimeout(slot.timer);
    this.giveBackAll(going);
  }

  /** Gives back slots of one host: in one write when the inner HostSlots can. */
  private giveBackAll(slots: readonly HeldSlot[]): void {
    const leases = slots.map((s) => s.lease).filter((l): l is HostSlotLease => l !== undefined);
    if (this.batch && leases.length === slots.length && leases.length > 1) {
      this.track(this.batch.giveBack(leases));
      return;
    }
    for (const slot of slots) this.giveBack(slot);
  }

  /** The inner release never throws (HostSlots contract); tracked so flush() can wait for it. */
  private giveBack(slot: HeldSlot): void {
    this.track(slot.give());
  }

  private track(giving: Promise<void>): void {
    const p = giving.finally(() => this.giving.delete(p));
    this.giving.add(p);
  }
}

function isBatch(slots: HostSlots): slots is BatchHostSlots {
  const s = slots as Partial<BatchHostSlots>;
  return typeof s.acquireSome === 'function' && typeof s.giveBack === 'function';
}
