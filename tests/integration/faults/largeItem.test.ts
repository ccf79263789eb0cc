/**
 * A feed item far larger than an SQS message (400 KiB of content:encoded): poll-feed sends a
 * message under the limit, and process-article, through the real local runtime (dynalite, folder
 * archive), stores the whole release from the archived feed — the same record as if the message
 * had carried everything.
 */
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { parseArticleMessage } from '../../../lambdas/handlers/sqsMessages';
import { MAX_ARTICLE_MESSAGE_BYTES, restoreOmittedFields } from '../../../lambdas/pipeline/articleMessage';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { MessageSink, ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { processArticle } from '../../../lambdas/pipeline/processArticle';
import { registerFeeds } from '../../../lambdas/pipeline/registerFeeds';
import { startFaultServer, type FaultServer } from '../../helpers/faultServer';

jest.setTimeout(30_000);

const SQS_LIMIT = 256 * 1024;

/** A sink that keeps the messages as SQS would carry them: serialized bodies. */
class BodySink implements MessageSink<ProcessArticleMessage> {
  readonly bodies: string[] = [];
  async send(messages: ProcessArticleMessage[]) {
    for (const m of messages) this.bodies.push(JSON.stringify(m));
  }
}

let server: FaultServer;
let rt: LocalRuntime;

beforeAll(async () => {
  server = await startFaultServer({ itemsPerFeed: 2, hugeItemBytes: 400 * 1024 });
  server.setFault('huge', 'huge-item');
  rt = await openLocalRuntime({ dataDir: null, log: consoleLog('silent'), allowHosts: [server.host] });
});

afterAll(async () => {
  await rt?.close();
  await server?.close();
});

test('a 400 KiB item travels in a message under the SQS limit and is stored whole', async () => {
  const { ids } = await registerFeeds(rt, [{ url: server.feedUrl('huge'), name: 'huge' }]);
  const articleQueue = new BodySink();
  const res = await pollFeed({ ...rt, articleQueue }, { feedId: ids[0]!, dispatchedAt: new Date().toISOString() });
  expect(res).toMatchObject({ status: 'fetched', queued: 2 });

  const sizes = articleQueue.bodies.map((b) => Buffer.byteLength(b));
  expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ARTICLE_MESSAGE_BYTES);
  expect(Math.max(...sizes)).toBeLessThan(SQS_LIMIT);
  const messages = articleQueue.bodies.map(parseArticleMessage);
  const huge = messages.find((m) => m.omitted)!;
  expect(huge.omitted?.fields).toEqual(['contentHtml']);
  expect(huge.item.contentHtml).toBeNull();

  for (const m of messages) await processArticle(rt, m);
  const record = (await rt.articles.get(huge.item.id))!;
  expect(record.body.text.length).toBeGreaterThan(350 * 1024);
  // The body runs to the last paragraph of the release, not to where a message would have cut it.
  const original = (await restoreOmittedFields(rt, huge)).contentHtml!;
  const lastParagraph = Math.max(...[...original.matchAll(/Paragraph (\d+) of/g)].map((x) => Number(x[1])));
  expect(lastParagraph).toBeGreaterThan(2000);
  expect(record.body.paragraphs.at(-1)).toMatch(new RegExp(`^Paragraph ${lastParagraph} of`));
  expect(record.source).toBe('huge Instruments');
  // No page was fetched: the feed carried the release, and it came back from the archive.
  expect(server.totals().requests).toBe(1);

  // The same item from a message that carried everything gives the same stored record.
  const untrimmed: ProcessArticleMessage = {
    ...huge,
    omitted: undefined,
    item: { ...huge.item, contentHtml: original },
  };
  expect((await processArticle(rt, untrimmed)).outcome).toBe('unchanged');
});
