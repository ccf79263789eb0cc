import { findDateline } from '../../../../lambdas/core/parser/dateline';
import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { leadOrganization } from '../../../../lambdas/core/parser/lead';
import { findTickers } from '../../../../lambdas/core/parser/tickers';
import { findWireTag, WIRE_RULES } from '../../../../lambdas/core/parser/wires';

/** Wire tags and datelines as real wire copy writes them (made-up releases). */
describe('wire tags seen in real copy', () => {
  it.each([
    [
      'SPRINGFIELD, IL, March 15, 2024 /24-7PressRelease/ -- Text',
      '24-7 Press Release',
      '24-7PressRelease',
      'SPRINGFIELD, IL',
      '2024-03-15',
    ],
    [
      'Austin, TX (Newsworthy.ai) Monday Dec 18, 2023 @ 10:10 AM America/Chicago — Text',
      'Newsworthy.ai',
      'Newsworthy.ai',
      'Austin, TX',
      null,
    ],
    ['OSLO, 4 March 2025 (NTB info) -- Text', 'NTB info', 'NTB info', 'OSLO', '2025-03-04'],
    ['KYOTO, Japan, Feb. 1, 2024 /Kyodo JBN/ -- Text', 'Kyodo JBN', 'Kyodo JBN', 'KYOTO, Japan', '2024-02-01'],
    [
      'Dallas, Texas, February 12, 2026 – PRISM MediaWire (Press Release Service – Press Release Distribution) – Text',
      'PRISM MediaWire',
      'PRISM MediaWire',
      'Dallas, Texas',
      '2026-02-12',
    ],
    [
      'ELM GROVE, Wis., March 3, 2026 PRISM MediaWire (Press Release Service – Press Release Distribution) – Text',
      'PRISM MediaWire',
      'PRISM MediaWire',
      'ELM GROVE, Wis.',
      '2026-03-03',
    ],
    [
      'Dayton, Ohio, July 9, 2025, PRISM MediaWire – Text',
      'PRISM MediaWire',
      'PRISM MediaWire',
      'Dayton, Ohio',
      '2025-07-09',
    ],
    ['Reno, NV, 4 June 2025 Acme Newswire – Text', 'Acme Newswire', 'Acme Newswire', 'Reno, NV', '2025-06-04'],
    [
      'SINGAPORE – [Media OutReach Newswire](https://example.com/) – 11 August 2026 – Text',
      'Media OutReach Newswire',
      'Media OutReach Newswire',
      'SINGAPORE',
      '2026-08-11',
    ],
    [
      'SINGAPORE – Media OutReach Newswire – 11 August 2026 – Text',
      'Media OutReach Newswire',
      'Media OutReach Newswire',
      'SINGAPORE',
      '2026-08-11',
    ],
  ])('%s', (text, name, tag, location, date) => {
    const found = findDateline(text);
    expect(found?.wire).toEqual({ name, tag });
    expect(found?.dateline.location).toBe(location);
    if (date !== null) expect(found?.dateline.date).toBe(date);
    expect(text.slice(found?.bodyStart)).toBe('Text');
  });

  it('reads a NewsUSA tag that opens the text without a place', () => {
    const found = findDateline('(NewsUSA) - Text');
    expect(found?.wire).toEqual({ name: 'NewsUSA', tag: 'NewsUSA' });
    expect('(NewsUSA) - Text'.slice(found?.bodyStart)).toBe('Text');
  });
});

describe('leadOrganization: how real leads name the issuer', () => {
  it.each([
    [
      'Global venture capital firm Maple Ridge Partners, Inc. today announced a new fund.',
      'Maple Ridge Partners, Inc.',
    ],
    [
      'The law firm of Hollis Grant & Webb, LLP (www.example.com) informs investors that a suit was filed.',
      'Hollis Grant & Webb, LLP',
    ],
    ['Employee-owned Tarrow announced that its fund received an award.', 'Tarrow'],
    ['Quillo, the pioneering, direct-to-consumer, digital home insurer, today announced its expansion.', 'Quillo'],
    ['Bramble Home, Ohio’s leading furniture retailer, celebrated the opening of a store.', 'Bramble Home'],
    [
      'Norvale Capital, the advisory, lending and investment arm of Norvale Group, today announced a hire.',
      'Norvale Capital',
    ],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });

  it.each([
    ['Privately held Tarrow Labs, Inc., a maker of sensors, today opened a plant.', 'Tarrow Labs, Inc.'],
    ['Publicly traded Quillo Group (NYSE: QLO) reported results.', 'Quillo Group'],
    ['Nasdaq-listed Bramble Home announced a buyback.', 'Bramble Home'],
    ['Family-run Norvale Bakery has opened its third shop.', 'Norvale Bakery'],
    ['Independently operated Maple Ridge Inn will host the fair.', 'Maple Ridge Inn'],
  ])('an ownership or listing descriptor before the name is no part of it: %s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });

  it.each([
    ['Tarrow held its annual meeting on Monday.', 'Tarrow'],
    ['Quillo traded places with a rival in the ranking.', 'Quillo'],
  ])('a name before a verb of the same form keeps it: %s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });

  it.each([
    ['Navigating the world of strategy is hard, a platform says.'],
    ['Building on its results, a new plan was launched.'],
  ])('a capitalised participle is not a name: %s', (lead) => {
    expect(leadOrganization(lead)).toBeNull();
  });
});

describe('character references left in scraped text', () => {
  it('decodes them once in a text release (title and body)', () => {
    const r = parseReleaseStrict({
      content:
        '# Acme &amp; Co Wins &#x201C;Best Widget&#x201D; Award\n\nNEW YORK, March 7, 2024 /PRNewswire/ -- Acme &amp; Co today announced that it won an award for its widget, see https://example.com/?a=1&copy=2 for more.\n',
    });
    expect(r.title).toBe('Acme & Co Wins “Best Widget” Award');
    expect(r.body.paragraphs[0]).toContain('Acme & Co today announced');
    // Without its semicolon a reference is left as written (a URL's query).
    expect(r.body.paragraphs[0]).toContain('?a=1&copy=2');
  });

  it('decodes only once: an escaped reference stays a reference', () => {
    const r = parseReleaseStrict({
      content: '# Writing &amp;amp; in HTML\n\nNEW YORK, March 7, 2024 /PRNewswire/ -- Acme today announced a guide.\n',
    });
    expect(r.title).toBe('Writing &amp; in HTML');
  });
});

describe('what sits above the headline in real copy', () => {
  it('skips a distributor credit (Source line, MEDIA RELEASE number) above the headline', () => {
    const r = parseReleaseStrict({
      content:
        'Source: Acme Robotics\nMEDIA RELEASE PR12345\nAcme Robotics Opens a Plant in Ohio\n\nCOLUMBUS, Ohio, Feb. 1 /PRNewswire-AsiaNet/ --\n\nAcme Robotics today announced that it opened a plant in Ohio.\n',
    });
    expect(r.title).toBe('Acme Robotics Opens a Plant in Ohio');
  });

  it('drops a list page stamp glued before the headline', () => {
    const r = parseReleaseStrict({
      content:
        '[### May 08, 2025, 17:30 ET Acme Reports Record Results\n\nTORONTO, May 8, 2025 /PRNewswire/ - Acme today reported record results for the quarter.\n',
    });
    expect(r.title).toBe('Acme Reports Record Results');
  });

  it('takes the markdown # heading as the title when there is no dateline', () => {
    const r = parseReleaseStrict({
      content:
        '# Acme Adds Features to Its Platform\n\nAcme, a social platform, has announced new features for its users. The features ship today.\n',
    });
    expect(r.title).toBe('Acme Adds Features to Its Platform');
    expect(r.body.paragraphs[0]).toMatch(/^Acme, a social platform/);
  });
});

describe('ticker forms of real copy', () => {
  it('gives one symbol to every exchange listed before the colon', () => {
    expect(findTickers('Acme Inc. (NYSE, TSX: ACME) today said')).toEqual([
      { exchange: 'NYSE', symbol: 'ACME' },
      { exchange: 'TSX', symbol: 'ACME' },
    ]);
  });

  it('reads a bracketed group with a bar between listings', () => {
    expect(findTickers('Acme [BSE: 512345 | NSE: ACME] is a trust')).toEqual([
      { exchange: 'BSE', symbol: '512345' },
      { exchange: 'NSE', symbol: 'ACME' },
    ]);
  });

  it('does not take words before the colon that are not exchanges', () => {
    expect(findTickers('(Toronto, Canada, TSX: ACME)')).toEqual([{ exchange: 'TSX', symbol: 'ACME' }]);
  });
});

describe('NewsML documents as structured input', () => {
  it('reads a NewsML 1.2 item: HeadLine, the Body component first, the metadata dateline', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<NewsML Version="1.2"><NewsEnvelope><NewsProduct FormalName="BUSINESS WIRE" /></NewsEnvelope>
<NewsItem><NewsComponent>
  <NewsLines><HeadLine>Acme Opens a Plant</HeadLine><DateLine>SPRINGFIELD, Ill.</DateLine></NewsLines>
  <NewsComponent><Role FormalName="Abstract" /><ContentItem><DataContent>Acme opens a plant</DataContent></ContentItem></NewsComponent>
  <NewsComponent><Role FormalName="Contact" /><ContentItem><DataContent><html><body><p>Acme Corp.<br/><a href="mailto:press@acme.example">press@acme.example</a></p></body></html></DataContent></ContentItem></NewsComponent>
  <NewsComponent><Role FormalName="Body" /><ContentItem><DataContent><html><body><p>Acme Corp. (Nasdaq: ACME) today announced that it opened a plant.</p></body></html></DataContent></ContentItem></NewsComponent>
</NewsComponent></NewsItem></NewsML>`;
    const r = parseReleaseStrict({ content: xml });
    expect(r.title).toBe('Acme Opens a Plant');
    expect(r.wire?.name).toBe('Business Wire');
    expect(r.dateline?.location).toBe('SPRINGFIELD, Ill.');
    expect(r.body.paragraphs[0]).toBe('Acme Corp. (Nasdaq: ACME) today announced that it opened a plant.');
    expect(r.body.text).not.toContain('Acme opens a plant');
  });

  it('reads a NewsML-G2 item: headline and the inline XHTML', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<newsItem standard="NewsML-G2" guid="urn:newsml:example.com:1"><contentMeta><headline>Acme Update</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html><body><p>OTTAWA, Dec. 03, 2019 (GLOBE NEWSWIRE) -- Acme Inc. is pleased to give an update.</p></body></html></inlineXML></contentSet></newsItem>`;
    const r = parseReleaseStrict({ content: xml });
    expect(r.title).toBe('Acme Update');
    expect(r.wire?.name).toBe('GlobeNewswire');
    expect(r.guid).toBe('urn:newsml:example.com:1');
    expect(r.body.paragraphs[0]).toBe('Acme Inc. is pleased to give an update.');
  });
});

describe('a dateline with the date before the place', () => {
  it('reads `Month D, YYYY, City, State — Text`', () => {
    const text = 'March 5, 2025, Springfield, Illinois — Acme today announced a plant.';
    const found = findDateline(text);
    expect(found?.dateline.location).toBe('Springfield, Illinois');
    expect(found?.dateline.date).toBe('2025-03-05');
    expect(text.slice(found?.bodyStart)).toBe('Acme today announced a plant.');
  });

  it('does not take a date opening a sentence as a dateline', () => {
    expect(findDateline('March 5, 2025, was a good day for the team — everyone agreed.')).toBeNull();
  });
});

describe('a wire tag inside a URL or path', () => {
  it('is a link, not the dateline', () => {
    expect(findWireTag('![logo](/content/dam/prnewswire/logo.png)')).toBeNull();
    expect(findWireTag('see https://example.com/news/prnewswire/item')).toBeNull();
  });

  it('still finds the real tag after one in a path', () => {
    const text = '![logo](/content/dam/prnewswire/logo.png)\n\nDOVER, N.H., Feb. 27, 2020 /PRNewswire/ -- Text';
    expect(findWireTag(text)?.start).toBe(text.indexOf('/PRNewswire/'));
  });

  it('finds a tagged dateline below hundreds of chrome lines in a saved page', () => {
    const chrome = Array.from({ length: 200 }, (_, i) => `* [Menu item ${i}](/menu/${i})`).join('\n\n');
    const r = parseReleaseStrict({
      content: `${chrome}\n\n# Acme Opens a Plant\n\nDOVER, N.H., Feb. 27, 2020 /PRNewswire/ -- Acme today announced a plant.\n`,
    });
    expect(r.dateline?.location).toBe('DOVER, N.H.');
    expect(r.body.paragraphs[0]).toBe('Acme today announced a plant.');
  });
});

describe('the words a wire rule needs (a pre-check for speed)', () => {
  it("are written in the rule's own pattern, so a text without them cannot match it", () => {
    const checked = WIRE_RULES.filter((rule) => rule.needs);
    expect(checked.length).toBeGreaterThan(0);
    for (const rule of checked) {
      const source = rule.pattern.source.replace(/\\/g, '');
      for (const word of rule.needs ?? []) expect(source).toContain(word);
      expect(rule.pattern.flags).not.toContain('i');
    }
  });

  it('still finds the tags written between dashes or after a date', () => {
    const cases: [string, string][] = [
      ['NEW YORK (MARCH 7) PR NEWSWIRE -- Acme today announced a plant.', 'PR Newswire'],
      ['WASHINGTON, March 7 U.S. Newswire -- Acme today announced a plant.', 'U.S. Newswire'],
      ['--News Direct--\n\nAcme today announced a plant.', 'News Direct'],
      ['Dayton, Ohio, March 7, 2025 – PRISM MediaWire (Press Release Service) – Acme announced.', 'PRISM MediaWire'],
      ['HONG KONG – Media OutReach Newswire – 7 March 2025 – Acme announced.', 'Media OutReach Newswire'],
      ['Dayton, Ohio — (ACME NEWSWIRE) — Acme today announced a plant.', 'Acme Newswire'],
      ['Dayton, OH – March 17, 2025 – Acme Newswire – Acme today announced a plant.', 'Acme Newswire'],
      ['Dayton, OH, May 5, 2025 (Acme Newswire) -- Acme today announced a plant.', 'Acme Newswire'],
      ['Miami, FL – March 6, 2025 /Acme Newswire/ – Acme today announced a plant.', 'Acme Newswire'],
    ];
    for (const [text, wire] of cases) expect(findWireTag(text)?.wire.name).toBe(wire);
  });
});

describe('leadOrganization: an adverb before the verb', () => {
  it('takes the subject of `X proudly brings`', () => {
    expect(leadOrganization('ZEPCO proudly brings its flag to the square, celebrating the day.')).toBe('ZEPCO');
  });

  it('does not read a noun ending in -ly as an adverb', () => {
    expect(leadOrganization('Smith Family supply chains matter in this market.')).toBeNull();
  });
});

describe('leadOrganization: the board acting for the issuer', () => {
  it.each([
    ['Orbit Corporation‘s board of directors today declared a dividend.', 'Orbit Corporation'],
    ["Orbit Corporation's Board of Directors declared a dividend.", 'Orbit Corporation'],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });
});

describe('leadOrganization: subsidiaries and alert labels', () => {
  it.each([
    [
      'Orbit Design Group, Inc. and its domestic subsidiaries, a maker of paper goods, announced today that it filed.',
      'Orbit Design Group, Inc.',
    ],
    ['Why: Hale Law Firm, a global investor rights law firm, continues to investigate claims.', 'Hale Law Firm'],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });
});

describe('leadOrganization: Group inside a name', () => {
  it('goes on past Group when a capitalised word follows', () => {
    expect(leadOrganization('Orbit Design Group Americas, Inc. announced today that it filed.')).toBe(
      'Orbit Design Group Americas, Inc.',
    );
    expect(leadOrganization('Orbit Group, a maker of paper, announced today a plan.')).toBe('Orbit Group');
  });
});

describe('leadOrganization: a possessive descriptor and many parentheses', () => {
  it.each([
    [
      'The world\'s largest tower service provider Orbit Tower Corporation Limited ("Orbit", or the "Company") (Stock Code: 0123.HK) is pleased to announce results.',
      'Orbit Tower Corporation Limited',
    ],
    [
      'Orbit Resources Inc. (“Orbit” or “the Company”) (TSXV-ORB) (F-ORB) (B-ORB) (OTC-ORBXF) is pleased to give an update.',
      'Orbit Resources Inc.',
    ],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });
});

describe('a dateline alone on its line', () => {
  it('reads `City, ST, Weekday Mon D, YYYY` with the line break as its separator', () => {
    const found = findDateline('Springfield, IL, Tuesday Dec 9, 2025');
    expect(found?.dateline.location).toBe('Springfield, IL');
    expect(found?.dateline.date).toBe('2025-12-09');
  });

  it('does not take a sentence ending in a date', () => {
    expect(findDateline('The meeting was moved to Dec 9, 2025')).toBeNull();
  });
});
