/**
 * Named errors. Every failure the pipeline can meet has a code that logs, feed state and DLQ
 * entries carry; `retryable` is the one place that decides retry (SQS / local queue) vs. giving up.
 */
export class NewswireError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A fetch failed: network, timeout, HTTP status, size limit, guard. */
export class FetchError extends NewswireError {
  constructor(
    code: string,
    message: string,
    retryable: boolean,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, retryable, options);
  }
}

/** A feed document could not be read as RSS / Atom / JSON Feed. */
export class FeedParseError extends NewswireError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, false, options);
  }
}

/** A record failed validation against schema v1: never stored. */
export class RecordValidationError extends NewswireError {
  constructor(message: string) {
    super('RECORD_INVALID', message, false);
  }
}

/** A storage call failed (throttling, service error). Retryable by default. */
export class StorageError extends NewswireError {
  constructor(code: string, message: string, retryable = true, options?: { cause?: unknown }) {
    super(code, message, retryable, options);
  }
}

/** Code and message of anything thrown, for logs, feed state and DLQ entries. */
export function describeError(err: unknown): { code: string; message: string; retryable: boolean } {
  if (err instanceof NewswireError) return { code: err.code, message: err.message, retryable: err.retryable };
  if (err instanceof Error) return { code: err.name || 'Error', message: err.message, retryable: true };
  return { code: 'UNKNOWN', message: String(err), retryable: true };
}
