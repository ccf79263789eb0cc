import { HostLimiter } from '../../../../lambdas/adapters/http/hostLimiter';

const tick = () => new Promise((r) => setImmediate(r));

describe('HostLimiter', () => {
  it('lets `limit` callers per host through and queues the rest in order', async () => {
    const limiter = new HostLimiter(2);
    const order: string[] = [];
    const r1 = await limiter.acquire('Feeds.Example');
    const r2 = await limiter.acquire('feeds.example');
    const third = limiter.acquire('feeds.example').then((r) => (order.push('third'), r));
    const fourth = limiter.acquire('feeds.example').then((r) => (order.push('fourth'), r));
    const other = await limiter.acquire('other.example'); // another host is not held up
    await tick();
    expect(order).toEqual([]);
    expect(limiter.inFlight('feeds.example')).toBe(2);

    r1();
    r1(); // a second release of the same slot is a no-op
    await tick();
    expect(order).toEqual(['third']);
    expect(limiter.inFlight('feeds.example')).toBe(2);

    r2();
    await tick();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    other();
    expect(limiter.inFlight('feeds.example')).toBe(0);
    expect(limiter.inFlight('other.example')).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new HostLimiter(0)).toThrow(RangeError);
  });
});
