import {
  planListing,
  planSave,
  type HistoryVersion,
  type IncomingRelease,
  type StoredRelease,
} from '../../../lambdas/core/savePlan';

interface Entry extends HistoryVersion {
  revision: number;
}

const naming = { listing: (feedId: string) => `feed#${feedId}#r1` };

function stored(over: Partial<StoredRelease<Entry>> = {}): StoredRelease<Entry> {
  return {
    revision: 2,
    contentHash: 'c2',
    itemHash: 'i2',
    url: 'https://wire.test/r1',
    history: [{ revision: 1, contentHash: 'c1', url: 'https://wire.test/r1' }],
    asHistory: { revision: 2, contentHash: 'c2', url: 'https://wire.test/r1' },
    revisionIndexIds: ['ticker#NYSE:ABC#r1#2'],
    staleIndex: [],
    feedId: 'f-a',
    feeds: ['f-a'],
    hasFeeds: true,
    ...over,
  };
}

function incoming(over: Partial<IncomingRelease> = {}): IncomingRelease {
  return { url: 'https://wire.test/r1', feedId: 'f-a', contentHash: 'c2', itemHash: 'i2', ...over };
}

describe('planSave: nothing stored', () => {
  test('creates revision 1, listed by the feed it came through', () => {
    expect(planSave(null, incoming(), naming)).toEqual({
      kind: 'create',
      outcome: 'created',
      revision: 1,
      feeds: ['f-a'],
    });
  });

  test('a release saved without a feed is listed by none', () => {
    expect(planSave(null, incoming({ feedId: null }), naming)).toMatchObject({ kind: 'create', feeds: [] });
  });

  test('a re-parse of an id no longer stored is superseded', () => {
    expect(planSave(null, incoming({ reparseOf: 1 }), naming)).toEqual({
      kind: 'superseded',
      reparseOf: 1,
      storedRevision: null,
    });
  });
});

describe('planSave: same content', () => {
  test('same content, url, item and feed: unchanged and nothing to write', () => {
    expect(planSave(stored(), incoming(), naming)).toEqual({
      kind: 'unchanged',
      outcome: 'unchanged',
      revision: 2,
      finishCleanup: [],
      rememberItemHash: null,
      listing: null,
    });
  });

  test('a changed feed item hash is remembered without a new revision', () => {
    expect(planSave(stored(), incoming({ itemHash: 'i9' }), naming)).toMatchObject({
      kind: 'unchanged',
      revision: 2,
      rememberItemHash: 'i9',
    });
  });

  test('a delivery without an item hash (a page) does not clear the stored one', () => {
    expect(planSave(stored(), incoming({ itemHash: null }), naming)).toMatchObject({ rememberItemHash: null });
  });

  test('a second feed listing the same release adds its membership, no new revision', () => {
    expect(planSave(stored(), incoming({ feedId: 'f-b' }), naming)).toMatchObject({
      kind: 'unchanged',
      revision: 2,
      listing: { feedId: 'f-b', append: ['f-b'], expect: { revision: 2, feedCount: 1 } },
    });
  });

  test('a feed already a member adds nothing, whichever order the feeds came in', () => {
    const both = stored({ feeds: ['f-a', 'f-b'] });
    expect(planSave(both, incoming({ feedId: 'f-b' }), naming)).toMatchObject({ listing: null });
    expect(planSave(both, incoming({ feedId: 'f-a' }), naming)).toMatchObject({ listing: null });
  });

  test('the leftovers of a crashed save are cleaned first', () => {
    const plan = planSave(stored({ staleIndex: ['ticker#NYSE:ABC#r1#1'] }), incoming(), naming);
    expect(plan).toMatchObject({ kind: 'unchanged', finishCleanup: ['ticker#NYSE:ABC#r1#1'] });
  });
});

describe('planSave: a redelivered older revision', () => {
  test('content and url of a previous revision: unchanged, item hash not taken from the old message', () => {
    expect(planSave(stored(), incoming({ contentHash: 'c1', itemHash: 'i1' }), naming)).toMatchObject({
      kind: 'unchanged',
      revision: 2,
      rememberItemHash: null,
      listing: null,
    });
  });

  test('its feed still becomes a member', () => {
    expect(planSave(stored(), incoming({ contentHash: 'c1', feedId: 'f-c' }), naming)).toMatchObject({
      kind: 'unchanged',
      listing: { feedId: 'f-c' },
    });
  });

  test('a history entry written before urls were kept matches any url', () => {
    const old = stored({ history: [{ revision: 1, contentHash: 'c1' }] });
    expect(planSave(old, incoming({ contentHash: 'c1', url: 'https://elsewhere.test/x' }), naming)).toMatchObject({
      kind: 'unchanged',
    });
  });

  test('the old content at another url is a new revision', () => {
    expect(planSave(stored(), incoming({ contentHash: 'c1', url: 'https://wire.test/moved' }), naming)).toMatchObject({
      kind: 'revise',
      revision: 3,
      revisionReason: 'correction',
    });
  });
});

describe('planSave: a new revision', () => {
  test('changed content: a correction, the stored revision goes to history and its ticker items go stale', () => {
    expect(planSave(stored(), incoming({ contentHash: 'c3', itemHash: 'i3' }), naming)).toEqual({
      kind: 'revise',
      outcome: 'revised',
      revision: 3,
      revisionReason: 'correction',
      itemHash: 'i3',
      history: [
        { revision: 1, contentHash: 'c1', url: 'https://wire.test/r1' },
        { revision: 2, contentHash: 'c2', url: 'https://wire.test/r1' },
      ],
      feeds: ['f-a'],
      staleIndex: ['ticker#NYSE:ABC#r1#2'],
      finishCleanup: [],
      expect: { revision: 2, feedCount: 1 },
    });
  });

  test('same content at a new url: moved', () => {
    expect(planSave(stored(), incoming({ url: 'https://wire.test/r1-new' }), naming)).toMatchObject({
      kind: 'revise',
      revisionReason: 'moved',
    });
  });

  test('a revision without an item hash stores none (it is not the feed item of the old revision)', () => {
    expect(planSave(stored(), incoming({ contentHash: 'c3', itemHash: null }), naming)).toMatchObject({
      itemHash: null,
    });
  });

  test('leftover stale items are kept in the new list and cleaned first, without duplicates', () => {
    const plan = planSave(
      stored({ staleIndex: ['ticker#NYSE:ABC#r1#1', 'ticker#NYSE:ABC#r1#2'] }),
      incoming({ contentHash: 'c3' }),
      naming,
    );
    expect(plan).toMatchObject({
      staleIndex: ['ticker#NYSE:ABC#r1#1', 'ticker#NYSE:ABC#r1#2'],
      finishCleanup: ['ticker#NYSE:ABC#r1#1', 'ticker#NYSE:ABC#r1#2'],
    });
  });

  test('a revision through a new feed keeps every member and adds that feed', () => {
    expect(planSave(stored(), incoming({ contentHash: 'c3', feedId: 'f-b' }), naming)).toMatchObject({
      feeds: ['f-a', 'f-b'],
      staleIndex: ['ticker#NYSE:ABC#r1#2'],
    });
  });

  test('a revision through a member feed other than the record one retires that feed listing item', () => {
    const plan = planSave(stored({ feeds: ['f-a', 'f-b'] }), incoming({ contentHash: 'c3', feedId: 'f-b' }), naming);
    expect(plan).toMatchObject({
      feeds: ['f-a', 'f-b'],
      staleIndex: ['ticker#NYSE:ABC#r1#2', 'feed#f-b#r1'],
      expect: { revision: 2, feedCount: 2 },
    });
  });

  test('a revision without a feed keeps the members as they are', () => {
    const plan = planSave(stored({ feeds: ['f-a', 'f-b'] }), incoming({ contentHash: 'c3', feedId: null }), naming);
    expect(plan).toMatchObject({ feeds: ['f-a', 'f-b'], staleIndex: ['ticker#NYSE:ABC#r1#2'] });
  });

  test('an item written before membership is expected to have no feeds list', () => {
    const old = stored({ hasFeeds: false });
    expect(planSave(old, incoming({ contentHash: 'c3' }), naming)).toMatchObject({
      expect: { revision: 2, feedCount: null },
    });
  });
});

describe('planSave: re-parse', () => {
  test('of the stored revision: a reparse revision even with the same content, keeping the stored item hash', () => {
    expect(planSave(stored(), incoming({ reparseOf: 2, itemHash: null }), naming)).toMatchObject({
      kind: 'revise',
      revision: 3,
      revisionReason: 'reparse',
      itemHash: 'i2',
    });
  });

  test('of an older revision: superseded, naming the stored one', () => {
    expect(planSave(stored(), incoming({ reparseOf: 1 }), naming)).toEqual({
      kind: 'superseded',
      reparseOf: 1,
      storedRevision: 2,
    });
  });
});

describe('planListing', () => {
  test('a member feed: nothing to do', () => {
    expect(planListing(stored({ feeds: ['f-a', 'f-b'] }), 'f-b')).toBeNull();
  });

  test('a new feed is appended, conditional on the revision and the feeds read', () => {
    expect(planListing(stored({ feeds: ['f-a', 'f-b'] }), 'f-c')).toEqual({
      feedId: 'f-c',
      append: ['f-c'],
      expect: { revision: 2, feedCount: 2 },
    });
  });

  test('an item written before membership starts its list with its own feed', () => {
    expect(planListing(stored({ hasFeeds: false, feeds: ['f-a'] }), 'f-b')).toEqual({
      feedId: 'f-b',
      append: ['f-a', 'f-b'],
      expect: { revision: 2, feedCount: null },
    });
  });

  test('an old item without any feed starts the list with the new one alone', () => {
    expect(planListing(stored({ hasFeeds: false, feedId: null, feeds: [] }), 'f-b')).toMatchObject({
      append: ['f-b'],
    });
  });
});
