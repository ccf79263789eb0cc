import fc from 'fast-check';
import {
  cacheHintMinutes,
  MAX_BACKOFF_MINUTES,
  MAX_HINTED_INTERVAL_MINUTES,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  parseRetryAfter,
} from '../../../lambdas/pipeline/schedule';

const NOW = new Date('2025-06-02T12:00:00.000Z');
const minutesFromNow = (iso: string) => (Date.parse(iso) - NOW.getTime()) / 60_000;

describe('nextPollAfterSuccess', () => {
  it('is the interval when there is no hint or a shorter one', () => {
    expect(nextPollAfterSuccess(NOW, 15)).toBe('2025-06-02T12:15:00.000Z');
    expect(nextPollAfterSuccess(NOW, 15, 5)).toBe('2025-06-02T12:15:00.000Z');
    expect(nextPollAfterSuccess(NOW, 15, null)).toBe('2025-06-02T12:15:00.000Z');
  });

  it('is lengthened by a longer hint, up to the cap', () => {
    expect(minutesFromNow(nextPollAfterSuccess(NOW, 15, 60))).toBe(60);
    expect(minutesFromNow(nextPollAfterSuccess(NOW, 15, 10_000))).toBe(MAX_HINTED_INTERVAL_MINUTES);
  });

  it('never shortens an interval longer than the cap', () => {
    expect(minutesFromNow(nextPollAfterSuccess(NOW, 1440, 30))).toBe(1440);
  });
});

describe('nextPollAfterFailure', () => {
  it('doubles per consecutive failure (no jitter at random 0.5)', () => {
    const at = (n: number) => minutesFromNow(nextPollAfterFailure(NOW, 15, n, () => 0.5));
    expect([1, 2, 3, 4, 5].map(at)).toEqual([15, 30, 60, 120, 240]);
  });

  it('stays within ±20 % jitter and never passes the 24 h cap, however many failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1440 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (interval, failures, r) => {
          const m = minutesFromNow(nextPollAfterFailure(NOW, interval, failures, () => r));
          const base = Math.min(interval * 2 ** Math.min(failures - 1, 20), MAX_BACKOFF_MINUTES);
          expect(m).toBeGreaterThanOrEqual(base * 0.8 - 1e-9);
          expect(m).toBeLessThanOrEqual(Math.min(base * 1.2, MAX_BACKOFF_MINUTES) + 1e-9);
          expect(m).toBeGreaterThan(0); // never a give-up: always a next poll
        },
      ),
    );
  });

  it('is never before Retry-After, which is itself capped at 24 h', () => {
    const retryAt = new Date(NOW.getTime() + 3 * 3600_000);
    expect(nextPollAfterFailure(NOW, 15, 1, () => 0.5, retryAt)).toBe(retryAt.toISOString());
    // A Retry-After sooner than the backoff does not shorten it.
    const soon = new Date(NOW.getTime() + 60_000);
    expect(minutesFromNow(nextPollAfterFailure(NOW, 15, 3, () => 0.5, soon))).toBe(60);
    const farFuture = new Date(NOW.getTime() + 30 * 24 * 3600_000);
    expect(minutesFromNow(nextPollAfterFailure(NOW, 15, 1, () => 0.5, farFuture))).toBe(MAX_BACKOFF_MINUTES);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', '2025-06-02T12:02:00.000Z'],
    [' 3600 ', '2025-06-02T13:00:00.000Z'],
    ['Mon, 02 Jun 2025 14:30:00 GMT', '2025-06-02T14:30:00.000Z'],
    ['Monday, 02-Jun-25 14:30:00 GMT', '2025-06-02T14:30:00.000Z'],
  ])('%s → %s', (value, iso) => {
    expect(parseRetryAfter(value, NOW)?.toISOString()).toBe(iso);
  });

  it.each([null, undefined, '', '0', '-5', '1.5', 'soon', 'Mon, 02 Jun 2025 11:00:00 GMT'])(
    '%p → null (absent, unreadable or past)',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    },
  );
});

describe('cacheHintMinutes', () => {
  it.each([
    ['max-age=3600', 60],
    ['public, max-age=1800, must-revalidate', 30],
    ['max-age=600, s-maxage=7200', 120],
    ['max-age="900"', 15],
    ['max-age=59', null],
    ['max-age=0', null],
    ['no-cache, max-age=3600', null],
    ['no-store', null],
    ['private', null],
    [undefined, null],
  ])('%p → %p', (header, minutes) => {
    expect(cacheHintMinutes(header)).toBe(minutes);
  });
});
