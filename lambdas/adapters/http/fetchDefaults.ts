/**
 * Defaults of the HTTP fetcher, in one place: the CDK config (lib/config.ts), the Lambdas'
 * environment fallbacks, the local runtime and the client itself all read them from here.
 * Plain data only (lib/ imports it), like tableDesign.ts.
 */
export const FETCH_DEFAULTS = {
  /** Honest and identifying; operators set their own contact through `newswire:userAgent`. */
  userAgent: 'newswire-ingest/0.1 (press-release indexer)',
  /** Whole request, first byte to last. */
  totalTimeoutMs: 15_000,
  /** Body cap, applied to the decoded size. */
  maxBytes: 10 * 1024 * 1024,
} as const;
