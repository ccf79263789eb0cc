import { FETCH_DEFAULTS, FETCH_ENV, fetchEnvironment } from '../../../lambdas/adapters/http/fetchDefaults';
import { DEFAULT_MAX_REQUESTS_PER_HOST, ENV } from '../../../lambdas/adapters/dynamodb/tableDesign';
import { MAX_ITEMS_PER_POLL_ENV, readEnv } from '../../../lambdas/handlers/env';

describe('readEnv: fetch settings', () => {
  it('fills every fetch setting with its default when the function is given none', () => {
    expect(readEnv({}).fetch).toEqual(FETCH_DEFAULTS);
    expect(FETCH_DEFAULTS.maxBytes).toBe(15 * 1024 * 1024);
  });

  it('reads what the stack sets: the round trip through fetchEnvironment is exact', () => {
    const settings = {
      userAgent: 'newswire-ingest/0.1 (+mailto:ops@example.com)',
      connectTimeoutMs: 2_000,
      headersTimeoutMs: 4_000,
      bodyIdleTimeoutMs: 3_000,
      totalTimeoutMs: 20_000,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 3,
      perHostConcurrency: 4,
      allowHosts: ['127.0.0.1:47615', '[::1]:8080'],
    };
    expect(readEnv(fetchEnvironment(settings)).fetch).toEqual(settings);
  });

  it.each([
    [FETCH_ENV.maxBytes, 'ten megabytes'],
    [FETCH_ENV.perHostConcurrency, '0'],
    [FETCH_ENV.connectTimeoutMs, '-5'],
    [FETCH_ENV.allowHosts, 'localhost'],
  ])('fails fast, naming the variable, on %s=%p', (key, value) => {
    expect(() => readEnv({ [key]: value })).toThrow(key);
  });
});

describe('readEnv: items per poll', () => {
  it("is the pipeline's default (500) unless MAX_ITEMS_PER_POLL says otherwise, and must be a positive integer", () => {
    expect(MAX_ITEMS_PER_POLL_ENV).toBe('MAX_ITEMS_PER_POLL');
    // Unset here: pollFeed applies DEFAULT_MAX_ITEMS_PER_POLL (500, pinned in tests/unit/pipeline/pollFeed.test.ts).
    expect(readEnv({}).maxItemsPerPoll).toBeUndefined();
    expect(readEnv({ MAX_ITEMS_PER_POLL: '50' }).maxItemsPerPoll).toBe(50);
    for (const bad of ['0', '-1', '2.5', 'many']) {
      expect(() => readEnv({ MAX_ITEMS_PER_POLL: bad })).toThrow('MAX_ITEMS_PER_POLL');
    }
  });
});

describe('readEnv: politeness settings', () => {
  it('reads the fleet-wide per-host limit and the dispatch period, with defaults, and refuses a limit below 1', () => {
    expect(readEnv({})).toMatchObject({ maxRequestsPerHost: DEFAULT_MAX_REQUESTS_PER_HOST, schedulePeriodSeconds: 0 });
    expect(readEnv({ [ENV.maxRequestsPerHost]: '3', [ENV.schedulePeriodSeconds]: '900' })).toMatchObject({
      maxRequestsPerHost: 3,
      schedulePeriodSeconds: 900,
    });
    expect(() => readEnv({ [ENV.maxRequestsPerHost]: '0' })).toThrow(ENV.maxRequestsPerHost);
  });
});
