import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { isPersonName } from '../../../../lambdas/core/parser/contacts';
import {
  articleOfJsonLd,
  declaredIssuer,
  openGraphOf,
  type OpenGraph,
  type PageMetadata,
  parseJsonLd,
} from '../../../../lambdas/core/parser/pageMeta';
import { loadRealCorpus, REAL_ROOT, splitOf } from '../../../../scripts/eval/realCorpus';

// JSON-LD and Open Graph as schema.org and ogp.me document them (markup written here, names invented).
const NO_OG: OpenGraph = { title: null, siteName: null, type: null, publishedTime: null, description: null };

describe('parseJsonLd', () => {
  it('reads a plain block, and one wrapped in an HTML comment or CDATA', () => {
    expect(parseJsonLd('{"@type":"NewsArticle"}')).toEqual({ '@type': 'NewsArticle' });
    expect(parseJsonLd('<!-- {"@type":"Article"} -->')).toEqual({ '@type': 'Article' });
    expect(parseJsonLd('//<![CDATA[\n{"@type":"Article"}\n//]]>')).toEqual({ '@type': 'Article' });
  });

  it('repairs raw line breaks inside strings and a block written HTML-escaped', () => {
    expect(parseJsonLd('{"headline":"Acme\nopens a plant"}')).toEqual({ headline: 'Acme opens a plant' });
    expect(
      parseJsonLd('{&quot;@type&quot;:&quot;NewsArticle&quot;,&quot;headline&quot;:&quot;A &amp; B&quot;}'),
    ).toEqual({ '@type': 'NewsArticle', headline: 'A & B' });
  });

  it('returns null for text that is not JSON, without throwing', () => {
    expect(parseJsonLd('{"@type": "NewsArticle", headline: }')).toBeNull();
    expect(parseJsonLd('')).toBeNull();
    expect(parseJsonLd('window.x = 1;')).toBeNull();
  });
});

describe('articleOfJsonLd', () => {
  it('reads a NewsArticle: headline, date, author organization, publisher, body', () => {
    const a = articleOfJsonLd([
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Acme Robotics Opens Plant in Ohio',
        datePublished: '2025-03-04T09:00:00-05:00',
        author: { '@type': 'Organization', name: 'Acme Robotics, Inc.' },
        publisher: { '@type': 'Organization', name: 'Example News', logo: { '@type': 'ImageObject', url: 'x' } },
        articleBody: 'Acme Robotics &amp; Co. opened its plant.',
      }),
    ]);
    expect(a).toEqual({
      types: ['NewsArticle'],
      headline: 'Acme Robotics Opens Plant in Ohio',
      datePublished: '2025-03-04T09:00:00-05:00',
      authors: [{ name: 'Acme Robotics, Inc.', type: 'Organization' }],
      publisher: { name: 'Example News', type: 'Organization' },
      sourceOrganization: null,
      articleBody: 'Acme Robotics & Co. opened its plant.',
      description: null,
    });
  });

  it('finds the article in an @graph and resolves its author and publisher by @id', () => {
    const a = articleOfJsonLd([
      '{"@type":"WebSite","name":"Ignored"}',
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': 'https://n.example/p#page', name: 'Page' },
          { '@type': 'Organization', '@id': 'https://n.example/#org', name: 'Example Wire' },
          { '@type': 'Person', '@id': 'https://n.example/#jane', givenName: 'Jane', familyName: 'Roe' },
          {
            '@type': ['Article', 'PressRelease'],
            headline: 'Borealis Foods Names New CFO',
            author: [{ '@id': 'https://n.example/#jane' }],
            publisher: { '@id': 'https://n.example/#org' },
            sourceOrganization: 'Borealis Foods Ltd.',
          },
        ],
      }),
    ]);
    expect(a?.types).toEqual(['Article', 'PressRelease']);
    expect(a?.authors).toEqual([{ name: 'Jane Roe', type: 'Person' }]);
    expect(a?.publisher).toEqual({ name: 'Example Wire', type: 'Organization' });
    expect(a?.sourceOrganization).toEqual({ name: 'Borealis Foods Ltd.', type: null });
  });

  it('reads types written as URLs or prefixed names, and skips blocks that are not JSON', () => {
    const a = articleOfJsonLd(['{not json', '{"@type":"http://schema.org/NewsArticle","name":"Headline from name"}']);
    expect(a?.types).toEqual(['NewsArticle']);
    expect(a?.headline).toBe('Headline from name');
    expect(articleOfJsonLd(['{"@type":"schema:Product","name":"Widget"}'])).toBeNull();
  });

  it("finds a page's mainEntity article, never an article inside a list of other stories", () => {
    const page = JSON.stringify({
      '@type': 'WebPage',
      mainEntity: { '@type': 'NewsArticle', headline: 'The page article' },
    });
    expect(articleOfJsonLd([page])?.headline).toBe('The page article');
    const list = JSON.stringify({
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', item: { '@type': 'NewsArticle', headline: 'Another story' } }],
    });
    expect(articleOfJsonLd([list])).toBeNull();
  });

  it('drops an author given as a profile URL', () => {
    expect(articleOfJsonLd(['{"@type":"Article","author":"https://n.example/author/x"}'])?.authors).toEqual([]);
  });
});

describe('openGraphOf', () => {
  it('reads og: and article: keys from property or name, content or value; the first non-empty wins', () => {
    const og = openGraphOf([
      { property: 'og:title', content: '' },
      { name: 'og:title', content: 'Acme &amp; Co. Reports Results' },
      { property: 'og:site_name', content: 'Example Portal' },
      { property: 'og:type', content: 'article' },
      { property: 'og:article:published_time', value: '2025-01-02T03:04:05Z' },
      { charset: 'utf-8' },
    ]);
    expect(og).toEqual({
      title: 'Acme & Co. Reports Results',
      siteName: 'Example Portal',
      type: 'article',
      publishedTime: '2025-01-02T03:04:05Z',
      description: null,
    });
  });
});

describe('declaredIssuer', () => {
  const meta = (article: Partial<NonNullable<PageMetadata['article']>>, og = NO_OG): PageMetadata => ({
    article: {
      types: ['NewsArticle'],
      headline: null,
      datePublished: null,
      authors: [],
      publisher: null,
      sourceOrganization: null,
      articleBody: null,
      description: null,
      ...article,
    },
    og,
  });
  const options = { isPerson: isPersonName, isWire: (n: string) => /wire$/i.test(n) };

  it('is the source organization, else an organization author', () => {
    expect(
      declaredIssuer(
        meta({
          sourceOrganization: { name: 'Acme Inc.', type: null },
          authors: [{ name: 'Beta', type: 'Organization' }],
        }),
        options,
      ),
    ).toBe('Acme Inc.');
    expect(declaredIssuer(meta({ authors: [{ name: 'Beta Holdings GmbH', type: null }] }), options)).toBe(
      'Beta Holdings GmbH',
    );
  });

  it('is never the site itself (publisher, og:site_name or host), a person, or a wire', () => {
    const site = meta({
      authors: [{ name: 'Example Portal', type: null }],
      publisher: { name: 'Example Portal', type: null },
    });
    expect(declaredIssuer(site, options)).toBeNull();
    const og = meta({ authors: [{ name: 'examplenews.de', type: null }] }, { ...NO_OG, siteName: 'ExampleNews.de' });
    expect(declaredIssuer(og, options)).toBeNull();
    const host = meta({ authors: [{ name: 'BioExample', type: null }] });
    expect(declaredIssuer(host, { ...options, url: 'https://www.bioexample.com/article/x' })).toBeNull();
    expect(declaredIssuer(host, { ...options, url: 'https://www.other.example/x' })).toBe('BioExample');
    expect(declaredIssuer(meta({ authors: [{ name: 'Jane Roe', type: null }] }), options)).toBeNull();
    expect(declaredIssuer(meta({ authors: [{ name: 'Acme Labs', type: 'Person' }] }), options)).toBeNull();
    expect(declaredIssuer(meta({ authors: [{ name: 'Example Newswire', type: null }] }), options)).toBeNull();
    expect(declaredIssuer({ article: null, og: NO_OG }, options)).toBeNull();
  });
});

describe('a page without wire markup', () => {
  const page = (ld: object, body: string) =>
    `<!DOCTYPE html><html><head><title>Portal</title><meta property="og:site_name" content="Example Portal">` +
    `<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${body}</body></html>`;
  const body =
    '<div class="article-body"><p>Jeden Tag liefert das Unternehmen frische Waren an mehr als dreihundert Kunden in der ganzen Region aus.</p>' +
    '<p>Weitere Informationen gibt es auf der Website des Unternehmens.</p></div>';

  it('takes the issuer and headline its JSON-LD declares', () => {
    const r = parseReleaseStrict({
      content: page(
        {
          '@type': 'NewsArticle',
          headline: 'Frischdienst Nord erweitert Lager',
          author: { name: 'Frischdienst Nord GmbH' },
          publisher: { '@type': 'Organization', name: 'Example Portal' },
        },
        body,
      ),
    });
    expect(r.source).toBe('Frischdienst Nord GmbH');
    expect(r.title).toBe('Frischdienst Nord erweitert Lager');
  });

  it('names the wire its JSON-LD gives as publisher, not the portal as the source', () => {
    const r = parseReleaseStrict({
      content: page({ '@type': 'NewsArticle', author: 'Example Portal', publisher: { name: 'Business Wire' } }, body),
    });
    expect(r.wire?.name).toBe('Business Wire');
    expect(r.source).not.toBe('Example Portal');
  });

  it("takes the wire from the page's own URL on a wire's site, or from the og:site_name it declares", () => {
    const plain = `<html><body>${body}</body></html>`;
    expect(parseReleaseStrict({ content: plain, url: 'https://www.presseportal.de/pm/1/2' }).wire).toEqual({
      name: 'news aktuell',
      tag: 'presseportal.de',
    });
    expect(parseReleaseStrict({ content: plain, url: 'https://portal.example/news/1' }).wire).toBeNull();
    const named =
      '<html><head><meta property="og:site_name" content="Business Wire"></head><body>' + body + '</body></html>';
    expect(parseReleaseStrict({ content: named }).wire?.name).toBe('Business Wire');
  });

  it('keeps the SOURCE line and the page headline over what the metadata declares', () => {
    const r = parseReleaseStrict({
      content: page(
        { '@type': 'NewsArticle', headline: 'Declared', author: { '@type': 'Organization', name: 'Other Org' } },
        `<h1>Acme Opens Plant</h1>${body.replace('</div>', '<p>SOURCE: Acme Corporation</p></div>')}`,
      ),
    });
    expect(r.title).toBe('Acme Opens Plant');
    expect(r.source).toBe('Acme Corporation');
  });
});

describe('the declared issuer comes after the text’s own clues', () => {
  const ld = '{"@type":"NewsArticle","author":{"@type":"Organization","name":"Declared Org Ltd"}}';
  const page = (body: string) =>
    `<html><head><script type="application/ld+json">${ld}</script></head><body><div class="article-body">${body}</div></body></html>`;

  it('the only About section names the issuer', () => {
    const r = parseReleaseStrict({
      content: page(
        '<h1>New plant opens in the north</h1><p>Every day more than three hundred customers in the region get fresh goods from the new plant.</p>' +
          '<p><b>About Nordlicht Foods</b></p><p>Nordlicht Foods makes and delivers fresh food.</p>',
      ),
    });
    expect(r.source).toBe('Nordlicht Foods');
  });

  it('a wire-tagged dateline is wire markup: the metadata names no issuer then', () => {
    const r = parseReleaseStrict({
      content: page(
        '<h1>New plant opens</h1><p>TORONTO, March 3, 2025 /PRNewswire/ -- Every day more than three hundred customers in the region get fresh goods from the new plant.</p>',
      ),
    });
    expect(r.wire?.name).toBe('PR Newswire');
    expect(r.source).toBeNull();
  });
});

describe('a page whose markup holds no body, with the article text in its JSON-LD', () => {
  const articleBody =
    'TAMPA, Fla., May 20, 2025 /PRNewswire/ -- Harbor Light Clinics, a network of urgent care centers, opened its ninth location on Tuesday.\r\n\r\n' +
    'The clinic is open seven days a week and takes walk-in patients from 8 a.m. to 8 p.m.\r\n\r\n' +
    'SOURCE Harbor Light Clinics';
  const page = (body: string) =>
    '<html><head><title>Harbor Light Clinics Opens Ninth Location</title>' +
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbor Light Clinics Opens Ninth Location', articleBody: body })}</script>` +
    '</head><body><div id="root"></div><script>render()</script></body></html>';

  it('reads the declared article text as the release: dateline, wire, body paragraphs, SOURCE', () => {
    const r = parseReleaseStrict({ content: page(articleBody) });
    expect(r.kind).toBe('html');
    expect(r.title).toBe('Harbor Light Clinics Opens Ninth Location');
    expect(r.wire?.name).toBe('PR Newswire');
    expect(r.dateline?.location).toBe('TAMPA, Fla.');
    expect(r.source).toBe('Harbor Light Clinics');
    expect(r.body.paragraphs).toEqual([
      'Harbor Light Clinics, a network of urgent care centers, opened its ninth location on Tuesday.',
      'The clinic is open seven days a week and takes walk-in patients from 8 a.m. to 8 p.m.',
    ]);
  });

  it('keeps <p> and <br> in a declared body as paragraph breaks', () => {
    const article = articleOfJsonLd([
      JSON.stringify({ '@type': 'Article', articleBody: '<p>One &amp; two.</p><p>Three.<br>Four.</p>' }),
    ]);
    expect(article?.articleBody).toBe('One & two.\n\nThree.\n\nFour.');
  });

  it('leaves a short declared body (a summary) alone', () => {
    const r = parseReleaseStrict({ content: page('Harbor Light Clinics opened a clinic.') });
    expect(r.body.paragraphs).toEqual([]);
  });
});

describe('JSON-LD of the real dev pages', () => {
  const dev = (name: string) => {
    const release = loadRealCorpus().find((r) => r.name === name);
    // Only dev releases may be looked at (the test split is sealed).
    expect(release && splitOf(release.label.provenance)).toBe('dev');
    return readFileSync(join(REAL_ROOT, name), 'utf8');
  };
  const scripts = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

  it('a news portal names the issuer as author and itself as publisher', () => {
    const html = dev('pages/presseportal-2015-traveltrex-neureuther-interview.html');
    const article = articleOfJsonLd(scripts(html));
    expect(article?.authors).toEqual([{ name: 'TravelTrex GmbH', type: null }]);
    expect(article?.publisher?.name).toBe('Presseportal.de');
    expect(parseReleaseStrict({ content: html }).source).toBe('TravelTrex GmbH');
  });

  it('a portal naming itself as author gives no issuer', () => {
    const article = articleOfJsonLd(scripts(dev('republished/biospace-2020-protalix-bridge-phase-iii.html')));
    expect(article?.authors).toEqual([{ name: 'BioSpace', type: null }]);
    expect(declaredIssuer({ article, og: NO_OG }, { isPerson: isPersonName })).toBeNull();
  });

  it('a wire named as publisher, an author with a null name', () => {
    const article = articleOfJsonLd(scripts(dev('pages/ein-2016-rackspace-openstack-milestone.html')));
    expect(article?.publisher?.name).toBe('Marketwired');
    expect(article?.authors).toEqual([]);
    expect(article?.datePublished).toBe('2016-08-11T17:15:00Z');
  });
});
