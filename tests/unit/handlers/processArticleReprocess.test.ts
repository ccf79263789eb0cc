/**
 * process-article with a `reprocess` message (`newswire reprocess --via-queue`), the SDK mocked: the
 * stored release is parsed again from its archived page — nothing fetched — and saved as a `reparse`
 * revision; an id that is not stored, or a record with no archived bytes, is dead-lettered with its reason.
 */
import { gzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { lambdaContext as context } from './handlerEnv';
import { articleQueueRecord } from '../../helpers/articleQueueRecord';
import { releaseItem } from '../../../lambdas/adapters/dynamodb/indexItems';
import { buildRecord } from '../../../lambdas/core/buildRecord';
import { parseRelease } from '../../../lambdas/core/parser';
import { handler } from '../../../lambdas/handlers/processArticle';
import { logger } from '../../../lambdas/handlers/runtime';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);

const URL = 'https://example.com/news/acme-robot.html';
const ARTICLE_KEY = `articles/u-acme/${'a'.repeat(64)}.html.gz`;
const PAGE =
  `<html><body><h1>Acme Robotics Unveils a Robot</h1><p>AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- ` +
  `Acme Robotics, Inc. (NASDAQ: ACME) today unveiled a robot. ${'It picks mixed totes. '.repeat(40)}</p>` +
  `<p>SOURCE Acme Robotics, Inc.</p></body></html>`;

/** The release item as an older parser stored it: same bytes, a wrong source. */
function storedItem() {
  const record = buildRecord(parseRelease({ content: PAGE, url: URL }), {
    feed: { id: 'f-feed1', url: 'https://example.com/feed.rss' },
    item: null,
    url: URL,
    raw: { feedKey: null, articleKey: ARTICLE_KEY, sha256: 'a'.repeat(64) },
    fetchedAt: '2025-03-03T14:05:00.000Z',
  });
  return releaseItem(
    { ...record, id: 'u-acme', source: 'Old Parser Guess', parserVersion: '0.0.1' },
    { contentHash: 'old', itemHash: 'ih', storedAt: '2025-03-03T14:05:00.000Z', history: [], staleIndex: [] },
  );
}

const sqsRecord = (messageId: string, body: unknown): SQSRecord => articleQueueRecord(messageId, JSON.stringify(body));

beforeEach(() => {
  ddb.reset();
  s3.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
});
afterEach(() => jest.restoreAllMocks());

test('a reprocess message parses the stored release again from the archive and saves a reparse revision', async () => {
  ddb.onAnyCommand().resolves({});
  ddb.on(GetCommand).resolves({ Item: storedItem() });
  // The archive reads the body with transformToByteArray (what the SDK's stream mixin provides).
  const body = { transformToByteArray: async () => new Uint8Array(gzipSync(Buffer.from(PAGE))) };
  s3.on(GetObjectCommand, { Key: ARTICLE_KEY }).resolves({ Body: body as never });
  const event: SQSEvent = { Records: [sqsRecord('m-1', { reprocess: { id: 'u-acme' } })] };
  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [] });

  const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
  expect(puts).toHaveLength(1);
  expect(puts[0]).toMatchObject({
    id: 'u-acme',
    revision: 2,
    revisionReason: 'reparse',
    source: 'Acme Robotics, Inc.',
    raw: { articleKey: ARTICLE_KEY },
    itemHash: 'ih',
  });
  expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0); // nothing dead-lettered
});

test('an id that is not stored, or a record with no archived bytes, is dead-lettered with its reason', async () => {
  const errors = jest.spyOn(logger, 'error');
  ddb.on(GetCommand, { Key: { id: 'u-gone' } }).resolves({});
  ddb.on(GetCommand, { Key: { id: 'u-noraw' } }).resolves({ Item: { ...storedItem(), id: 'u-noraw', raw: null } });
  const event: SQSEvent = {
    Records: [
      sqsRecord('m-gone', { reprocess: { id: 'u-gone' } }),
      sqsRecord('m-noraw', { reprocess: { id: 'u-noraw' } }),
      sqsRecord('m-bad', { reprocess: { id: '' } }),
    ],
  };
  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [] });
  const logged = errors.mock.calls.map(([, extra]) => extra as unknown as Record<string, unknown>);
  expect(logged).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ messageId: 'm-gone', code: 'NOT_STORED', deadLettered: true, reprocessId: 'u-gone' }),
      expect.objectContaining({ messageId: 'm-noraw', code: 'NO_RAW', deadLettered: true }),
      expect.objectContaining({ messageId: 'm-bad', code: 'MESSAGE_INVALID', deadLettered: true }),
    ]),
  );
  expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(3);
  expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
});
