/**
 * Each Lambda's module must initialize with exactly the environment its function gets from the
 * stack: least-privilege wiring gives a function only the settings of the resources it may touch,
 * and a handler that reads one more would crash at every cold start in AWS.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildNewswireApp, type NewswireApp } from '../../lib/app';
import type { NewswireFunction } from '../../lib/constructs/newswireFunction';
import { logicalId, TEST_CONTEXT } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

// GIVEN the app built once from the test context
let built: NewswireApp;
let template: Template;
beforeAll(() => {
  built = buildNewswireApp(TEST_CONTEXT);
  template = Template.fromStack(built.ingest);
});

/** The environment variable names the stack sets on a function. */
function envOf(fn: NewswireFunction): string[] {
  const resource = template.findResources('AWS::Lambda::Function')[logicalId(fn.fn)];
  return Object.keys(resource?.Properties?.Environment?.Variables ?? {});
}

/** A function's process environment with only these settings (dummy values) and the SDK's region and keys. */
function coldStartEnv(keys: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    POWERTOOLS_TRACE_ENABLED: 'false',
  };
  for (const k of keys) env[k] = k.endsWith('_URL') ? 'https://sqs.us-east-1.amazonaws.com/123456789012/q' : '1000';
  return env;
}

/** Loads a handler module in a fresh process with only these variables set (dummy values); returns stderr or ''. */
function coldStart(entry: string, keys: string[]): string {
  const env = coldStartEnv(keys);
  try {
    execFileSync(process.execPath, ['-e', `require('tsx/cjs'); require(${JSON.stringify(path.join(ROOT, entry))});`], {
      cwd: ROOT,
      env,
      stdio: 'pipe',
      timeout: 30_000,
    });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

const handlers: [string, () => NewswireFunction, string][] = [
  ['dispatch', () => built.ingest.dispatch, 'lambdas/handlers/dispatch.ts'],
  ['poll-feed', () => built.ingest.poll.fn, 'lambdas/handlers/pollFeed.ts'],
  ['process-article', () => built.ingest.articles.fn, 'lambdas/handlers/processArticle.ts'],
  ['overflow sweep', () => built.ingest.sweep, 'lambdas/handlers/sweepOverflow.ts'],
  ['silent-feed check', () => built.ingest.silentFeedCheck.fn, 'lambdas/handlers/checkSilentFeeds.ts'],
];

test.each(handlers)('%s initializes with exactly the environment the stack gives it', (_name, fn, entry) => {
  // WHEN the handler module is loaded as at a cold start
  const keys = envOf(fn());
  expect(keys.length).toBeGreaterThan(0);
  // THEN it starts
  expect(coldStart(entry, keys)).toBe('');
});

test('a handler missing a setting it needs fails at cold start, naming the variable', () => {
  const keys = envOf(built.ingest.dispatch).filter((k) => k !== 'POLL_QUEUE_URL');
  expect(coldStart('lambdas/handlers/dispatch.ts', keys)).toContain('POLL_QUEUE_URL is not set');
});

/** Which of these paths a handler module has loaded once it initialized (fresh process, its stack environment). */
function loadedAtColdStart(entry: string, keys: string[], paths: string[]): Record<string, boolean> {
  const env = coldStartEnv(keys);
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `require('tsx/cjs'); require(${JSON.stringify(path.join(ROOT, entry))}); const ks = Object.keys(require.cache); console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(paths)}.map((p) => [p, ks.some((k) => k.includes(p))]))));`,
    ],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, boolean>;
}

test('poll-feed loads its feed reader at the first body it reads, not at its cold start; process-article at its cold start', () => {
  // GIVEN the feed reader's modules: rss-parser and its XML parser, and the item HTML reading
  const reader = [
    '/lambdas/pipeline/readFeed.ts',
    '/node_modules/rss-parser/',
    '/node_modules/xml2js/',
    '/node_modules/htmlparser2/',
  ];
  // WHEN each handler module is loaded as at a cold start
  const poll = loadedAtColdStart('lambdas/handlers/pollFeed.ts', envOf(built.ingest.poll.fn), reader);
  const article = loadedAtColdStart('lambdas/handlers/processArticle.ts', envOf(built.ingest.articles.fn), [
    '/node_modules/htmlparser2/',
  ]);
  // THEN poll-feed, whose common poll is a 304 with no body, has loaded none of them; process-article,
  // which parses every release it fetches, has its HTML reading
  expect(poll).toEqual(Object.fromEntries(reader.map((p) => [p, false])));
  expect(article).toEqual({ '/node_modules/htmlparser2/': true });
});

test('process-article loads its HTTP client and the S3 client at the first release page it fetches, not at its cold start', () => {
  // GIVEN the modules of the page fetch (undici, the guarded client) and of the raw archive (S3)
  const fetching = ['/node_modules/undici/', '/lambdas/adapters/http/httpClient.ts', '/@aws-sdk/client-s3/'];
  // WHEN the handler module is loaded as at a cold start
  const article = loadedAtColdStart('lambdas/handlers/processArticle.ts', envOf(built.ingest.articles.fn), [
    ...fetching,
    '/@aws-sdk/client-dynamodb/',
  ]);
  // THEN it has its DynamoDB client, which every message writes with, and none of them: a message whose
  // feed item carries the whole release fetches and archives nothing (processArticleFirstFetch.test.ts)
  expect(article).toEqual({
    ...Object.fromEntries(fetching.map((p) => [p, false])),
    '/@aws-sdk/client-dynamodb/': true,
  });
});
