/** The environment the stack gives the functions, set before any handler module loads. */
export const POLL_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/poll';
export const ARTICLE_DLQ = 'https://sqs.us-east-1.amazonaws.com/123456789012/article-dlq';

Object.assign(process.env, {
  FEEDS_TABLE: 'feeds',
  ARTICLES_TABLE: 'articles',
  RAW_BUCKET: 'raw',
  POLL_QUEUE_URL: POLL_QUEUE,
  ARTICLE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/article',
  ARTICLE_DLQ_URL: ARTICLE_DLQ,
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
});
