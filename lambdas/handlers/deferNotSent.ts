/**
 * The deployed queue consumers' side of the never-sent grace (pipeline/notSentGrace.ts, the local
 * queues' policy too): a record whose fetch was never sent (HOST_COOLING_DOWN, HOST_BUSY) within 10
 * minutes of its message's first receive does not spend a receive. The same body is sent again to
 * the consumer's own queue, delayed until the host's cooldown ends (else a minute), with the first
 * receive's time in the `notSentGraceFrom` attribute (the new message's own SQS attributes start
 * afresh), and the record is reported handled. Used by process-article (release pages) and
 * poll-feed (feeds); each names its log message, log fields and metric. If the send fails, or past
 * the window, the caller's failure path runs as before, so a host that never lets up still ends in
 * the DLQ.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSRecord } from 'aws-lambda';
import { describeError } from '../core/errors';
import { deferSeconds, notSentWithinGrace } from '../pipeline/notSentGrace';
import type { MessageSink } from '../pipeline/ports';
import { clock, log, metrics } from './runtime';

/**
 * Message attribute of a re-sent (deferred) message: the epoch ms of the original message's first
 * receive, from which the never-sent grace is measured across re-sends.
 */
export const NOT_SENT_GRACE_FROM_ATTRIBUTE = 'notSentGraceFrom';

/** How one consumer defers: its own queue, and how the deferral is logged and counted. */
export interface NotSentDeferral {
  /** The consumer's own queue (the record's body is sent there again). */
  queue: MessageSink<unknown>;
  /** The INFO line of a deferred record, e.g. `release deferred`. */
  logMessage: string;
  /** The metric counting deferred records, e.g. `ReleasesDeferred`. */
  metricName: string;
  /** More fields of the INFO line (the item or feed the message is about). */
  fields?: Record<string, unknown>;
}

/**
 * Defers a record that failed with `err` when the failure is a never-sent fetch within the grace:
 * true when it was re-sent (the record is then handled); false when the failure is another, the
 * grace has run out, or the re-send failed (logged): the caller's failure path then applies.
 */
export async function deferNotSent(record: SQSRecord, err: unknown, how: NotSentDeferral): Promise<boolean> {
  const { code, message, retryable } = describeError(err);
  const now = clock.now().getTime();
  const firstReceivedAt = graceFrom(record, now);
  if (!notSentWithinGrace({ code, retryable }, firstReceivedAt, now)) return false;
  const delaySeconds = deferSeconds(err, now);
  try {
    // The body parsed (the failure came after), and bodies are sent as JSON.stringify writes them:
    // parsed and written again, it is the same text.
    await how.queue.send(
      [JSON.parse(record.body) as unknown],
      [delaySeconds],
      [{ [NOT_SENT_GRACE_FROM_ATTRIBUTE]: String(firstReceivedAt) }],
    );
  } catch (sendErr) {
    const failed = describeError(sendErr);
    log.warn('deferred re-send failed; the message will be retried', {
      messageId: record.messageId,
      code: failed.code,
      reason: failed.message,
    });
    return false;
  }
  log.info(how.logMessage, {
    messageId: record.messageId,
    code,
    reason: message,
    delaySeconds,
    firstReceivedAt: new Date(firstReceivedAt).toISOString(),
    ...how.fields,
  });
  metrics.addMetric(how.metricName, MetricUnit.Count, 1);
  return true;
}

/**
 * The epoch ms the never-sent grace of this record runs from: the original first receive a re-sent
 * message carries (NOT_SENT_GRACE_FROM_ATTRIBUTE), else this message's own first receive, else now.
 */
function graceFrom(record: SQSRecord, now: number): number {
  const carried = carriedFirstReceive(record);
  if (carried !== null && carried <= now) return carried;
  const own = Number((record.attributes as Partial<SQSRecord['attributes']>).ApproximateFirstReceiveTimestamp);
  return Number.isFinite(own) && own > 0 ? Math.min(own, now) : now;
}

/** The original first receive (epoch ms) a re-sent message carries; null when it is not one. */
export function carriedFirstReceive(record: SQSRecord): number | null {
  const carried = Number(record.messageAttributes?.[NOT_SENT_GRACE_FROM_ATTRIBUTE]?.stringValue);
  return Number.isFinite(carried) && carried > 0 ? carried : null;
}
