import type { Command } from 'commander';
import { describeError } from '../../lambdas/core/errors';
import type { FeedFormat, ParsedFeed } from '../../lambdas/core/feed/types';
import { FETCH_DEFAULTS } from '../../lambdas/adapters/http/fetchDefaults';
import { DEFAULT_MAX_INPUT_BYTES, InputError, maxInputOption, readTextInput } from './readInput';
import { hostPortList } from './hostPort';
import { httpUrlArg } from './shared';

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

/**
 * Reads one saved feed file (`-`: standard input; gzip-compressed files, such as the raw archive's
 * `.xml.gz`, are decompressed), at most maxBytes read and decompressed; never throws. An empty or
 * binary file is an error (INPUT_EMPTY, INPUT_BINARY), and so is a larger one (INPUT_TOO_LARGE).
 */
export async function readFeedFile(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Promise<FeedReadOutput> {
  let text: string;
  try {
    text = (await readTextInput(file, { maxBytes, gzip: true })).decoded.text;
  } catch (err) {
    const code = err instanceof InputError ? err.code : 'FILE_UNREADABLE';
    return { file, ok: false, error: { code, message: (err as Error).message } };
  }
  try {
    const { parseFeed } = await import('../../lambdas/core/feed/parseFeed.js');
    return { file, ...success(await parseFeed(text)) };
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
    .addOption(maxInputOption())
    .action(async (files: string[], opts: { maxInputBytes: number }) => {
      for (const file of files) {
        const out = await readFeedFile(file, opts.maxInputBytes);
        process.stdout.write(JSON.stringify(out) + '\n');
        if (!out.ok) process.exitCode = 1;
      }
    });

  feed
    .command('fetch')
    .description(
      'fetch one feed through the pipeline HTTP client (timeouts, size cap, redirect checks, private-address guard) and print it as `feed parse` does',
    )
    .argument('<url>', 'feed URL (http or https, no user:password@)', httpUrlArg)
    .option(
      '--allow-host <host:port>',
      'let the address guard through for this host:port (a local test server): the URL given and redirects ' +
        'as long as every hop is to an allowed host, NOT a redirect from another host into it; repeatable',
      hostPortList('--allow-host'),
      [] as string[],
    )
    .option(
      '--allow-host-redirects <host:port>',
      'like --allow-host, and also when a redirect from any other host leads there; repeatable',
      hostPortList('--allow-host-redirects'),
      [] as string[],
    )
    .option('--user-agent <ua>', 'User-Agent to send', FETCH_DEFAULTS.userAgent)
    .action(async (url: string, opts: { allowHost: string[]; allowHostRedirects: string[]; userAgent: string }) => {
      const [{ UndiciHttpClient }, { decodeBody }, { parseFeed }] = await Promise.all([
        import('../../lambdas/adapters/http/httpClient.js'),
        import('../../lambdas/core/feed/decode.js'),
        import('../../lambdas/core/feed/parseFeed.js'),
      ]);
      const http = new UndiciHttpClient({
        userAgent: opts.userAgent,
        allowHosts: opts.allowHost,
        allowHostsViaRedirect: opts.allowHostRedirects,
      });
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
