import type { Context } from 'aws-lambda';

/** The environment the stack gives the functions, set before any handler module loads. */
export const POLL_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/poll';
export const ARTICLE_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/article';
export const ARTICLE_DLQ = 'https://sqs.us-east-1.amazonaws.com/123456789012/article-dlq';

Object.assign(process.env, {
  FEEDS_TABLE: 'feeds',
  ARTICLES_TABLE: 'articles',
  RAW_BUCKET: 'raw',
  POLL_QUEUE_URL: POLL_QUEUE,
  ARTICLE_QUEUE_URL: ARTICLE_QUEUE,
  ARTICLE_DLQ_URL: ARTICLE_DLQ,
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
});

/** The Lambda context a handler is invoked with (Powertools reads the function name and time left). */
export const lambdaContext = {
  functionName: 'test',
  awsRequestId: 'r',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;
