import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { Item } from '../../../../lambdas/adapters/dynamodb/batchGet';
import { batchDeleteById, batchPut, CoalescingPutWriter } from '../../../../lambdas/adapters/dynamodb/batchWrite';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ddb = mockClient(doc);
const fast = { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 4 };

beforeEach(() => ddb.reset());

const put = (id: string) => ({ PutRequest: { Item: { id } } });

describe('batchWrite', () => {
  it('retries UnprocessedItems until none are left, sending only what was left', async () => {
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { T: [put('b'), put('c')] } })
      .resolvesOnce({ UnprocessedItems: { T: [put('c')] } })
      .resolvesOnce({ UnprocessedItems: {} });
    await batchPut(doc, 'T', [{ id: 'a' }, { id: 'b' }, { id: 'c' }], fast);
    const sent = ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.T);
    expect(sent).toEqual([[put('a'), put('b'), put('c')], [put('b'), put('c')], [put('c')]]);
  });

  it('sends at most 25 writes per call', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    await batchPut(
      doc,
      'T',
      Array.from({ length: 60 }, (_, i) => ({ id: `i${i}` })),
      fast,
    );
    expect(ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.T?.length)).toEqual([
      25, 25, 10,
    ]);
  });

  it('throws a retryable StorageError instead of dropping writes that stay unprocessed', async () => {
    ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: { T: [put('x')] } });
    await expect(batchPut(doc, 'T', [{ id: 'x' }], fast)).rejects.toMatchObject({
      code: 'UNPROCESSED_ITEMS',
      retryable: true,
    });
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(4);
  });

  it('deletes by id, once per id', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    await batchDeleteById(doc, 'T', ['a', 'b', 'a'], fast);
    expect(ddb.commandCalls(BatchWriteCommand)[0]?.args[0].input.RequestItems?.T).toEqual([
      { DeleteRequest: { Key: { id: 'a' } } },
      { DeleteRequest: { Key: { id: 'b' } } },
    ]);
  });

  it('sends nothing for nothing', async () => {
    await batchPut(doc, 'T', [], fast);
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });
});

describe('CoalescingPutWriter', () => {
  it('sends the puts of concurrent callers in one call, duplicates merged', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    const writer = new CoalescingPutWriter(doc, 'T', fast);
    await Promise.all([
      writer.put([{ id: 'a' }, { id: 'day#1' }]),
      writer.put([{ id: 'b' }, { id: 'day#1' }]),
      writer.put([]),
    ]);
    const calls = ddb.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.RequestItems?.T).toEqual([put('a'), put('day#1'), put('b')]);
  });

  it('fails every caller of a flush that could not be written, and writes later calls afresh', async () => {
    ddb
      .on(BatchWriteCommand)
      .rejectsOnce(Object.assign(new Error('boom'), { name: 'InternalServerError' }))
      .resolves({});
    const writer = new CoalescingPutWriter(doc, 'T', fast);
    const results = await Promise.allSettled([writer.put([{ id: 'a' }]), writer.put([{ id: 'b' }])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(writer.put([{ id: 'a' }])).resolves.toBeUndefined();
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(2);
  });

  describe('when DynamoDB refuses a shared flush as invalid', () => {
    /** DynamoDB as it answers a batch holding an item it cannot take (here: any item with `bad`). */
    const refuseBadItems = () =>
      ddb
        .on(BatchWriteCommand)
        .callsFake((input: { RequestItems: Record<string, { PutRequest: { Item: Item } }[]> }) => {
          if (input.RequestItems.T?.some((r) => r.PutRequest.Item.bad)) {
            throw Object.assign(new Error('Item size has exceeded the maximum allowed size'), {
              name: 'ValidationException',
            });
          }
          return {};
        });

    it("writes each caller's puts on their own: only the caller with the bad item fails", async () => {
      refuseBadItems();
      const writer = new CoalescingPutWriter(doc, 'T', fast);
      const results = await Promise.allSettled([
        writer.put([{ id: 'a' }, { id: 'day#1' }]),
        writer.put([{ id: 'b', bad: true }]),
        writer.put([{ id: 'c' }, { id: 'day#1' }]),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'VALIDATION', retryable: false });
      const sent = ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.T);
      // the shared call, then one call per caller with exactly that caller's puts
      expect(sent).toEqual([
        [put('a'), put('day#1'), { PutRequest: { Item: { id: 'b', bad: true } } }, put('c')],
        [put('a'), put('day#1')],
        [{ PutRequest: { Item: { id: 'b', bad: true } } }],
        [put('c'), put('day#1')],
      ]);
    });

    it('a lone caller fails at once, without a second call', async () => {
      refuseBadItems();
      const writer = new CoalescingPutWriter(doc, 'T', fast);
      await expect(writer.put([{ id: 'b', bad: true }])).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(1);
    });

    it('other failures are not split: every caller of the flush fails', async () => {
      ddb.on(BatchWriteCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalServerError' }));
      const writer = new CoalescingPutWriter(doc, 'T', fast);
      const results = await Promise.allSettled([writer.put([{ id: 'a' }]), writer.put([{ id: 'b' }])]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(1);
    });
  });
});
