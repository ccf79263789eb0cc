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
 */
import type { HostSlots } from './ports';

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
  /** Slots taken from the inner HostSlots and slots handed on, for the cost harness and tests. */
  readonly counts = { taken: 0, handedOn: 0 };

  constructor(
    private readonly inner: HostSlots,
    private readonly opts: HostSlotReuseOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.marginMs = opts.marginMs ?? 5_000;
    this.lingerMs = opts.lingerMs ?? 50;
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
    const askedAt = this.now();
    const give = await this.inner.acquire(host);
    this.counts.taken++;
    return this.releaser(key, { askedAt, give });
  }

  /** Gives back every kept slot now (and waits for the give-backs already under way). */
  async flush(): Promise<void> {
    for (const slots of this.idle.values()) {
      for (const slot of slots.splice(0)) {
        clearTimeout(slot.timer);
        this.giveBack(slot);
      }
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
    return () => {
      if (done) return Promise.resolve();
      done = true;
      if (!this.usable(slot)) {
        this.giveBack(slot);
        return Promise.resolve();
      }
      const idle: IdleSlot = {
        ...slot,
        timer: setTimeout(() => {
          const list = this.idle.get(key);
          const i = list?.indexOf(idle) ?? -1;
          if (list && i >= 0) list.splice(i, 1);
          this.giveBack(idle);
        }, this.lingerMs),
      };
      // A kept slot must not keep a process alive (the local runner exits when its work is done).
      idle.timer.unref?.();
      const list = this.idle.get(key);
      if (list) list.push(idle);
      else this.idle.set(key, [idle]);
      return Promise.resolve();
    };
  }

  /** The inner release never throws (HostSlots contract); tracked so flush() can wait for it. */
  private giveBack(slot: HeldSlot): void {
    const p = slot.give().finally(() => this.giving.delete(p));
    this.giving.add(p);
  }
}
