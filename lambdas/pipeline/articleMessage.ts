/**
 * Article messages that fit the queue. SQS refuses a message over 256 KiB, and a feed item can
 * carry a whole release (content:encoded) or worse. When a message would pass the budget, poll-feed
 * leaves out the largest item fields, in a fixed order, and says which; process-article puts them
 * back from the feed body already in the raw archive (feedKey), read the same way poll-feed read it.
 */
import { NewswireError } from '../core/errors';
import type { FeedItem } from '../core/feed/types';
import type { OmittableItemField, ProcessArticleMessage, RawArchive } from './ports';

/** Bytes of JSON an article message may take: SQS's 256 KiB limit less room for the envelope. */
export const MAX_ARTICLE_MESSAGE_BYTES = 200 * 1024;

/** Left out first to last until the message fits; id and itemHash always stay. */
const OMIT_ORDER: readonly OmittableItemField[] = [
  'contentHtml',
  'summary',
  'categories',
  'title',
  'author',
  'guid',
  'link',
  'publishedAt',
];

const jsonBytes = (m: unknown) => Buffer.byteLength(JSON.stringify(m), 'utf8');

/**
 * The message as is when it fits maxBytes; otherwise a copy without the largest fields, listed in
 * `omitted` with what process-article needs to read them again from the archived feed.
 */
export function fitArticleMessage(
  msg: ProcessArticleMessage,
  feedBody: { contentType: string | null; url: string | null },
  maxBytes = MAX_ARTICLE_MESSAGE_BYTES,
): ProcessArticleMessage {
  if (jsonBytes(msg) <= maxBytes || msg.feedKey === null) return msg;
  const item: FeedItem = { ...msg.item };
  const fields: OmittableItemField[] = [];
  const fitted: ProcessArticleMessage = {
    ...msg,
    item,
    omitted: { fields, contentType: feedBody.contentType, url: feedBody.url },
  };
  for (const field of OMIT_ORDER) {
    if (field === 'categories') item.categories = [];
    else item[field] = null;
    fields.push(field);
    if (jsonBytes(fitted) <= maxBytes) break;
  }
  return fitted;
}

/** The item of the message, its omitted fields read back from the archived feed body. */
export async function restoreOmittedFields(
  deps: { archive: RawArchive },
  msg: ProcessArticleMessage,
): Promise<FeedItem> {
  const omitted = msg.omitted;
  if (!omitted || omitted.fields.length === 0) return msg.item;
  const key = msg.feedKey;
  const body = key ? await deps.archive.get(key) : null;
  if (!key || !body) {
    // The archive write happened before the message was sent: a miss is a storage fault, retried.
    throw new NewswireError('ARCHIVE_MISSING', `item ${msg.item.id}: archived feed ${key ?? '(none)'} not found`, true);
  }
  // Loaded here, not at the top: only an oversized message needs the feed reader (rss-parser, xml2js),
  // and process-article's cold start is spared it (poll-feed imports it anyway).
  const { readFeed } = await import('./readFeed.js');
  const feed = await readFeed({ body, contentType: omitted.contentType, url: omitted.url });
  // By item hash: the message's id may be a stored release's (poll-feed's GUID alias), not the parsed one.
  const original = feed.items.find((i) => i.itemHash === msg.item.itemHash);
  if (!original) {
    throw new NewswireError(
      'ITEM_NOT_IN_ARCHIVE',
      `item ${msg.item.id} not found again in archived feed ${key}`,
      false,
    );
  }
  const item: FeedItem = { ...msg.item };
  for (const field of omitted.fields) {
    if (field === 'categories') item.categories = original.categories;
    else item[field] = original[field];
  }
  return item;
}
