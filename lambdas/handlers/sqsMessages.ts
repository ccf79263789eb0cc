/** Parses SQS message bodies into pipeline messages; a body that is not one is a named, non-retryable error. */
import { z } from 'zod';
import { NewswireError } from '../core/errors';
import type { PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';

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

function parse<T>(schema: z.ZodType<T>, body: string): T {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new NewswireError('MESSAGE_INVALID', 'message body is not JSON', false);
  }
  const res = schema.safeParse(json);
  if (!res.success) throw new NewswireError('MESSAGE_INVALID', `message body: ${res.error.issues[0]?.message}`, false);
  return res.data;
}

export const parsePollMessage = (body: string): PollFeedMessage => parse(pollMessage, body);
export const parseArticleMessage = (body: string): ProcessArticleMessage => parse(articleMessage, body);
