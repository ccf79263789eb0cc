/**
 * Where the pipeline's time goes: wraps the ports of a local runtime so every call is timed by kind
 * (feed fetch, page fetch, seen-id check, record write, archive write). Calls run concurrently, so
 * the sums are summed latency, not wall time; what is not in any port (parse, build, validate,
 * queues, and the event loop waiting behind dynalite) is the rest of the wall time.
 */
import type { LocalRuntime } from '../../lambdas/local/runtime';

export interface PortTimings {
  add(kind: string, ms: number): void;
  /** One line per kind: calls, summed ms, mean ms. */
  describe(): string[];
}

export function timePorts(rt: LocalRuntime): { runtime: LocalRuntime; timings: PortTimings } {
  const sums = new Map<string, { calls: number; ms: number }>();
  const timings: PortTimings = {
    add(kind, ms) {
      const s = sums.get(kind) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += ms;
      sums.set(kind, s);
    },
    describe() {
      return [...sums].map(
        ([kind, s]) =>
          `${kind.padEnd(16)} ${String(s.calls).padStart(7)} calls  ${(s.ms / 1000).toFixed(1).padStart(8)} s  ${(s.ms / s.calls).toFixed(2).padStart(8)} ms/call`,
      );
    },
  };
  /** The port with the named methods timed (by kind) and every other member passed through. */
  const timedPort = <T extends object>(port: T, kinds: Record<string, (args: unknown[]) => string>): T =>
    new Proxy(port, {
      get(target, prop) {
        const member: unknown = Reflect.get(target, prop, target);
        if (typeof member !== 'function') return member;
        const call = (...args: unknown[]): unknown => (member as (...a: unknown[]) => unknown).apply(target, args);
        const kind = typeof prop === 'string' ? kinds[prop] : undefined;
        if (!kind) return call;
        return async (...args: unknown[]) => {
          const t0 = performance.now();
          try {
            return await call(...args);
          } finally {
            timings.add(kind(args), performance.now() - t0);
          }
        };
      },
    });
  const runtime: LocalRuntime = {
    ...rt,
    http: timedPort(rt.http, {
      fetch: ([url]) => (String(url).includes('/feeds/') ? 'fetch feed' : 'fetch page'),
    }),
    articles: timedPort(rt.articles, {
      seenItems: () => 'seen-id check',
      addFeedListings: () => 'feed listing write',
      releaseIdsByGuid: () => 'guid alias check',
      save: () => 'record write',
    }),
    archive: timedPort(rt.archive, { put: () => 'archive put' }),
  };
  return { runtime, timings };
}
