/** The alarm settings of issue 12 §3 (stalled, haywire, silent feed) are validated like every context key. */
import { ConfigError, CONTEXT_KEYS, loadConfig } from '../../lib/config';

const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (k: string) => values[k] });
const messageOf = (values: Record<string, unknown>): string => {
  try {
    loadConfig(ctx(values));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

test('the three keys are read from the context, strings from -c included', () => {
  const c = loadConfig(
    ctx({
      [CONTEXT_KEYS.stalledIntervals]: '6',
      [CONTEXT_KEYS.haywireFactor]: 5,
      [CONTEXT_KEYS.silentFeedHours]: '48',
    }),
  );
  expect([c.stalledIntervals, c.haywireFactor, c.silentFeedHours]).toEqual([6, 5, 48]);
});

test.each([
  [CONTEXT_KEYS.stalledIntervals, 0, 'from 1 to 1440'],
  [CONTEXT_KEYS.stalledIntervals, 2.5, 'whole number'],
  [CONTEXT_KEYS.haywireFactor, 1, 'from 2 to 1000'],
  [CONTEXT_KEYS.haywireFactor, 'lots', 'whole number'],
  [CONTEXT_KEYS.silentFeedHours, 0, 'from 1 to 8760'],
  [CONTEXT_KEYS.silentFeedHours, 9000, 'from 1 to 8760'],
])('%s = %p is refused, naming the key, the value and the fix', (key, value, says) => {
  const message = messageOf({ [key]: value });
  expect(message).toContain(`"${key}"`);
  expect(message).toContain(says);
  expect(message).toContain(`got ${JSON.stringify(value)}`);
  expect(message).toContain(`-c ${key}=`);
});

test('a stalled window longer than the day a CloudWatch alarm can evaluate is refused', () => {
  const message = messageOf({ [CONTEXT_KEYS.scheduleMinutes]: 60, [CONTEXT_KEYS.stalledIntervals]: 25 });
  expect(message).toContain('25 × 60 = 1500 minutes');
  expect(message).toContain(`-c ${CONTEXT_KEYS.stalledIntervals}=`);
  expect(
    loadConfig(ctx({ [CONTEXT_KEYS.scheduleMinutes]: 60, [CONTEXT_KEYS.stalledIntervals]: 24 })).stalledIntervals,
  ).toBe(24);
});

test('a stalled window shorter than the poll interval of every configured feed is refused (it would fire between polls)', () => {
  const feeds = [
    { url: 'https://feeds.example.test/a.rss', name: 'A', pollIntervalMinutes: 120 },
    { url: 'https://feeds.example.test/b.rss', name: 'B', pollIntervalMinutes: 10, enabled: false },
  ];
  const message = messageOf({ [CONTEXT_KEYS.feeds]: feeds }); // 4 × 15 = 60 minutes < 120
  expect(message).toContain('window of 60 minutes');
  expect(message).toContain('Set it to at least 8');
  expect(loadConfig(ctx({ [CONTEXT_KEYS.feeds]: feeds, [CONTEXT_KEYS.stalledIntervals]: 8 })).feeds).toHaveLength(2);
  // one feed polled within the window is enough: any successful poll clears the alarm
  const mixed = [...feeds, { url: 'https://feeds.example.test/c.rss', name: 'C', pollIntervalMinutes: 30 }];
  expect(loadConfig(ctx({ [CONTEXT_KEYS.feeds]: mixed })).stalledIntervals).toBe(4);
});
