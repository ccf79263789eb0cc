/**
 * The error of a request not sent because every fleet-wide slot of its host stayed taken for the
 * whole bounded wait (ports.ts HostSlots). Retryable, and not the feed's fault: poll-feed lets it
 * through so the queue delivers the message again later (it is not recorded as a failed poll), and
 * process-article's message is retried the same way.
 */
import { FetchError } from '../core/errors';

export const HOST_BUSY = 'HOST_BUSY';

export class HostBusyError extends FetchError {
  constructor(
    readonly host: string,
    readonly waitedMs: number,
    url = host,
  ) {
    super(
      HOST_BUSY,
      `Not sent: all fleet-wide request slots of ${host} stayed taken for ${waitedMs} ms; the message will be retried`,
      true,
      url,
    );
  }
}

export function isHostBusy(err: unknown): err is FetchError {
  return err instanceof FetchError && err.code === HOST_BUSY;
}
