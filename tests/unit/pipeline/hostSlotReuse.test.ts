/**
 * HostSlotReuse: a freed fleet-wide slot is handed to the next request of the same host instead of
 * given back and taken again — never past its lease, never more slots in use than taken, and all
 * given back by flush(). The last tests run the real HTTP client against a local server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UndiciHttpClient } from '../../../lambdas/adapters/http/httpClient';
import { HostSlotReuse } from '../../../lambdas/pipeline/hostSlotReuse';
import { HostBusyError } from '../../../lambdas/pipeline/hostBusy';
import type { BatchHostSlots, HostSlotLease, HostSlots } from '../../../lambdas/pipeline/ports';

/** A fleet-wide semaphore of `limit` slots per host, in memory: counts takes, gives and slots taken. */
class FleetSlots implements HostSlots {
  taken = 0;
  given = 0;
  held = 0;
  private waiters: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => Promise<void>> {
    while (this.held >= this.limit) await new Promise<void>((r) => this.waiters.push(r));
    this.held++;
    this.taken++;
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.held--;
        this.given++;
        this.waiters.shift()?.();
      }
      return Promise.resolve();
    };
  }
}

/**
 * The same semaphore taking and giving back several slots in one write (as the DynamoDB adapter):
 * counts its writes and the slots each moved. A take first "reads" (waits `readMs`, or a turn of
 * the microtask queue), then asks want().
 */
class BatchFleetSlots implements BatchHostSlots {
  takeWrites: number[] = [];
  giveWrites: number[] = [];
  held = 0;
  failNext: unknown = null;
  private seq = 0;
  constructor(
    private readonly limit: number,
    private readonly readMs = 0,
  ) {}

  async acquire(host: string): Promise<() => Promise<void>> {
    const taken = await this.acquireSome(host, () => 1);
    let done = false;
    return () => (done ? Promise.resolve() : ((done = true), this.giveBack(taken)));
  }

  async acquireSome(host: string, want: () => number): Promise<HostSlotLease[]> {
    for (;;) {
      await (this.readMs > 0 ? new Promise((r) => setTimeout(r, this.readMs)) : Promise.resolve());
      const wanted = want();
      if (wanted <= 0) return [];
      if (this.failNext) {
        const err = this.failNext;
        this.failNext = null;
        throw err;
      }
      const count = Math.min(this.limit - this.held, wanted);
      if (count > 0) {
        this.held += count;
        this.takeWrites.push(count);
        return Array.from({ length: count }, () => ({ host, index: this.seq++, lease: 'lease' }));
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  giveBack(slots: readonly HostSlotLease[]): Promise<void> {
    this.held -= slots.length;
    this.giveWrites.push(slots.length);
    return Promise.resolve();
  }
}

const LEASE = { leaseMs: 25_000, requestMs: 15_000 };

test('a slot freed and asked for again by this process is handed on: one take, one give-back at flush', async () => {
  const fleet = new FleetSlots(4);
  const reuse = new HostSlotReuse(fleet, LEASE);
  for (let i = 0; i < 5; i++) {
    const release = await reuse.acquire('Wire.example');
    await release();
  }
  expect(fleet.taken).toBe(1);
  expect(reuse.counts).toEqual({ taken: 1, handedOn: 4 });
  // Kept for the next request until flushed: still taken in the fleet.
  expect(fleet.held).toBe(1);
  expect(reuse.keptSlots).toBe(1);
  await reuse.flush();
  expect(fleet.held).toBe(0);
  expect(fleet.given).toBe(1);
  expect(reuse.keptSlots).toBe(0);
});

test('slots are kept per host: another host takes its own', async () => {
  const fleet = new FleetSlots(4);
  const reuse = new HostSlotReuse(fleet, LEASE);
  await (
    await reuse.acquire('a.example')
  )();
  await (
    await reuse.acquire('b.example')
  )();
  expect(fleet.taken).toBe(2);
  await reuse.flush();
  expect(fleet.given).toBe(2);
});

test('a slot whose lease no longer covers a whole request plus the margin is given back, and a fresh one taken', async () => {
  let now = 1_000_000;
  const fleet = new FleetSlots(4);
  // Lease 25 s, request 15 s, margin 5 s: handed on only within 5 s of asking for it.
  const reuse = new HostSlotReuse(fleet, { ...LEASE, marginMs: 5_000, now: () => now });
  const first = await reuse.acquire('wire.example');
  now += 5_000;
  await first(); // exactly at the limit: still kept
  expect(fleet.given).toBe(0);
  const second = await reuse.acquire('wire.example');
  expect(fleet.taken).toBe(1);
  now += 1;
  await second(); // past the limit: given back at once
  expect(fleet.given).toBe(1);
  expect(reuse.keptSlots).toBe(0);
  await (
    await reuse.acquire('wire.example')
  )();
  expect(fleet.taken).toBe(2);
  await reuse.flush();
  expect(fleet.held).toBe(0);
});

test('a kept slot nobody asks for is given back after lingerMs', async () => {
  jest.useFakeTimers();
  try {
    const fleet = new FleetSlots(4);
    const reuse = new HostSlotReuse(fleet, { ...LEASE, lingerMs: 50 });
    await (
      await reuse.acquire('wire.example')
    )();
    jest.advanceTimersByTime(49);
    expect(fleet.given).toBe(0);
    jest.advanceTimersByTime(1);
    expect(fleet.given).toBe(1);
    expect(reuse.keptSlots).toBe(0);
    await reuse.flush();
    expect(fleet.given).toBe(1);
  } finally {
    jest.useRealTimers();
  }
});

test('releasing twice gives back once', async () => {
  const fleet = new FleetSlots(4);
  const reuse = new HostSlotReuse(fleet, LEASE);
  const release = await reuse.acquire('wire.example');
  await release();
  await release();
  expect(reuse.keptSlots).toBe(1);
  await reuse.flush();
  expect(fleet.given).toBe(1);
});

describe('over slots taken and given back several at once', () => {
  test('requests that wait while a take reads the host item join it: one write takes both, one gives both back', async () => {
    const fleet = new BatchFleetSlots(4);
    const reuse = new HostSlotReuse(fleet, LEASE);
    const [a, b] = await Promise.all([reuse.acquire('Wire.example'), reuse.acquire('wire.example')]);
    expect(fleet.takeWrites).toEqual([2]);
    await a!();
    await b!();
    expect(fleet.giveWrites).toEqual([]);
    await reuse.flush();
    expect(fleet.giveWrites).toEqual([2]);
    expect(fleet.held).toBe(0);
    expect(reuse.counts).toEqual({ taken: 2, handedOn: 0 });
  });

  test('a kept slot outlives its linger while another request of its host runs here, then both go back in one write', async () => {
    jest.useFakeTimers();
    try {
      const fleet = new BatchFleetSlots(4);
      const reuse = new HostSlotReuse(fleet, { ...LEASE, lingerMs: 50 });
      const [a, b] = await Promise.all([reuse.acquire('wire.example'), reuse.acquire('wire.example')]);
      await a!();
      jest.advanceTimersByTime(500);
      expect(fleet.giveWrites).toEqual([]);
      expect(reuse.keptSlots).toBe(1);
      await b!();
      jest.advanceTimersByTime(49);
      expect(fleet.giveWrites).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(fleet.giveWrites).toEqual([2]);
      expect(fleet.held).toBe(0);
      expect(reuse.keptSlots).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a kept slot whose lease could no longer cover a request is given back even while another runs', async () => {
    jest.useFakeTimers();
    try {
      let now = 1_000_000;
      const fleet = new BatchFleetSlots(4);
      const reuse = new HostSlotReuse(fleet, { ...LEASE, marginMs: 5_000, lingerMs: 50, now: () => now });
      const [a, b] = await Promise.all([reuse.acquire('wire.example'), reuse.acquire('wire.example')]);
      await a!();
      jest.advanceTimersByTime(50);
      expect(fleet.giveWrites).toEqual([]);
      now += 5_001; // 25 s lease − 15 s request − 5 s margin passed
      jest.advanceTimersByTime(50);
      expect(fleet.giveWrites).toEqual([1]);
      await b!(); // past the limit too: given back at once
      expect(fleet.giveWrites).toEqual([1, 1]);
      expect(fleet.held).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  test('fewer slots free than waiting requests: the free one now, the other request gets it when freed here', async () => {
    const fleet = new BatchFleetSlots(2);
    const other = await fleet.acquireSome('wire.example', () => 1); // another function holds one
    const reuse = new HostSlotReuse(fleet, LEASE);
    const first = reuse.acquire('wire.example');
    const second = reuse.acquire('wire.example');
    const release = await first;
    expect(fleet.takeWrites).toEqual([1, 1]);
    // The second waits for a take (the fleet is full) until the first's slot is freed here.
    await release();
    const releaseSecond = await second;
    await new Promise((r) => setTimeout(r, 5)); // the pending take sees nobody waiting: no write
    expect(fleet.takeWrites).toEqual([1, 1]);
    expect(reuse.counts).toEqual({ taken: 1, handedOn: 1 });
    await releaseSecond();
    await reuse.flush();
    await fleet.giveBack(other);
    expect(fleet.held).toBe(0);
  });

  test('a take that fails fails every request waiting for it; the next one takes again', async () => {
    const fleet = new BatchFleetSlots(2);
    fleet.failNext = new HostBusyError('wire.example', 1_000);
    const reuse = new HostSlotReuse(fleet, LEASE);
    const results = await Promise.allSettled([reuse.acquire('wire.example'), reuse.acquire('wire.example')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(fleet.held).toBe(0);
    await (
      await reuse.acquire('wire.example')
    )();
    await reuse.flush();
    expect(fleet.takeWrites).toEqual([1]);
    expect(fleet.giveWrites).toEqual([1]);
  });
});

describe('with the real HTTP client and a local server', () => {
  let server: Server;
  let port = 0;
  let inFlight = 0;
  let peak = 0;
  let served = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        served++;
        res.writeHead(304);
        res.end();
      }, 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    peak = 0;
    served = 0;
  });

  const client = (slots: HostSlots) =>
    new UndiciHttpClient({ allowHosts: [`127.0.0.1:${port}`], perHostConcurrency: 2, hostSlots: slots });
  const fetchAll = (http: UndiciHttpClient, n: number, tag: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) => http.fetch(`http://127.0.0.1:${port}/${tag}-${i}.rss`, { etag: '"e"' })),
    );

  test('a batch of 10 polls of one host, 2 at a time, takes 2 fleet-wide slots instead of 10', async () => {
    const fleet = new FleetSlots(4);
    const reuse = new HostSlotReuse(fleet, LEASE);
    const http = client(reuse);
    try {
      const responses = await fetchAll(http, 10, 'batch');
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(304));
    } finally {
      await reuse.flush();
      await http.close();
    }
    expect(served).toBe(10);
    expect(peak).toBeLessThanOrEqual(2);
    expect(fleet.taken).toBe(2);
    expect(reuse.counts.handedOn).toBe(8);
    expect(fleet.held).toBe(0);
  });

  test('over slots taken several at once: the batch takes its 2 slots in one write and gives them back in one', async () => {
    const fleet = new BatchFleetSlots(4, 5);
    const reuse = new HostSlotReuse(fleet, LEASE);
    const http = client(reuse);
    try {
      const responses = await fetchAll(http, 10, 'batched');
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(304));
    } finally {
      await reuse.flush();
      await http.close();
    }
    expect(served).toBe(10);
    expect(peak).toBeLessThanOrEqual(2);
    expect(fleet.takeWrites).toEqual([2]);
    expect(fleet.giveWrites).toEqual([2]);
    expect(reuse.counts.handedOn).toBe(8);
    expect(fleet.held).toBe(0);
  });

  test('two containers reusing slots never put more requests on the host than the fleet-wide limit', async () => {
    const fleet = new FleetSlots(3);
    const a = new HostSlotReuse(fleet, LEASE);
    const b = new HostSlotReuse(fleet, LEASE);
    const [ha, hb] = [client(a), client(b)];
    try {
      await Promise.all([fetchAll(ha, 12, 'a'), fetchAll(hb, 12, 'b')]);
    } finally {
      await Promise.all([a.flush(), b.flush()]);
      await Promise.all([ha.close(), hb.close()]);
    }
    expect(served).toBe(24);
    // 2 + 2 would run at once without the fleet-wide limit; its 3 slots hold.
    expect(peak).toBeLessThanOrEqual(3);
    expect(fleet.held).toBe(0);
    expect(fleet.taken).toBeLessThan(24);
  });
});
