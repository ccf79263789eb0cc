import {
  augment,
  augmentedReleases,
  demarkdown,
  fillWords,
  flatten,
  hardWrap,
  markdownize,
  pageReleases,
  scraperChromeReleases,
  survivingLabels,
  wrapInChrome,
  wrapInPage,
  wrapInScraperChrome,
} from '../../../scripts/eval/augment';
import type { RealRelease } from '../../../scripts/eval/realCorpus';

function release(name: string, content: string, split: 'dev' | 'test' = 'dev'): RealRelease {
  return {
    name,
    group: 'g',
    content,
    split,
    label: {
      provenance: 'https://example.com/a',
      licence: 'CC0',
      form: 'markdown',
      url: null,
      labels: { title: 'Acme Ships Widget', contactEmails: ['press@acme.example'], bodyLastWords: 'in June.' },
    },
  };
}

describe('the dev augmentations', () => {
  it('flattens to one line, paragraphs two spaces apart', () => {
    expect(flatten('Title\n\nOne line\nand more.\n\nLast.')).toBe('Title  One line and more.  Last.');
  });

  it('fills words into lines within the width, a longer word on a line of its own', () => {
    expect(fillWords(['aa', 'bb', 'cc', 'dddddddddd', 'e'], 5)).toEqual(['aa bb', 'cc', 'dddddddddd', 'e']);
    expect(fillWords([], 5)).toEqual([]);
  });

  it('hard-wraps long lines at spaces within the width, never a markdown heading', () => {
    const long = 'word '.repeat(40).trim();
    const wrapped = hardWrap(`# ${long}\n\n${long}`, 30);
    const lines = wrapped.split('\n');
    expect(lines[0]).toBe(`# ${long}`);
    expect(lines.slice(2).every((l) => l.length <= 30)).toBe(true);
    expect(lines.slice(2).join(' ')).toBe(long);
  });

  it('markdown-izes: the title paragraph becomes the H1, e-mails mailto links, addresses autolinks', () => {
    const md = markdownize(
      'Header line\n\nAcme Ships Widget\n\nMail press@acme.example or see https://acme.example/x.',
      'Acme Ships Widget',
    );
    expect(md).toBe(
      'Header line\n\n# Acme Ships Widget\n\nMail [press@acme.example](mailto:press@acme.example) or see <https://acme.example/x>.',
    );
  });

  it('reduces markdown to the text a reader sees', () => {
    expect(demarkdown('# Head\n\n**Bold** [text](https://x.example) ![img](a.png)\n\n---\n')).toBe(
      'Head\n\nBold text \n\n\n',
    );
  });

  it('wraps the release in site chrome above and below, the release itself unchanged', () => {
    const out = wrapInChrome('BODY OF THE RELEASE', 'g/a.md', false);
    const [above, below] = out.split('BODY OF THE RELEASE');
    expect(above?.trim().length).toBeGreaterThan(0);
    expect(below?.trim().length).toBeGreaterThan(0);
  });

  it('saves the release as a scraper would, between varied seeded portal chrome, its paragraphs in order', () => {
    const paras = Array.from({ length: 9 }, (_, i) => `Paragraph number ${i + 1} of the release.`);
    const text = paras.join('\n\n');
    const outs = Array.from({ length: 12 }, (_, i) => wrapInScraperChrome(text, `g/r${i}.txt`, false));
    expect(wrapInScraperChrome(text, 'g/r0.txt', false)).toBe(outs[0]);
    expect(new Set(outs.map((o) => o.split(paras[0] as string)[0])).size).toBeGreaterThan(6);
    for (const out of outs) {
      const kept = out.split(/\n\n+/).filter((p) => /^(?:# )?Paragraph number/.test(p));
      expect(kept.map((p) => p.replace(/^# /, ''))).toEqual(paras);
      const [above, below] = [
        out.slice(0, out.indexOf('Paragraph number 1 ')),
        out.slice(out.indexOf('of the release.', out.indexOf('number 9')) + 15),
      ];
      expect(above.trim().length).toBeGreaterThan(0);
      expect(below).toMatch(/©|Copyright/);
      expect(below).toMatch(
        /Related Stories|More News|You may also like|Latest News|Read more|Most Popular|Trending|Recommended for you/,
      );
    }
    expect(outs.some((o) => o.includes('](/'))).toBe(true);
    expect(outs.some((o) => !o.includes('](/'))).toBe(true);
    expect(wrapInScraperChrome(text, 'g/a.md', true)).toMatch(/\]\(\/[a-z-]*\)/);
  });

  it('wraps dev text releases only, not those a scraper already saved', () => {
    const saved = {
      ...release('g/b.txt', 'Acme Ships Widget\n\nText in June.'),
      label: { ...release('g/b.txt', '').label, form: 'scraper-chrome' as const },
    };
    const out = scraperChromeReleases([
      release('g/a.txt', 'Acme Ships Widget\n\nText in June.'),
      release('g/c.txt', 'x', 'test'),
      saved,
    ]);
    expect(out.map((r) => r.name)).toEqual(['g/a.txt [scraper-chrome]']);
  });

  it('leaves pages out and scores only labels the rewrite keeps', () => {
    expect(augment(release('g/a.html', '<html><body>x</body></html>'), 'flattened')).toBeNull();
    const kept = survivingLabels(
      { title: 'Acme Ships Widget', contactEmails: ['press@acme.example'], bodyLastWords: 'gone words' },
      'Acme Ships Widget. Write to press@acme.example',
    );
    expect(kept).toEqual({ title: 'Acme Ships Widget', contactEmails: ['press@acme.example'] });
  });

  it('rewrites dev releases only', () => {
    const text = '# Acme Ships Widget\n\nWrite to [press@acme.example](mailto:press@acme.example). It ships in June.';
    const out = augmentedReleases([release('g/a.md', text), release('g/b.md', text, 'test')], 'plain');
    expect(out.map((r) => r.name)).toEqual(['g/a.md [plain]']);
    expect(out[0]?.content).toBe('Acme Ships Widget\n\nWrite to press@acme.example. It ships in June.');
  });
});

describe('the dev text releases wrapped in HTML pages', () => {
  it('puts the paragraphs in <p>, the title in <h1>, escaped, inside one of three layouts', () => {
    const layouts = new Set<string>();
    for (const name of ['g/a.md', 'g/b.md', 'g/c.md', 'g/d.md', 'g/e.md', 'g/f.md', 'g/g.md', 'g/h.md']) {
      const html = wrapInPage(
        'Acme Ships Widget\n\nAcme & Co. ships\nthe widget <today>.',
        name,
        false,
        'Acme Ships Widget',
      );
      expect(html).toContain('<h1>Acme Ships Widget</h1>');
      expect(html).toContain('<p>Acme &amp; Co. ships<br>the widget &lt;today&gt;.</p>');
      layouts.add(html.includes('<table') ? 'table' : html.includes('<article') ? 'article' : 'div');
    }
    expect(layouts.size).toBeGreaterThan(1);
  });

  it('reduces markdown to its text first, and wraps only dev text releases', () => {
    expect(wrapInPage('**Bold** [text](https://x.example)', 'g/a.md', true)).toContain('<p>Bold text</p>');
    const out = pageReleases([
      release('g/a.md', 'Acme Ships Widget\n\nWrite to press@acme.example in June.'),
      release('g/b.md', 'Other text', 'test'),
      release('g/c.html', '<html><body>x</body></html>'),
    ]);
    expect(out.map((r) => r.name)).toEqual(['g/a.md [html-page]']);
    expect(out[0]?.label.labels).toEqual({
      title: 'Acme Ships Widget',
      contactEmails: ['press@acme.example'],
      bodyLastWords: 'in June.',
    });
  });
});
