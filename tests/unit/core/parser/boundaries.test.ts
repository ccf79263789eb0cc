import { parseReleaseStrict } from '../../../../lambdas/core/parser';

/**
 * Where the header, the dateline and the body begin and end, in constructs of portal-republished
 * copy (markdown conversions, aggregator excerpts). Every text here is invented.
 */

const LEAD = 'Northwind Filters, Inc. today opened a water filter plant in Dayton, Ohio.';

/** A made-up markdown release: headline, a tagged dateline, one body paragraph, then `tail` as written. */
function markdown(tail: string): string {
  return `# Northwind Opens Dayton Plant\n\nDAYTON, Ohio, May 5, 2025 /PRNewswire/ -- ${LEAD}\n\n${tail}\n`;
}

function paragraphs(tail: string): string[] {
  return parseReleaseStrict({ content: markdown(tail) }).body.paragraphs;
}

describe('where the body ends: pointers, markup and notices a portal leaves under it', () => {
  it('stops at a pointer to the full article the text is an excerpt of', () => {
    for (const pointer of [
      'To view the full article, visit https://short.example/AbC12',
      'Read the full story at https://news.example/northwind',
    ]) {
      const p = parseReleaseStrict({
        content: markdown(`${pointer}\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.`),
      });
      expect(p.body.paragraphs).toEqual([LEAD]);
      expect(p.about.map((a) => a.organization)).toEqual(['Northwind Filters']);
    }
  });

  it('leaves out a closing code fence and a CMS shortcode on lines of their own', () => {
    expect(paragraphs('The plant employs 40 people.\n\n```')).toEqual([LEAD, 'The plant employs 40 people.']);
    expect(paragraphs('The plant employs 40 people.\n\n[toc]\n\nContact: press@northwind.example')).toEqual([
      LEAD,
      'The plant employs 40 people.',
    ]);
  });

  it('keeps a paragraph that only holds a bracketed word among its text', () => {
    expect(paragraphs('The plant [toc] employs 40 people.')).toEqual([LEAD, 'The plant [toc] employs 40 people.']);
  });

  it('stops at a sponsored-content notice and a stock-photo credit', () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nFeatured photo by Jane Roe on Unsplash.\n\nThis post contains sponsored content. This content is for informational purposes only and is not intended to be investing advice.\n\nThis content was originally published on Example Markets.',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
  });

  it('stops at a portal credit that says the post first appeared on it', () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nThe post Northwind Opens Dayton Plant first appeared on Example Media Wire.\n\nMore news from the portal.',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
  });

  it('splits an About heading with its listing off the attribution it was glued to', () => {
    const p = parseReleaseStrict({
      content: markdown(
        '“We are glad to be in Dayton,” said the chief executive.\n\nJane Roe. About Northwind Filters, Inc. (OTC: NWFI)\n\nNorthwind Filters, Inc. makes water filters for homes.',
      ),
    });
    expect(p.body.paragraphs).toEqual([LEAD, '“We are glad to be in Dayton,” said the chief executive.', 'Jane Roe.']);
    expect(p.about.map((a) => a.organization)).toEqual(['Northwind Filters, Inc.']);
  });
});

describe('a markdown headline with a stray double space', () => {
  it('keeps the headline whole when only a few words of no sentence follow the two spaces', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Launches New  Configurable Filter Line For Homes\n\nDAYTON, Ohio, May 5, 2025 /PRNewswire/ -- ${LEAD}\n`,
    });
    expect(p.title).toBe('Northwind Launches New Configurable Filter Line For Homes');
  });

  it('still ends a flattened heading where its lead runs on after two spaces', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant  ${LEAD} The plant employs 40 people and ships filters to Ohio.\n`,
    });
    expect(p.title).toBe('Northwind Opens Dayton Plant');
  });
});

describe('datelines portals write', () => {
  const lead = 'Northwind Filters, Inc. opened a water filter plant in the city.';

  it('takes the place written after the tag and its date (Tag - date - PLACE – text)', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n(NewMediaWire) - June 02, 2025 - DAYTON, OH – ${lead}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.wire?.name).toBe('NewMediaWire');
    expect(p.dateline).toMatchObject({ location: 'DAYTON, OH', date: '2025-06-02' });
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('reads a tag-less dateline closed by a full stop or a comma', () => {
    for (const [line, location] of [
      [`DAYTON, OH, July 15, 2026. ${lead}`, 'DAYTON, OH'],
      [`Dayton, Ohio, July 15, 2026, ${lead}`, 'Dayton, Ohio'],
    ] as const) {
      const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${line}\n\nThe plant employs 40 people.\n` });
      expect(p.dateline).toMatchObject({ location, date: '2026-07-15' });
      expect(p.body.paragraphs[0]).toBe(lead);
    }
  });

  it('does not take a lead that opens with a date in its sentence for a dateline', () => {
    const p = parseReleaseStrict({
      content: '# Northwind Opens Plant\n\nOn July 15, 2026, Northwind Filters opened a plant in Dayton.\n',
    });
    expect(p.dateline).toBeNull();
  });

  it('reads a place-only dateline under a headline and a deck', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant\n\nThe plant joins the firm's growing Midwest network as it expands across the region.\n\nDAYTON, OH – ${lead}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.title).toBe('Northwind Opens Dayton Plant');
    expect(p.dateline).toMatchObject({ location: 'DAYTON, OH', date: null });
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('takes no place-only dateline from a name that is not a place', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant\n\nNORTHWIND FILTERS, INC – ${lead}\n`,
    });
    expect(p.dateline).toBeNull();
  });
});

describe('more of what portals leave around a release', () => {
  it('stops at a read-more link line under an excerpt', () => {
    for (const more of ['Read More>>', 'Continue reading →', 'READ MORE']) {
      expect(paragraphs(`The plant serves customers in areas such as…\n\n${more}`)).toEqual([
        LEAD,
        'The plant serves customers in areas such as…',
      ]);
    }
  });

  it('stops at a Hashtags heading whose tags are on the lines under it', () => {
    expect(paragraphs('The plant employs 40 people.\n\nHashtags:\n\n#Dayton #CleanWater #Manufacturing')).toEqual([
      LEAD,
      'The plant employs 40 people.',
    ]);
  });

  it('reads a date-first dateline with single hyphens (May 19, 2025 - Dayton, Ohio - Text)', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nMay 19, 2025 - Dayton, Ohio - ${LEAD}\n`,
    });
    expect(p.dateline).toMatchObject({ location: 'Dayton, Ohio', date: '2025-05-19' });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('drops a second dateline whose date was left unfilled in parentheses', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nDAYTON, OH / PR Karma / May 19, 2025 9:54\n\nDayton, OH. (DATE, 2025) – ${LEAD}\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });
});

describe('plain text with no dateline: headline, byline, labelled title line and lead', () => {
  const lead =
    'Northwind Filters, Inc. opened a water filter plant in Dayton, Ohio, on Monday, its fourth in the state.';
  const second = 'The plant employs 40 people and ships filters across the Midwest.';

  it('takes a question capitalized as a headline for the headline', () => {
    const p = parseReleaseStrict({ content: `Where Is Northwind Opening Its Next Plant?\n\n${lead}\n\n${second}\n` });
    expect(p.title).toBe('Where Is Northwind Opening Its Next Plant?');
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('does not take a lead that asks a question in sentence case for a headline', () => {
    const question = 'Have you ever wondered where your tap water is filtered?';
    const p = parseReleaseStrict({ content: `${question}\n\n${lead}\n\n${second}\n` });
    expect(p.title).toBeNull();
    expect(p.body.paragraphs[0]).toBe(question);
  });

  it('skips a byline between the headline and the lead', () => {
    const p = parseReleaseStrict({
      content: `Northwind Opens Its Fourth Ohio Plant\n\nBy Jane Roe, Example Markets\n\n${lead}\n\n${second}\n`,
    });
    expect(p.title).toBe('Northwind Opens Its Fourth Ohio Plant');
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('takes a lead that ends in a colon before its list', () => {
    const intro = 'Here are some of the topics the October issue of the Northwind customer newsletter covers:';
    const p = parseReleaseStrict({
      content: `Northwind Newsletter Lands on October 1\n\n${intro}\n\nFilter Care\n\n${second}\n`,
    });
    expect(p.title).toBe('Northwind Newsletter Lands on October 1');
    expect(p.body.paragraphs[0]).toBe(intro);
  });

  it("leaves a form's labelled title line under a markdown headline out of the body, also hard-wrapped", () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Its Fourth Ohio Plant\n\nTitle: Northwind Filters Opens a Dayton Plant and\nAnnounces a Fifth for Toledo\n\n${lead}\n\n${second}\n`,
    });
    expect(p.title).toBe('Northwind Opens Its Fourth Ohio Plant');
    expect(p.body.paragraphs[0]).toBe(lead);
  });
});

describe('a second dateline opening a hard-wrapped lead', () => {
  it('is dropped from the lead when the lead runs over several lines', () => {
    const p = parseReleaseStrict({
      content:
        '# Northwind Opens Plant\n\nDAYTON, OH / PR Karma / May 19, 2025 9:54\n\nDayton, OH, May 19th, 2025- Northwind Filters, Inc. opened a water filter\nplant in Dayton on Monday, its fourth in the state.\n\nThe plant employs 40 people.\n',
    });
    expect(p.body.paragraphs[0]).toBe(
      'Northwind Filters, Inc. opened a water filter plant in Dayton on Monday, its fourth in the state.',
    );
  });
});

describe('legends, bylines and credits around the lead', () => {
  it('leaves a legend alone on its line and a release-date line above the lead out of the body', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant\n\nFOR IMMEDIATE RELEASE\n\nRelease Date: May 5, 2025\n\n${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
  });

  it('leaves a legend under the dateline out, and the repeated place with a month and year under it', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant\n\nDayton, United States - May 6, 2026 / Northwind Filters /\n\nFor Immediate Release\n\nDAYTON, Ohio - May 2026 - ${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('keeps a lead that only starts with the words of a legend', () => {
    const text = 'For immediate release to members, the Northwind Filters newsletter lists every new plant.';
    const p = parseReleaseStrict({ content: `# Northwind Opens Dayton Plant\n\n${text}\n\n${LEAD}\n` });
    expect(p.body.paragraphs[0]).toBe(text);
  });

  it('skips a byline under a bare wire tag', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant\n\n--News Direct--\n\nBy Jane Roe, Example Markets\n\n${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it("ends the body at a featured image's credit under it, and only there", () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nFeatured photo by Jane Roe on Unsplash.\n\nExample Markets is a leading financial media company.',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
  });

  it('leaves out numbered photo captions and a note to editors in parentheses', () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\n(Note to editor: photos of the opening are linked here.)\n\nPhoto 1– Jane Roe, John Doe\n\nPhoto 2-John Doe\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
    expect(paragraphs('Photo-realistic renderings of the plant are on its website.')).toEqual([
      LEAD,
      'Photo-realistic renderings of the plant are on its website.',
    ]);
  });

  it("stops at a list of the issuer's social network addresses", () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nTwitter (X): https://x.example/northwind\n\nInstagram: https://instagram.example/northwind/\n\nEmail Signup: https://list.example/nw',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
    expect(paragraphs('The plant employs 40 people.\n\nSocial Links Instagram | LinkedIn')).toEqual([
      LEAD,
      'The plant employs 40 people.',
    ]);
  });

  it('stops at a social list however it is headed or labelled, and at a token contract address', () => {
    for (const tail of [
      'Follow Northwind:\n\n* Northwind on LinkedIn\n* Northwind on YouTube',
      'Follow Northwind Filters:\n\n* News and stories at https://blog.example/northwind',
      'FB: @northwindfilters\n\nIG: @northwind.filters',
      'CA: 0x5e1Fa4bC0d9E8a7b6C5d4E3f2A1b0C9d8E7f6A5b\n\nWebsite: https://northwind.example',
      'Contract Address: 0xAbCdEf0123456789aBcDeF0123456789AbCdEf01',
      'Jane Roe on Social Media:Instagram: @janeroeX: @janeroe',
      'Northwind online: Facebook: https://facebook.example/northwind | YouTube: https://video.example/nw',
    ])
      expect(paragraphs(`The plant employs 40 people.\n\n${tail}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    // A `Follow …:` heading over steps, not networks, is the text's own.
    expect(
      paragraphs('Follow These Steps:\n\nOpen the valve and wait ten minutes before you drink the water.'),
    ).toEqual([LEAD, 'Follow These Steps:', 'Open the valve and wait ten minutes before you drink the water.']);
  });

  it('drops a heading run into a second dateline that opens the lead', () => {
    const content = (lead: string) =>
      `# Northwind Opens Plant\n\nA deck about the plant\n\n DAYTON, United States - May 5, 2025 / Northwind Filters /\n\n ${lead}\n\nThe plant employs 40 people.\n`;
    for (const heading of [
      'Northwind Filters: The Leading Filter Maker in Dayton, OH',
      'Clean Water for the Miami Valley',
    ]) {
      const p = parseReleaseStrict({ content: content(`${heading}Dayton, OH - ${LEAD}`) });
      expect(p.body.paragraphs[0]).toBe(LEAD);
    }
    // A place glued to a word inside the lead's sentence is no dateline: the lead stays as written.
    const kept = `${LEAD.slice(0, -1)} near the MuseumDayton, OH - Its Director Said the Plant Was Welcome.`;
    expect(parseReleaseStrict({ content: content(kept) }).body.paragraphs[0]).toBe(kept);
  });

  it('leaves out a labelled pointer to download a picture, under the text or between its paragraphs', () => {
    for (const pointer of [
      'Photo download: https://short.example/AbC12',
      'Image gallery: https://media.example/northwind',
    ]) {
      expect(paragraphs(`The plant employs 40 people.\n\n${pointer}`)).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(paragraphs(`${pointer}\n\nThe plant employs 40 people.`)).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });

  it('stops at a Disclaimers heading and at the ./. end mark, also run onto the last words', () => {
    for (const tail of [
      'The plant employs 40 people.\n\nDisclaimers: Northwind Media is no broker. This content is for information only.',
      'The plant employs 40 people.\n\nLegal Disclaimers\n\nNothing here is an offer to buy or sell any security.',
      'The plant employs 40 people.\n\n./.',
    ])
      expect(paragraphs(tail)).toEqual([LEAD, 'The plant employs 40 people.']);
    expect(paragraphs('The plant employs 40 people ./.')).toEqual([LEAD, 'The plant employs 40 people']);
  });

  it('stops at a contact heading that names its information or details (Media Contact Information:)', () => {
    for (const heading of ['Media Contact Information:', 'Press Contact Details', 'Investor Contact Info:']) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\n${heading}\n\nJane Roe\n\nEmail: jane.roe@northwind.example`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.contacts.map((c) => c.email)).toContain('jane.roe@northwind.example');
    }
  });

  it('stops at a resources heading over a list or links', () => {
    for (const tail of [
      'Additional Resources:\n\n* Plant photos are in the right column.\n* Visit the site to learn about filters.',
      'Related Links\n\n- https://northwind.example/plant\n- https://northwind.example/jobs',
      'Helpful resources:\n\n1. How filters work\n2. Where to buy them',
    ])
      expect(paragraphs(`The plant employs 40 people.\n\n${tail}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    // Over a paragraph of sentences, the heading is the text's own.
    expect(
      paragraphs('Resources\n\nThe plant draws on the river and the aquifer, which hold water for the whole valley.'),
    ).toEqual([
      LEAD,
      'Resources',
      'The plant draws on the river and the aquifer, which hold water for the whole valley.',
    ]);
  });

  it('stops at the heading of a calendar of reporting dates over dated lines, and reads the contact under it', () => {
    for (const [heading, dates] of [
      ['Financial calendar', 'Q1 Report 2026 12 May 2026Annual General Meeting 2026 18 June 2026'],
      ['Financial Calendar:', '* 14 August 2026: Half-year report\n* 12 November 2026: Q3 report'],
      ['Upcoming financial events', 'Interim report Q2 – 2026-08-20'],
      ['Finanzkalender', '20.08.2026 Halbjahresbericht 2026'],
    ]) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\n${heading}\n\n${dates}\n\nContact: Jane Roe, jane.roe@northwind.example`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.contacts.map((c) => c.email)).toContain('jane.roe@northwind.example');
    }
    // Over a paragraph of sentences, the heading is the text's own.
    const text =
      'The company will publish its results for 2026 in May, and the board will meet in June to set the dividend.';
    expect(paragraphs(`Financial calendar\n\n${text}`)).toEqual([LEAD, 'Financial calendar', text]);
  });

  it('stops at the heading of a methodology note over a paragraph of sentences, alone or run into it', () => {
    const note =
      'Plants on the 2025 list are ranked by output growth from 2021 to 2024, and each one must have run for three full years to qualify.';
    for (const section of [
      `Methodology\n\n${note}`,
      `METHODOLOGY:\n\n${note}`,
      `Survey Methodology\n\n${note}`,
      `Methodology${note}`,
      `Methodology: ${note}`,
    ]) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\n${section}\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.about.map((a) => a.organization)).toEqual(['Northwind Filters']);
    }
    // A sentence on a method, or a heading that only ends in the word, is the text's own.
    const own = 'Methodology matters: the plant tests every filter twice, once on the line and once in the lab.';
    expect(paragraphs(own)).toEqual([LEAD, own]);
    expect(paragraphs(`Testing and Sampling Methodology\n\n${note}`)).toEqual([
      LEAD,
      'Testing and Sampling Methodology',
      note,
    ]);
  });

  it('stops at a notes heading over a numbered or marked list, and reads the About section under it', () => {
    for (const heading of ['Footnotes', 'Endnotes:', 'References', 'Sources:', 'Notes']) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant¹ employs 40 people.\n\n${heading}\n\n1. The plant is in Dayton, Ohio.\n2. Figures are for 2025.\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant¹ employs 40 people.']);
      expect(p.about.map((a) => a.organization)).toEqual(['Northwind Filters']);
    }
    // Over a paragraph of sentences, such a heading is the text's own.
    expect(
      paragraphs('Sources\n\nThe plant draws on the river and the aquifer, which hold water for the whole valley.'),
    ).toEqual([
      LEAD,
      'Sources',
      'The plant draws on the river and the aquifer, which hold water for the whole valley.',
    ]);
  });

  it('opens an About section at a bare About heading over a text that opens with the name, its legal form and listing', () => {
    for (const [text, org] of [
      ['Northwind Filters, Inc. (NASDAQ: NWF) makes water filters for homes.', 'Northwind Filters, Inc.'],
      ['Northwind Ltd (LSE: NWF) designs filters in Dayton.', 'Northwind Ltd'],
    ]) {
      const p = parseReleaseStrict({ content: markdown(`The plant employs 40 people.\n\nAbout:\n\n${text}`) });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.about.map((a) => a.organization)).toEqual([org]);
    }
  });

  it('leaves out an unheaded About of the issuer the lead names as the last paragraph', () => {
    const body = 'The plant employs 40 people.\n\nIt opens to visitors in June.';
    for (const about of [
      'Founded in 1988, Northwind Filters Corporation is a maker of water filters for homes and farms.',
      'Northwind Filters, Inc. (NASDAQ: NWF) is a maker of water filters for homes and farms.',
      'Headquartered in Dayton, Northwind Filters Ltd is one of the largest makers of filters in Ohio.',
      // also told as its history
      'Northwind Filters, Inc. (NWF) traces its origins back to 1952, when a dairy farmer built the first filter.',
      'Northwind Filters Corporation was founded in 1988 by two engineers who wanted cleaner well water.',
      'Northwind Filters Ltd has been a maker of water filters for homes and farms since 1990.',
    ])
      expect(paragraphs(`${body}\n\n${about}`)).toEqual([
        LEAD,
        'The plant employs 40 people.',
        'It opens to visitors in June.',
      ]);
    // A person's biography, or an organization the lead does not name, stays the text's own.
    for (const kept of [
      'J. Roe is the author of a book on water, and holds a patent on a filter.',
      'Founded in 1990, Southfield Pumps Inc. is a partner of the plant.',
      'Northwind Filters was founded in a barn, and the plant keeps the barn as its visitor centre.',
    ])
      expect(paragraphs(`${body}\n\n${kept}`).at(-1)).toBe(kept);
  });

  it('stops at a credit line under the text, also run into the last sentence', () => {
    for (const tail of [
      'The plant employs 40 people.\n\nReport by the Dayton Valley desk',
      'The plant employs 40 people.\n\n(Written by Jane Roe, Fellow at the Institute of Water Studies)',
      'The plant employs 40 people.  Reported by Ohio Desk team',
    ])
      expect(paragraphs(tail)).toEqual([LEAD, 'The plant employs 40 people.']);
    // Between paragraphs of the text, a credit is only left out.
    expect(
      paragraphs(
        'Written by the Dayton desk\n\nThe plant will employ forty people by the end of the year, the company said in a statement on Monday.',
      ),
    ).toEqual([
      LEAD,
      'The plant will employ forty people by the end of the year, the company said in a statement on Monday.',
    ]);
  });

  it("stops at the issuer's address on a line of its own under the text", () => {
    for (const tail of [
      'Northwind Filters - 18 Elm St, Suite 4, Dayton, OH, 45402',
      'Northwind | 2200 Harbour Rd., Vancouver, BC V6B 1A1',
      '18 Elm Street, Dayton, Ohio 45402',
    ])
      expect(paragraphs(`The plant employs 40 people.\n\n${tail}`)).toEqual([LEAD, 'The plant employs 40 people.']);
  });

  it('leaves out a last one-sentence lead-in to a media contact, keeping its address a contact', () => {
    for (const lead of [
      'To schedule an interview with a Northwind engineer, please contact Jane Roe, jane.roe@northwind.example.',
      'For media inquiries, email Jane Roe at jane.roe@northwind.example or call 937-555-0100.',
      'Journalists wishing to visit the plant may contact jane.roe@northwind.example.',
    ]) {
      const p = parseReleaseStrict({ content: markdown(`The plant employs 40 people.\n\n${lead}`) });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.contacts.map((c) => c.email)).toContain('jane.roe@northwind.example');
    }
    // `For more information, …contact…` is the text's closing line.
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nFor more information, visit the site or contact jane.roe@northwind.example.',
      ),
    ).toEqual([
      LEAD,
      'The plant employs 40 people.',
      'For more information, visit the site or contact jane.roe@northwind.example.',
    ]);
  });

  it('cuts a social link, a contract address or a disclaimer run into the last sentence off it', () => {
    for (const tail of [
      'The plant employs 40 people.Telegram: https://t.example/northwindX (Twitter): https://x.example/northwind',
      'The plant employs 40 people!CA: 0x5e1Fa4bC0d9E8a7b6C5d4E3f2A1b0C9d8E7f6A5bFollow Us:Website: https://northwind.example',
      'The plant employs 40 people.Disclaimer:The information in this release is not investment advice. Do your own research before buying any token.',
      'The plant employs 40 people. Disclaimer: Nothing here is an offer to sell or buy securities or tokens.',
    ])
      expect(paragraphs(tail)[1]).toMatch(/^The plant employs 40 people[.!]$/);
  });
});

describe('wire tags, credits and contact forms of smaller distributors', () => {
  it("reads a newswire's name written between dashes after the date as the wire tag", () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nDayton, OH – March 17th, 2025 – Example Newswire – ${LEAD}\n`,
    });
    expect(p.wire?.name).toBe('Example Newswire');
    expect(p.dateline).toMatchObject({ location: 'Dayton, OH', date: '2025-03-17' });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('keeps the place of a dateline whose date follows a slash (BOULDER, CO / March 30, 2026 – Tag –)', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nDAYTON, OH / March 30, 2026 – PRISM MediaWire (Press Release Service) – ${LEAD}\n`,
    });
    expect(p.dateline?.location).toBe('DAYTON, OH');
  });

  it('drops a byline written in the parentheses of a tag opening a lead with no dateline', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n(Jane Roe ) - ${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('reads a bare About run into its text as an About section', () => {
    const p = parseReleaseStrict({
      content: markdown('About Founded in 2019 by Jane Roe, Northwind makes water filters for homes.'),
    });
    expect(p.body.paragraphs).toEqual([LEAD]);
    expect(p.about).toHaveLength(1);
  });

  it('stops at a labelled contact form glued to the last sentence, and at Contact Name over Email:', () => {
    const glued = paragraphs(
      'The plant employs 40 people.Company Name: NorthwindContact Person: Jane RoeEmail: jane@northwind.example',
    );
    expect(glued).toEqual([LEAD, 'The plant employs 40 people.']);
    const named = paragraphs('The plant employs 40 people.\n\nContact Jane Roe\n\nEmail: jane@northwind.example');
    expect(named).toEqual([LEAD, 'The plant employs 40 people.']);
  });

  it('keeps a postal address under a contact heading out of the body', () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nContact Information:\n\nNorthwind Filters\n\n1885 Main Road, Suite 4 Dayton, Ohio 45402 United States\n\nJane Roe +1 (937) 555-0100',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
  });
});

describe('About headings and closing notices at the end of the body', () => {
  it('reads a bare About heading over a paragraph that describes an organization', () => {
    const p = parseReleaseStrict({
      content: markdown('About\n\nNorthwind Filters is a Dayton-based maker of water filters.'),
    });
    expect(p.body.paragraphs).toEqual([LEAD]);
    expect(p.about.map((a) => a.organization)).toEqual(['Northwind Filters']);
  });

  it('leaves a bare About line over a menu alone', () => {
    const p = parseReleaseStrict({ content: markdown('The plant employs 40 people.\n\nAbout\n\nCareers') });
    expect(p.about).toEqual([]);
  });

  it('leaves out a closing notice that the text is no advice, but only at the end', () => {
    const notice =
      'The editors wrote this article to keep readers informed – not necessarily offering advice tailored to their needs.';
    expect(paragraphs(`The plant employs 40 people.\n\n${notice}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    const middle = 'The filter is not intended as medical advice, the company said.';
    expect(paragraphs(`${middle}\n\nThe plant employs 40 people.`)).toEqual([
      LEAD,
      middle,
      'The plant employs 40 people.',
    ]);
  });

  it('finds where an About text restarts with a brand written in lower case first', () => {
    const p = parseReleaseStrict({
      content: markdown(
        'The plant employs 40 people.\n\nAbout nwGroup and nwFilters nwFilters is a division of nwGroup that makes water filters.',
      ),
    });
    expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
    expect(p.about.map((a) => a.organization)).toEqual(['nwGroup and nwFilters']);
  });

  it("takes About the Merger … for a heading on the release's own subject", () => {
    const p = parseReleaseStrict({
      content: markdown(
        'The plant employs 40 people.\n\nAbout the Merger to form Northwind Holdings\n\nNorthwind agreed to merge with Eastwind on May 1.',
      ),
    });
    expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
    expect(p.about.map((a) => a.organization)).toEqual([null]);
  });
});

describe('headers of releases with no dated dateline, plain and under page chrome', () => {
  const lead =
    'Northwind Filters, Inc. opened a water filter plant in Dayton, Ohio, on Monday, its fourth in the state.';

  it('reads a plain headline over a legend and a release-date line', () => {
    const p = parseReleaseStrict({
      content: `Northwind Opens Its Fourth Ohio Plant\n\nFOR IMMEDIATE RELEASE\n\nRelease Date: May 5, 2025\n\n${lead}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.title).toBe('Northwind Opens Its Fourth Ohio Plant');
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('does not take a release-date line or a question for chrome when page chrome stands above', () => {
    const chrome = 'Home | News | Business\n\nShare this article\n\n';
    const dated = parseReleaseStrict({
      content: `${chrome}Northwind Opens Its Fourth Ohio Plant\n\nRelease Date: May 5, 2025\n\n${lead}\n`,
    });
    expect(dated.title).toBe('Northwind Opens Its Fourth Ohio Plant');
    const asked = parseReleaseStrict({ content: `${chrome}Where Is Northwind Opening Its Next Plant?\n\n${lead}\n` });
    expect(asked.title).toBe('Where Is Northwind Opening Its Next Plant?');
  });

  it('finds a place-only dateline under a few blocks of page chrome', () => {
    const p = parseReleaseStrict({
      content: `Home | News | Business\n\nShare this article\n\nSubscribe\n\n# Northwind Opens Dayton Plant\n\nThe plant joins the firm's growing Midwest network as it expands across the region.\n\nDAYTON, OH – ${lead}\n`,
    });
    expect(p.dateline?.location).toBe('DAYTON, OH');
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('drops the headline repeated under the dateline also when it is hard-wrapped', () => {
    const p = parseReleaseStrict({
      content: `Northwind Filters Opens Its Fourth Ohio Plant in Dayton With Forty Jobs\n\nDAYTON, Ohio, May 5, 2025 /PRNewswire/ --\n\nNorthwind Filters Opens Its Fourth Ohio Plant in Dayton\nWith Forty Jobs\n\n${lead}\n`,
    });
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('reads the place of a feed excerpt cut inside the wire tag', () => {
    const p = parseReleaseStrict({ content: 'Northwind names a new director     Dayton, Ohio--(Newsf...' });
    expect(p.dateline?.location).toBe('Dayton, Ohio');
  });
});

describe('a saved page with a cookie notice above a release with no dateline', () => {
  const lead =
    'Northwind Filters, Inc. opened a water filter plant in Dayton, Ohio, on Monday, its fourth in the state.';
  const cookies =
    'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.';

  it('does not take the cookie notice for the lead, and finds the headline under the menus', () => {
    const p = parseReleaseStrict({
      content: `${cookies}\n\nAccept | Manage preferences\n\n* [Home](/home)\n* [News](/news)\n\nNorthwind Opens Its Fourth Ohio Plant\n\nBy Newsroom\n\n${lead}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.title).toBe('Northwind Opens Its Fourth Ohio Plant');
    expect(p.body.paragraphs[0]).toBe(lead);
  });

  it('takes a lead that ends in a colon before its list under page chrome', () => {
    const intro = 'Here are some of the topics the October issue of the Northwind customer newsletter covers:';
    const p = parseReleaseStrict({
      content: `Home | News | Business\n\nShare this article\n\nNorthwind Newsletter Lands on October 1\n\n${intro}\n\nFilter Care at Home\n\nThe plant employs 40 people.\n`,
    });
    expect(p.title).toBe('Northwind Newsletter Lands on October 1');
    expect(p.body.paragraphs[0]).toBe(intro);
  });
});

describe('an About heading run into a text that restarts with no clue but the name', () => {
  it('ends the heading where the name the body used stops', () => {
    const p = parseReleaseStrict({
      content: markdown(
        'Northwind Quarterly will cover the opening in its next issue.\n\nAbout Northwind Quarterly Journalist Jane Roe founded the magazine in 2013 to cover water technology in Ohio.',
      ),
    });
    expect(p.body.paragraphs).toEqual([LEAD, 'Northwind Quarterly will cover the opening in its next issue.']);
    expect(p.about.map((a) => a.organization)).toEqual(['Northwind Quarterly']);
  });

  it('keeps a paragraph that opens with About as prose', () => {
    const prose = 'About 200 Dayton Residents Attended the opening, the company said in a statement on Monday.';
    expect(paragraphs(`Dayton Residents Attended the opening.\n\n${prose}`)).toEqual([
      LEAD,
      'Dayton Residents Attended the opening.',
      prose,
    ]);
  });
});

describe('a lead that opens with a place and a date in its sentence', () => {
  it('is not a dateline closed by a comma', () => {
    const lead = 'In Dayton, Ohio, on July 15, 2026, Northwind Filters opened its fourth plant in the state.';
    const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${lead}\n` });
    expect(p.dateline).toBeNull();
    expect(p.body.paragraphs[0]).toBe(lead);
  });
});

describe('highlights under a markdown headline with no dateline', () => {
  it('leaves two or more list items above the lead out of the body', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Dayton Plant\n\n* The plant is the fourth in Ohio.\n* It employs 40 people.\n\n ${LEAD} It ships filters across the Midwest.\n\nThe plant opened on Monday.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(`${LEAD} It ships filters across the Midwest.`);
  });

  it('keeps a list that the body opens with when no paragraph of sentences follows it', () => {
    const p = parseReleaseStrict({
      content: '# Northwind Opens Dayton Plant\n\n* The plant is the fourth in Ohio.\n* It employs 40 people.\n',
    });
    expect(p.body.paragraphs[0]).toBe('The plant is the fourth in Ohio.');
  });
});

describe('a headline over two lines or two pieces', () => {
  it('joins a plain headline line ending on a word no headline ends on with the next line', () => {
    const long = `${LEAD} It ships filters across the Midwest, employs forty people and opened on Monday after two years of building work on the site, the company said.`;
    const p = parseReleaseStrict({
      content: `Northwind Filters Is Coming to\nDayton for the First Time\n\n--News Direct--\n\n${long}\n\n${long}\n\n${long}\n`,
    });
    expect(p.title).toBe('Northwind Filters Is Coming to Dayton for the First Time');
  });

  it('keeps the two halves of a flattened headline with a colon together', () => {
    const body = `${LEAD} It ships filters across the Midwest and employs forty people at the new site in Dayton.`;
    const p = parseReleaseStrict({
      content: `Clean Water for the Midwest:  Northwind Opens Its Fourth Ohio Plant  ${body}  ${body}  ${body}  ${body}`,
    });
    expect(p.title).toBe('Clean Water for the Midwest: Northwind Opens Its Fourth Ohio Plant');
  });

  it('keeps a flattened headline together across a double space after a word or dash no headline ends on', () => {
    const body = `${LEAD} It ships filters across the Midwest and employs forty people at the new site in Dayton.`;
    const rest = `${body}  ${body}  ${body}  ${body}`;
    for (const [head, title] of [
      [
        'Northwind Upgrades in Dayton Could  Cut Water Bills for Homes',
        'Northwind Upgrades in Dayton Could Cut Water Bills for Homes',
      ],
      [
        '# Northwind Filters Stout -  A Midwest Brew Born From Scrap',
        'Northwind Filters Stout - A Midwest Brew Born From Scrap',
      ],
      [
        'Northwind Opens Its Fourth Plant via  Its Partner Program',
        'Northwind Opens Its Fourth Plant via Its Partner Program',
      ],
      ['Why Filters Should  Matter to Every Ohio Town', 'Why Filters Should Matter to Every Ohio Town'],
      ['Tap Water vs.  Bottled Water: What Dayton Chose', 'Tap Water vs. Bottled Water: What Dayton Chose'],
    ]) {
      const p = parseReleaseStrict({ content: `${head}  ${rest}` });
      expect(p.title).toBe(title);
    }
    // A headline ending on a word that can end one: the short piece after it is a deck, not its tail.
    const decked = parseReleaseStrict({
      content: `Northwind Opens Its Fourth Ohio Plant  Forty Jobs Come to Dayton  ${rest}`,
    });
    expect(decked.title).toBe('Northwind Opens Its Fourth Ohio Plant');
  });

  it('joins a plain headline line ending on a dash or a modal with the next line', () => {
    const long = `${LEAD} It ships filters across the Midwest, employs forty people and opened on Monday after two years of building work on the site, the company said.`;
    for (const [a, b] of [
      ['Northwind Filters Stout –', 'A Midwest Brew Born From Scrap'],
      ['Northwind Upgrades in Dayton Would', 'Cut Water Bills for Homes'],
    ]) {
      const p = parseReleaseStrict({ content: `${a}\n${b}\n\n--News Direct--\n\n${long}\n\n${long}\n\n${long}\n` });
      expect(p.title).toBe(`${a} ${b}`);
    }
  });
});

describe('more tag-less dateline punctuation', () => {
  it('reads a parenthesized date set off from the place by dashes', () => {
    for (const line of [`DAYTON, Ohio — (March 7, 2024) — ${LEAD}`, `DAYTON, OH - (March 7, 2024) - ${LEAD}`]) {
      const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${line}\n` });
      expect(p.dateline?.date).toBe('2024-03-07');
      expect(p.dateline?.location).toMatch(/^DAYTON, (?:Ohio|OH)$/);
      expect(p.body.paragraphs[0]).toBe(LEAD);
    }
  });

  it('reads a date-first dateline set off by vertical bars', () => {
    const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\nMarch 7, 2024 | Dayton, Ohio | ${LEAD}\n` });
    expect(p.dateline).toMatchObject({ location: 'Dayton, Ohio', date: '2024-03-07' });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('reads a slash dateline with a name slot between the place and a date closed by a slash', () => {
    for (const [line, location, date] of [
      [`DAYTON, OH / ExampleWire / July 11th, 2024 / ${LEAD}`, 'DAYTON, OH', '2024-07-11'],
      [`Dayton, Ohio / Example Media Group / March 7, 2024 / ${LEAD}`, 'Dayton, Ohio', '2024-03-07'],
      [`TORONTO, ON / Northwind Filters Inc. / 7 March 2024 / ${LEAD}`, 'TORONTO, ON', '2024-03-07'],
    ]) {
      const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${line}\n` });
      expect(p.dateline).toMatchObject({ location, date });
      expect(p.body.paragraphs[0]).toBe(LEAD);
    }
    // A slot that is itself a place is no name slot: the first place is not read as the whole place.
    const two = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nSAN DIEGO / HONG KONG / March 7, 2024 / ${LEAD}\n`,
    });
    expect(two.dateline?.location).not.toBe('SAN DIEGO');
  });
});

describe('end-of-body markers and notices portals and distributors add', () => {
  for (const trailer of [
    '— END —',
    '*** END ***',
    '– ENDS –',
    '— 30 —',
    '–30–',
    '– 0 –',
    '—0—',
    'Keywords: water, filters, Ohio',
    'Categories: Business',
    'Press release distributed by Example Wire on behalf of Northwind Filters, on May 5, 2025.',
    'Issued on behalf of Northwind Filters by Example PR.',
    'Sponsored content',
    'This is a paid press release. Contact the press release distributor directly with any inquiries.',
    'Information contained on this page is provided by an independent third-party content provider.',
  ]) {
    it(`ends the body at ${trailer.slice(0, 40)}`, () => {
      expect(paragraphs(`The plant employs 40 people.\n\n${trailer}\n\nMore from the portal.`)).toEqual([
        LEAD,
        'The plant employs 40 people.',
      ]);
    });
  }

  it('reads a Category: or Issued for … by line followed by a paragraph of prose as part of the release, not its end', () => {
    const won =
      'The X2 filter won the jury prize for the way it cuts the cost of clean water for small towns across the state.';
    const service =
      'The Northwind service team won for answering every call from the flooded towns within a single hour during the floods last spring.';
    expect(
      paragraphs(
        `The plant employs 40 people.\n\nCategory: Best New Product\n\n${won}\n\nCategory: Best Service\n\n${service}`,
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.', won, service]);
    expect(
      paragraphs(`The plant employs 40 people.\n\nIssued for the Ohio Water Awards by the Example Board\n\n${won}`),
    ).toEqual([LEAD, 'The plant employs 40 people.', won]);
  });

  it('reads a website line under the body as the contact block', () => {
    expect(paragraphs('The plant employs 40 people.\n\nWebsite: https://northwind.example')).toEqual([
      LEAD,
      'The plant employs 40 people.',
    ]);
  });

  it('also when its label names whose website it is, run into the word or not', () => {
    for (const line of [
      'WebsiteNorthwind Water Expo: www.northwind-expo.example',
      'Website of the Northwind Water Expo: https://northwind-expo.example/en',
      'WEBSITE Northwind Filters: https://northwind.example',
    ]) {
      expect(paragraphs(`The plant employs 40 people.\n\n${line}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    }
    // (a sentence that goes on after the address stays the text's)
    expect(
      paragraphs('The plant employs 40 people.\n\nWebsite visitors: see www.northwind.example for tours.'),
    ).toEqual([LEAD, 'The plant employs 40 people.', 'Website visitors: see www.northwind.example for tours.']);
  });

  it('leaves out a website line between paragraphs of the text and goes on with the body', () => {
    const wrapped =
      'Tickets cost $20 and can be bought at the door of the plant on opening day,\nwhen the first hundred visitors also get a free filter for their kitchen tap.';
    expect(paragraphs(`The plant employs 40 people.\n\nWebsite: https://northwind.example\n\n${wrapped}`)).toEqual([
      LEAD,
      'The plant employs 40 people.',
      wrapped.replace('\n', ' '),
    ]);
  });

  it('keeps a closing call to visit the issuer as body', () => {
    expect(paragraphs('The plant employs 40 people.\n\nFind out more at northwind.example.')).toEqual([
      LEAD,
      'The plant employs 40 people.',
      'Find out more at northwind.example.',
    ]);
  });
});

describe('lines between the headline and the lead', () => {
  const lead = 'Northwind Filters, Inc. opened a water filter plant in Dayton on Monday, its fourth in the state.';
  const second = 'The plant employs 40 people and ships filters across the Midwest to customers in six states.';
  const cases: [string, string][] = [
    [
      'a subheading deck',
      `# Northwind Opens Plant\n\n## Fourth plant in the state brings 40 jobs\n\n${lead}\n\n${second}\n`,
    ],
    ['a date line', `# Northwind Opens Plant\n\nMay 5, 2025\n\n${lead}\n\n${second}\n`],
    ['a byline and a date line', `# Northwind Opens Plant\n\nBy Jane Roe\n\nMay 5, 2025\n\n${lead}\n\n${second}\n`],
    ['a NEWS RELEASE label', `# Northwind Opens Plant\n\nNEWS RELEASE\n\n${lead}\n\n${second}\n`],
    [
      'a plain headline over a date line',
      `Northwind Opens Its Fourth Ohio Plant\n\nMay 5, 2025\n\n${lead}\n\n${second}\n`,
    ],
    [
      'a dateline with a time of day',
      `# Northwind Opens Plant\n\nDAYTON, Ohio, May 5, 2025 at 9:00 AM ET -- ${lead}\n\n${second}\n`,
    ],
  ];
  for (const [name, content] of cases) {
    it(`are not the body: ${name}`, () => {
      expect(parseReleaseStrict({ content }).body.paragraphs[0]).toBe(lead);
    });
  }

  it('reads the dateline before a time of day', () => {
    const p = parseReleaseStrict({ content: cases[5]?.[1] ?? '' });
    expect(p.dateline).toMatchObject({ location: 'DAYTON, Ohio', date: '2025-05-05' });
  });
});

describe("a distributor's tag in parentheses right after a tag-less dateline's date", () => {
  it('is part of the dateline, and names the wire when it calls itself a newswire', () => {
    const named = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nDAYTON, Ohio, May 5, 2025 (EX Newswire) -- ${LEAD}\n`,
    });
    expect(named.wire?.name).toBe('EX Newswire');
    expect(named.dateline).toMatchObject({ location: 'DAYTON, Ohio', date: '2025-05-05' });
    expect(named.body.paragraphs[0]).toBe(LEAD);
    const other = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nDAYTON, Ohio, May 5, 2025 (Example.com) - ${LEAD}\n`,
    });
    expect(other.dateline?.location).toBe('DAYTON, Ohio');
    expect(other.body.paragraphs[0]).toBe(LEAD);
  });
});

describe('end markers run into the last sentence', () => {
  for (const marker of [
    '###',
    '# # #',
    '-30-',
    '— 30 —',
    '–0–',
    'To view the full article, visit https://short.example/x',
  ]) {
    it(`splits off ${marker.slice(0, 30)}`, () => {
      expect(paragraphs(`The plant employs 40 people. ${marker}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    });
  }
});

describe("a date-first dateline with a distributor's credit set off by commas", () => {
  it('reads the date, the place and the credit as the dateline', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\nMarch 3, 2025, New York, Example Ai PR, ${LEAD}\n`,
    });
    expect(p.dateline).toMatchObject({ location: 'New York', date: '2025-03-03' });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('does not take a lead that opens with a date and a clause for one', () => {
    const lead = 'March 3, 2025, Northwind Filters, Inc. opened a plant in Dayton, its fourth in the state.';
    const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${lead}\n` });
    expect(p.dateline).toBeNull();
  });
});

describe("a portal's credit line hard-wrapped over two lines", () => {
  it('still ends the body', () => {
    expect(
      paragraphs(
        'The plant employs 40 people.\n\nThe post Northwind Opens Dayton Plant With Forty Jobs appeared\nfirst on Example Business Journal.\n\nMore news from the portal.',
      ),
    ).toEqual([LEAD, 'The plant employs 40 people.']);
  });
});

describe('legends and bylines in the languages releases come in', () => {
  const lead = 'Northwind Filters abrió una planta de filtros de agua en Dayton el lunes, la cuarta en el estado.';
  const second = 'La planta emplea a 40 personas y envía filtros a clientes en seis estados del Medio Oeste.';
  for (const line of ['Por Juana Pérez', 'PARA DIFUSIÓN INMEDIATA', 'COMUNICADO DE PRENSA', 'Communiqué de presse']) {
    it(`leaves ${line} under the headline out of the body`, () => {
      const p = parseReleaseStrict({
        content: `# Northwind abre su cuarta planta en Ohio\n\n${line}\n\n${lead}\n\n${second}\n`,
      });
      expect(p.body.paragraphs[0]).toBe(lead);
    });
  }

  it('keeps a lead that opens with Por and a lower-case word', () => {
    const text = 'Por fin llegó la cuarta planta de Northwind Filters a Dayton, con 40 empleos nuevos en la región.';
    const p = parseReleaseStrict({ content: `# Northwind abre su cuarta planta en Ohio\n\n${text}\n\n${second}\n` });
    expect(p.body.paragraphs[0]).toBe(text);
  });
});

describe("a portal's byline and date line set off by bars", () => {
  it.each([
    'Staff Report | Published: May 5, 2025 | Updated: 8:59 AM',
    'By Staff | Posted on May 5, 2025 at 9:03 a.m.',
    'By Staff | Published May 5, 2025 10:40 p.m.',
    'Example Daily Newsdesk | May 5, 2025 · 3 min read',
    'By Example Daily Staff · May 5, 2025',
  ])('is not the lead under a markdown headline: %s', (line) => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n${line}\n\n${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });
  it('leaves a sentence with a bar in it to the lead', () => {
    const text = 'Northwind Filters | Dayton opened on May 5, 2025 at 9:03 a.m. with 40 staff and two lines.';
    const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${text}\n\nThe plant employs 40 people.\n` });
    expect(p.body.paragraphs[0]).toBe(text);
  });
});

describe('a paid-promotion disclosure above the lead', () => {
  it.each([
    'Disseminated on behalf of Northwind Filters, Inc. and may include paid advertisements.',
    'This article has been disseminated on behalf of Northwind Filters and may include paid advertising.',
    'Distributed on behalf of Northwind Filters, Inc.',
  ])('is not the lead: %s', (notice) => {
    const p = parseReleaseStrict({
      content: `# NewsBreaks – Northwind Opens Plant\n\n${notice}\n\n${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('is not the lead when hard-wrapped over two lines', () => {
    const p = parseReleaseStrict({
      content: `# NewsBreaks – Northwind Opens Plant\n\nDisseminated on behalf of Northwind Filters, Inc. and may\ninclude paid advertisements.\n\n${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });

  it('leaves a lead that tells what was done on whose behalf', () => {
    const lead = 'Distributed on behalf of the city, the new filters reached 4,000 homes in Dayton, Ohio, this week.';
    const p = parseReleaseStrict({ content: `# Northwind Opens Plant\n\n${lead}\n\nThe plant employs 40 people.\n` });
    expect(p.body.paragraphs[0]).toBe(lead);
  });
});

describe('a pointer to the full article between paragraphs', () => {
  const more =
    'Shares of Northwind rose 12% on the news as investors weighed the plant’s output, which the company expects to double by the end of next year.';
  const about = 'About Northwind Filters, Inc.\n\nNorthwind Filters, Inc. makes water filters in Ohio.\n';
  it('is left out, and the paragraph under it is body', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n${LEAD}\n\nTo view the full press release, visit https://example.com/x1\n\n${more}\n\n${about}`,
    });
    expect(p.body.paragraphs).toEqual([LEAD, more]);
  });
  it('still ends the body when only its link or the About section follows', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n${LEAD}\n\nRead the full article here:\n\nhttps://example.com/x1\n\n${about}`,
    });
    expect(p.body.paragraphs).toEqual([LEAD]);
    const q = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n${LEAD}\n\nTo view the full article, visit https://example.com/x1\n\n${about}`,
    });
    expect(q.body.paragraphs).toEqual([LEAD]);
  });
  it('also when it points to the full announcement, and then ends the body before a picture link and boilerplate', () => {
    const p = parseReleaseStrict({
      content:
        `# Northwind Opens Plant\n\n${LEAD}\n\nTo view the full announcement, including downloadable images and bios, click here.\n\n` +
        '[Click image above to view full announcement.](https://example.com/x1)\n\n' +
        'Northwind Filters, Inc. is a maker of water filters based in Dayton.\n\nContacts: Jane Roe, press@northwind.example\n',
    });
    expect(p.body.paragraphs).toEqual([LEAD]);
  });
  it('also when it points to the release the text reports on, the company’s latest or its earnings release', () => {
    for (const pointer of [
      'To view the company’s most recent earnings release, visit https://short.example/q3',
      "To read the company's latest press release, click here.",
      'View its full quarterly earnings release here: https://example.com/x1',
    ]) {
      const p = parseReleaseStrict({
        content: `# Northwind Opens Plant\n\n${LEAD}\n\n${more}\n\n${pointer}\n\n${about}`,
      });
      expect(p.body.paragraphs).toEqual([LEAD, more]);
      const q = parseReleaseStrict({
        content: `# Northwind Opens Plant\n\n${LEAD}\n\n${pointer}\n\n${more}\n\n${about}`,
      });
      expect(q.body.paragraphs).toEqual([LEAD, more]);
    }
  });
  it('is left out when a list of the text follows it, a heading run into its first item or not', () => {
    const items = ['* The plant makes 2 million filters a year.', '* It employs 40 people.'];
    for (const first of [`Key points:${items[0]}`, items[0], '- The plant makes 2 million filters a year.']) {
      const p = parseReleaseStrict({
        content: `# Northwind Opens Plant\n\n${LEAD}\n\nView the full announcement here.\n\n${first}\n\n${items[1]}\n\n${about}`,
      });
      expect(p.body.paragraphs[0]).toBe(LEAD);
      expect(p.body.text).toContain('It employs 40 people.');
      expect(p.body.text).not.toContain('full announcement');
    }
  });
});

describe('a markdown image under the body, left as its alt text', () => {
  it('is a caption however long its alt text, not a paragraph', () => {
    for (const alt of [
      'Jane Roe joins Northwind Filters as head of sales for the Midwest and Canada regions',
      'From left: Jane Roe, John Doe and Ann Lee of Northwind Filters cut the ribbon at the new plant in Dayton on Monday',
    ]) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\n![${alt}](https://img.example/p1.jpg)\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });
});

describe('a markdown link or image a hard wrap broke over lines', () => {
  it('reads as one link, as it does unwrapped: a picture link or an image under the body is no paragraph', () => {
    for (const tail of [
      '[Click image above to view the full\nannouncement.](https://news.example/pr/northwind-opens-dayton-plant)About\nNorthwind FiltersNorthwind Filters, Inc. makes water filters.',
      '![Jane Roe joins Northwind Filters as head of sales for the Midwest\nand Canada regions](https://img.example/p1.jpg)\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.',
    ]) {
      const p = parseReleaseStrict({ content: markdown(`The plant employs 40 people.\n\n${tail}`) });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });
  it('keeps its text in the paragraph it is part of, the address taken as a link', () => {
    const p = parseReleaseStrict({
      content: markdown(
        'The plant employs 40 people. Read more on [the Northwind Filters\nwebsite](https://northwind.example/dayton) today.',
      ),
    });
    expect(p.body.text).toContain('Read more on the Northwind Filters website today.');
  });
  it('joins nothing for a bracket no link closes', () => {
    const p = parseReleaseStrict({
      content: markdown('The plant [in Dayton\nemploys 40 people] and more.\nIt opened (after a year) in May.'),
    });
    expect(p.body.text).toContain('The plant [in Dayton employs 40 people] and more. It opened (after a year) in May.');
  });
});

describe('a hard wrap that left a blank line after every line', () => {
  it('reads the wrapped lines as the one paragraph they are, a sentence going on over the blank line', () => {
    for (const content of [
      '# Northwind Opens Dayton Plant\n\nNorthwind Filters, a maker of home water filters and\n\nreplacement cartridges, today opened a plant in Dayton, Ohio, its fourth in\n\nthe state.\n\nThe plant employs 40 people.\n',
      'Northwind Opens Dayton Plant\n\nNorthwind Filters, a maker of home water filters and replacement\n\ncartridges for the kitchen, today opened a plant in Dayton, Ohio, its fourth,\n\nin the state.\n\nThe plant employs 40 people.\n',
    ]) {
      const p = parseReleaseStrict({ content });
      expect(p.body.paragraphs[0]).toMatch(
        /^Northwind Filters, a maker of home water filters and replacement .*in the state\.$/,
      );
      expect(p.body.paragraphs[1]).toBe('The plant employs 40 people.');
    }
  });
  it('keeps a heading, a list item or a line ending a sentence apart from a lower-case line under it', () => {
    const p = parseReleaseStrict({
      content: markdown(
        'The plant makes three kinds of filter for homes and offices:\n\n- carbon filters for tap water, in two sizes\n\nceramic cartridges are next on the list of products.\n\nAbout Northwind Filters and its partners\n\nnorthwind filters is a maker of water filters.',
      ),
    });
    expect(p.body.paragraphs).toContain('ceramic cartridges are next on the list of products.');
    expect(p.body.text).not.toMatch(/partners northwind/i);
  });
  it('reads the piece a scraper glued after a sentence on its own: a heading there is no running text to go on', () => {
    const content = (last: string) =>
      `# Northwind Opens Dayton Plant\n\nNorthwind Filters, a maker of home water filters, today opened a plant in Dayton.\n\n${last}\n\nnorthWind builds filters for homes and has offices in three states.\n`;
    // a glued About heading ends its line: the lower-case brand under it opens the About text
    const heading = parseReleaseStrict({
      content: content('The plant employs 40 people in two shifts.About northWind'),
    });
    expect(heading.body.paragraphs.at(-1)).toBe('The plant employs 40 people in two shifts.');
    expect(heading.about.map((a) => a.organization)).toEqual(['northWind']);
    // a glued sentence that goes on as running text is still wrapped onto
    const prose = parseReleaseStrict({
      content: content('The plant employs 40 people.It runs two shifts a day in the new hall, and'),
    });
    expect(prose.body.paragraphs.at(-1)).toMatch(/a day in the new hall, and northWind builds filters/);
  });
});

describe('a spaced dash a hard wrap set at the start of a line', () => {
  const wrapped = [
    'Northwind Filters today opened a water filter plant in Dayton, the largest one in',
    '- after two years of building - the whole of the state of Ohio, with 40 new jobs.',
  ].join('\n');
  it('goes on the line above, in plain text and in markdown', () => {
    for (const content of [
      `Northwind Opens Dayton Plant\n\n${wrapped}\n\nThe plant employs 40 people.\n`,
      `# Northwind Opens Dayton Plant\n\n${wrapped}\n\nThe plant employs 40 people.\n`,
    ]) {
      const p = parseReleaseStrict({ content });
      expect(p.body.paragraphs[0]).toBe(wrapped.replace('\n', ' '));
    }
  });
  it('keeps a plus sign a wrap set at the start of a line in markdown as text', () => {
    const text = [
      'Northwind Filters today launched Northwind Home, its filter for kitchens, and Northwind Home',
      '+ Cloud, a service that reminds owners when a cartridge is due.',
    ].join('\n');
    const p = parseReleaseStrict({ content: `# Northwind Launches Home Filter\n\n${text}\n\nThe filter costs $40.\n` });
    expect(p.body.paragraphs[0]).toBe(text.replace('\n', ' '));
    const list = parseReleaseStrict({ content: markdown('The kit has:\n\n+ a filter\n+ a cartridge') });
    expect(list.body.text).not.toContain('+');
  });
  it('is a list item under a short line or in a list', () => {
    const p = parseReleaseStrict({
      content: markdown('The plant has three lines\n- carbon filters for tap water\n- ceramic cartridges for wells'),
    });
    expect(p.body.text).not.toContain('lines - carbon');
    expect(p.body.text).not.toContain('water - ceramic');
  });
});

describe('a credit or a photo note under the body, hard-wrapped over three lines', () => {
  it("is still a credit or a caption, not the body's last paragraph", () => {
    for (const note of [
      '(Written by Jane Roe, Senior Researcher at the Northwind Institute of\nWater Studies and Visiting Lecturer at the Dayton College of Applied\nSciences)',
      'A high-resolution picture of Jane Roe, head of sales at Northwind Filters,\nis available for download at: Press Room | Media | Pictures | Northwind\nFilters',
    ]) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\n${note}\n\nAbout Northwind Filters\n\nNorthwind Filters, Inc. makes water filters.`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });
  it("leaves three short lines that are no wrapped line the text's", () => {
    const p = parseReleaseStrict({
      content: markdown('The plant employs 40 people.\n\nPhoto: the plant.\nIt opened in May.\nIt makes filters.'),
    });
    expect(p.body.text).toContain('It makes filters.');
  });
});

describe('a bare About: run into its text', () => {
  it('opens the section of the organization the text opens by describing', () => {
    for (const [about, org] of [
      [
        'About: The Northwind Haunt is a haunted house in Dayton, open every October since 2016.',
        'The Northwind Haunt',
      ],
      ['ABOUT. Northwind Filters, Inc. (NASDAQ: NWF) makes water filters for homes.', 'Northwind Filters, Inc.'],
    ]) {
      const p = parseReleaseStrict({
        content: markdown(`The plant employs 40 people.\n\nVisit northwind.example for tickets.\n\n${about}`),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.', 'Visit northwind.example for tickets.']);
      expect(p.about.map((a) => a.organization)).toEqual([org]);
    }
  });
  it('also when the text opens with when or by whom the organization was founded', () => {
    for (const [about, org] of [
      ['About: Northwind Filters was founded in 2009 to make water filters for homes.', 'Northwind Filters'],
      ['About\n\nThe Harbor Trust was established by three families in 1988 to fund schools.', 'The Harbor Trust'],
    ]) {
      const p = parseReleaseStrict({ content: markdown(`The plant employs 40 people.\n\n${about}`) });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.about.map((a) => a.organization)).toEqual([org]);
    }
  });
  it('splits an ABOUT: in capitals off the paragraph it was run into', () => {
    const p = parseReleaseStrict({
      content: markdown(
        'The plant employs 40 people and opens in May.   ABOUT: The Harbor Trust was founded in 1988 to fund schools.',
      ),
    });
    expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people and opens in May.']);
    expect(p.about.map((a) => a.organization)).toEqual(['The Harbor Trust']);
  });
  it('leaves a paragraph that opens with About: but describes no organization to the body', () => {
    expect(paragraphs('About: 40 people will work at the plant, most of them from Dayton.')).toEqual([
      LEAD,
      'About: 40 people will work at the plant, most of them from Dayton.',
    ]);
  });
});

describe('a views disclaimer under the body, however worded', () => {
  it('ends the body, with the notes under it', () => {
    for (const notice of [
      'Findings presented at the Northwind water symposium are solely those of the study authors and do not necessarily reflect the policy of Northwind Filters.',
      'The views and opinions expressed by guest speakers do not necessarily reflect the position of Northwind Filters or its board.',
    ]) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\n${notice}\n\nNorthwind Filters is funded by its customers; its grants from cities are listed in its annual report.`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });
  it('leaves a sentence that only mentions views to the body', () => {
    expect(
      paragraphs(
        'Jane Roe said the views of neighbours shaped the plant’s design, which uses less water than planned.',
      ),
    ).toEqual([
      LEAD,
      'Jane Roe said the views of neighbours shaped the plant’s design, which uses less water than planned.',
    ]);
  });
});

describe('a disclosure under the body, however labelled', () => {
  it('ends the body, qualified, in capitals or in parentheses', () => {
    for (const notice of [
      'Disclosure: the author holds shares of Northwind Filters.',
      '(FULL DISCLOSURE: Example Ventures funds own shares of Northwind Filters.)',
      'Author Disclosure: Jane Roe is a paid adviser to Northwind Filters.',
      'DISCLOSURES: Example Capital is long Northwind Filters.',
    ]) {
      expect(paragraphs(`The plant employs 40 people.\n\n${notice}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });
  it('leaves a sentence that mentions a disclosure to the body', () => {
    const said = 'The disclosure of the plant’s water use, the mayor said, came a year early.';
    expect(paragraphs(`The plant employs 40 people.\n\n${said}`)).toEqual([LEAD, 'The plant employs 40 people.', said]);
  });
});

describe('an About heading with search keywords in lower case after the name, its text glued on', () => {
  it('opens the About section of the name when the text restarts with it', () => {
    for (const [about, organization, rest] of [
      [
        'About Northwind reviewsNorthwind is a maker of water filters for homes and towns.',
        'Northwind',
        'Northwind is a maker of water filters for homes and towns.',
      ],
      [
        'About Northwind Filters water filter reviewsNorthwind Filters makes water filters for homes.',
        'Northwind Filters',
        'Northwind Filters makes water filters for homes.',
      ],
    ]) {
      const p = parseReleaseStrict({ content: markdown(`The plant employs 40 people.\n\n${about}`) });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.about).toEqual([{ organization, text: rest }]);
    }
  });
  it('leaves a paragraph whose glued text does not restart with the name to the body', () => {
    const line = 'About Northwind newsThe plant is the fourth in the state and the largest one Northwind has opened.';
    expect(paragraphs(`The plant employs 40 people.\n\n${line}`)).toEqual([LEAD, 'The plant employs 40 people.', line]);
  });
});

describe('a note that a photo is available for download or on request', () => {
  it('is no paragraph of the body, with an abbreviation in the name too', () => {
    for (const note of [
      'A picture of Dr. Jane Roe, designated CEO of Northwind Filters, is available for download at: Press | Northwind',
      'High-resolution photos of the plant are available on request.',
      'Images of the new filter line are available to download here.',
    ]) {
      expect(paragraphs(`The plant employs 40 people.\n\n${note}`)).toEqual([LEAD, 'The plant employs 40 people.']);
    }
  });
  it('leaves a sentence about pictures that offers none to the body', () => {
    const said = 'Pictures of the old plant hang in the lobby, where visitors can see how the town grew.';
    expect(paragraphs(`The plant employs 40 people.\n\n${said}`)).toEqual([LEAD, 'The plant employs 40 people.', said]);
  });
});

describe('a line under a contact heading that asks the reader to contact someone', () => {
  it('is the contact block’s, not the body going on', () => {
    for (const request of [
      // (sentences of more than eight words: a shorter line is read as contact-like already)
      'Please contact the press office of Northwind Filters in Dayton:',
      'Kindly direct all enquiries about the plant to our press office:',
      'For interviews with our chief executive, please reach out to:',
      'Contact our communications team in Dayton for photos and interviews.',
    ]) {
      const p = parseReleaseStrict({
        content: markdown(
          `The plant employs 40 people.\n\nMedia enquiries\n\n${request}\n\nJane Roe\n\nTel: (555) 010 4455\n\nEmail: jane.roe@northwind.example`,
        ),
      });
      expect(p.body.paragraphs).toEqual([LEAD, 'The plant employs 40 people.']);
      expect(p.contacts.map((c) => c.email)).toContain('jane.roe@northwind.example');
    }
  });
  it('leaves a sentence of the text under a contact block to the body', () => {
    const p = parseReleaseStrict({
      content: markdown(
        'Media enquiries\n\nJane Roe\n\nEmail: jane.roe@northwind.example\n\nThe plant will hold an open house for neighbours in June.',
      ),
    });
    expect(p.body.text).toContain('open house');
  });
});

describe('flattened text: a dash after two spaces opens no paragraph', () => {
  const rest =
    'The plant employs 40 people and will make 2 million filters a year for cities in Ohio and Indiana.  ' +
    '“We are proud to open it,” said Jane Roe, chief executive of Northwind Filters.  ' +
    'Construction began in 2024 and cost $40 million, paid for by the company and a state grant.  ' +
    'The plant will hold an open house for neighbours in June, with tours every hour.';
  it('keeps a repeated place and date with its dash off the lead', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant  DAYTON, OH / PR Karma / May 5, 2025 18:40  Dayton, Ohio (May 5, 2025)  – ${LEAD}  ${rest}\n`,
    });
    expect(p.body.paragraphs[0]).toBe(LEAD);
    expect(p.body.paragraphs.length).toBe(5);
  });
});

describe('under page chrome, a byline set off from its date by a bar', () => {
  it('is no lead: the markdown headline under the menu is the headline', () => {
    for (const byline of [
      'By Riverbend Chronicle Staff | Posted on July 27, 2025 at 6:02 a.m.',
      'By: Jane Roe | Senior Business Reporter for the Daily Example | May 5, 2025.',
    ]) {
      const p = parseReleaseStrict({
        content:
          `[Example Chronicle](/)\n\n${byline}\n\n* [World](/world)\n* [Economy](/economy)\n* [Tech](/tech)\n\n` +
          `# Northwind Opens Plant in Dayton\n\n${LEAD} The plant employs 40 people.\n\nIt opens in May.\n`,
      });
      expect(p.title).toBe('Northwind Opens Plant in Dayton');
      expect(p.body.paragraphs[0]?.startsWith(LEAD)).toBe(true);
    }
  });
});

describe('under page chrome, a markdown headline ending in a quoted title', () => {
  it('is the headline, not the lead', () => {
    for (const quoted of ['“Clean Water & The Future of Filters”', '"Clean Water and the Future of Ohio Filters"']) {
      const p = parseReleaseStrict({
        content:
          '[Example Chronicle](/)\n\n* [World](/world)\n* [Economy](/economy)\n* [Tech](/tech)\n\nPAID CONTENT\n\n' +
          `# Northwind to Host Virtual Roundtable on ${quoted}\n\nBy Example Chronicle Staff\n\nPosted on July 28, 2024 at 8:47 PM\n\n` +
          `${LEAD} The plant employs 40 people.\n\nIt opens in May.\n`,
      });
      expect(p.title).toBe(`Northwind to Host Virtual Roundtable on ${quoted}`);
      expect(p.body.paragraphs[0]?.startsWith(LEAD)).toBe(true);
    }
  });
});

describe('under page chrome, a deck of bullet items under a markdown headline', () => {
  it('leaves the heading the headline', () => {
    const deck =
      '* 92,000-square-foot plaza, fully leased during the pandemic, sold to long-time partner Beta Capital\n' +
      '* Northwind Filters keeps managing the plaza, building on its long presence in Dayton';
    for (const items of [deck, deck.replace(/\* /g, '- ')]) {
      const p = parseReleaseStrict({
        content:
          'Northwind Filters Sells Dayton Plaza To Beta Capital | Example Chronicle\n\n[Skip to main content](#main)\n\n' +
          '[Example Chronicle](/)\n\n[World](/world) [Economy](/economy) [Tech](/tech)\n\nMenu\n\n' +
          `# Northwind Filters Sells Dayton Plaza To Beta Capital\n\n${items}\n\n${LEAD} The plant employs 40 people.\n\nIt opens in May.\n`,
      });
      expect(p.title).toBe('Northwind Filters Sells Dayton Plaza To Beta Capital');
      expect(p.body.paragraphs[0]?.startsWith(LEAD)).toBe(true);
    }
  });
});

describe("under page chrome, a desk's credit line with no By", () => {
  it('stands between the markdown headline and the lead, neither of them', () => {
    for (const credit of ['Example Ledger Newsdesk', 'Daily Example Staff', 'Example Times Newsroom']) {
      const p = parseReleaseStrict({
        content:
          '[Skip to main content](#main)\n\n[Example Ledger](/)\n\n* [World](/world)\n* [Economy](/economy)\n* [Tech](/tech)\n\n' +
          `Share this article\n\n# Northwind Opens Plant in Dayton\n\n${credit}\n\nPublished August 10, 2024 10:09 AM\n\n` +
          `${LEAD} The plant employs 40 people and will make filters.\n\nIt opens in May.\n`,
      });
      expect(p.title).toBe('Northwind Opens Plant in Dayton');
      expect(p.body.paragraphs[0]?.startsWith(LEAD)).toBe(true);
    }
  });
});

describe('under page chrome, a deck under a markdown headline', () => {
  it('leaves the heading the headline', () => {
    const p = parseReleaseStrict({
      content:
        'Menu\n\nLatest\n\nCompanies\n\nIndustries\n\nEvents\n\nSubscribe\n\nYou are here: Home > News > Press releases\n\n' +
        `# Northwind Opens Plant in Dayton\n\nFourth plant brings 40 jobs to Ohio\n\n${LEAD} The plant employs 40 people.\n\nIt opens in May.\n`,
    });
    expect(p.title).toBe('Northwind Opens Plant in Dayton');
    expect(p.body.paragraphs[0]?.startsWith(LEAD)).toBe(true);
  });

  it('leaves the heading the headline with a date line, a byline or a photo credit between them', () => {
    for (const between of [
      'Published: May 5, 2025 | Updated: 3:52 AM',
      'Image: Handout',
      'By Jane Roe',
      'Published: May 5, 2025 | Updated: 3:52 AM\n\nPhoto: Courtesy of Northwind Filters',
    ]) {
      const p = parseReleaseStrict({
        content:
          'Menu\n\nLatest\n\nCompanies\n\nEvents\n\nYou are here: Home > News > Press releases\n\n' +
          `# Northwind Opens Plant in Dayton\n\n${between}\n\nFourth plant brings 40 jobs to Ohio\n\n${LEAD} The plant employs 40 people.\n\nIt opens in May.\n`,
      });
      expect(p.title).toBe('Northwind Opens Plant in Dayton');
      expect(p.body.paragraphs[0]?.startsWith(LEAD)).toBe(true);
    }
  });
});

describe('a media advisory under a markdown headline, its sections labelled in capitals', () => {
  const what =
    'Northwind Filters will open its water filter plant in Dayton to neighbours for an evening of tours and tastings.';
  it('keeps the deck over the first label out of the body, and the label off the lead', () => {
    for (const label of ['WHAT:', 'EVENT DETAILS:']) {
      const p = parseReleaseStrict({
        content: `# Northwind Opens Its Dayton Plant to Neighbours\n\nPublic Tours Feature Filter Demonstrations and Live Music\n\n${label}\n\n${what}\n\nWHEN:\n\nThursday, May 7, 2026, 6 p.m.\n`,
      });
      expect(p.subtitle).toBe('Public Tours Feature Filter Demonstrations and Live Music');
      expect(p.body.paragraphs[0]).toBe(what);
    }
  });
  it('takes the label off the lead with no deck too', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Its Dayton Plant to Neighbours\n\nWHAT:\n\n${what}\n\nWHEN:\n\nThursday, May 7, 2026, 6 p.m.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(what);
  });
});

describe('a deck written as one short sentence under a markdown headline', () => {
  const more =
    'Northwind Filters, Inc. opened the plant on Monday with 40 workers. It will make two million filters a year for cities in Ohio.';
  it('is not the lead', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Water Filter Plant in Dayton\n\nOhio plant brings clean-water jobs to the Miami Valley.\n\n${more}\n`,
    });
    expect(p.body.paragraphs[0]).toBe(more);
    expect(p.subtitle).toBe('Ohio plant brings clean-water jobs to the Miami Valley.');
  });
  it('is not the lead when hard-wrapped over two lines', () => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Water Filter Plant in Dayton\n\nOhio plant brings clean-water jobs to the\nMiami Valley.\n\n${more}\n`,
    });
    expect(p.body.paragraphs[0]).toBe(more);
  });
  it('is not the lead in plain text, nor under page chrome', () => {
    const deck = 'Ohio plant brings clean-water jobs to the Miami Valley.';
    const plain = parseReleaseStrict({
      content: `Northwind Opens Water Filter Plant in Dayton\n\n${deck}\n\n${more}\n\nIt opens in May.\n`,
    });
    expect(plain.title).toBe('Northwind Opens Water Filter Plant in Dayton');
    expect(plain.body.paragraphs[0]).toBe(more);
    const chrome = parseReleaseStrict({
      content:
        'Menu\n\nLatest\n\nCompanies\n\nIndustries\n\nEvents\n\nSubscribe\n\nYou are here: Home > News > Press releases\n\n' +
        `# Northwind Opens Water Filter Plant in Dayton\n\n${deck}\n\n${more}\n\nIt opens in May.\n`,
    });
    expect(chrome.title).toBe('Northwind Opens Water Filter Plant in Dayton');
    expect(chrome.body.paragraphs[0]).toBe(more);
  });
  it.each([
    'Northwind has opened a water filter plant in Dayton.',
    'The company today opened a water filter plant in Dayton.',
  ])('leaves a short lead the lead: %s', (lead) => {
    const p = parseReleaseStrict({ content: `# Northwind Opens Water Filter Plant in Dayton\n\n${lead}\n\n${more}\n` });
    expect(p.body.paragraphs[0]).toBe(lead);
  });
});

describe('a second dateline alone on its line under the dateline', () => {
  const lead = 'Northwind Filters, Inc. opened a water filter plant in Dayton on Monday with 40 workers.';
  it.each([
    ['DAYTON, OH / PR Karma / March 3, 2026 10:00', 'FOR IMMEDIATE RELEASE\n\nDayton, OH – March 3, 2026'],
    ['AUSTIN, TX / PR Karma / June 9, 2025 08:15', 'Austin, Texas - June 9, 2025'],
  ])('is no paragraph of the body: %s', (dateline, second) => {
    const p = parseReleaseStrict({
      content: `# Northwind Opens Plant\n\n${dateline}\n\n${second}\n\n${lead}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(lead);
  });
});

describe('a deck that ends no sentence under a markdown headline, over a lead about as long', () => {
  const lead =
    'For the second year in a row, the Northwind Fund is paying for music lessons at the Dayton Arts Center.';
  it.each([
    'Grant to fund music lessons and summer camps at the Dayton Arts Center',
    'The renovated arts center is the only one in the county with a recording studio, a dance hall and a theater that seats five hundred people',
  ])('is not the lead: %s', (deck) => {
    const p = parseReleaseStrict({
      content: `# Northwind Fund Grants $50,000 to Dayton Arts Center\n\n${deck}\n\n${lead}\n\nThe grant was made on Monday.\n`,
    });
    expect(p.subtitle).toBe(deck);
    expect(p.body.paragraphs[0]).toBe(lead);
  });
  it('leaves a first paragraph the lead when what follows it is no paragraph of sentences', () => {
    const first = 'Northwind Fund gave $50,000 to the Dayton Arts Center for music lessons this year';
    const p = parseReleaseStrict({
      content: `# Northwind Fund Grants $50,000 to Dayton Arts Center\n\n${first}\n\nGrant details\n\nThe grant was made on Monday.\n`,
    });
    expect(p.body.paragraphs[0]).toBe(first);
  });
});

describe('a place-only dateline under a markdown headline that page chrome pushed down', () => {
  it('is read in the few blocks under the headline', () => {
    const menu = ['World', 'Economy', 'Tech', 'Health', 'Energy', 'Sports', 'Press Releases']
      .map((m) => `- [${m}](/${m.toLowerCase()})`)
      .join('\n');
    const p = parseReleaseStrict({
      content:
        `Northwind Opens Plant in Dayton | Example Post\n\n[Example Post](/)\n\n${menu}\n\n[Home](/) / [News](/news)\n\n` +
        '# Northwind Opens Plant in Dayton\n\nExample Post Newsdesk\n\nPublished: May 5, 2025 | Updated: 6:51 p.m.\n\n' +
        'The plant in Dayton joins a growing network of factories as the company expands across the Midwest.\n\n' +
        `DAYTON, OH – ${LEAD}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.title).toBe('Northwind Opens Plant in Dayton');
    expect(p.dateline?.location).toBe('DAYTON, OH');
    expect(p.body.paragraphs[0]).toBe(LEAD);
  });
});

describe('highlights under a headline with no dateline', () => {
  const items = [
    'Northwind opened its fourth water filter plant, in Dayton, with 40 workers on its first shift.',
    'The plant will make two million filters a year for cities in Ohio and Indiana.',
  ];
  const lead =
    'Northwind Filters, Inc., a maker of water filters for cities, has opened a plant in Dayton, Ohio, the company said on Monday.';
  it('are not the lead in plain text', () => {
    const p = parseReleaseStrict({
      content: `Northwind Opens Fourth Plant in Dayton\n\n${items.map((t) => `* ${t}`).join('\n')}\n\n${lead}\n\nIt opens in May.\n`,
    });
    expect(p.title).toBe('Northwind Opens Fourth Plant in Dayton');
    expect(p.body.paragraphs[0]).toBe(lead);
  });
  it('are not the lead when flattening ran them into one paragraph', () => {
    const text = `# Northwind Opens Fourth Plant in Dayton  ${items.map((t) => `* ${t}`).join(' ')}  ${lead}  It opens in May, and tours for neighbours will start in June with a day of open doors and talks.  The company employs 400 people in four plants across Ohio.`;
    const p = parseReleaseStrict({ content: `${text}\n` });
    expect(p.body.paragraphs[0]).toBe(lead);
  });
});

describe('a plain headline closed by a full stop', () => {
  const lead = 'To serve more cities, Northwind Filters, Inc. has opened a water filter plant in Dayton, Ohio.';
  it('is the headline when capitalized as one', () => {
    const p = parseReleaseStrict({
      content: `Northwind: a New Plant for Cleaner Water in Dayton.\n\n${lead}\n\nThe plant employs 40 people.\n`,
    });
    expect(p.title).toBe('Northwind: a New Plant for Cleaner Water in Dayton.');
    expect(p.body.paragraphs[0]).toBe(lead);
  });
  it('is not when it reads as a sentence', () => {
    const first = 'Northwind has opened a new plant for cleaner water in Dayton.';
    const p = parseReleaseStrict({ content: `${first}\n\n${lead}\n\nThe plant employs 40 people.\n` });
    expect(p.body.paragraphs[0]).toBe(first);
  });
});

describe("a list page's time of day opening a plain headline line", () => {
  it('is not part of the headline', () => {
    const p = parseReleaseStrict({
      content: `19:00 ET Northwind Renews Its Base Shelf Prospectus\n\nDAYTON, Ohio, May 8, 2025 /PRNewswire/ -- ${LEAD}\n`,
    });
    expect(p.title).toBe('Northwind Renews Its Base Shelf Prospectus');
  });
  it('stays when what follows it reads as no headline', () => {
    const p = parseReleaseStrict({
      content: `Northwind Renews Its Base Shelf Prospectus\n\nDecember 3, 2024 06:15 PM Pacific Standard Time\n\nDAYTON, Ohio--(BUSINESS WIRE)--${LEAD}\n`,
    });
    expect(p.title).toBe('Northwind Renews Its Base Shelf Prospectus');
    expect(p.subtitle).toBeNull();
  });
});
