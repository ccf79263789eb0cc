import { parseReleaseStrict } from '../../../../lambdas/core/parser';

const PAGE = `<html lang="en"><head><title>Acme Opens a Plant in Ohio | Wire</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Acme Opens a Plant in Ohio</h1>
<p>DAYTON, Ohio, March 7, 2024 /PRNewswire/ -- Acme Corp today opened a plant in Dayton.</p>
<p>The plant employs 200 people.</p></article></body></html>`;

describe('telling an HTML page from text', () => {
  it('reads a page as HTML even when kilobytes of blank lines come before its markup', () => {
    const padded = '\n' + ' \t\n'.repeat(5_000) + PAGE; // 15 KB of template whitespace, as saved pages have
    const plain = parseReleaseStrict({ content: PAGE, url: null });
    const got = parseReleaseStrict({ content: padded, url: null });
    expect(got.title).toBe('Acme Opens a Plant in Ohio');
    expect(got.title).toBe(plain.title);
    expect(got.body.paragraphs).toEqual(plain.body.paragraphs);
    expect(got.body.paragraphs.join(' ')).not.toContain('<');
  });

  it('still reads a byte-order mark and blank lines before plain text as text', () => {
    const text =
      '\uFEFF\n\n   \nAcme Opens a Plant in Ohio\n\nDAYTON, Ohio, March 7, 2024 /PRNewswire/ -- Acme Corp today opened a plant.\n';
    const got = parseReleaseStrict({ content: text, url: null });
    expect(got.title).toBe('Acme Opens a Plant in Ohio');
  });
});
