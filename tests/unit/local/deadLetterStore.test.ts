import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  FileDeadLetterStore,
  MemoryDeadLetterStore,
  type DeadLetterStore,
  type StoredDeadLetter,
} from '../../../lambdas/local/deadLetterStore';
import { makeTempDir } from '../../helpers/tempDir';

const letter = (id: string, over: Partial<StoredDeadLetter> = {}): StoredDeadLetter => ({
  id,
  queue: 'article',
  body: JSON.stringify({ item: { id: `u-${id}` } }),
  reason: { code: 'HTTP_STATUS', message: '404 for https://example.test/a.html' },
  receiveCount: 1,
  sentAt: '2026-12-05T10:00:00.000Z',
  firstReceivedAt: '2026-12-05T10:00:01.000Z',
  deadLetteredAt: '2026-12-05T10:00:02.000Z',
  ...over,
});

const tmp = makeTempDir('newswire-dead-letters');
afterAll(() => tmp.remove());
let n = 0;
const stores: [string, () => DeadLetterStore][] = [
  ['FileDeadLetterStore', () => new FileDeadLetterStore(path.join(tmp.dir, `store-${++n}`))],
  ['MemoryDeadLetterStore', () => new MemoryDeadLetterStore()],
];

describe.each(stores)('%s (the DeadLetterStore contract)', (_name, make) => {
  test('an empty store lists nothing and finds nothing', async () => {
    const store = make();
    expect(await store.list('article')).toEqual([]);
    expect(await store.get('article', 'x')).toBeNull();
    expect(await store.remove('article', ['x'])).toBe(0);
  });

  test('letters are listed per queue, oldest parked first, and found by id', async () => {
    const store = make();
    await store.append(letter('a'));
    await store.append(letter('p', { queue: 'poll', body: '{"feedId":"f-1","dispatchedAt":"x"}' }));
    await store.append(letter('b'));
    expect((await store.list('article')).map((l) => l.id)).toEqual(['a', 'b']);
    expect(await store.list('poll')).toEqual([
      letter('p', { queue: 'poll', body: '{"feedId":"f-1","dispatchedAt":"x"}' }),
    ]);
    expect(await store.get('article', 'b')).toEqual(letter('b'));
    expect(await store.get('poll', 'a')).toBeNull();
  });

  test('a letter appended again under its id replaces the first and moves to the end (parked again)', async () => {
    const store = make();
    await store.append(letter('a'));
    await store.append(letter('b'));
    const again = letter('a', {
      reason: { code: 'TIMEOUT', message: 'again' },
      deadLetteredAt: '2026-12-05T11:00:00.000Z',
    });
    await store.append(again);
    expect(await store.list('article')).toEqual([letter('b'), again]);
  });

  test('remove takes only the given ids of the given queue and says how many it found', async () => {
    const store = make();
    for (const id of ['a', 'b', 'c']) await store.append(letter(id));
    await store.append(letter('a', { queue: 'poll' }));
    expect(await store.remove('article', ['a', 'c', 'zzz'])).toBe(2);
    expect((await store.list('article')).map((l) => l.id)).toEqual(['b']);
    expect((await store.list('poll')).map((l) => l.id)).toEqual(['a']);
  });

  test('concurrent appends and a removal all land (none lost, none interleaved)', async () => {
    const store = make();
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(letter(`m${i}`))));
    await Promise.all([store.remove('article', ['m0', 'm1']), store.append(letter('late'))]);
    const ids = (await store.list('article')).map((l) => l.id);
    expect(ids).toHaveLength(49);
    expect(ids).toContain('late');
    expect(ids).not.toContain('m0');
  });
});

describe('FileDeadLetterStore on disk', () => {
  test('one JSON line per letter in <dir>/<queue>.jsonl, read back by a new instance (another process)', async () => {
    const dir = path.join(tmp.dir, 'disk-1');
    await new FileDeadLetterStore(dir).append(letter('a'));
    await new FileDeadLetterStore(dir).append(letter('p', { queue: 'poll' }));
    expect(readdirSync(dir).sort()).toEqual(['article.jsonl', 'poll.jsonl']);
    const lines = readFileSync(path.join(dir, 'article.jsonl'), 'utf8').split('\n');
    expect(lines).toEqual([JSON.stringify(letter('a')), '']);
    expect(await new FileDeadLetterStore(dir).list('article')).toEqual([letter('a')]);
  });

  test('a line torn by a crash mid-append is skipped; the letters before and after it are kept', async () => {
    const dir = path.join(tmp.dir, 'disk-2');
    const store = new FileDeadLetterStore(dir);
    await store.append(letter('a'));
    appendFileSync(path.join(dir, 'article.jsonl'), '{"id":"torn","queue":"arti'); // no newline: the crash
    await store.append(letter('b'));
    expect((await store.list('article')).map((l) => l.id)).toEqual(['a', 'b']);
  });

  test('remove rewrites the file whole, leaving no temporary file behind', async () => {
    const dir = path.join(tmp.dir, 'disk-3');
    const store = new FileDeadLetterStore(dir);
    await store.append(letter('a'));
    await store.append(letter('b'));
    await store.remove('article', ['a']);
    expect(readdirSync(dir)).toEqual(['article.jsonl']);
    expect(readFileSync(path.join(dir, 'article.jsonl'), 'utf8')).toBe(`${JSON.stringify(letter('b'))}\n`);
  });
});
