import { parseReleaseStrict } from '../../../../lambdas/core/parser';

// Release pages as each wire lays them out (markup modelled on the wires' pages, text invented):
// the release container, headline, deck, page time, dateline, body boundaries and contacts.
const PAGES = {
  bw: '<!DOCTYPE html><html lang="en"><head><title>Orchard Mesh Introduces Canopy 7 | Business Wire</title>\n<meta property="og:title" content="Orchard Mesh Introduces Canopy 7">\n<link rel="canonical" href="https://www.businesswire.com/news/home/20250310005123/en/Orchard-Mesh-Introduces-Canopy-7">\n</head><body>\n<header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>\n<div class="bw-release-main">\n<h1 class="epi-fontLg bwalignc"><b>Orchard Mesh Introduces Canopy 7 Mesh Router</b></h1>\n<h2 class="bw-release-subhead"><i>Wi-Fi 7 for every room at $349</i></h2>\n<div class="bw-release-timestamp"><time datetime="2025-03-10T13:00:00Z">March 10, 2025 09:00 AM Eastern Daylight Time</time></div>\n<div class="bw-release-story">\n<p>PALO ALTO, Calif.--(<a href="http://www.businesswire.com">BUSINESS WIRE</a>)--Orchard Mesh, Inc. (NASDAQ: ORCH), a maker of home networking equipment, today introduced the Canopy 7 mesh router.</p>\n<p>The router supports Wi-Fi 7 and costs $349. Details at <a href="https://www.orchardmesh.example/canopy7">orchardmesh.example/canopy7</a>.</p>\n<p><b>About Orchard Mesh</b></p>\n<p>Orchard Mesh, Inc. makes routers and mesh systems for homes and small offices.</p>\n</div>\n<div class="bw-release-contact"><h3>Contacts</h3><p>Nora Quinn<br>Orchard Mesh<br><a href="mailto:nora@orchardmesh.example">nora@orchardmesh.example</a><br>650-555-0199</p></div>\n</div>\n<footer>Copyright 2025 Business Wire</footer>\n</body></html>\n',
  globe:
    '<!DOCTYPE html><html><head><title>Northbay Minerals Reports Drill Results</title>\n<meta property="article:published_time" content="2025-02-04T12:30:00Z">\n<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Northbay Minerals Reports Drill Results","datePublished":"2025-02-04T07:30:00-05:00"}</script>\n</head><body>\n<div class="main-header"><a href="/">GlobeNewswire</a></div>\n<div class="main-container">\n<h1 class="article-headline">Northbay Minerals Reports Drill Results at Tamarack Lake</h1>\n<p class="article-published-source"><span class="article-published"><time datetime="2025-02-04T12:30:00Z">February 04, 2025 07:30 ET</time></span> | Source: <span>Northbay Minerals Corp.</span></p>\n<div id="main-body-container" class="main-body-container article-body" itemprop="articleBody">\n<p align="justify">TORONTO, Feb. 04, 2025 (GLOBE NEWSWIRE) -- Northbay Minerals Corp. (TSXV: NBM) (OTCQB: NBMCF) today reported assays from its winter drilling program at Tamarack Lake.</p>\n<p>Hole TL-25-04 intersected 12.4 metres grading 3.1 g/t gold.</p>\n<p><strong>About Northbay Minerals Corp.</strong></p>\n<p>Northbay Minerals Corp. explores for gold in northern Ontario.</p>\n<p><strong>Forward-Looking Information</strong></p>\n<p>This news release contains forward-looking information.</p>\n<p>For further information, please contact:<br>Marc Tremblay, CEO<br>+1 416-555-0120<br>info@northbayminerals.example</p>\n</div>\n<div class="main-tags">Tags: mining</div>\n</div></body></html>\n',
  accesswire:
    '<!DOCTYPE html><html><head><title>Bluegill Therapeutics Announces Pricing | ACCESS Newswire</title>\n<meta property="og:title" content="Bluegill Therapeutics Announces Pricing of $15 Million Offering">\n<meta property="article:published_time" content="2025-04-01T12:00:00.000Z">\n</head><body><div id="__next"><div class="header"><a href="/">ACCESS Newswire</a> <a href="/newsroom">Newsroom</a></div>\n<main><div class="article-container"><h1>Bluegill Therapeutics Announces Pricing of $15 Million Offering</h1>\n<div class="article-meta">April 1, 2025 8:00 AM EDT | Source: Bluegill Therapeutics, Inc.</div>\n<div id="articleBody" class="article-body">\n<p>BOSTON, MA / <a href="https://www.accessnewswire.com">ACCESS Newswire</a> / April 1, 2025 / Bluegill Therapeutics, Inc. (NASDAQ:BLGT) ("Bluegill" or the "Company") today announced the pricing of an underwritten public offering.</p>\n<p>The offering is expected to close on April 3, 2025.</p>\n<p><b>Contact:</b><br>Sam Ortiz<br>sortiz@bluegilltx.example</p>\n<p><b>SOURCE:</b> Bluegill Therapeutics, Inc.</p>\n<p>View the original <a href="https://www.accessnewswire.com/newsroom/en/x">press release</a> on ACCESS Newswire</p>\n</div></div></main></div></body></html>\n',
  newsfile:
    '<!DOCTYPE html><html><head><title>Silverpine Resources Closes Private Placement</title>\n<meta name="description" content="Vancouver, British Columbia--(Newsfile Corp. - March 12, 2025) - Silverpine">\n</head><body><nav class="navbar">Newsfile | Releases | Login</nav>\n<div class="container"><div class="row"><div class="col-md-8">\n<h1>Silverpine Resources Closes Private Placement</h1>\n<div class="news-release" id="release">\n<p>Vancouver, British Columbia--(Newsfile Corp. - March 12, 2025) - Silverpine Resources Ltd. (TSXV: SPR) (FSE: 5SP) ("Silverpine" or the "Company") is pleased to announce that it has closed its non-brokered private placement.</p>\n<p>The Company issued 8,000,000 units at $0.10 per unit.</p>\n<p>On behalf of the Board of Directors</p>\n<p>For more information contact:<br>Jane Holt, President<br>Tel: 604-555-0188<br>Email: jholt [at] silverpine [dot] example</p>\n<p>Neither the TSX Venture Exchange nor its Regulation Services Provider accepts responsibility for the adequacy or accuracy of this release.</p>\n<p>To view the source version of this press release, please visit <a href="https://www.newsfilecorp.com/release/1/x">https://www.newsfilecorp.com/release/1/x</a></p>\n</div></div><div class="col-md-4 sidebar">Related releases: lots of text here to confuse things and more text and more text and more text</div></div></div></body></html>\n',
  ein: '<!DOCTYPE html><html><head><title>Harbor Light Clinics Opens Tampa Location - EIN Presswire</title>\n<meta property="og:title" content="Harbor Light Clinics Opens Tampa Location">\n<meta property="article:published_time" content="2025-05-20T14:15:00-04:00">\n</head><body><div class="top-nav">EIN Presswire | Newsmatics</div>\n<div class="article_column"><h1>Harbor Light Clinics Opens Tampa Location</h1>\n<p class="subtitle">New clinic offers same-day appointments</p>\n<div class="article-content" itemprop="articleBody">\n<p>TAMPA, FL, UNITED STATES, May 20, 2025 /<a href="https://www.einpresswire.com">EINPresswire.com</a>/ -- Harbor Light Clinics, a network of urgent care centers, opened its ninth location on Tuesday.</p>\n<p>The clinic is open seven days a week.</p>\n<p>Maria Gomez<br>Harbor Light Clinics<br>+1 813-555-0101<br><a href="mailto:maria@harborlight.example">email us here</a></p>\n</div></div></body></html>\n',
};

describe('wire release pages', () => {
  it('Business Wire: story, subhead, <time>, contacts beside the story, no tag link in the body links', () => {
    const p = parseReleaseStrict({ content: PAGES.bw });
    expect(p.title).toBe('Orchard Mesh Introduces Canopy 7 Mesh Router');
    expect(p.subtitle).toBe('Wi-Fi 7 for every room at $349');
    expect(p.publishedAt).toBe('2025-03-10T13:00:00.000Z');
    expect(p.canonicalUrl).toMatch(/^https:\/\/www\.businesswire\.com\//);
    expect(p.dateline).toEqual({
      text: 'PALO ALTO, Calif.--(BUSINESS WIRE)',
      location: 'PALO ALTO, Calif.',
      date: null,
    });
    expect(p.source).toBe('Orchard Mesh, Inc.');
    expect(p.body.paragraphs).toHaveLength(2);
    expect(p.about).toEqual([
      {
        organization: 'Orchard Mesh',
        text: 'Orchard Mesh, Inc. makes routers and mesh systems for homes and small offices.',
      },
    ]);
    expect(p.contacts).toEqual([
      { name: 'Nora Quinn', organization: 'Orchard Mesh', email: 'nora@orchardmesh.example', phone: '650-555-0199' },
    ]);
    expect(p.links).toEqual([{ url: 'https://www.orchardmesh.example/canopy7', text: 'orchardmesh.example/canopy7' }]);
  });

  it('GlobeNewswire: #main-body-container, article:published_time, FLS and contact cut off', () => {
    const p = parseReleaseStrict({ content: PAGES.globe });
    expect(p.title).toBe('Northbay Minerals Reports Drill Results at Tamarack Lake');
    expect(p.wire).toEqual({ name: 'GlobeNewswire', tag: 'GLOBE NEWSWIRE' });
    expect(p.publishedAt).toBe('2025-02-04T12:30:00.000Z');
    expect(p.tickers).toEqual([
      { exchange: 'TSXV', symbol: 'NBM' },
      { exchange: 'OTCQB', symbol: 'NBMCF' },
    ]);
    expect(p.body.paragraphs).toEqual([
      'Northbay Minerals Corp. (TSXV: NBM) (OTCQB: NBMCF) today reported assays from its winter drilling program at Tamarack Lake.',
      'Hole TL-25-04 intersected 12.4 metres grading 3.1 g/t gold.',
    ]);
    expect(p.language).toBe('en');
    expect(p.contacts).toEqual([
      { name: 'Marc Tremblay', organization: null, email: 'info@northbayminerals.example', phone: '+1 416-555-0120' },
    ]);
  });

  it('Accesswire: date after the tag, SOURCE: line, "View the original press release" footer', () => {
    const p = parseReleaseStrict({ content: PAGES.accesswire });
    expect(p.dateline).toEqual({
      text: 'BOSTON, MA / ACCESS Newswire / April 1, 2025',
      location: 'BOSTON, MA',
      date: '2025-04-01',
    });
    expect(p.place).toEqual({ city: 'Boston', region: 'MA', country: 'US' });
    expect(p.source).toBe('Bluegill Therapeutics, Inc.');
    expect(p.body.paragraphs).toHaveLength(2);
    expect(p.links).toEqual([]);
  });

  it('Newsfile: exchange disclaimer, sign-off and source-version footer are not body; obfuscated email', () => {
    const p = parseReleaseStrict({ content: PAGES.newsfile });
    expect(p.wire).toEqual({ name: 'Newsfile', tag: 'Newsfile Corp.' });
    expect(p.dateline?.date).toBe('2025-03-12');
    expect(p.tickers).toEqual([
      { exchange: 'TSXV', symbol: 'SPR' },
      { exchange: 'FSE', symbol: '5SP' },
    ]);
    expect(p.body.paragraphs).toHaveLength(2);
    expect(p.contacts).toEqual([
      { name: 'Jane Holt', organization: null, email: 'jholt@silverpine.example', phone: '604-555-0188' },
    ]);
  });

  it('EIN Presswire: a contact card with no heading and a mailto "email us here"', () => {
    const p = parseReleaseStrict({ content: PAGES.ein });
    expect(p.subtitle).toBe('New clinic offers same-day appointments');
    expect(p.place).toEqual({ city: 'Tampa', region: 'FL', country: 'US' });
    expect(p.publishedAt).toBe('2025-05-20T18:15:00.000Z');
    expect(p.body.paragraphs).toEqual([
      'Harbor Light Clinics, a network of urgent care centers, opened its ninth location on Tuesday.',
      'The clinic is open seven days a week.',
    ]);
    expect(p.contacts).toEqual([
      {
        name: 'Maria Gomez',
        organization: 'Harbor Light Clinics',
        email: 'maria@harborlight.example',
        phone: '+1 813-555-0101',
      },
    ]);
  });

  it('a saved JSON Feed item: link, id, title and date from the item, the release from content_html', () => {
    const item = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        {
          id: '302000009',
          url: 'https://www.prnewswire.com/news-releases/x-302000009.html',
          title: 'Acme Opens Plant',
          date_published: '2025-01-14T08:05:00-05:00',
          content_html:
            '<p>DENVER, Jan. 14, 2025 /PRNewswire/ -- Acme Corp. (NYSE: ACME) today opened a plant.</p><p>SOURCE Acme Corp.</p>',
        },
      ],
    });
    const p = parseReleaseStrict({ content: item });
    expect(p).toMatchObject({
      kind: 'feed-item',
      guid: '302000009',
      canonicalUrl: 'https://www.prnewswire.com/news-releases/x-302000009.html',
      title: 'Acme Opens Plant',
      publishedAt: '2025-01-14T13:05:00.000Z',
      source: 'Acme Corp.',
    });
    expect(p.body.paragraphs).toEqual(['Acme Corp. (NYSE: ACME) today opened a plant.']);
  });

  it('a page written with <div> and <br><br> instead of <p>: the article, not an empty <main>', () => {
    const html =
      '<html><body><div class="nav">Home | News</div><main></main><article><h1>Acme Opens Plant</h1>' +
      '<div>DENVER, Feb. 4, 2025 /PRNewswire/ -- Acme Corp. today opened a plant in the city.<br><br>The plant employs 300 people.</div>' +
      '</article><footer>x</footer></body></html>';
    const p = parseReleaseStrict({ content: html });
    expect(p.title).toBe('Acme Opens Plant');
    expect(p.body.paragraphs).toEqual([
      'Acme Corp. today opened a plant in the city.',
      'The plant employs 300 people.',
    ]);
  });

  it('JSON-LD datePublished when the page has no other timestamp', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-02-04T07:30:00-05:00"}]}</script></head>' +
      '<body><article><h1>Acme Opens Plant</h1><p>DENVER, Feb. 4, 2025 /PRNewswire/ -- Acme Corp. today opened a plant in the city.</p></article></body></html>';
    expect(parseReleaseStrict({ content: html }).publishedAt).toBe('2025-02-04T12:30:00.000Z');
  });
});

describe('a page wrapped in one form (ASP.NET WebForms)', () => {
  const lead =
    'Harbor Light Clinics, a network of urgent care centers, opened its ninth location in Tampa on Tuesday morning.';
  const filler = Array.from(
    { length: 30 },
    (_, i) => `<p>Paragraph ${i + 1} of the release says more about the clinic and its services.</p>`,
  );
  const page = (form: string) =>
    `<!DOCTYPE html><html><head><title>Harbor Light Clinics Opens Tampa Location</title></head><body>${form}</body></html>`;

  it('reads the release inside a form that holds the whole page', () => {
    const p = parseReleaseStrict({
      content: page(
        `<form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x">` +
          `<nav><a href="/">Home</a></nav><h1>Harbor Light Clinics Opens Tampa Location</h1><div><p>${lead}</p>${filler.join('')}</div></form>`,
      ),
    });
    expect(p.body.paragraphs[0]).toBe(lead);
    expect(p.body.paragraphs).toHaveLength(31);
  });

  it('still skips a search or sign-up form beside the release', () => {
    const p = parseReleaseStrict({
      content: page(
        `<form action="/search"><p>Search the newsroom for more stories about clinics</p><input name="q"></form>` +
          `<div class="article-body"><p>${lead}</p>${filler.join('')}</div>`,
      ),
    });
    expect(p.body.paragraphs[0]).toBe(lead);
    expect(p.body.text).not.toContain('Search the newsroom');
  });
});

describe('a short release laid out in a one-row table beside a menu', () => {
  const lead =
    'TAMPA, FL / ACCESSWIRE / May 20, 2025 / Harbor Light Clinics, a network of urgent care centers, opened its ninth location...';

  it('reads the cells as content, so the dateline is found', () => {
    const p = parseReleaseStrict({
      content: `<html><body><table width="100%"><tr><td class="left">Menu<br>Home<br>News</td><td><p>${lead}</p></td></tr></table></body></html>`,
    });
    expect(p.wire?.name).toBe('Accesswire');
    expect(p.dateline?.location).toBe('TAMPA, FL');
  });

  it('keeps a one-row table of figures as a data table', () => {
    const p = parseReleaseStrict({
      content: `<html><body><p>${lead}</p><table><tr><td>Revenue</td><td><p>$5.2 million</p></td><td>up 12%</td></tr></table></body></html>`,
    });
    expect(p.body.paragraphs).toContain('Revenue | $5.2 million | up 12%');
  });
});

describe("a portal's list of other stories under the release, outside any chrome element", () => {
  const release =
    '<h1>Harbor Light Clinics Opens Ninth Location</h1><p>Harbor Light Clinics, a network of urgent care centers, opened its ninth location in Tampa on Tuesday.</p>' +
    '<p>The clinic is open seven days a week.</p>';
  const related = [1, 2, 3, 4]
    .map(
      (i) =>
        `<li><a href="/news/${i}">Other Company ${i} Reports Quarterly Results and Expands</a><p>A teaser about story ${i}, which is not part of the release.</p></li>`,
    )
    .join('');

  it('ends the body before three or more linked headlines (relative links too) running to the end', () => {
    const p = parseReleaseStrict({
      content: `<html><body><div>${release}</div><div><ul>${related}</ul></div></body></html>`,
    });
    expect(p.body.paragraphs).toEqual([
      'Harbor Light Clinics, a network of urgent care centers, opened its ninth location in Tampa on Tuesday.',
      'The clinic is open seven days a week.',
    ]);
  });

  it('keeps two closing links of the release in the body', () => {
    const links =
      '<p><a href="https://harborlight.example/locations">See all Harbor Light Clinics locations here</a></p>' +
      '<p><a href="/careers">Join the Harbor Light Clinics team today</a></p>';
    const p = parseReleaseStrict({ content: `<html><body><div>${release}${links}</div></body></html>` });
    expect(p.body.paragraphs).toHaveLength(4);
  });
});

describe('a headline repeated under the dateline on a page with no <h1>', () => {
  it('keeps the dateline above it (the page title matches the repeat, not the top of the page)', () => {
    const p = parseReleaseStrict({
      content:
        '<html><head><title>Harbor Grid Delivers Another Strong Quarter</title></head><body>' +
        '<p>Source: Harbor Grid<br>MEDIA RELEASE PR74001<br>Harbor Grid Delivers Another Strong Quarter</p>' +
        '<p>MUMBAI, India, July 25, 2018 /PRNewswire-AsiaNet/</p><p>Harbor Grid Delivers Another Strong Quarter</p>' +
        "<p>Harbor Grid, India's first power sector trust, announced its results for the quarter ended 30 June 2018.</p>" +
        '</body></html>',
    });
    expect(p.wire?.name).toBe('PR Newswire');
    expect(p.dateline?.location).toBe('MUMBAI, India');
    expect(p.title).toBe('Harbor Grid Delivers Another Strong Quarter');
  });
});

describe('a <title> that names no headline', () => {
  const body =
    '<p>Harbor Light Clinics, a network of urgent care centers, opened its ninth location in Tampa on Tuesday.</p>';
  it.each([
    ['<title>Example Portal</title><meta property="og:site_name" content="Example Portal">'],
    ['<title>News | Example Portal</title>'],
    ['<title>Press Releases</title>'],
  ])('%s gives no title', (head) => {
    expect(parseReleaseStrict({ content: `<html><head>${head}</head><body>${body}</body></html>` }).title).toBeNull();
  });

  it('still takes a headline <title> without its site tail', () => {
    const head = '<title>Harbor Light Clinics Opens Ninth Location | Example Portal</title>';
    expect(parseReleaseStrict({ content: `<html><head>${head}</head><body>${body}</body></html>` }).title).toBe(
      'Harbor Light Clinics Opens Ninth Location',
    );
  });
});
