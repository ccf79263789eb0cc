/**
 * The errors the article store raises reading a release whose body overflowed to the archive
 * (items over 400 KB, see overflow.ts) when that body cannot be read back: OVERFLOW_UNAVAILABLE
 * (the store was built without an archive) and OVERFLOW_MISSING (the object is gone). Both are
 * permanent: returning the record without its body would hand out a wrong record.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { releaseItem } from '../../../../lambdas/adapters/dynamodb/indexItems';
import { fitItem } from '../../../../lambdas/adapters/dynamodb/overflow';
import { describeError } from '../../../../lambdas/core/errors';
import type { PressReleaseRecord } from '../../../../lambdas/core/record';
import { MemoryArchive } from '../../../helpers/fakes';
import { makeRecord } from '../fixtures';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ddb = mockClient(doc);
const ID = 'u-0123456789abcdef';

/**
 * A record of about 600 KB of paragraphs (the item keeps them, not the text they join into), stored
 * as the store stores it: body in `archive`, pointer in the item.
 */
async function overflowedItem(archive: MemoryArchive): Promise<{ record: PressReleaseRecord; item: object }> {
  const paragraph = 'A long paragraph of a very long release about grids and robots. '.repeat(40);
  const paragraphs = Array.from({ length: 240 }, (_, i) => `${i}: ${paragraph}`);
  const text = paragraphs.join('\n\n');
  const record = makeRecord({ id: ID, body: { text, paragraphs, wordCount: text.split(/\s+/).length } });
  const item = releaseItem(record, {
    contentHash: 'c1',
    itemHash: null,
    storedAt: '2025-06-02T12:00:00.000Z',
    history: [],
    staleIndex: [],
  });
  return { record, item: await fitItem(item, archive) };
}

const store = (archive?: MemoryArchive) =>
  new DynamoArticleStore({ client: doc, tableName: 'Articles', ...(archive ? { archive } : {}) });

let written: MemoryArchive;
beforeEach(async () => {
  ddb.reset();
  written = new MemoryArchive();
  const { item } = await overflowedItem(written);
  ddb.on(GetCommand).resolves({ Item: item });
});

test('the stored item really points to an overflow object (the premise)', async () => {
  const { item } = await overflowedItem(new MemoryArchive());
  expect(item).toMatchObject({ overflow: { key: expect.stringMatching(/^overflow\//) } });
  expect(item).not.toHaveProperty('body');
  expect([...written.objects.keys()]).toEqual([expect.stringMatching(/^overflow\/u-0123456789abcdef\//)]);
});

test('OVERFLOW_UNAVAILABLE: a store without an archive refuses to return the record without its body', async () => {
  const err = await store()
    .get(ID)
    .catch((e: unknown) => e);
  expect(describeError(err)).toMatchObject({ code: 'OVERFLOW_UNAVAILABLE', retryable: false });
  expect(describeError(err).message).toContain(ID);
});

test('OVERFLOW_MISSING: the archive no longer holds the body', async () => {
  const err = await store(new MemoryArchive())
    .get(ID)
    .catch((e: unknown) => e);
  expect(describeError(err)).toMatchObject({ code: 'OVERFLOW_MISSING', retryable: false });
  expect(describeError(err).message).toMatch(/overflow\/u-0123456789abcdef\/.*missing/);
});

test('with the archive that holds the body, the whole record comes back', async () => {
  const { record } = await overflowedItem(new MemoryArchive());
  expect(await store(written).get(ID)).toEqual(record);
});
