import type { SQSRecord } from 'aws-lambda';

/**
 * One message of the article queue as Lambda hands it to process-article: `body` as sent (a string),
 * received `receiveCount` times. Shared by the process-article handler tests.
 */
export function articleQueueRecord(messageId: string, body: string, receiveCount = 1): SQSRecord {
  return {
    messageId,
    body,
    receiptHandle: 'h',
    attributes: { ApproximateReceiveCount: String(receiveCount) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:article',
    awsRegion: 'us-east-1',
  } as unknown as SQSRecord;
}
