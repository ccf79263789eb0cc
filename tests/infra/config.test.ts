import { feedId } from '../../lambdas/core/ids';
import { buildApp } from '../../lib/app';
import { CONFIG_DEFAULTS, CONTEXT_KEYS, ConfigError, loadConfig } from '../../lib/config';

/** A context source like an App's node, from a plain object. */
const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (key: string): unknown => values[key] });
const feed = { url: 'https://www.prnewswire.com/rss/news-releases-list.rss', name: 'PRN' };

describe('loadConfig', () => {
  test('applies the documented defaults when the context is empty', () => {
    // GIVEN no newswire:* keys WHEN loading THEN every default applies
    const config = loadConfig(ctx({}));
    expect(config).toEqual({
      stage: CONFIG_DEFAULTS.stage,
      scheduleMinutes: 15,
      rawRetentionDays: 0,
      logRetentionDays: 30,
      alarmEmail: undefined,
      removalPolicy: 'retain',
      feeds: [],
      userAgent: CONFIG_DEFAULTS.userAgent,
      fetchTimeoutMs: CONFIG_DEFAULTS.fetchTimeoutMs,
      fetchMaxBytes: CONFIG_DEFAULTS.fetchMaxBytes,
      fetchConnectTimeoutMs: CONFIG_DEFAULTS.fetchConnectTimeoutMs,
      fetchFirstByteTimeoutMs: CONFIG_DEFAULTS.fetchFirstByteTimeoutMs,
      fetchPerHostConcurrency: CONFIG_DEFAULTS.fetchPerHostConcurrency,
      maxRequestsPerHost: 4,
      maxItemsPerPoll: 500,
      queueAgeAlarmMinutes: 120,
      overflowSweepGraceDays: 2,
      stalledIntervals: 4,
      haywireFactor: 3,
      silentFeedHours: 24,
      tracing: 'off',
      alarms: 'essential',
      dashboard: false,
      kmsKey: false,
    });
  });

  test('cost opt-ins: alarms essential or full, dashboard and kmsKey true/false (also as -c strings), anything else named', () => {
    expect(loadConfig(ctx({ [CONTEXT_KEYS.alarms]: 'full' })).alarms).toBe('full');
    expect(() => loadConfig(ctx({ [CONTEXT_KEYS.alarms]: 'all' }))).toThrow(
      /"newswire:alarms" must be one of "essential", "full" \(got "all"\)/,
    );
    expect(loadConfig(ctx({ [CONTEXT_KEYS.dashboard]: 'true', [CONTEXT_KEYS.kmsKey]: true }))).toMatchObject({
      dashboard: true,
      kmsKey: true,
    });
    expect(() => loadConfig(ctx({ [CONTEXT_KEYS.dashboard]: 'yes' }))).toThrow(
      /"newswire:dashboard" must be true or false \(got "yes"\)/,
    );
  });

  test('tracing: off by default, active on request, anything else named in the error', () => {
    expect(loadConfig(ctx({ [CONTEXT_KEYS.tracing]: 'active' })).tracing).toBe('active');
    expect(loadConfig(ctx({ [CONTEXT_KEYS.tracing]: 'off' })).tracing).toBe('off');
    expect(() => loadConfig(ctx({ [CONTEXT_KEYS.tracing]: 'on' }))).toThrow(
      /"newswire:tracing" must be one of "off", "active" \(got "on"\)/,
    );
  });

  test('normalizes feeds: canonical URL, stable id from lambdas/core/ids, defaults for interval and enabled', () => {
    // GIVEN a feed with a tracking parameter and no interval WHEN loading
    const config = loadConfig(
      ctx({ [CONTEXT_KEYS.scheduleMinutes]: 10, [CONTEXT_KEYS.feeds]: [{ ...feed, url: `${feed.url}?utm_source=x` }] }),
    );
    // THEN the URL is canonical, the id is the pipeline's feedId, the interval follows the schedule
    expect(config.feeds).toEqual([
      { id: feedId(feed.url), url: feed.url, name: 'PRN', wire: null, pollIntervalMinutes: 10, enabled: true },
    ]);
    expect(config.feeds[0]?.id).toMatch(/^f-[0-9a-f]{16}$/);
  });

  test('accepts -c strings the CDK CLI passes (numbers, JSON feed list)', () => {
    const config = loadConfig(
      ctx({
        [CONTEXT_KEYS.scheduleMinutes]: '5',
        [CONTEXT_KEYS.logRetentionDays]: '90',
        [CONTEXT_KEYS.feeds]: JSON.stringify([feed]),
      }),
    );
    expect(config.scheduleMinutes).toBe(5);
    expect(config.logRetentionDays).toBe(90);
    expect(config.feeds).toHaveLength(1);
  });

  test('treats an empty alarmEmail (as in cdk.json) as "no subscription" and keeps a valid one', () => {
    expect(loadConfig(ctx({ [CONTEXT_KEYS.alarmEmail]: '' })).alarmEmail).toBeUndefined();
    expect(loadConfig(ctx({ [CONTEXT_KEYS.alarmEmail]: 'ops@example.com' })).alarmEmail).toBe('ops@example.com');
  });

  test.each([
    ['scheduleMinutes is 0', { [CONTEXT_KEYS.scheduleMinutes]: 0 }, /"newswire:scheduleMinutes".*got 0.*cdk\.json/s],
    [
      'scheduleMinutes is not a number',
      { [CONTEXT_KEYS.scheduleMinutes]: 'often' },
      /"newswire:scheduleMinutes".*"often"/s,
    ],
    ['scheduleMinutes is fractional', { [CONTEXT_KEYS.scheduleMinutes]: 2.5 }, /"newswire:scheduleMinutes"/],
    ['scheduleMinutes exceeds a day', { [CONTEXT_KEYS.scheduleMinutes]: 2000 }, /"newswire:scheduleMinutes"/],
    [
      'a feed URL is not http(s)',
      { [CONTEXT_KEYS.feeds]: [{ ...feed, url: 'ftp://example.com/feed' }] },
      /"newswire:feeds\[0\]\.url" must be an absolute http\(s\) URL/,
    ],
    [
      'a feed URL is not a URL',
      { [CONTEXT_KEYS.feeds]: [feed, { ...feed, url: 'prnewswire rss' }] },
      /"newswire:feeds\[1\]\.url".*"prnewswire rss"/s,
    ],
    ['a feed has no name', { [CONTEXT_KEYS.feeds]: [{ url: feed.url }] }, /"newswire:feeds\[0\]\.name"/],
    ['a feed has an unknown key', { [CONTEXT_KEYS.feeds]: [{ ...feed, pollInterval: 5 }] }, /"newswire:feeds\[0\]"/],
    [
      'two feeds are the same URL once canonicalized',
      { [CONTEXT_KEYS.feeds]: [feed, { ...feed, url: `${feed.url}#top` }] },
      /same feed as "newswire:feeds\[0\]"/,
    ],
    [
      'logRetentionDays is not a CloudWatch period',
      { [CONTEXT_KEYS.logRetentionDays]: 31 },
      /"newswire:logRetentionDays" must be one of/,
    ],
    ['rawRetentionDays is negative', { [CONTEXT_KEYS.rawRetentionDays]: -1 }, /"newswire:rawRetentionDays"/],
    ['the stage has characters unfit for a stack name', { [CONTEXT_KEYS.stage]: 'my_stage' }, /"newswire:stage"/],
    ['the alarm email is not an address', { [CONTEXT_KEYS.alarmEmail]: 'ops' }, /"newswire:alarmEmail"/],
    ['removalPolicy is unknown', { [CONTEXT_KEYS.removalPolicy]: 'snapshot' }, /"newswire:removalPolicy"/],
    [
      'maxItemsPerPoll is 0',
      { [CONTEXT_KEYS.maxItemsPerPoll]: 0 },
      /"newswire:maxItemsPerPoll" must be a whole number from 1 to 10000 \(items\) \(got 0\)/,
    ],
    ['maxItemsPerPoll is over 10000', { [CONTEXT_KEYS.maxItemsPerPoll]: '10001' }, /"newswire:maxItemsPerPoll"/],
    [
      'maxRequestsPerHost is 0',
      { [CONTEXT_KEYS.maxRequestsPerHost]: 0 },
      /"newswire:maxRequestsPerHost" must be a whole number from 1 to 64 \(requests in flight to one host, fleet-wide\) \(got 0\)/,
    ],
    [
      'maxRequestsPerHost is not a number',
      { [CONTEXT_KEYS.maxRequestsPerHost]: 'four' },
      /"newswire:maxRequestsPerHost"/,
    ],
    [
      'queueAgeAlarmMinutes is over 7 days',
      { [CONTEXT_KEYS.queueAgeAlarmMinutes]: 10081 },
      /"newswire:queueAgeAlarmMinutes" must be a whole number from 5 to 10080/,
    ],
    ['overflowSweepGraceDays is 0', { [CONTEXT_KEYS.overflowSweepGraceDays]: 0 }, /"newswire:overflowSweepGraceDays"/],
  ])('throws when %s', (_name, values, message) => {
    // GIVEN a bad value WHEN loading THEN a ConfigError names the key (and the fix)
    expect(() => loadConfig(ctx(values))).toThrow(ConfigError);
    expect(() => loadConfig(ctx(values))).toThrow(message);
  });

  test('accepts the bounds of maxItemsPerPoll, also as -c strings', () => {
    expect(loadConfig(ctx({ [CONTEXT_KEYS.maxItemsPerPoll]: 1 })).maxItemsPerPoll).toBe(1);
    expect(loadConfig(ctx({ [CONTEXT_KEYS.maxItemsPerPoll]: '10000' })).maxItemsPerPoll).toBe(10_000);
  });

  test('reports every bad key at once', () => {
    const load = () => loadConfig(ctx({ [CONTEXT_KEYS.scheduleMinutes]: 0, [CONTEXT_KEYS.rawRetentionDays]: 'x' }));
    expect(load).toThrow(/scheduleMinutes[\s\S]*rawRetentionDays/);
  });
});

describe('buildApp', () => {
  test('throws when the context has a bad scheduleMinutes, before building anything', () => {
    expect(() => buildApp({ [CONTEXT_KEYS.scheduleMinutes]: -5 })).toThrow(/"newswire:scheduleMinutes"/);
  });

  test('throws when a configured feed URL is bad', () => {
    expect(() => buildApp({ [CONTEXT_KEYS.feeds]: [{ url: 'javascript:alert(1)', name: 'x' }] })).toThrow(
      /"newswire:feeds\[0\]\.url"/,
    );
  });
});
