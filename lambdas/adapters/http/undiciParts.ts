/**
 * The parts of undici the HTTP client uses (Agent, buildConnector, request), each from its own
 * module: undici's index loads every feature it has (fetch, WebSocket, EventSource, caches, mocks,
 * proxy and retry agents), ~550 kB of the poll-feed and process-article bundles against ~290 kB for
 * these (npm run bench:bundle). undici is pinned (package.json) and has no `exports` map, so these
 * paths are part of the installed package; tests/unit/adapters/http/undiciParts.test.ts checks they
 * are the very classes and functions the index exports.
 */
import type * as Undici from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports -- deep CommonJS modules without type declarations of their own */
export const Agent = require('undici/lib/dispatcher/agent') as typeof Undici.Agent;
export const buildConnector = require('undici/lib/core/connect') as typeof Undici.buildConnector;
const apiRequest = require('undici/lib/api/api-request') as (
  this: Undici.Dispatcher,
  opts: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData>;
/* eslint-enable @typescript-eslint/no-require-imports */

export type Agent = Undici.Agent;
// eslint-disable-next-line @typescript-eslint/no-namespace -- mirrors undici's own `buildConnector.connector` type
export declare namespace buildConnector {
  type connector = Undici.buildConnector.connector;
}

export interface RequestOptions {
  dispatcher: Undici.Dispatcher;
  method: Undici.Dispatcher.HttpMethod;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** undici's `request(url, { dispatcher, … })`: the same call its index makes (origin and path from the URL). */
export function request(url: URL, opts: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = opts;
  return apiRequest.call(dispatcher, {
    ...rest,
    origin: url.origin,
    path: url.search ? `${url.pathname}${url.search}` : url.pathname,
  });
}
