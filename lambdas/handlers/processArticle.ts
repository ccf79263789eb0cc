/**
 * Lambda: article-queue consumer. One message = one release; failed messages are retried, then
 * dead-lettered. SQS cannot attach a reason to a message, so every failure is logged with the
 * message id (which the message keeps in the DLQ), its error code and reason, and counted in the
 * `ReleasesFailed` metric: `filter messageId = "<id>"` in Logs Insights gives the reason of any DLQ entry.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { describeError } from '../core/errors';
import { processArticle } from '../pipeline/processArticle';
import { articleStore, clock, httpClient, log, metrics, rawArchive } from './runtime';
import { parseArticleMessage } from './sqsMessages';

const processor = new BatchProcessor(EventType.SQS);
const archive = rawArchive();
const deps = { articles: articleStore(archive), archive, http: httpClient(), clock, log };

async function recordHandler(record: SQSRecord): Promise<void> {
  try {
    const { outcome } = await processArticle(deps, parseArticleMessage(record.body));
    metrics.addMetric(outcome === 'unchanged' ? 'ReleasesUnchanged' : 'ReleasesWritten', MetricUnit.Count, 1);
  } catch (err) {
    const { code, message, retryable } = describeError(err);
    log.error('release failed', {
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount ?? 1),
      code,
      reason: message,
      retryable,
      ...messageRefs(record.body),
    });
    metrics.addMetric('ReleasesFailed', MetricUnit.Count, 1);
    throw err;
  }
}

/** Item and feed ids of a message body, for the failure log (nothing when the body is not one). */
function messageRefs(body: string): { itemId?: string; feedId?: string } {
  try {
    const m = JSON.parse(body) as { item?: { id?: unknown }; feed?: { id?: unknown } };
    return {
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
