/**
 * process-article makes its HTTP client (runtimeHttpOnFirstUse.ts) and its raw archive (S3) at the
 * first release page it fetches, not at its cold start (tests/infra/handlerColdStart.test.ts checks
 * the cold start): a message whose feed item carries the whole release fetches and archives nothing;
 * one that carries a summary gets its page fetched through the guarded client and archived, as
 * before. AWS SDK mocked; the page is served from 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { lambdaContext as context } from './handlerEnv';
import { articleQueueRecord } from '../../helpers/articleQueueRecord';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const PAGE = `<html><head><title>Acme Robotics Unveils a Robot</title></head><body><article>
<h1>Acme Robotics Unveils a Robot</h1>
<p>AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME) today unveiled a robot.</p>
<p>${'It picks mixed totes. '.repeat(20)}</p></article></body></html>`;

let server: http.Server;
let base = '';
const requested: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Set before the handler module loads (below): its settings are read at init.
  process.env.NEWSWIRE_FETCH_ALLOW_HOSTS = base.slice('http://'.length);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requested.length = 0;
  ddb.reset();
  s3.reset();
  ddb.onAnyCommand().resolves({});
  s3.on(PutObjectCommand).resolves({});
});

const record = (messageId: string, item: Record<string, unknown>): SQSRecord =>
  articleQueueRecord(
    messageId,
    JSON.stringify({
      feed: { id: 'f-feed1', url: `${base}/feed.rss` },
      wire: 'PR Newswire',
      feedKey: null,
      item: {
        guid: null,
        title: 'Acme Robotics Unveils a Robot',
        summary: null,
        contentHtml: null,
        publishedAt: '2025-03-03T14:00:00.000Z',
        author: null,
        categories: [],
        itemHash: `ih-${messageId}`,
        ...item,
      },
    }),
  );

/** Ids of the releases written to the Articles table (any write command naming the table and an item id). */
function articleWrites(): string[] {
  return ddb
    .calls()
    .map((c) => JSON.stringify((c.args[0] as { input: unknown }).input))
    .filter((s) => s.includes('"TableName":"articles"') && /"(Put|Item)"/.test(s))
    .map((s) => /"id":"(i-[a-z]+)"/.exec(s)?.[1] ?? '?');
}

async function run(records: SQSRecord[]) {
  const { handler } = await import('../../../lambdas/handlers/processArticle.js');
  return handler({ Records: records } as SQSEvent, context);
}

test('a feed item carrying the whole release is stored with nothing fetched and nothing archived', async () => {
  // GIVEN a message whose item holds the release itself (more than FULL_CONTENT_MIN_CHARS)
  const whole = record('m-whole', {
    id: 'i-whole',
    link: `${base}/news/whole.html`,
    contentHtml: `<p>AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME) today unveiled a robot. ${'It picks mixed totes. '.repeat(40)}</p>`,
  });
  // WHEN process-article handles it
  await expect(run([whole])).resolves.toEqual({ batchItemFailures: [] });
  // THEN the release was written, the page was not requested and S3 was not called
  expect(articleWrites()).toEqual(['i-whole']);
  expect(requested).toEqual([]);
  expect(s3.calls()).toHaveLength(0);
});

test('a feed item with a summary only gets its page fetched by the client made then, and archived', async () => {
  // GIVEN a message whose item has a link and no release text
  const summary = record('m-page', { id: 'i-page', link: `${base}/news/page.html`, summary: 'Acme unveils a robot.' });
  // WHEN process-article handles it
  await expect(run([summary])).resolves.toEqual({ batchItemFailures: [] });
  // THEN the page was fetched once and its bytes archived (gzipped) in the function's bucket under an article key
  expect(requested).toEqual(['/news/page.html']);
  expect(articleWrites()).toEqual(['i-page']);
  const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
  expect(puts).toHaveLength(1);
  expect(puts[0]).toMatchObject({ Bucket: 'raw', Key: expect.stringMatching(/^articles\/i-page\//) });
  expect(gunzipSync(puts[0]!.Body as Uint8Array).toString('utf8')).toBe(PAGE);
});
