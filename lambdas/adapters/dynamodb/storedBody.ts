/**
 * How a record's `body` is stored on its release item: `body.text` is derived — the paragraphs joined
 * by a blank line (record-schema.md) — so the item keeps `{paragraphs, wordCount}` and reads rebuild
 * `text`. It is about half of a release item (most of the rest is the paragraphs it repeats), and a
 * release item is charged one write unit per started KB on every write.
 *
 * A body whose text is not exactly its paragraphs joined (none the parser builds today) keeps its
 * text, and so do items written before this encoding: a body with `text` reads as it is stored.
 * The text is not compressed: `aws dynamodb get-item` users still read the paragraphs as plain text.
 */
import type { Body } from '../../core/record';

/** What `body.text` is rebuilt from: the paragraphs joined by a blank line. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** A body as a release item stores it: `text` only when it is not derivable from the paragraphs. */
export type StoredBody = Omit<Body, 'text'> & { text?: string };

/** The body to store: without `text` when reading can rebuild it exactly. */
export function storedBody(body: Body): StoredBody {
  if (body.text === body.paragraphs.join(PARAGRAPH_SEPARATOR)) {
    return { paragraphs: body.paragraphs, wordCount: body.wordCount };
  }
  return body;
}

/**
 * The record's body from a stored one (compact or written with its text), fields in contract order;
 * anything that is not a stored body object (null on a malformed item) is returned as it is.
 */
export function bodyOfStored(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const stored = value as Partial<StoredBody>;
  const paragraphs = Array.isArray(stored.paragraphs) ? stored.paragraphs : [];
  const text = typeof stored.text === 'string' ? stored.text : paragraphs.join(PARAGRAPH_SEPARATOR);
  return { text, paragraphs, wordCount: stored.wordCount } satisfies Partial<Body>;
}
