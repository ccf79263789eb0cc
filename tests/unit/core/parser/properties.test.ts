import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord } from '../../../../lambdas/core/buildRecord';
import { parseRelease, parseReleaseStrict } from '../../../../lambdas/core/parser';
import type { PressReleaseRecord } from '../../../../lambdas/core/record';
import { validateRecord } from '../../../../lambdas/core/recordSchema';
import { fixture } from './helpers';

const ctx = { feed: null, item: null, url: null, raw: null, fetchedAt: null };

// The committed JSON Schema (what non-TypeScript consumers validate with), checked with ajv on
// every record these properties produce, in addition to the zod schema.
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/);
const jsonSchema = ajv.compile(
  JSON.parse(readFileSync(join(__dirname, '../../../../lambdas/core/record.schema.json'), 'utf8')) as object,
);

/** Both schemas accept the record; on failure the message names the first bad path. */
function validateBoth(record: PressReleaseRecord): PressReleaseRecord {
  const valid = validateRecord(record);
  if (!jsonSchema(record)) throw new Error(`JSON Schema: ${ajv.errorsText(jsonSchema.errors)}`);
  return valid;
}

// Pieces that steer random input into the parser's interesting paths.
const tokens = fc.constantFrom(
  'BEIJING, March 7, 2024 /PRNewswire/ -- ',
  'PALO ALTO, Calif.--(BUSINESS WIRE)--',
  '/PRNewswire-FirstCall/ —',
  '(NASDAQ: ABCD)',
  '(NYSE:GIG, GIG.U)',
  'About Acme Robotics',
  'Media Contact:',
  'jane [at] acme [dot] com',
  'SOURCE Acme',
  'View original content:https://x.example/a.html',
  '###',
  '-0-',
  '\n\n',
  '\n',
  '\u00a0',
  '\u202f',
  '--',
  '(',
  ')',
  '@',
  '# ',
  '**',
  '[x](https://e.example)',
  'date 2024-03-07 ',
);
const releaseish = fc.array(fc.oneof(tokens, fc.string({ maxLength: 20 })), { maxLength: 40 }).map((a) => a.join(''));
const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<br>',
        '<b>',
        '</b>',
        '<a href="mailto:x@y.example">',
        '</a>',
        '<table><tr><td>',
        '</td></tr></table>',
      ),
      fc.constantFrom(
        '<section class="release-body">',
        '</section>',
        '<script>',
        '</script>',
        '<h1>',
        '</h1>',
        '<!--',
        '-->',
      ),
      tokens,
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 40 },
  )
  .map((a) => '<html><body>' + a.join(''));
const feedish = fc
  .tuple(fc.string({ maxLength: 30 }), releaseish)
  .map(
    ([t, d]) => `<item><title>${t}</title><description><![CDATA[${d}]]></description><pubDate>${t}</pubDate></item>`,
  );

describe('parseRelease properties', () => {
  it('never throws on arbitrary strings, and its record always validates', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), releaseish),
        (s) => {
          const parsed = parseReleaseStrict({ content: s });
          validateBoth(buildRecord(parsed, ctx));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on HTML-ish and feed-ish strings, and its record always validates', () => {
    fc.assert(
      fc.property(fc.oneof(htmlish, feedish), fc.option(fc.webUrl(), { nil: null }), (s, url) => {
        const parsed = parseReleaseStrict({ content: s, url });
        validateBoth(buildRecord(parsed, { ...ctx, url }));
      }),
      { numRuns: 300 },
    );
  });

  it('body text is always the paragraphs joined by blank lines, with a matching word count', () => {
    fc.assert(
      fc.property(releaseish, (s) => {
        const { body } = parseReleaseStrict({ content: s });
        expect(body.text).toBe(body.paragraphs.join('\n\n'));
        expect(body.wordCount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('every record from arbitrary unicode validates against the committed JSON Schema', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.constantFrom('', '<p>', '<html><body>'),
        (s, pre) => {
          validateBoth(buildRecord(parseReleaseStrict({ content: pre + s }), ctx));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON (saved JSON Feed items), and its record always validates', () => {
    const item = fc.record({
      id: fc.oneof(fc.string(), fc.integer()),
      url: fc.oneof(fc.webUrl(), fc.string()),
      title: fc.string(),
      date_published: fc.oneof(
        fc.string(),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      content_html: fc.oneof(htmlish, releaseish),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          item.map((i) => JSON.stringify({ items: [i] })),
        ),
        (s) => {
          validateBoth(buildRecord(parseReleaseStrict({ content: s }), ctx));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tolerates a non-string content at runtime (JS callers)', () => {
    expect(() => parseRelease({ content: undefined as unknown as string })).not.toThrow();
  });
});

describe('adversarial 1 MB inputs complete and give a valid record', () => {
  const MB = 1024 * 1024;
  const seed = fixture('seed', 'liaoning-prnewswire-2024-03-07.txt');
  const inputs: [string, string][] = [
    ['dashes', '-'.repeat(MB)],
    ['parentheses', '('.repeat(MB / 2) + ')'.repeat(MB / 2)],
    ['capitals', 'ABOUT SOURCE BEIJING '.repeat(MB / 21)],
    ['at signs', 'a@'.repeat(MB / 2)],
    ['emails and dots', 'x.y@z.'.repeat(MB / 6)],
    ['brackets', '[a]('.repeat(MB / 4)],
    ['tags', '/PRNewswire-'.repeat(MB / 12)],
    ['html nesting', '<div><p><b>'.repeat(MB / 11)],
    ['one long line', 'word '.repeat(MB / 5)],
    ['hyphen lines', 'manu-\nfacturing '.repeat(MB / 17)],
    ['seed then junk', seed + ' SOURCE '.repeat(MB / 8)],
    ['tickers', '(NASDAQ: A, B, C, D, E'.repeat(MB / 22)],
    ['capital runs', 'ACME WINS AWARD NEW YORK, '.repeat(MB / 26)],
    ['glued emails', 'Contact:jane.doe@acme.example.comMedia:'.repeat(MB / 39)],
    ['obfuscated emails', 'jane [at] acme [dot] com (at) ('.repeat(MB / 31)],
    ['dashes then a tag', '-'.repeat(MB - 40) + ' BEIJING, March 7, 2024 /PRNewswire/ -- x'],
    ['dates', 'March 7, 2024 7 de marzo de 2024 2024年3月7日 '.repeat(MB / 48)],
    ['about headings', 'About Acme About Acme '.repeat(MB / 22)],
    ['phones', '+1 (512) 555-0100 '.repeat(MB / 18)],
    ['unclosed tables', '<table><tr><td><p>x'.repeat(MB / 20)],
    ['nested spans in a release body', '<section class="release-body">' + '<span>'.repeat(MB / 12) + 'x'],
    ['indented lines', '    word\nflush line\n'.repeat(MB / 20)],
    ['one flattened megabyte', 'Acme Corp. said.  About Acme Acme is.  SOURCE Acme  '.repeat(MB / 52)],
  ];
  it.each(inputs)('%s', (_name, content) => {
    const record = buildRecord(parseReleaseStrict({ content }), ctx);
    expect(validateBoth(record).id).toBeTruthy();
  });
});
