import { releaseItem, toRecord } from '../../../../lambdas/adapters/dynamodb/indexItems';
import { itemSizeBytes } from '../../../../lambdas/adapters/dynamodb/itemSize';
import { bodyOfStored, storedBody } from '../../../../lambdas/adapters/dynamodb/storedBody';
import type { Body } from '../../../../lambdas/core/record';
import { makeRecord } from '../fixtures';

const body: Body = {
  text: 'One.\n\nTwo, with a line\nbreak.\n\nThree.',
  paragraphs: ['One.', 'Two, with a line\nbreak.', 'Three.'],
  wordCount: 7,
};
const state = { contentHash: 'c', itemHash: null, storedAt: 's', history: [], staleIndex: [] };

describe('storedBody', () => {
  it('drops a text that is exactly the paragraphs joined by a blank line', () => {
    expect(storedBody(body)).toEqual({ paragraphs: body.paragraphs, wordCount: 7 });
  });

  it('keeps a text that differs from its paragraphs joined', () => {
    for (const odd of [
      { ...body, text: 'One. Two, with a line break. Three.' },
      { ...body, text: `${body.text}\n` },
      { text: 'Only text, no paragraphs.', paragraphs: [], wordCount: 4 },
    ]) {
      expect(storedBody(odd)).toEqual(odd);
    }
  });

  it('an empty body stores no text and reads back empty', () => {
    const empty: Body = { text: '', paragraphs: [], wordCount: 0 };
    expect(storedBody(empty)).toEqual({ paragraphs: [], wordCount: 0 });
    expect(bodyOfStored(storedBody(empty))).toEqual(empty);
  });
});

describe('bodyOfStored', () => {
  it('rebuilds the text, fields in contract order', () => {
    const back = bodyOfStored({ wordCount: 7, paragraphs: body.paragraphs });
    expect(back).toEqual(body);
    expect(Object.keys(back as object)).toEqual(['text', 'paragraphs', 'wordCount']);
  });

  it('returns a body stored with its text (items written before) as it was', () => {
    expect(bodyOfStored({ wordCount: 7, text: 'Kept as written.', paragraphs: body.paragraphs })).toEqual({
      text: 'Kept as written.',
      paragraphs: body.paragraphs,
      wordCount: 7,
    });
  });

  it('leaves a missing body missing', () => {
    expect(bodyOfStored(null)).toBeNull();
    expect(bodyOfStored(undefined)).toBeUndefined();
  });
});

describe('the release item', () => {
  it('holds the body without its text and toRecord gives back the record', () => {
    const record = makeRecord({ id: 'u-1', body });
    const item = releaseItem(record, state);
    expect(item.body).toEqual({ paragraphs: body.paragraphs, wordCount: 7 });
    expect(toRecord(item)).toEqual(record);
  });

  it('is smaller by the size of the text', () => {
    const record = makeRecord({ id: 'u-1', body });
    const whole = { ...releaseItem(record, state), body };
    expect(itemSizeBytes(whole) - itemSizeBytes(releaseItem(record, state))).toBe(
      Buffer.byteLength('text') + 1 + Buffer.byteLength(body.text),
    );
  });
});
