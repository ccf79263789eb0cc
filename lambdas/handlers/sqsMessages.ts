/** Parses SQS message bodies into pipeline messages; a body that is not one is a named, non-retryable error. */
import { z } from 'zod';
import { NewswireError } from '../core/errors';
import type { PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';
import type { ReprocessArticleMessage } from '../pipeline/reprocess';

const pollMessage = z.object({ feedId: z.string().min(1), dispatchedAt: z.string() });
const articleMessage = z.object({
  feed: z.object({ id: z.string(), url: z.string() }),
  wire: z.string().nullable(),
  feedKey: z.string().nullable(),
  omitted: z
    .object({
      fields: z.array(
        z.enum(['guid', 'link', 'title', 'summary', 'contentHtml', 'publishedAt', 'author', 'categories']),
      ),
      contentType: z.string().nullable(),
      url: z.string().nullable(),
    })
    .optional(),
  item: z.object({
    id: z.string().min(1),
    guid: z.string().nullable(),
    link: z.string().nullable(),
    title: z.string().nullable(),
    summary: z.string().nullable(),
    contentHtml: z.string().nullable(),
    publishedAt: z.string().nullable(),
    author: z.string().nullable(),
    categories: z.array(z.string()),
    itemHash: z.string(),
  }),
});

/** `newswire reprocess --via-queue`: parse the stored release again from the raw archive, fetch nothing. */
const reprocessMessage = z.object({ reprocess: z.object({ id: z.string().min(1) }) });

function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new NewswireError('MESSAGE_INVALID', 'message body is not JSON', false);
  }
}

function parse<T>(schema: z.ZodType<T>, body: string, parsed: unknown = json(body)): T {
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
