import { DeleteObjectCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { overflowArchiveKey } from '../../../../lambdas/adapters/dynamodb/overflow';
import {
  itemReferences,
  recordIdOfOverflowKey,
  sweepOverflow,
} from '../../../../lambdas/adapters/dynamodb/overflowSweep';

const s3Client = new S3Client({ region: 'us-east-1' });
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const s3 = mockClient(s3Client);
const ddb = mockClient(doc);
beforeEach(() => {
  s3.reset();
  ddb.reset();
});

const NOW = new Date('2026-12-05T00:00:00Z');
const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const key = (id: string, c: string) => overflowArchiveKey(id, c.repeat(64));
const deps = { s3: s3Client, bucket: 'raw', ddb: doc, tableName: 'Articles', graceMs: 2 * DAY, now: () => NOW };

/** The Articles table: which record points to which overflow key (now, or in its history). */
function table(items: Record<string, Record<string, unknown>>) {
  ddb.on(GetCommand).callsFake((input: { Key: { id: string } }) => ({ Item: items[input.Key.id] }));
}

describe('sweepOverflow', () => {
  test('deletes only old, unreferenced bodies, version by version; keeps live, historical and young ones', async () => {
    const live = key('u-live', 'a');
    const historical = key('u-hist', 'b');
    const orphan = key('u-orphan', 'c');
    const young = key('u-young', 'd');
    const gone = key('u-gone', 'e');
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [
        { Key: live, VersionId: 'l1', IsLatest: true, LastModified: daysAgo(30) },
        { Key: historical, VersionId: 'h1', IsLatest: true, LastModified: daysAgo(30) },
        { Key: orphan, VersionId: 'o2', IsLatest: true, LastModified: daysAgo(5) },
        { Key: orphan, VersionId: 'o1', IsLatest: false, LastModified: daysAgo(9) },
        { Key: young, VersionId: 'y1', IsLatest: true, LastModified: daysAgo(1) },
        { Key: gone, VersionId: 'g1', IsLatest: false, LastModified: daysAgo(20) },
      ],
      DeleteMarkers: [{ Key: gone, VersionId: 'gm', IsLatest: true, LastModified: daysAgo(10) }],
      IsTruncated: false,
    });
    s3.on(DeleteObjectCommand).resolves({});
    table({
      'u-live': { overflow: { key: live, fields: ['body'] } },
      'u-hist': { overflow: { key: key('u-hist', 'f'), fields: ['body'] }, history: [{ overflowKey: historical }] },
      // u-orphan: its save failed, no item; u-young: a save in flight
    });

    const result = await sweepOverflow(deps);

    expect(result).toEqual({ examined: 5, referenced: 2, skipped: 2, deleted: 1, versionsDeleted: 2 });
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: 'raw', Key: orphan, VersionId: 'o2' },
      { Bucket: 'raw', Key: orphan, VersionId: 'o1' },
    ]);
    // the young and deleted keys were never looked up; lookups are strongly consistent
    const lookups = ddb.commandCalls(GetCommand).map((c) => c.args[0].input);
    expect(lookups.map((i) => i.Key)).toEqual([{ id: 'u-hist' }, { id: 'u-live' }, { id: 'u-orphan' }]);
    expect(lookups.every((i) => i.ConsistentRead === true)).toBe(true);
    expect(s3.commandCalls(ListObjectVersionsCommand)[0]?.args[0].input.Prefix).toBe('overflow/');
  });

  test('a key whose versions straddle two pages is judged once, with all its versions', async () => {
    const orphan = key('u-orphan', 'c');
    s3.on(ListObjectVersionsCommand)
      .resolvesOnce({
        Versions: [{ Key: orphan, VersionId: 'o2', IsLatest: true, LastModified: daysAgo(5) }],
        IsTruncated: true,
        NextKeyMarker: orphan,
        NextVersionIdMarker: 'o2',
      })
      .resolvesOnce({
        Versions: [{ Key: orphan, VersionId: 'o1', IsLatest: false, LastModified: daysAgo(6) }],
        IsTruncated: false,
      });
    s3.on(DeleteObjectCommand).resolves({});
    table({});
    await expect(sweepOverflow(deps)).resolves.toMatchObject({ examined: 1, deleted: 1, versionsDeleted: 2 });
    expect(s3.commandCalls(ListObjectVersionsCommand)[1]?.args[0].input).toMatchObject({
      KeyMarker: orphan,
      VersionIdMarker: 'o2',
    });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(1);
  });

  test('leaves keys it did not make alone', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [{ Key: 'overflow/stray.txt', VersionId: 'v', IsLatest: true, LastModified: daysAgo(99) }],
    });
    await expect(sweepOverflow(deps)).resolves.toMatchObject({ examined: 1, skipped: 1, deleted: 0 });
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });

  test('a failed lookup stops the sweep before any delete', async () => {
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [{ Key: key('u-x', 'c'), VersionId: 'v', IsLatest: true, LastModified: daysAgo(9) }],
    });
    ddb.on(GetCommand).rejects(Object.assign(new Error('down'), { name: 'InternalServerError' }));
    await expect(sweepOverflow(deps)).rejects.toMatchObject({ code: 'DYNAMODB_ERROR' });
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });
});

test('recordIdOfOverflowKey reads the id back from overflowArchiveKey, and nothing else', () => {
  expect(recordIdOfOverflowKey(key('u-0123', 'a'))).toBe('u-0123');
  expect(recordIdOfOverflowKey('overflow/u-1/abc.json.gz')).toBeNull();
  expect(recordIdOfOverflowKey('articles/u-1/' + 'a'.repeat(64) + '.json.gz')).toBeNull();
});

test('itemReferences: current pointer or any past revision', () => {
  const k = key('u-1', 'a');
  expect(itemReferences(undefined, k)).toBe(false);
  expect(itemReferences({ overflow: { key: k } }, k)).toBe(true);
  expect(itemReferences({ history: [{ overflowKey: null }, { overflowKey: k }] }, k)).toBe(true);
  expect(itemReferences({ overflow: { key: key('u-1', 'b') }, history: [] }, k)).toBe(false);
});
