/**
 * process-article's HTTP client (runtimeHttp.ts: undici, the address guard, this container's and the
 * fleet's per-host slots), loaded by its first fetch. A module of its own, like
 * runtimeQueuesOnFirstUse.ts: a dynamic import() makes esbuild wrap the modules it shares with the
 * rest of a bundle in lazy initializers, which poll-feed (it fetches at every poll) should not carry.
 */
import type { HttpClient } from '../pipeline/ports';

/**
 * The HTTP client made by the first fetch: process-article fetches a release page only when the feed
 * item does not carry the whole release, so a container whose messages all carry it never loads
 * undici (~10 ms of CPU of a cold start, docs/performance.md). The settings are read at init all the
 * same (runtime.ts's readEnv).
 */
export function httpClientOnFirstUse(): HttpClient {
  let made: Promise<HttpClient> | undefined;
  const client = () => (made ??= import('./runtimeHttp.js').then((m) => m.httpClient()));
  return { fetch: async (url, req) => (await client()).fetch(url, req) };
}
