/**
 * Parses SQS message bodies into pipeline messages; a body that is not one is a named, non-retryable error.
 * Zod Mini, as in env.ts: the same checks without classic zod's ~470 kB in the poll-feed bundle.
 */
import * as z from 'zod/mini';
import { NewswireError } from '../core/errors';
import type { PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';
import type { ReprocessArticleMessage } from '../pipeline/reprocess';

const nonEmpty = () => z.string().check(z.minLength(1));
const text = () => z.nullable(z.string());

const pollMessage = z.object({ feedId: nonEmpty(), dispatchedAt: z.string() });
const articleMessage = z.object({
  feed: z.object({ id: z.string(), url: z.string() }),
  wire: text(),
  feedKey: text(),
  omitted: z.optional(
    z.object({
      fields: z.array(
        z.enum(['guid', 'link', 'title', 'summary', 'contentHtml', 'publishedAt', 'author', 'categories']),
      ),
      contentType: text(),
      url: text(),
    }),
  ),
  item: z.object({
    id: nonEmpty(),
    guid: text(),
    link: text(),
    title: text(),
    summary: text(),
    contentHtml: text(),
    publishedAt: text(),
    author: text(),
    categories: z.array(z.string()),
    itemHash: z.string(),
  }),
});

/** `newswire reprocess --via-queue`: parse the stored release again from the raw archive, fetch nothing. */
const reprocessMessage = z.object({ reprocess: z.object({ id: nonEmpty() }) });

function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new NewswireError('MESSAGE_INVALID', 'message body is not JSON', false);
  }
}

function parse<T>(schema: z.ZodMiniType<T>, body: string, parsed: unknown = json(body)): T {
  const res = schema.safeParse(parsed);
  if (!res.success) throw new NewswireError('MESSAGE_INVALID', `message body: ${res.error.issues[0]?.message}`, false);
  return res.data;
}

export const parsePollMessage = (body: string): PollFeedMessage => parse(pollMessage, body);
export const parseArticleMessage = (body: string): ProcessArticleMessage => parse(articleMessage, body);

/** A body of the article queue: a feed item to process, or (`reprocess` key) a stored release to parse again. */
export function parseArticleQueueMessage(body: string): ProcessArticleMessage | ReprocessArticleMessage {
  const parsed = json(body);
  const isReprocess = typeof parsed === 'object' && parsed !== null && 'reprocess' in parsed;
  return isReprocess ? parse(reprocessMessage, body, parsed) : parse(articleMessage, body, parsed);
}
