import fc from 'fast-check';
import { buildRecord } from '../../../../lambdas/core/buildRecord';
import { parseRelease, parseReleaseStrict } from '../../../../lambdas/core/parser';
import { validateRecord } from '../../../../lambdas/core/recordSchema';
import { fixture } from './helpers';

const ctx = { feed: null, item: null, url: null, raw: null, fetchedAt: null };

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
          validateRecord(buildRecord(parsed, ctx));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on HTML-ish and feed-ish strings, and its record always validates', () => {
    fc.assert(
      fc.property(fc.oneof(htmlish, feedish), fc.option(fc.webUrl(), { nil: null }), (s, url) => {
        const parsed = parseReleaseStrict({ content: s, url });
        validateRecord(buildRecord(parsed, { ...ctx, url }));
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
  ];
  it.each(inputs)('%s', (_name, content) => {
    const record = buildRecord(parseReleaseStrict({ content }), ctx);
    expect(validateRecord(record).id).toBeTruthy();
  });
});
