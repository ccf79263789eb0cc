import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { describeError } from '../../lambdas/core/errors';
import { decodeBody } from '../../lambdas/core/feed/decode';
import { parseFeed } from '../../lambdas/core/feed/parseFeed';
import type { FeedFormat, ParsedFeed } from '../../lambdas/core/feed/types';
import { FETCH_DEFAULTS } from '../../lambdas/adapters/http/fetchDefaults';
import { UndiciHttpClient } from '../../lambdas/adapters/http/httpClient';

/** What `feed parse` prints per file and `feed fetch` per URL (with `url` in place of `file`). */
export type FeedReadOutput = ({ file: string } | { url: string }) &
  (
    | {
        ok: true;
        format: FeedFormat;
        title: string | null;
        items: {
          id: string;
          title: string | null;
          link: string | null;
          guid: string | null;
          publishedAt: string | null;
          summary: string | null;
          author: string | null;
          categories: string[];
        }[];
      }
    | { ok: false; error: { code: string; message: string } }
  );

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

function success(feed: ParsedFeed) {
  return {
    ok: true as const,
    format: feed.format,
    title: feed.title,
    items: feed.items.map((i) => ({
      id: i.id,
      title: i.title,
      link: i.link,
      guid: i.guid,
      publishedAt: i.publishedAt,
      summary: i.summary,
      author: i.author,
      categories: i.categories,
    })),
  };
}

function failure(err: unknown) {
  const { code, message } = describeError(err);
  return { ok: false as const, error: { code, message } };
}

/** Cap on a gunzipped file: well above any feed, far below a decompression bomb. */
const MAX_GUNZIPPED_BYTES = 64 * 1024 * 1024;

/**
 * Reads one saved feed file (`-`: standard input; gzip-compressed files, such as the raw archive's
 * `.xml.gz`, are decompressed); never throws.
 */
export async function readFeedFile(file: string): Promise<FeedReadOutput> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    return { file, ok: false, error: { code: 'FILE_UNREADABLE', message: (err as Error).message } };
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED_BYTES });
    } catch (err) {
      return { file, ok: false, error: { code: 'FILE_UNREADABLE', message: `gzip: ${(err as Error).message}` } };
    }
  }
  try {
    return { file, ...success(await parseFeed(decodeBody(bytes).text)) };
  } catch (err) {
    return { file, ...failure(err) };
  }
}

/** Registers `newswire feed parse` and `newswire feed fetch`. */
export function registerFeedCommand(program: Command): void {
  const feed = program
    .command('feed')
    .description('read one feed without storing anything: saved files (no network) or one live URL');

  feed
    .command('parse')
    .description(
      'read saved feed files (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) and print one JSON object per file; exit 1 if any failed',
    )
    .argument('<files...>', "feed files, plain or gzip-compressed ('-' reads standard input)")
    .action(async (files: string[]) => {
      for (const file of files) {
        const out = await readFeedFile(file);
        process.stdout.write(JSON.stringify(out) + '\n');
        if (!out.ok) process.exitCode = 1;
      }
    });

  feed
    .command('fetch')
    .description(
      'fetch one feed through the pipeline HTTP client (timeouts, size cap, redirect checks, private-address guard) and print it as `feed parse` does',
    )
    .argument('<url>', 'feed URL (http or https)')
    .option(
      '--allow-host <host:port>',
      'let the address guard through for this host:port (a local test server); repeatable',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--user-agent <ua>', 'User-Agent to send', FETCH_DEFAULTS.userAgent)
    .action(async (url: string, opts: { allowHost: string[]; userAgent: string }) => {
      const http = new UndiciHttpClient({ userAgent: opts.userAgent, allowHosts: opts.allowHost });
      let out: FeedReadOutput;
      try {
        const res = await http.fetch(url, { accept: FEED_ACCEPT });
        const text = decodeBody(res.body, res.headers['content-type']).text;
        out = { url, ...success(await parseFeed(text, { baseUrl: res.url })) };
      } catch (err) {
        out = { url, ...failure(err) };
      } finally {
        await http.close();
      }
      process.stdout.write(JSON.stringify(out) + '\n');
      if (!out.ok) process.exitCode = 1;
    });
}
