/**
 * Lambda: article-queue consumer. One message = one release. A permanent failure (the error is not
 * `retryable`) goes straight to the article DLQ with its reason as message attributes (errorCode,
 * errorMessage, sourceMessageId, failedAt) and is deleted from the source queue: retrying it would
 * only fail the same way. A retryable failure is reported back to SQS, retried, and moved to the DLQ
 * by the redrive policy after maxReceiveCount receives (no attributes: SQS cannot attach a reason).
 * Every failure is logged as `release failed` with the message id, code and reason, and counted in
 * the `ReleasesFailed` metric; if the DLQ send itself fails, the original error is thrown so the
 * message takes the retry → redrive path and nothing is lost.
 *
 * A fetch that was never sent (HOST_COOLING_DOWN, HOST_BUSY) within 10 minutes of the message's first
 * receive does not spend a receive: the same body is sent again to the article queue, delayed, and
 * the record is reported handled (handlers/deferNotSent.ts, shared with poll-feed). Logged as
 * `release deferred`, counted in `ReleasesDeferred`. If that send fails, the failure takes the path
 * above. Past the window the failure counts like any other, so a host that never lets up still ends
 * in the DLQ.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { describeError } from '../core/errors';
import { processArticle } from '../pipeline/processArticle';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { carriedFirstReceive, deferNotSent } from './deferNotSent';
import { clock, env, log, metrics } from './runtime';
import { articleStore, rawArchiveOnFirstUse } from './runtimeArticles';
import { deadLetterSinkOnFirstUse, sinkOnFirstUse } from './runtimeQueuesOnFirstUse';
import { httpClientOnFirstUse } from './runtimeHttpOnFirstUse';
import { parseArticleQueueMessage } from './sqsMessages';

const processor = new BatchProcessor(EventType.SQS);
// The S3 client and the HTTP client (undici) are made by the first release page fetched: a message
// whose feed item carries the whole release (FULL_CONTENT_MIN_CHARS in pipeline/processArticle.ts)
// fetches nothing and archives nothing (its bytes are in the archived feed body), so a container
// whose messages all carry theirs never loads them. One that fetches pays them at its first fetch.
const archive = rawArchiveOnFirstUse();
const deps = { articles: articleStore(archive), archive, http: httpClientOnFirstUse(), clock, log };
const deadLetters = deadLetterSinkOnFirstUse(env.articleDlqUrl, ENV.articleDlqUrl);
/** Its own queue: a message whose fetch was never sent is sent there again, delayed (see the top). */
const articleQueue = sinkOnFirstUse<unknown>(env.articleQueueUrl, ENV.articleQueueUrl);

/**
 * The reprocess use-case, loaded by the first reprocess message only: it reads archived feed bodies
 * again (rss-parser, xml2js, sax) and compares versions (semver), which a container that only
 * processes new releases never needs at its cold start.
 */
let reprocessing: Promise<typeof import('../pipeline/reprocess.js')> | undefined;
const reprocessModule = () => (reprocessing ??= import('../pipeline/reprocess.js'));

async function recordHandler(record: SQSRecord): Promise<void> {
  try {
    const msg = parseArticleQueueMessage(record.body);
    // `reprocess --via-queue`: the stored release parsed again from the archive (nothing fetched).
    const outcome =
      'reprocess' in msg
        ? await (await reprocessModule()).reprocessStoredId(deps, msg.reprocess.id)
        : (await processArticle(deps, msg)).outcome;
    const metric =
      outcome === 'unchanged'
        ? 'ReleasesUnchanged'
        : outcome === 'kept-stored' || outcome === 'degraded-kept'
          ? 'ReleasesKeptStored'
          : outcome === 'changed'
            ? 'ReleasesReparsed'
            : 'ReleasesWritten';
    metrics.addMetric(metric, MetricUnit.Count, 1);
  } catch (err) {
    const refs = messageRefs(record.body);
    // Never sent, within the grace: re-sent delayed and handled (SQS deletes this copy). Else the path below.
    const deferral = {
      queue: articleQueue,
      logMessage: 'release deferred',
      metricName: 'ReleasesDeferred',
      fields: refs,
    };
    if (await deferNotSent(record, err, deferral)) return;
    const { code, message, retryable } = describeError(err);
    const deadLettered = !retryable && (await deadLetter(record, { code, message }));
    log.error('release failed', {
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount ?? 1),
      code,
      reason: message,
      retryable,
      deadLettered,
      ...refs,
    });
    metrics.addMetric('ReleasesFailed', MetricUnit.Count, 1);
    // Dead-lettered: handled, SQS deletes it from the source queue. Otherwise retry (then redrive).
    if (!deadLettered) throw err;
  }
}

/** Sends the message to the DLQ with its reason; false (logged) when that send fails. */
async function deadLetter(record: SQSRecord, error: { code: string; message: string }): Promise<boolean> {
  try {
    await deadLetters.send({
      body: record.body,
      sourceMessageId: record.messageId,
      error,
      failedAt: clock.now(),
      ...sourceTimes(record),
    });
    return true;
  } catch (sendErr) {
    const { code, message } = describeError(sendErr);
    log.warn('dead-letter send failed; the message will be retried', {
      messageId: record.messageId,
      code,
      reason: message,
    });
    return false;
  }
}

/** Receive count and times of the message on the article queue, for the DLQ copy (`newswire dlq list`). */
function sourceTimes(record: SQSRecord): { receiveCount?: number; sentAt?: Date; firstReceivedAt?: Date } {
  const a = record.attributes as Partial<SQSRecord['attributes']>;
  const count = Number(a.ApproximateReceiveCount);
  const at = (ms: string | undefined) => (ms && Number.isFinite(Number(ms)) ? new Date(Number(ms)) : undefined);
  const sentAt = at(a.SentTimestamp);
  // A re-sent (deferred) message: its first receive as the original message.
  const carried = carriedFirstReceive(record);
  const firstReceivedAt = carried !== null ? new Date(carried) : at(a.ApproximateFirstReceiveTimestamp);
  return {
    ...(Number.isInteger(count) && count > 0 ? { receiveCount: count } : {}),
    ...(sentAt ? { sentAt } : {}),
    ...(firstReceivedAt ? { firstReceivedAt } : {}),
  };
}

/** Item and feed ids of a message body, for the failure log (nothing when the body is not one). */
function messageRefs(body: string): { itemId?: string; feedId?: string; reprocessId?: string } {
  try {
    const m = JSON.parse(body) as { item?: { id?: unknown }; feed?: { id?: unknown }; reprocess?: { id?: unknown } };
    return {
      ...(typeof m.reprocess?.id === 'string' ? { reprocessId: m.reprocess.id } : {}),
      ...(typeof m.item?.id === 'string' ? { itemId: m.item.id } : {}),
      ...(typeof m.feed?.id === 'string' ? { feedId: m.feed.id } : {}),
    };
  } catch {
    return {};
  }
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  try {
    return await processPartialResponse(event, recordHandler, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
}
