import {
  ageMs,
  dlqName,
  formatAge,
  isSelected,
  messageSubject,
  type ParkedMessage,
} from '../../../lambdas/pipeline/deadLetters';

const parked = (over: Partial<ParkedMessage> = {}): ParkedMessage => ({
  id: 'm-1',
  queue: 'article',
  source: 'ArticleDlq',
  body: '{}',
  reason: { code: 'HTTP_STATUS', message: '404 for https://x.test/a.html' },
  receiveCount: 1,
  sentAt: '2026-12-05T10:00:00.000Z',
  firstReceivedAt: '2026-12-05T10:00:01.000Z',
  deadLetteredAt: '2026-12-05T10:00:02.000Z',
  ...over,
});

test('queue names: poll, article, schedule and nothing else', () => {
  expect(['poll', 'article', 'schedule', 'dispatch', ''].map(dlqName)).toEqual([
    'poll',
    'article',
    'schedule',
    null,
    null,
  ]);
});

test.each([
  [{ all: true as const }, true],
  [{ ids: ['m-1'] }, true],
  [{ ids: ['m-2'] }, false],
  [{ reason: 'http_status' }, true], // the code, any case
  [{ reason: 'STATUS' }, false], // a part of the code is not the code
  [{ reason: '404 FOR' }, true], // words of the message, any case
  [{ reason: 'timeout' }, false],
  [{ reason: '  ' }, false], // a blank reason takes nothing
])('isSelected(%j) = %p', (selector, expected) => {
  expect(isSelected(parked(), selector)).toBe(expected);
});

test('the subject of a message: feed id of a poll, feed and link (or id) of an article, the run of a schedule', () => {
  expect(messageSubject('poll', '{"feedId":"f-1","dispatchedAt":"x"}')).toEqual({ feed: 'f-1', release: null });
  expect(messageSubject('article', '{"feed":{"id":"f-2"},"item":{"id":"u-1","link":"https://x.test/a"}}')).toEqual({
    feed: 'f-2',
    release: 'https://x.test/a',
  });
  expect(messageSubject('article', '{"feed":{"id":"f-2"},"item":{"id":"u-1","link":null}}').release).toBe('u-1');
  expect(messageSubject('schedule', '{"time":"2026-12-05T10:00:00Z"}').release).toBe(
    'scheduled run of 2026-12-05T10:00:00Z',
  );
  expect(messageSubject('schedule', '{"requestPayload":{"time":"2026-12-05T10:15:00Z"}}').release).toBe(
    'scheduled run of 2026-12-05T10:15:00Z',
  );
  expect(messageSubject('article', 'not json')).toEqual({ feed: null, release: null });
});

test('age counts from the dead-letter time, else the first receive, else the send; unknown when none', () => {
  const now = new Date('2026-12-05T12:00:02.000Z');
  expect(ageMs(parked(), now)).toBe(2 * 3600_000);
  expect(ageMs(parked({ deadLetteredAt: null }), now)).toBe(2 * 3600_000 + 1000);
  expect(ageMs(parked({ deadLetteredAt: null, firstReceivedAt: null }), now)).toBe(2 * 3600_000 + 2000);
  expect(ageMs(parked({ deadLetteredAt: null, firstReceivedAt: null, sentAt: null }), now)).toBeNull();
  expect([null, 5_000, 125_000, 3 * 3600_000, 50 * 3600_000].map(formatAge)).toEqual(['?', '5s', '2m', '3h', '2d']);
});
