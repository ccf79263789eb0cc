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
  const timed =
    <A extends unknown[], R>(kind: (args: NoInfer<A>) => string, fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await fn(...a);
      } finally {
        timings.add(kind(a), performance.now() - t0);
      }
    };
  const { http, articles, archive } = rt;
  const runtime: LocalRuntime = {
    ...rt,
    http: { fetch: timed(([url]) => (url.includes('/feeds/') ? 'fetch feed' : 'fetch page'), http.fetch.bind(http)) },
    articles: {
      seenItemHashes: timed(() => 'seen-id check', articles.seenItemHashes.bind(articles)),
      save: timed(() => 'record write', articles.save.bind(articles)),
      get: articles.get.bind(articles),
      query: articles.query.bind(articles),
    },
    archive: {
      put: timed(() => 'archive put', archive.put.bind(archive)),
      get: archive.get.bind(archive),
    },
  };
  return { runtime, timings };
}
