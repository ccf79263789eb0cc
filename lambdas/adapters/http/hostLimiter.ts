/**
 * Politeness: at most `limit` requests in flight to one host at once (per process). The one place
 * the HTTP client limits per-host concurrency; callers beyond the limit wait their turn, first come
 * first served.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`per-host limit must be ≥ 1, got ${limit}`);
  }

  /** Resolves with a release function once a slot for host is free; call it exactly once. */
  async acquire(host: string): Promise<() => void> {
    const key = host.toLowerCase();
    const n = this.active.get(key) ?? 0;
    if (n < this.limit) this.active.set(key, n + 1);
    else {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key) ?? [];
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(key);
    };
  }

  /** Requests in flight to host now (tests, diagnostics). */
  inFlight(host: string): number {
    return this.active.get(host.toLowerCase()) ?? 0;
  }

  private release(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (next) {
      // The slot passes straight to the next waiter: the count stays the same.
      if (!queue!.length) this.waiting.delete(key);
      next();
      return;
    }
    const n = (this.active.get(key) ?? 1) - 1;
    if (n > 0) this.active.set(key, n);
    else this.active.delete(key);
  }
}
