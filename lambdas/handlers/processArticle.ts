/** Lambda: article-queue consumer. One message = one release; failed messages are retried, then dead-lettered. */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processArticle } from '../pipeline/processArticle';
import { articleStore, clock, httpClient, log, metrics, rawArchive } from './runtime';
import { parseArticleMessage } from './sqsMessages';

const processor = new BatchProcessor(EventType.SQS);
const deps = { articles: articleStore(), archive: rawArchive(), http: httpClient(), clock, log };

async function recordHandler(record: SQSRecord): Promise<void> {
  const { outcome } = await processArticle(deps, parseArticleMessage(record.body));
  metrics.addMetric(outcome === 'unchanged' ? 'ReleasesUnchanged' : 'ReleasesWritten', MetricUnit.Count, 1);
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  try {
    return await processPartialResponse(event, recordHandler, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
}
