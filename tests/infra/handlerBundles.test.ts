/**
 * What each Lambda bundle is made of, read from esbuild's metafile: every function bundled in memory
 * with the very options its NewswireFunction gives CDK (as `npm run bench:bundle` does). A module a
 * function must not carry (a tracer it does not use, the parser in a function that parses nothing,
 * classic zod, an SDK client or credential provider it never calls) fails here by name, before it shows as bytes and
 * cold-start milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTEXT_KEYS } from '../../lib/config';
import { build } from 'esbuild';
import {
  appFunctions,
  bundleAll,
  bundleInMemory,
  esbuildOptionsOf,
  lambdaLikeEnv,
  MAX_BUNDLE_BYTES,
  type FunctionEntry,
} from '../../scripts/bench/bundle';
import { TEST_CONTEXT } from './helpers';

type Bundle = { bytes: number; inputs: string[] };

/** The packages a bundle holds (`node_modules/a/...` → `a`, `node_modules/@s/b/...` → `@s/b`, nested too). */
function packagesOf(b: Bundle): Set<string> {
  const out = new Set<string>();
  for (const input of b.inputs) {
    for (const part of input.split('node_modules/').slice(1)) {
      const seg = part.split('/');
      out.add(seg[0]!.startsWith('@') ? `${seg[0]}/${seg[1]}` : seg[0]!);
    }
  }
  return out;
}

// GIVEN every function of the app (tracing off, the default) and one function that traces, bundled once
const bundles = new Map<string, Bundle>();
let functions: FunctionEntry[];
let tracedDispatch: Bundle;
beforeAll(async () => {
  functions = appFunctions(TEST_CONTEXT);
  for (const f of functions) bundles.set(f.name, await bundleInMemory(f));
  const traced = appFunctions({ ...TEST_CONTEXT, [CONTEXT_KEYS.tracing]: 'active' });
  tracedDispatch = await bundleInMemory(traced.find((f) => f.name === 'Dispatch')!);
}, 60_000);

const bundleOf = (name: string): Bundle => {
  const b = bundles.get(name);
  if (!b) throw new Error(`no function ${name} (have ${[...bundles.keys()].join(', ')})`);
  return b;
};

test('the five functions are found and each bundle is at most 1 MB', () => {
  expect([...bundles.keys()].sort()).toEqual(
    ['Dispatch', 'OverflowSweep', 'PollFeed/Handler', 'ProcessArticle/Handler', 'SilentFeedCheck/Handler'].sort(),
  );
  for (const [name, b] of bundles)
    expect({ name, bytes: b.bytes, over: b.bytes > MAX_BUNDLE_BYTES }).toMatchObject({ over: false });
});

test("process-article keeps the parser's Unicode property escapes as regex literals, not a new RegExp per call", async () => {
  const f = functions.find((x) => x.name === 'ProcessArticle/Handler')!;
  const res = await build({
    ...esbuildOptionsOf(f.bundling, f.entry, path.join(os.tmpdir(), 'newswire-regex-check.js')),
    sourcemap: false,
    write: false,
  });
  const code = res.outputFiles.find((o) => o.path.endsWith('.js'))!.text;
  // The parser's rules hold such literals (\p{Lu}, \p{L}…): they must be in the bundle as written.
  expect(code).toMatch(/\/[^/\n]*\\p\{L/);
  expect(code.match(/new RegExp\("[^"]*\\\\p\{/g) ?? []).toEqual([]);
});

test('no bundle carries classic zod or iconv-lite', () => {
  for (const [name, b] of bundles) {
    const pkgs = [...packagesOf(b)];
    expect({ name, iconv: pkgs.includes('iconv-lite') }).toEqual({ name, iconv: false });
    expect({ name, classicZod: b.inputs.filter((i) => i.includes('node_modules/zod/v4/classic/')) }).toEqual({
      name,
      classicZod: [],
    });
  }
});

/** The SDK client packages each function that bundles the SDK uses (what its code calls), and no other. */
const SDK_CLIENTS: Record<string, string[]> = {
  Dispatch: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-sqs', '@aws-sdk/lib-dynamodb'],
  OverflowSweep: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3', '@aws-sdk/lib-dynamodb'],
  'SilentFeedCheck/Handler': ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
};
/** The credential chain a function never reaches in Lambda (the role's credentials are in its environment). */
const CREDENTIAL_CHAIN = [
  '@aws-sdk/credential-provider-node',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
  '@smithy/credential-provider-imds',
];

test.each(Object.keys(SDK_CLIENTS))(
  '%s bundles only the SDK clients it calls, from their ES module builds, with environment credentials only',
  (name) => {
    const b = bundleOf(name);
    const pkgs = [...packagesOf(b)];
    expect(pkgs.filter((p) => p.startsWith('@aws-sdk/client-') || p === '@aws-sdk/lib-dynamodb').sort()).toEqual(
      SDK_CLIENTS[name],
    );
    expect(pkgs.filter((p) => CREDENTIAL_CHAIN.includes(p))).toEqual([]);
    expect(pkgs).toContain('@aws-sdk/credential-provider-env');
    // Tree-shaken: a CommonJS build is the whole package (every command of the client).
    expect(b.inputs.filter((i) => /node_modules\/@(aws-sdk|smithy)\/[^/]+\/dist-cjs\//.test(i))).toEqual([]);
  },
);

test.each(['PollFeed/Handler', 'ProcessArticle/Handler'])(
  '%s leaves the AWS SDK to the Lambda runtime (its own code fills the 1 MB budget)',
  (name) => {
    const pkgs = [...packagesOf(bundleOf(name))];
    expect({ name, sdk: pkgs.filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/')) }).toEqual({
      name,
      sdk: [],
    });
  },
);

test('a function that does not trace has no tracer nor X-Ray SDK; one that traces has them', () => {
  for (const [name, b] of bundles) {
    const pkgs = packagesOf(b);
    expect({ name, tracer: pkgs.has('@aws-lambda-powertools/tracer'), xray: pkgs.has('aws-xray-sdk-core') }).toEqual({
      name,
      tracer: false,
      xray: false,
    });
  }
  const traced = packagesOf(tracedDispatch);
  expect(traced.has('@aws-lambda-powertools/tracer')).toBe(true);
  expect(traced.has('aws-xray-sdk-core')).toBe(true);
});

test.each(['Dispatch', 'OverflowSweep', 'SilentFeedCheck/Handler'])(
  '%s fetches and parses nothing: no HTTP client, feed reader or release parser',
  (name) => {
    const b = bundleOf(name);
    const pkgs = packagesOf(b);
    for (const p of ['undici', 'rss-parser', 'xml2js', 'htmlparser2', 'entities', 'css-select']) {
      expect({ name, pkg: p, bundled: pkgs.has(p) }).toEqual({ name, pkg: p, bundled: false });
    }
    expect(b.inputs.filter((i) => i.startsWith('lambdas/core/parser/'))).toEqual([]);
  },
);

test.each(['PollFeed/Handler', 'ProcessArticle/Handler'])(
  '%s carries one copy of entities (package.json overrides: rss-parser and dom-serializer share htmlparser2’s) in one build',
  (name) => {
    const inputs = bundleOf(name).inputs.filter((i) => /(^|\/)node_modules\/entities\//.test(i));
    const copies = new Set(inputs.map((i) => i.slice(0, i.lastIndexOf('node_modules/entities/'))));
    expect({ name, copies: [...copies] }).toEqual({ name, copies: [''] });
    // rss-parser's require() reaches the ES module build too (ENTITIES_ONE_BUILD), not the CommonJS one beside it.
    const builds = new Set(inputs.map((i) => /node_modules\/entities\/dist\/([^/]+)\//.exec(i)?.[1] ?? i));
    expect({ name, builds: [...builds] }).toEqual({ name, builds: ['esm'] });
  },
);

test('poll-feed reads feeds but builds no record: no record schema, no release-page parser entry', () => {
  const b = bundleOf('PollFeed/Handler');
  expect(packagesOf(b).has('rss-parser')).toBe(true);
  const notHere = ['lambdas/core/recordSchema.ts', 'lambdas/core/buildRecord.ts', 'lambdas/core/parser/index.ts'];
  expect(b.inputs.filter((i) => notHere.includes(i))).toEqual([]);
});

test('poll-feed and process-article load the S3 client at their first archive write, and the SQS client at their first send, not at a cold start', async () => {
  // GIVEN the two functions that archive, bundled to files as CDK bundles them
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newswire-bundles-test-'));
  try {
    const built = await bundleAll(
      functions.filter((f) => f.name === 'PollFeed/Handler' || f.name === 'ProcessArticle/Handler'),
      dir,
    );
    // The environment bench:bundle gives a function (every setting; the SDK from the project's copy).
    const env = lambdaLikeEnv('');
    // WHEN each bundle is required as at a cold start
    const loaded = built.map((b) => {
      const r = spawnSync(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(b.file)}); const has = (p) => Object.keys(require.cache).some((k) => k.includes(p)); console.log(has('/@aws-sdk/client-s3/'), has('/@aws-sdk/client-sqs/'))`,
        ],
        { env, encoding: 'utf8', timeout: 30_000 },
      );
      const [s3Loaded, sqsLoaded] = r.stdout.trim().split(' ');
      return { name: b.name, status: r.status, s3Loaded, sqsLoaded };
    });
    // THEN neither has loaded the S3 client (poll-feed archives only a feed that changed, process-article
    // only a release page it fetches) nor the SQS client (poll-feed queues only new items,
    // process-article only dead letters)
    expect(loaded).toEqual([
      { name: 'PollFeed/Handler', status: 0, s3Loaded: 'false', sqsLoaded: 'false' },
      { name: 'ProcessArticle/Handler', status: 0, s3Loaded: 'false', sqsLoaded: 'false' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
