/**
 * Use-case: turn one feed item into one stored record. Fetch the release page (unless the feed
 * carried the full release), archive the raw bytes, parse, validate, and write exactly once.
 * Every failure throws: the queue retries the message and parks it in its DLQ if it persists —
 * a record is either stored whole and valid, or not at all.
 */
import { articleArchiveKey } from '../core/archiveKeys';
import { contentHash } from '../core/buildRecord';
import { decodeBody } from '../core/feed/decode';
import { sha256Hex } from '../core/ids';
import { isDegraded } from '../core/record';
import { restoreOmittedFields } from './articleMessage';
import type { ArticleStore, Clock, HttpClient, Log, ProcessArticleMessage, RawArchive, SaveOutcome } from './ports';
import { keepsStoredRevision, recordFromContent, type ParseFn } from './releaseRecord';

export interface ProcessArticleDeps {
  articles: ArticleStore;
  archive: RawArchive;
  http: HttpClient;
  clock: Clock;
  log: Log;
  /** The parser (default: `parseRelease`, which never throws and marks a failed parse degraded). */
  parse?: ParseFn;
}
export interface ProcessArticleResult {
  id: string;
  /** `kept-stored`: the parse was degraded and a stored revision that is not was kept as it is. */
  outcome: SaveOutcome | 'kept-stored';
  revision: number;
}

/** Feed content shorter than this is a summary, not the release: fetch the page. */
const FULL_CONTENT_MIN_CHARS = 600;

export async function processArticle(
  deps: ProcessArticleDeps,
  msg: ProcessArticleMessage,
): Promise<ProcessArticleResult> {
  const item = await restoreOmittedFields(deps, msg);
  const fetchedAt = deps.clock.now().toISOString();
  let content: string;
  let url: string | null = item.link;
  let articleKey: string | null = null;
  let sha256: string | null = null;

  if (item.link && !(item.contentHtml && item.contentHtml.length >= FULL_CONTENT_MIN_CHARS)) {
    const page = await deps.http.fetch(item.link, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
    sha256 = sha256Hex(page.body);
    articleKey = articleArchiveKey(item.id, sha256);
    await deps.archive.put(articleKey, page.body, page.headers['content-type'] ?? 'text/html');
    content = decodeBody(page.body, page.headers['content-type']).text;
    url = page.url;
  } else {
    // The feed carried the whole release: its bytes are already archived with the feed body.
    content = item.contentHtml ?? item.summary ?? '';
  }

  const record = recordFromContent(
    deps.parse,
    { content, url },
    { feed: msg.feed, item, url, raw: { feedKey: msg.feedKey, articleKey, sha256 }, fetchedAt },
  );
  if (isDegraded(record)) {
    // A degraded parse never replaces a stored revision parsed properly. Reprocessing with a fixed parser will.
    const stored = await deps.articles.get(record.id);
    if (stored && keepsStoredRevision(record, stored)) {
      deps.log.warn('degraded parse not stored: the stored revision is kept', {
        id: record.id,
        storedRevision: stored.revision,
        warnings: record.warnings,
        feedId: msg.feed.id,
        url: record.url,
        articleKey,
      });
      return { id: record.id, outcome: 'kept-stored', revision: stored.revision };
    }
  }
  const saved = await deps.articles.save(record, { contentHash: contentHash(record), itemHash: item.itemHash });
  deps.log.info('release stored', {
    id: record.id,
    outcome: saved.outcome,
    revision: saved.revision,
    feedId: msg.feed.id,
    url: record.url,
    articleKey,
    ...(record.warnings.length ? { warnings: record.warnings } : {}),
  });
  return { id: record.id, outcome: saved.outcome, revision: saved.revision };
}
