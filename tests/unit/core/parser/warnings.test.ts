import { fallbackTextOnly, parseReleaseStrict } from '../../../../lambdas/core/parser';

describe('warnings: what the parser could not find', () => {
  it('is empty for a complete wire release', () => {
    const r = parseReleaseStrict({
      content:
        'Acme Ships Widget\n\nAUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Corp (NASDAQ: ACME) today shipped Widget.\n\nSOURCE Acme Corp\n',
    });
    expect(r.title).toBe('Acme Ships Widget');
    expect(r.warnings).toEqual([]);
  });

  it('names each missing part; no-wire only where a dateline stands without a wire', () => {
    expect(parseReleaseStrict({ content: 'just some words without any structure' }).warnings).toEqual(
      expect.arrayContaining(['no-dateline', 'no-source']),
    );
    expect(parseReleaseStrict({ content: 'just some words' }).warnings).not.toContain('no-wire');
    expect(parseReleaseStrict({ content: '' }).warnings).toEqual(['no-title', 'no-dateline', 'no-source', 'no-body']);
  });

  it('says truncated when the body ends like a cut excerpt', () => {
    const r = parseReleaseStrict({
      content: 'NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp today announced that it will expand its …',
    });
    expect(r.warnings).toContain('truncated');
  });
});

describe('fallbackTextOnly: the degraded reading kept when the parser fails', () => {
  it('keeps the plain text of a page, marked fallback-text-only, with nothing guessed', () => {
    const r = fallbackTextOnly({
      content: '<html><body><script>var x=1;</script><p>First &amp; one.</p><p>Second.</p></body></html>',
      url: 'https://example.com/a',
    });
    expect(r.body.paragraphs).toEqual(['First & one.', 'Second.']);
    expect(r.title).toBeNull();
    expect(r.canonicalUrl).toBe('https://example.com/a');
    expect(r.warnings[0]).toBe('fallback-text-only');
    expect(r.warnings).toContain('no-title');
  });
});
