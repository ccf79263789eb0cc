import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { findDateline, repeatedPlaceLength } from '../../../../lambdas/core/parser/dateline';
import { clauseOrganization, leadOrganization } from '../../../../lambdas/core/parser/lead';

/** Rules drawn from how real wire copy is written, each tested on a release made up for it. */
describe('wire tag between slashes naming a newswire', () => {
  it('reads `/Acme Newswire/` after the date as that wire', () => {
    const text = 'Tampa, FL – May 6, 2025 /Harbor Newswire/ – Jane Roe opened a new studio downtown.';
    const found = findDateline(text);
    expect(found?.wire).toEqual({ name: 'Harbor Newswire', tag: 'Harbor Newswire' });
    expect(found?.dateline.location).toBe('Tampa, FL');
    expect(text.slice(found?.bodyStart)).toBe('Jane Roe opened a new studio downtown.');
  });

  it.each([
    ['April 9, 2025 [Harbor Newswire] — Jane Roe opened a new studio.', null, '2025-04-09'],
    ['DALLAS, TX (April 9, 2025) /Harbor Newswire/ — Jane Roe opened a new studio.', 'DALLAS, TX', '2025-04-09'],
    ['Reno, NV, April 9, 2025 [Bay Area Newswire] – Jane Roe opened a new studio.', 'Reno, NV', '2025-04-09'],
    ['Reno, NV (April 9, 2025) (Harbor Newswire) -- Jane Roe opened a new studio.', 'Reno, NV', '2025-04-09'],
  ])('reads a newswire tag in brackets or slashes after a bare or parenthesised date: %s', (text, place, date) => {
    const found = findDateline(text);
    expect(found?.wire?.name).toMatch(/Newswire$/);
    expect(found?.dateline.location).toBe(place);
    expect(found?.dateline.date).toBe(date);
    expect(text.slice(found?.bodyStart)).toBe('Jane Roe opened a new studio.');
  });

  it('leaves a markdown link named a newswire alone', () => {
    const found = findDateline('April 9, 2025 [Harbor Newswire](https://x.example) Jane Roe opened a new studio.');
    expect(found?.wire ?? null).toBeNull();
  });
});

const LEAD =
  'AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Brightfold Labs today launched Foldwise, a planning tool for small teams.';

describe('where the body ends', () => {
  it('a "To view the full press release, visit …" line is a distributor trailer, not body', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\nTo view the full press release, visit https://example.com/r/abc\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });

  it('a "Follow X on social media:" line opens the social list', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\nFollow Brightfold on social media:\n\nInstagram: @brightfold\n\nTikTok: @brightfold\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });

  it('an emoji before a contact label does not hide the label', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\n📩 Contact: press@brightfold.example 🌎 Website: www.brightfold.example\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
    expect(r.contacts.map((c) => c.email)).toContain('press@brightfold.example');
  });

  it('keeps a copyright line recognised (© is not a leading emoji)', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\n© 2025 Brightfold Labs. All rights reserved.\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });
});

describe('wire from the "View source version on …" line', () => {
  it('names the wire whose site the line points to when the text has no tag', () => {
    const r = parseReleaseStrict({
      content:
        '# Brightfold Labs Launches Foldwise\n\nBrightfold Labs today launched Foldwise, a planning tool for small teams.\n\n' +
        'The tool is free for teams of five.\n\nView source version on newsdirect.com: https://newsdirect.com/news/brightfold-123\n',
    });
    expect(r.wire?.name).toBe('News Direct');
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });

  it('leaves the wire unknown when the line points to another site', () => {
    const r = parseReleaseStrict({
      content:
        '# Brightfold Labs Launches Foldwise\n\nBrightfold Labs today launched Foldwise, a planning tool for small teams.\n\n' +
        'View source version on brightfold.example: https://brightfold.example/news/1\n',
    });
    expect(r.wire).toBeNull();
  });
});

describe('the issuer', () => {
  it('a titled person as the lead subject is not the issuer', () => {
    expect(leadOrganization('President Jane Roe signed an order declaring a holiday.')).toBeNull();
    expect(leadOrganization('Gov. John Doe announced a plan for new roads.')).toBeNull();
    expect(leadOrganization('Brightfold Labs today launched Foldwise.')).toBe('Brightfold Labs');
  });

  it('a later clause whose subject the headline names gives the issuer', () => {
    const paragraphs = [
      'As summer arrives, many people sleep badly. To meet this need, Coolnest introduces the Coolnest Breeze Collection, a line of cooling sheets.',
    ];
    expect(clauseOrganization('Coolnest Breeze Collection Redefines Summer Sleep', paragraphs)).toBe('Coolnest');
    // The headline does not name it: no issuer from the clause.
    expect(clauseOrganization('A Better Night for Hot Sleepers', paragraphs)).toBeNull();
  });

  it('through the whole parse, when no line or lead names the issuer', () => {
    const r = parseReleaseStrict({
      content:
        '# Teams Want Energy, Says New Brightfold Labs Survey\n\n' +
        'A new survey of office workers found that energy matters more than agendas in meetings.\n\n' +
        'To address the problem, Brightfold Labs today launched Foldwise, a facilitation tool.\n',
    });
    expect(r.source).toBe('Brightfold Labs');
  });
});

describe('datelines as real copy writes them', () => {
  it.each([
    ['WESTBROOK, CA, Friday, May 1, 2026 /PRNewswire/ -- Text', 'WESTBROOK, CA', '2026-05-01'],
    ['Lakeside, Ohio, Tuesday, March 4, 2025 - Text', 'Lakeside, Ohio', '2025-03-04'],
    ['United States - November 17, 2025 - Text', 'United States', '2025-11-17'],
    ['[ Port Alder, BC - May 1, 2024 ] - Text', 'Port Alder, BC', '2024-05-01'],
  ])('%s', (text, location, date) => {
    const found = findDateline(text);
    expect(found?.dateline.location).toBe(location);
    expect(found?.dateline.date).toBe(date);
    expect(text.slice(found?.bodyStart).trim()).toBe('Text');
  });

  it('a lone word that is no place is still not a dateline', () => {
    expect(findDateline('Updated - November 17, 2025 - Text')).toBeNull();
  });
});

describe('headline and deck in markdown with no dateline', () => {
  it('joins a heading wrapped onto the next line when it stops on a preposition', () => {
    const r = parseReleaseStrict({
      content:
        '# Harbor Lights Festival is coming to\nPort Alder for the first time\n\n' +
        'The Harbor Lights Festival will travel from the capital to Port Alder this October, its organisers said on Monday.\n',
    });
    expect(r.title).toBe('Harbor Lights Festival is coming to Port Alder for the first time');
    expect(r.body.paragraphs[0]).toMatch(/^The Harbor Lights Festival will travel/);
  });

  it('joins a heading wrapped after a headline verb that takes an object', () => {
    for (const [first, second] of [
      ['Harbor Lights Society Announces ', '2026 Volunteer Award Nominees'],
      ['Port Alder Rowing Club Welcomes', 'Three New Coaches for the Spring Season'],
      ['Brightfold Unveils', 'Foldwise Planner for Small Teams'],
    ] as const) {
      const r = parseReleaseStrict({
        content:
          `# ${first}\n${second}\n\n` +
          'PORT ALDER, Maine, May 5, 2026 – The society will honour its volunteers at a dinner on the harbour this June, its board said on Monday.\n',
      });
      expect(r.title).toBe(`${first.trim()} ${second}`);
    }
    // A headline whose last word is a noun stays as written, its deck apart.
    const r = parseReleaseStrict({
      content:
        '# Harbor Lights Society Names Its Board\nA new chair for the season\n\n' +
        'PORT ALDER, Maine, May 5, 2026 – The society will honour its volunteers at a dinner on the harbour this June, its board said on Monday.\n',
    });
    expect(r.title).toBe('Harbor Lights Society Names Its Board');
  });

  it('takes a short line under the heading as the deck, not the first paragraph', () => {
    const r = parseReleaseStrict({
      content:
        '# Brightfold Unveils Foldwise Planner\n\nA Calmer Way for Small Teams to Plan Their Week\n\n' +
        'Brightfold, a maker of planning tools, announces the launch of Foldwise, a weekly planner for teams of up to ten people.\n\n' +
        'The planner is free during its first year.\n',
    });
    expect(r.subtitle).toBe('A Calmer Way for Small Teams to Plan Their Week');
    expect(r.body.paragraphs[0]).toMatch(/^Brightfold, a maker of planning tools/);
  });

  it('keeps a first paragraph that is a sentence', () => {
    const r = parseReleaseStrict({
      content:
        '# Brightfold Unveils Foldwise Planner\n\nBrightfold launches Foldwise today.\n\n' +
        'The planner is free during its first year, and teams of up to ten people can use it on any device they own.\n',
    });
    expect(r.body.paragraphs[0]).toBe('Brightfold launches Foldwise today.');
  });
});

describe('more of real copy', () => {
  it('reads a date-only dateline (no place) and leaves a date opening a sentence alone', () => {
    const found = findDateline('Feb. 27, 2024 -- The Brightfold Protocol today announced a testnet.');
    expect(found?.dateline).toEqual({ text: 'Feb. 27, 2024', location: null, date: '2024-02-27' });
    expect(findDateline('March 7, 2024, was a record day for Brightfold.')).toBeNull();
    expect(findDateline('March 7, 2024 -- NEW YORK -- Text')?.dateline.location).toBe('NEW YORK');
  });

  it('takes an exchange written out in full, with a numeric code where that exchange uses them', () => {
    const r = parseReleaseStrict({
      content:
        'AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Brightfold Inc. (Taiwan Stock Exchange: 8150 and Nasdaq: BFLD) today reported revenue.\n',
    });
    expect(r.tickers).toEqual([
      { exchange: 'TAIWAN STOCK EXCHANGE', symbol: '8150' },
      { exchange: 'NASDAQ', symbol: 'BFLD' },
    ]);
  });

  it("reads a wire list page's teaser: its linked heading with a time stamp is the headline", () => {
    const r = parseReleaseStrict({
      content:
        '[### 06:00 ET Brightfold REPORTS MAY 2025 REVENUE\n\n' +
        'Brightfold Inc. ("Brightfold" or the "Company") (Nasdaq: BFLD), a maker of planning tools, today reported...\n\n' +
        '---](/news-releases/brightfold-reports-may-2025-revenue-300000001.html)\n',
    });
    expect(r.title).toBe('Brightfold REPORTS MAY 2025 REVENUE');
    expect(r.body.paragraphs[0]).toMatch(/^Brightfold Inc\./);
    expect(r.source).toBe('Brightfold Inc.');
  });

  it('a common word capitalised at a clause start is not the issuer the headline names', () => {
    const paragraphs = [
      'Rain hit the tea regions this spring, a report found.',
      'Tea growers said the harvest was late, and Tea prices rose.',
    ];
    expect(clauseOrganization('Report Finds Tea Growers Face Late Harvest', paragraphs)).toBeNull();
  });

  it('a joint release names no one issuer through a later clause', () => {
    const paragraphs = ['Two leaders have teamed up.', 'Acme Health, Inc. is a spin out of Beta Ventures LLC.'];
    expect(clauseOrganization('Acme Health and Beta Devices Announce Joint Venture', paragraphs)).toBeNull();
    expect(clauseOrganization('Acme Health Announces Joint Venture', paragraphs)).toBe('Acme Health, Inc.');
  });

  it('a one-word name the text also writes as its web address is still the issuer the headline names', () => {
    const paragraphs = [
      'This holiday season, Brightfold is giving families a new way to plan their trips.',
      'For more, visit brightfold.example or www.brightfold.example/news.',
    ];
    expect(clauseOrganization('Brightfold Says Plan Ahead This Holiday', paragraphs)).toBe('Brightfold');
  });
});

describe("a distributor's issuer slot after a tagged dateline", () => {
  it('reads `/ Org /` after the date as the issuer, not as the lead', () => {
    const r = parseReleaseStrict({
      content:
        'NORTHAMPTON, MA / ACCESSWIRE / September 26, 2023 / Brightfold Energy / Local artists painted a mural.\n',
    });
    expect(r.source).toBe('Brightfold Energy');
    expect(r.body.paragraphs[0]).toBe('Local artists painted a mural.');
  });

  it('reads it when a feed turned its closing slash into a run of spaces', () => {
    const r = parseReleaseStrict({
      content: 'NORTHAMPTON, MA / ACCESSWIRE / September 26, 2023 /  Brightfold Energy      Local artists painted...\n',
    });
    expect(r.source).toBe('Brightfold Energy');
    expect(r.body.paragraphs[0]).toBe('Local artists painted...');
  });

  it('reads it when the closing slash was lost and the spaces collapsed: the text restarts with its name', () => {
    const r = parseReleaseStrict({
      content:
        'NORTHAMPTON, MA / ACCESSWIRE / September 26, 2023 / Brightfold Energy Brightfold’s artists painted...\n',
    });
    expect(r.source).toBe('Brightfold Energy');
    expect(r.body.paragraphs[0]).toBe('Brightfold’s artists painted...');
  });

  it('reads it when the text restarts with a first-person word instead (We…, Our…)', () => {
    for (const text of ['We painted a mural in May.', 'Our artists painted a mural in May.']) {
      const r = parseReleaseStrict({
        content: `NORTHAMPTON, MA / ACCESSWIRE / September 26, 2023 / Brightfold Energy ${text}\n`,
      });
      expect(r.source).toBe('Brightfold Energy');
      expect(r.body.paragraphs[0]).toBe(text);
    }
  });

  it('leaves a lead with no slot alone', () => {
    const r = parseReleaseStrict({
      content:
        'NORTHAMPTON, MA / ACCESSWIRE / September 26, 2023 / Brightfold Energy Inc. (NYSE: BFE) today opened a plant.\n',
    });
    expect(r.body.paragraphs[0]).toBe('Brightfold Energy Inc. (NYSE: BFE) today opened a plant.');
    expect(r.source).toBe('Brightfold Energy Inc.');
  });
});

describe('scraped text with no dateline and page chrome above the release', () => {
  const CHROME = [
    'Skip to main content',
    'Home | News | Business',
    'Search',
    'Brightfold Unveils a Planner for Small Teams',
    'By Staff Writer | March 7, 2024 10:00 AM',
    'Share on Facebook',
    'Email this story',
  ];
  const RELEASE = [
    'Brightfold Labs, Inc. (NASDAQ: BFLD) today unveiled Foldwise, a planner for small teams.',
    'The planner is free for teams of up to ten people, the company said.',
    'Related Articles',
    'Beta Corp Names New CFO',
  ];

  it('starts the body at the lead and takes the headline nearest above it', () => {
    const r = parseReleaseStrict({ content: [...CHROME, ...RELEASE].join('\n') });
    expect(r.title).toBe('Brightfold Unveils a Planner for Small Teams');
    expect(r.body.paragraphs[0]).toBe(
      'Brightfold Labs, Inc. (NASDAQ: BFLD) today unveiled Foldwise, a planner for small teams.',
    );
    expect(r.body.paragraphs.at(-1)).toBe('The planner is free for teams of up to ten people, the company said.');
  });

  it('leaves a release with no chrome above its first paragraph as it was', () => {
    const r = parseReleaseStrict({ content: ['Short opening line here', 'Another line', ...RELEASE].join('\n') });
    expect(r.body.paragraphs[0]).toBe('Short opening line here');
  });
});

describe('About headings glued to their text', () => {
  it('finds where the text starts when the name restarts with Spanish punctuation', () => {
    const r = parseReleaseStrict({
      content:
        'AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Brightfold Labs today launched Foldwise, a planner for teams.\n\n' +
        '¡Hola Austin! Radio is a partner of the launch.\n\n' +
        'About Hola Austin Radio ¡Hola Austin! Radio is a Spanish-language station serving Central Texas.\n\n' +
        'About Brightfold Labs Brightfold Labs makes planning tools.\n',
    });
    expect(r.about.map((a) => a.organization)).toEqual(['Hola Austin Radio', 'Brightfold Labs']);
    expect(r.body.paragraphs.at(-1)).toBe('¡Hola Austin! Radio is a partner of the launch.');
  });
});

describe('flattened text with social handles before the About section', () => {
  it('splits the handles off as a social list and keeps the About heading left at the end of the line', () => {
    const r = parseReleaseStrict({
      content:
        'BOCA RATON, FL, August 28, 2025 /24-7PressRelease/ -- Brightfold Labs today launched Foldwise, a planner for small teams, at a trade show in Florida.  ' +
        'The planner is free for teams of up to ten people. For more information visit: https://brightfold.example/ ' +
        '@Brightfold on Facebook @brightfoldhq on Instagram @Brightfold on TikTok About Brightfold Labs:  ' +
        'Brightfold Labs makes planning tools for small teams and is based in Boca Raton, Florida, where it was founded.  ' +
        'SOURCE Brightfold Labs\n',
    });
    expect(r.body.paragraphs.at(-1)).toMatch(/For more information visit: https:\/\/brightfold\.example\/$/);
    expect(r.about.map((a) => a.organization)).toEqual(['Brightfold Labs']);
  });
});

describe("a scraped page's footer links", () => {
  it('a link title left by a scraper ("About Acme")) is not an About heading', () => {
    const r = parseReleaseStrict({
      content:
        'AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Brightfold Labs today launched Foldwise, a planner for teams.\n\n' +
        'About Brightfold Labs\n\nBrightfold Labs makes planning tools.\n\n' +
        'Company links: [Careers](/careers) [About Portal](/about-portal/ "About Portal")\n',
    });
    expect(r.about.map((a) => a.organization)).toEqual(['Brightfold Labs']);
  });
});

describe("a scraped portal page's leftovers inside the release", () => {
  it('an ad slot between paragraphs or a thematic break under the last one is no paragraph', () => {
    const r = parseReleaseStrict({
      content:
        `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nAdvertisement\n\nThe tool is free for teams of five.\n\n` +
        'Story continues below advertisement\n\nIt ships in June.\n\n---\n\n' +
        'Related Stories\n\nCouncil approves transit budget\n\n© 2026 Example Portal\n',
    });
    expect(r.body.paragraphs.slice(1)).toEqual(['The tool is free for teams of five.', 'It ships in June.']);
  });
});

describe('the label of a link to the release in another language, the link lost', () => {
  it('is no paragraph, under the last one or between paragraphs', () => {
    for (const label of [
      'Spanish news release',
      'Read this release in French',
      'German version',
      'Versión en español',
      'Japanese press release:',
    ]) {
      const r = parseReleaseStrict({
        content:
          `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\n${label}\n\nThe tool is free for teams of five.\n\n${label}\n\n` +
          'About Brightfold Labs\n\nBrightfold Labs makes planning tools.\n',
      });
      expect(r.body.paragraphs.slice(1)).toEqual(['The tool is free for teams of five.']);
    }
  });
  it('leaves a sentence about a language version to the text', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nA Spanish version ships in June.\n`,
    });
    expect(r.body.paragraphs.slice(1)).toEqual(['A Spanish version ships in June.']);
  });
});

describe('a scraped portal page above the headline', () => {
  it('menus of links, short bulleted menu items, share bars and cookie notices are not the headline', () => {
    const chrome = [
      'We use cookies to improve your experience. By continuing you agree to our use of cookies.',
      '[Example Portal](/)',
      '* [World](/world)\n* [Economy](/economy)',
      '- World\n- Press Releases',
      '[Home](/) › [News](/news) › [Press Releases](/press-releases)',
      'Facebook Twitter LinkedIn Email',
    ];
    for (const line of chrome) {
      const r = parseReleaseStrict({ content: `${line}\n\nBrightfold Labs Launches Foldwise\n\n${LEAD}\n` });
      expect(r.title).toBe('Brightfold Labs Launches Foldwise');
    }
  });

  it("the site's name, as its copyright line credits it, and its staff byline are not the headline", () => {
    for (const [line, footer] of [
      ['Harbor Ledger', '© 2026 Harbor Ledger. All rights reserved.'],
      ['Harbor Ledger Newsdesk', 'Copyright © Harbor Ledger 2026 | Privacy Policy'],
      ['By Harbor Ledger Staff', '© Harbor Ledger 2026'],
    ]) {
      const r = parseReleaseStrict({
        content: `${line}\n\nBrightfold Labs Launches Foldwise\n\n${LEAD}\n\nIt ships in June.\n\n${footer}\n`,
      });
      expect(r.title).toBe('Brightfold Labs Launches Foldwise');
    }
    // An issuer's own copyright line does not make its headline the site's name.
    const own = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\n© 2026 Brightfold Labs. All rights reserved.\n`,
    });
    expect(own.title).toBe('Brightfold Labs Launches Foldwise');
  });

  it('a menu joined into a line of words, or its items one under another, is not the headline', () => {
    for (const menu of [
      'World Economy Tech Health Energy',
      'Latest\nCompanies\nEvents',
      'Harbor\nValley Homes\nRiver Cars',
    ]) {
      const r = parseReleaseStrict({ content: `${menu}\n\nBrightfold Labs Launches Foldwise\n\n${LEAD}\n` });
      expect(r.title).toBe('Brightfold Labs Launches Foldwise');
    }
    // A headline of capitalized words, few of them a menu's, stays the headline.
    const r = parseReleaseStrict({ content: `Brightfold Labs Opens Tech Hub\n\n${LEAD}\n` });
    expect(r.title).toBe('Brightfold Labs Opens Tech Hub');
  });

  it("a page's reading tools (Listen to this article, Reading time, 4 min read) are not the headline", () => {
    for (const tools of ['Listen to this article', 'Reading time: 3 minutes', '4 min read', 'Save article']) {
      const r = parseReleaseStrict({ content: `${tools}\n\nBrightfold Labs Launches Foldwise\n\n${LEAD}\n` });
      expect(r.title).toBe('Brightfold Labs Launches Foldwise');
    }
  });

  it("a photo caption near the headline is not it, and a page title's site name suffix is cut", () => {
    const withDateline = parseReleaseStrict({
      content: `Photo: Courtesy of the company\n\nBrightfold Labs Launches Foldwise\n\n${LEAD}\n`,
    });
    expect(withDateline.title).toBe('Brightfold Labs Launches Foldwise');
    const noDateline = parseReleaseStrict({
      content:
        'Home | News | Markets\n\nBrightfold Labs Launches Foldwise\n\n(Image: handout)\n\n' +
        'Brightfold Labs today launched Foldwise, a planning tool for small teams in Austin.\n\nIt ships in June.\n',
    });
    expect(noDateline.title).toBe('Brightfold Labs Launches Foldwise');
    const titled = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise - Harbor Ledger\n\n${LEAD}\n\nIt ships in June.\n\n© 2026 Harbor Ledger\n`,
    });
    expect(titled.title).toBe('Brightfold Labs Launches Foldwise');
  });

  it('a linked headline or one that opens with a network name stays the headline', () => {
    for (const title of [
      '[Brightfold Labs Launches Foldwise](https://example.com/r/1)',
      'Facebook Parent Opens Office in Austin',
    ]) {
      const r = parseReleaseStrict({ content: `${title}\n\n${LEAD}\n` });
      expect(r.title).toBe(title.replace(/^\[(.*)\]\(.*\)$/, '$1'));
    }
  });
});

describe('a short markdown headline', () => {
  const lead = 'AUSTIN, Texas, May 6, 2025 -- Brightfold launched a planning tool for teams of five and more.';

  it.each(['Headline', 'Launch Notice', 'Foldwise'])(
    'takes `# %s` as the title when no line under it reads as one',
    (h) => {
      const r = parseReleaseStrict({ content: `# ${h}\n\n${lead}\n\nIt is free.\n` });
      expect(r.title).toBe(h);
    },
  );

  it('not before a headline under it, nor a menu word, nor a date', () => {
    const under = parseReleaseStrict({ content: `# Spotlight\n\nBrightfold Launches Foldwise for Teams\n\n${lead}\n` });
    expect(under.title).toBe('Brightfold Launches Foldwise for Teams');
    expect(parseReleaseStrict({ content: `# Newsroom\n\n${lead}\n` }).title).toBeNull();
    expect(parseReleaseStrict({ content: `# May 6, 2025\n\n${lead}\n` }).title).toBeNull();
  });
});

describe('places joined by a slash in a dateline', () => {
  it.each([
    ['SAN DIEGO/HONG KONG, June 3, 2025 /PRNewswire/ -- Acme opened a plant.', 'SAN DIEGO/HONG KONG'],
    [
      'HONG KONG SAR/SAN JOSE, UNITED STATES - June 3, 2025 - Acme opened a plant.',
      'HONG KONG SAR/SAN JOSE, UNITED STATES',
    ],
    ['SINGAPORE/SAN JOSE, Calif., June 3, 2025 /PRNewswire/ -- Acme opened a plant.', 'SINGAPORE/SAN JOSE, Calif.'],
    [
      'LOS ANGELES/NEW YORK/LONDON, June 3, 2025 (GLOBE NEWSWIRE) -- Acme opened a plant.',
      'LOS ANGELES/NEW YORK/LONDON',
    ],
  ])('keeps every place of %s', (text, place) => {
    expect(findDateline(text)?.dateline.location).toBe(place);
  });

  it('cuts a flattened headline in capitals off the first place', () => {
    const text = 'ACME WINS AWARD NEW YORK/LONDON, June 3, 2025 /PRNewswire/ -- Acme opened a plant.';
    expect(findDateline(text)?.dateline.location).toBe('NEW YORK/LONDON');
  });
});

describe('a place repeated under the dateline, opening the lead', () => {
  it.each([
    'Denver (For Immediate Release) - Brightfold opened a studio.',
    'Chicago (DATE, 2025) – Brightfold opened a studio.',
    'Seattle - Brightfold opened a studio.',
    'Tampa, Florida - Brightfold opened a studio.',
  ])('is cut from the lead: %s', (lead) => {
    expect(lead.slice(repeatedPlaceLength(lead))).toBe('Brightfold opened a studio.');
    const r = parseReleaseStrict({
      content: `# Brightfold Opens a Studio\n\nDENVER, CO / PR Karma / May 6, 2025 09:30\n\n${lead}\n\nIt is open daily.\n`,
    });
    expect(r.body.paragraphs[0]).toBe('Brightfold opened a studio.');
  });

  it('not a name that is no known city', () => {
    expect(repeatedPlaceLength('Brightfold Labs - The studio opened.')).toBe(0);
    expect(repeatedPlaceLength('Foldwise (Beta) - The tool opened.')).toBe(0);
  });
});

describe('a dateline whose year a typo broke', () => {
  it.each([
    ['TAMPA, FL — March 4, 20225 — (HARBOR NEWSWIRE) — Brightfold opened a studio.', 'TAMPA, FL'],
    ['Austin, Texas, March 4, 202 /PRNewswire/ -- Brightfold opened a studio.', 'Austin, Texas'],
    ['DENVER, Colo., Sept. 4th, 202025 (GLOBE NEWSWIRE) -- Brightfold opened a studio.', 'DENVER, Colo.'],
  ])('keeps the place and gives no date: %s', (text, place) => {
    const found = findDateline(text);
    expect(found?.dateline.location).toBe(place);
    expect(found?.dateline.date).toBeNull();
    expect(text.slice(found?.bodyStart)).toBe('Brightfold opened a studio.');
  });
});
