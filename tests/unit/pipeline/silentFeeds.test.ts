import { recordPublications, type FeedPublishing } from '../../../lambdas/core/feedPublishing';
import type { FeedState, Log } from '../../../lambdas/pipeline/ports';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import { checkSilentFeeds } from '../../../lambdas/pipeline/silentFeeds';
import { fixedClock, MemoryFeedStore } from '../../helpers/fakes';

const START = Date.parse('2025-06-01T00:00:00.000Z');
const HOUR = 3600 * 1000;
const at = (h: number) => new Date(START + h * HOUR);

/** Tracked from hour 0, one new item every hour until `lastHour`. */
function hourly(lastHour: number): FeedPublishing {
  let p = recordPublications(null, at(0), 10) as FeedPublishing;
  for (let h = 1; h <= lastHour; h++) p = recordPublications(p, at(h), 1) as FeedPublishing;
  return p;
}

function setup() {
  const feeds = new MemoryFeedStore();
  const add = (name: string, over: Partial<FeedState>) => {
    const f = { ...newFeedState({ url: `https://feeds.example.test/${name}.rss`, name }, at(-1)), ...over };
    feeds.items.set(f.id, f);
    return f.id;
  };
  const logged: { level: string; msg: string; extra?: Record<string, unknown> }[] = [];
  const log: Log = {
    debug: (msg, extra) => logged.push({ level: 'debug', msg, extra }),
    info: (msg, extra) => logged.push({ level: 'info', msg, extra }),
    warn: (msg, extra) => logged.push({ level: 'warn', msg, extra }),
    error: (msg, extra) => logged.push({ level: 'error', msg, extra }),
  };
  return { feeds, add, logged, log };
}

test('finds the enabled daily feeds silent for the configured hours, with their poll state, and logs each', async () => {
  const { feeds, add, logged, log } = setup();
  const failing = add('failing', {
    publishing: hourly(100),
    lastPolledAt: at(129).toISOString(),
    consecutiveFailures: 6,
    lastError: { code: 'HTTP_STATUS', message: '503', at: at(129).toISOString() },
  });
  const quiet = add('quiet', { publishing: hourly(110), lastPolledAt: at(129.5).toISOString() });
  add('busy', { publishing: hourly(129) });
  add('off', { publishing: hourly(50), enabled: false });
  add('new', {});

  const res = await checkSilentFeeds({ feeds, clock: { now: () => at(130) }, log }, { silentHours: 12 });

  expect(res.enabledFeeds).toBe(4);
  expect(res.silent.map((s) => [s.id, s.silentHours, s.consecutiveFailures, s.lastErrorCode])).toEqual([
    [failing, 30, 6, 'HTTP_STATUS'],
    [quiet, 20, 0, null],
  ]);
  expect(res.silent[1]).toMatchObject({
    lastPolledAt: at(129.5).toISOString(),
    lastPublishedAt: at(110).toISOString(),
  });
  const warned = logged.filter((l) => l.level === 'warn');
  expect(warned.map((l) => [l.msg, l.extra?.id, l.extra?.url])).toEqual([
    ['silent feed', failing, 'https://feeds.example.test/failing.rss'],
    ['silent feed', quiet, 'https://feeds.example.test/quiet.rss'],
  ]);
  expect(logged.at(-1)).toEqual({ level: 'info', msg: 'silent feed check', extra: { enabledFeeds: 4, silent: 2 } });
});

test('the default silence is 24 hours; nothing silent logs no warning', async () => {
  const { feeds, add, logged, log } = setup();
  add('quiet', { publishing: hourly(110) });
  const clock = fixedClock(at(133).toISOString());
  expect((await checkSilentFeeds({ feeds, clock, log })).silent).toEqual([]);
  expect(logged.filter((l) => l.level === 'warn')).toEqual([]);
  expect((await checkSilentFeeds({ feeds, clock: fixedClock(at(134).toISOString()), log })).silent).toHaveLength(1);
});
