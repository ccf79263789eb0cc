import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { findEmail, isContactHeading } from '../../../../lambdas/core/parser/contacts';
import { findDateline } from '../../../../lambdas/core/parser/dateline';
import { leadOrganization } from '../../../../lambdas/core/parser/lead';
import { findTickers } from '../../../../lambdas/core/parser/tickers';

/** Constructs of real wire copy the written fixtures did not have (made-up releases). */
describe('wire tags as smaller wires write them', () => {
  it('a News Direct tag between double dashes on a line of its own, no place', () => {
    const found = findDateline('--News Direct--');
    expect(found?.wire).toEqual({ name: 'News Direct', tag: 'News Direct' });
    expect(found?.dateline.location).toBeNull();
  });

  it('a slash-delimited tag with a date and time after it (`CITY, ST / PR Karma / date time`)', () => {
    const found = findDateline('LOS ANGELES, CA / PR Karma / November 19, 2024 11:15');
    expect(found?.wire).toEqual({ name: 'PR Karma', tag: 'PR Karma' });
    expect(found?.dateline.location).toBe('LOS ANGELES, CA');
    expect(found?.dateline.date).toBe('2024-11-19');
  });
});

describe('a contact heading glued to the block by a scraper', () => {
  it('is a heading when the label runs straight into a capitalised line', () => {
    expect(isContactHeading('Contact DetailsNorthwind Investors')).toBe(true);
    expect(isContactHeading('Contact Details')).toBe(true);
    // A label followed by prose is not a heading.
    expect(isContactHeading('Contact us today to learn what the new plan offers small teams.')).toBe(false);
  });

  it('ends the body and gives the contact e-mail', () => {
    const r = parseReleaseStrict({
      content:
        '# Northwind outlines its plan\n\n--News Direct--\n\nJane Roe, CEO of Northwind Ltd (ASX:NWD), sets out the plan for the mine in a new interview with the press.\n\nContact DetailsNorthwind Investors\n\nJohn Poe\n\n+61 413 555 744\n\njohn@northwind.example\n',
    });
    expect(r.wire?.name).toBe('News Direct');
    expect(r.body.paragraphs).toEqual([
      'Jane Roe, CEO of Northwind Ltd (ASX:NWD), sets out the plan for the mine in a new interview with the press.',
    ]);
    expect(r.contacts.map((c) => c.email).filter(Boolean)).toEqual(['john@northwind.example']);
  });
});

describe('a tag-less dateline that credits the issuer between slashes', () => {
  it('`City, Country - date / Org /`: the credit is the source, the body starts after it', () => {
    const r = parseReleaseStrict({
      content:
        '# Ways to Sleep Better\n\nPortland, United States - March 24, 2025 / Evergreen Sleep Clinic of Portland /\n\nSleep problems are common and can affect health in many ways. A clinician explains what helps.\n',
    });
    expect(r.dateline?.location).toBe('Portland, United States');
    expect(r.source).toBe('Evergreen Sleep Clinic of Portland');
    expect(r.body.paragraphs[0]).toBe(
      'Sleep problems are common and can affect health in many ways. A clinician explains what helps.',
    );
  });
});

describe('a newswire that names itself in its tag', () => {
  it('`— (SOMETHING NEWSWIRE) —` after a dateline is a wire, named by the tag’s words', () => {
    const found = findDateline('CINCINNATI, OH — November 19, 2025 — (PLAZA NEWSWIRE) — If you drive, read on.');
    expect(found?.wire).toEqual({ name: 'Plaza Newswire', tag: 'PLAZA NEWSWIRE' });
    expect(found?.dateline.location).toBe('CINCINNATI, OH');
    expect(found?.dateline.date).toBe('2025-11-19');
  });

  it('a parenthesis naming a newswire inside a sentence is not a tag', () => {
    expect(findDateline('The group (Plaza Newswire) said it would grow.')?.wire ?? null).toBeNull();
  });
});

describe('the end of the body', () => {
  const release = (tail: string) =>
    parseReleaseStrict({
      content: `NEW YORK, March 7, 2024 /PRNewswire/ -- Acme Corp. today opened a plant in the city.\n\nThe plant makes widgets for the region.\n\n${tail}`,
    });

  it('a media-kit heading ends the body: what follows it is downloads', () => {
    const r = release(
      'MULTIMEDIA ASSETS\n\nA complete set of materials, including video and audio, is available at the link below:\n\nAll Assets: https://example.com/kit\n',
    );
    expect(r.body.paragraphs.at(-1)).toBe('The plant makes widgets for the region.');
  });

  it('a postal address line inside a contact block stays in the contact block', () => {
    const r = release(
      'Contact Information:\n\nAcme Corp.\n\n1350 Harbor Avenue NW. Suite 800 Springfield, Illinois 62701United States\n\nJane Roe +1 (202) 555-0141 https://acme.example\n',
    );
    expect(r.body.paragraphs.at(-1)).toBe('The plant makes widgets for the region.');
    expect(r.contacts.some((c) => c.phone === '+1 (202) 555-0141')).toBe(true);
  });
});

describe('what some distributors repeat under the dateline', () => {
  it('the headline again, then a date-less second dateline: neither is body; the lead’s subject beats the / Org / slot', () => {
    const r = parseReleaseStrict({
      content:
        '# Lakeside Clinic Adds Two Therapists\n\nThe clinic grows its team.\n\n Tampa, United States - January 17, 2025 / Harbor Media LLC /\n\n Lakeside Clinic Adds Two Therapists\n\nTampa, Florida - Lakeside Clinic, a provider of therapy services, is proud to welcome two therapists to its team this month.\n\nMore about the therapists and their work follows.\n',
    });
    expect(r.body.paragraphs[0]).toBe(
      'Lakeside Clinic, a provider of therapy services, is proud to welcome two therapists to its team this month.',
    );
    expect(r.source).toBe('Lakeside Clinic');
  });

  it('an issuer from the headline or the only About is spelled as a clause of the lead writes it', () => {
    const r = parseReleaseStrict({
      content:
        '# Acme Lamps Hosts Investor Day in London\n\nLONDON, United Kingdom, September 2, 2025 (NEWMEDIAWIRE) - At the investor day in London, Acme Lamps AG, a maker of lamps, underlined its targets.\n\nAbout Acme Lamps\n\nAcme Lamps makes lamps.\n',
    });
    expect(r.source).toBe('Acme Lamps AG');
  });

  it('an issuer the only About section gives is spelled as the lead writes it as a subject', () => {
    const about = '\n\nAbout Harbor Stores, Inc.\n\nHarbor Stores sells boats.\n';
    const told = parseReleaseStrict({
      content: `BOSTON, March 10, 2025 /PRNewswire/ -- The season was busy as Harbor Stores announced a gift to the city.${about}`,
    });
    expect(told.source).toBe('Harbor Stores');
    const named = parseReleaseStrict({
      content: `BOSTON, March 10, 2025 /PRNewswire/ -- The season was busy for customers of Harbor Stores in the city.${about}`,
    });
    expect(named.source).toBe('Harbor Stores, Inc.');
  });

  it('the issuer loses a leading The the text writes in lower case inside sentences', () => {
    const club = parseReleaseStrict({
      content:
        'BOSTON, March 10, 2025 /PRNewswire/ -- The Harbor Club invites members to its spring gala.\n\nFounded in 1948, the Harbor Club hosts events all year.\n',
    });
    expect(club.source).toBe('Harbor Club');
    const company = parseReleaseStrict({
      content:
        'BOSTON, March 10, 2025 /PRNewswire/ -- The Harbor Company opened a plant.\n\nLast year, The Harbor Company grew, and the Harbor Company brand spread.\n',
    });
    expect(company.source).toBe('The Harbor Company');
  });

  it('the / Org / slot spells the issuer when the lead names the same organization', () => {
    const withLegalForm = parseReleaseStrict({
      content:
        '# Lakeside Dialer Adds Call Routing\n\n Tampa, United States - January 17, 2025 / Lakeside Dialer Systems, LLC /\n\n Lakeside Dialer Systems is excited to add call routing to its dialer.\n',
    });
    expect(withLegalForm.source).toBe('Lakeside Dialer Systems, LLC');
    const withArticle = parseReleaseStrict({
      content:
        '# Lakeside Law Firm Wins an Award\n\n Tampa, United States - January 17, 2025 / Lakeside Law Firm /\n\n The Lakeside Law Firm proudly celebrates an award for its work.\n',
    });
    expect(withArticle.source).toBe('Lakeside Law Firm');
  });
});

describe('About headings glued to their text', () => {
  const abouts = (tail: string) =>
    parseReleaseStrict({
      content: `NEW YORK, March 7, 2024 /PRNewswire/ -- Acme Corp. today opened a plant in the city.\n\n${tail}`,
    }).about.map((a) => a.organization);

  it('a sentence opener after the name (`About Acme At Acme, we…`, `About Acme InstituteThe Acme…`)', () => {
    expect(abouts('About Quarry At Quarry, our purpose is people and their work.')).toEqual(['Quarry']);
    expect(abouts('About Quarry and the Quarry InstituteThe Quarry Institute helps teams learn.')).toEqual([
      'Quarry and the Quarry Institute',
    ]);
  });

  it('an About heading right after a flattened contact line’s e-mail address', () => {
    expect(
      abouts(
        'Media Contact Jane Roe Chief Marketing Officer jane@acme.example About Birchlight Birchlight is a platform for photos.',
      ),
    ).toEqual(['Birchlight']);
  });
});

describe('a bare tag line with the real dateline under it', () => {
  it('takes place and date from the dated line; an image with no alt text and an unknown wire’s tag are not body', () => {
    const r = parseReleaseStrict({
      content:
        '# Ledgerly Names a New CFO\n\n--News Direct--\n\n![](https://cdn.example/logo.png)\n\nZug, Switzerland, April 10, 2024 – (Ledgerly via SomeWire) -- Ledgerly proudly announces the appointment of a new chief financial officer.\n\nMore about the appointment follows here.\n',
    });
    expect(r.wire?.name).toBe('News Direct');
    expect(r.dateline?.location).toBe('Zug, Switzerland');
    expect(r.dateline?.date).toBe('2024-04-10');
    expect(r.body.paragraphs[0]).toBe('Ledgerly proudly announces the appointment of a new chief financial officer.');
  });

  it('a known wire’s tag in the dated line names the wire', () => {
    const r = parseReleaseStrict({
      content:
        '--News Direct--\n\nSAN FRANCISCO, CA--(Marketwired - August 11, 2016) - Acme Corp. (NYSE: ACME) today announced a milestone for its cloud.\n\nMore text.\n',
    });
    expect(r.wire?.name).toBe('Marketwired');
    expect(r.dateline?.location).toBe('SAN FRANCISCO, CA');
    expect(r.body.paragraphs[0]).toBe('Acme Corp. (NYSE: ACME) today announced a milestone for its cloud.');
  });
});

describe('more constructs of real leads and trailers', () => {
  const release = (lead: string, tail = '') =>
    parseReleaseStrict({
      content: `TULSA, Okla. - (NewMediaWire) - October 16, 2024 - ${lead}\n\nMore text about the results of the quarter.\n\n${tail}`,
    });

  it('a semicolon a scraper left after the name', () => {
    expect(
      release('Birchfield Resource Group, Inc.; (OTC PINK: BRGI), a maker of teas, reported record sales.').source,
    ).toBe('Birchfield Resource Group, Inc.');
  });

  it('a brand that opens in lower case (`iCoreConnect`-style), in the lead and in its About heading', () => {
    const r = release(
      'eLedgerly Inc. (NASDAQ: ELDG), a software company, has announced a new director.',
      'About eLedgerly Inc. (NASDAQ: ELDG)\n\neLedgerly Inc. is a maker of ledgers for clinics.\n',
    );
    expect(r.source).toBe('eLedgerly Inc.');
    expect(r.about.map((a) => a.organization)).toEqual(['eLedgerly Inc.']);
  });

  it('a second dateline with its date opening the lead (`City, ST, April 8th, 2024- `)', () => {
    const r = release(
      'Melbourne, FL, April 8th, 2024- Quillon Software, a provider of tools, today announced its launch.',
    );
    expect(r.body.paragraphs[0]).toBe('Quillon Software, a provider of tools, today announced its launch.');
    expect(r.source).toBe('Quillon Software');
  });

  it('a wire’s hashtag line and issuer-responsibility sign-off are not body, glued or not', () => {
    const r = release(
      'Acme Corp. today opened a plant.',
      'The plant will grow.  Hashtag: #Acme The issuer is solely responsible for the content of this announcement.\n',
    );
    expect(r.body.paragraphs.at(-1)).toBe('The plant will grow.');
  });

  it('a social-media list is not body, but an e-mail given in it is a contact', () => {
    const r = release(
      'Acme Corp. today opened a plant.',
      'Connect with us:\n\nX: https://x.example/acme\n\nEmail: ir@acme.example\n\nStay connected:\n\n● Website: acme.example\n',
    );
    expect(r.body.paragraphs.at(-1)).toBe('More text about the results of the quarter.');
    expect(r.contacts.map((c) => c.email)).toContain('ir@acme.example');
  });
});

describe('listings, tags and trailers of smaller issuers and portals', () => {
  it('hyphen-written listings in a run of parentheses, when one exchange in the run is known', () => {
    expect(findTickers('Acme Inc. (“Acme”) (TSXV-ACM) (F-GWX) (OTC-ACMXF) is pleased; (COVID-19) (AI-ML)')).toEqual([
      { exchange: 'TSXV', symbol: 'ACM' },
      { exchange: 'F', symbol: 'GWX' },
      { exchange: 'OTC', symbol: 'ACMXF' },
    ]);
    expect(findTickers('a (B-GWN) (F-GWN) run with no known exchange')).toEqual([]);
  });

  it('a distributor’s tag after the wire’s belongs to the dateline, not the lead', () => {
    const r = parseReleaseStrict({
      content:
        'MOUNT KISCO, N.Y., April 07, 2026 (GLOBE NEWSWIRE) – PRISM MediaWire (Press Release Service – Press Release Distribution) – Acme Corp. (OTC: ACME) today named a new CFO.\n\nMore text.\n',
    });
    expect(r.wire?.name).toBe('GlobeNewswire');
    expect(r.body.paragraphs[0]).toBe('Acme Corp. (OTC: ACME) today named a new CFO.');
  });

  it('an e-mail address alone on its line under the release is a contact', () => {
    const r = parseReleaseStrict({
      content:
        'NEW YORK, March 7, 2024 /PRNewswire/ -- Acme Corp. today opened a plant.\n\nAbout Acme.\n\nAcme is a maker of widgets.\n\npress@acme.example\n',
    });
    expect(r.contacts.map((c) => c.email)).toEqual(['press@acme.example']);
  });

  it('a portal title with the issuer appended in parentheses', () => {
    const r = parseReleaseStrict({
      content:
        '# Acme Announces Price Increases (Acme Corporation)\n\nDALLAS, Aug. 11, 2016 /PRNewswire/ -- Acme Corporation (NYSE: ACME), a materials company, will raise prices.\n\nMore text.\n',
    });
    expect(r.title).toBe('Acme Announces Price Increases');
    const other = parseReleaseStrict({
      content:
        '# Acme Announces Price Increases (Update)\n\nDALLAS, Aug. 11, 2016 /PRNewswire/ -- Acme Corporation (NYSE: ACME), a materials company, will raise prices.\n\nMore text.\n',
    });
    expect(other.title).toBe('Acme Announces Price Increases (Update)');
  });

  it('a headline line ending in a colon goes on on the line under it', () => {
    for (const [first, second, deck] of [
      ['Acme Releases the Second Book in Its Series:', '“Widgets: A Field Guide for Builders”', ''],
      ['Acme Unveils Its First Title: ', '"Selling Widgets: The Quiet Art"', 'A guide for small shops'],
      ['Acme Opens Two Plants in Ohio:', 'Dayton and Akron Sites to Employ 400', ''],
    ] as const) {
      const r = parseReleaseStrict({
        content: `# ${first}\n\n${second}\n\n${deck ? `${deck}\n\n` : ''}AUSTIN, TX / PR Karma / January 10, 2025 / Acme Inc. today released a book about widgets.\n\nMore text.\n`,
      });
      expect(r.title).toBe(`${first.trim()} ${second}`);
      expect(r.subtitle).toBe(deck || null);
    }
    const plain = parseReleaseStrict({
      content: `# Acme Opens Two Plants in Ohio\n\nDayton and Akron Sites to Employ 400\n\nAUSTIN, TX / PR Karma / January 10, 2025 / Acme Inc. today opened two plants.\n\nMore text.\n`,
    });
    expect(plain.title).toBe('Acme Opens Two Plants in Ohio');
    expect(plain.subtitle).toBe('Dayton and Akron Sites to Employ 400');
  });

  it('a markdown headline split by a bar into two halves of four words or more is the title', () => {
    const lead =
      'Since its launch in March, the Acme loan service has passed a thousand loans, a milestone for the young lender.\n\nMore text.\n';
    for (const title of [
      'Acme Expands Its Loan Service | Marking a New Era for Small Lenders',
      'Northwind Opens Its Third Plant | Two Hundred Jobs Come to Dayton',
    ]) {
      expect(parseReleaseStrict({ content: `# ${title}\n\n${lead}` }).title).toBe(title);
    }
    // (a bar before a short site name or between menu words is still no headline)
    for (const chrome of ['Home | News | Markets', 'Acme Expands Its Loan Service | Example Portal'])
      expect(parseReleaseStrict({ content: `# ${chrome}\n\n${lead}` }).title ?? '').not.toContain(' | ');
  });

  it("a markdown headline of seven words or more is the title even when it opens with a word a page's chrome opens with", () => {
    const rest =
      'DAYTON, Ohio, March 3, 2026 /PRNewswire/ -- Acme Health sent letters to two million adults this winter.\n\nMore text.\n';
    for (const title of [
      'Email reminders raised flu shot rates among older adults in Ohio',
      'Home prices rose in May for the third month in a row',
      'Search for new antibiotics turns to soil microbes in dry regions',
    ]) {
      expect(parseReleaseStrict({ content: `# ${title}\n\n${rest}` }).title).toBe(title);
    }
    // (a short chrome line as a heading is still none)
    expect(parseReleaseStrict({ content: `# Share this story\n\n${rest}` }).title).not.toBe('Share this story');
  });

  it("an abbreviation in parentheses glossing the organization's name before it stays in the title", () => {
    for (const [title, about] of [
      ['Acme Joins the Northern Widget Makers Association (NWMA)', 'About NWMA'],
      ['Acme Partners With Institute for Safe Water (ISW)', 'About ISW'],
    ] as const) {
      const r = parseReleaseStrict({
        content: `# ${title}\n\nDALLAS, Aug. 11, 2016 /PRNewswire/ -- Acme Corporation, a maker of widgets, joined a group.\n\nMore text.\n\n${about}\n\n${about.slice(6)} is a trade group of widget makers.\n`,
      });
      expect(r.title).toBe(title);
    }
  });
});

describe('a republished release with no dateline', () => {
  it('a portal byline naming a wire gives the wire; byline and timestamp are not body', () => {
    const r = parseReleaseStrict({
      content:
        '<html><body><article><h1>Acme to Hold Conference Call</h1><div>By: Business Wire</div><div>Aug. 28, 2015 08:00 AM</div><p>Acme Inc. (NYSE: ACME), a maker of widgets, will release its results on Tuesday, September 29, before the open of market.</p><p>Investors may listen to the call on the web.</p></article></body></html>',
    });
    expect(r.wire).toEqual({ name: 'Business Wire', tag: 'Business Wire' });
    expect(r.body.paragraphs[0]).toMatch(/^Acme Inc\. \(NYSE: ACME\)/);
  });

  it('a byline naming a person is dropped but names no wire', () => {
    const r = parseReleaseStrict({
      content:
        '<html><body><article><h1>Acme Grows</h1><div>By: Jane Roe</div><p>Acme Inc. grew its sales by a third this year, the company said on Monday.</p><p>More text about the year.</p></article></body></html>',
    });
    expect(r.wire).toBeNull();
    expect(r.body.paragraphs[0]).toBe('Acme Inc. grew its sales by a third this year, the company said on Monday.');
  });
});

describe('a short title-case line with nothing under it ends the body', () => {
  it('a syndicator credit above the Source line is not body; a last sentence or a link line stays', () => {
    const body = (tail: string) =>
      parseReleaseStrict({
        content: `NEW YORK, March 7, 2024 /PRNewswire/ -- Acme Corp. today opened a plant.\n\nVisit acme.example for more.\n\n${tail}`,
      }).body.paragraphs;
    expect(body('Feature Desk\n\nSource: Acme Heart Association\n')).toEqual([
      'Acme Corp. today opened a plant.',
      'Visit acme.example for more.',
    ]);
    expect(body('Learn more on https://acme.example/plant\n')).toContain('Learn more on https://acme.example/plant');
  });
});

describe('a feed excerpt cut off inside the wire tag', () => {
  it('still names the wire and the place; the date is not guessed', () => {
    const found = findDateline(
      'All figures are in Canadian dollars.  Calgary, Alberta--(Newsfile Corp. - August 14, 20...',
    );
    expect(found?.wire?.name).toBe('Newsfile');
    expect(found?.dateline.location).toBe('Calgary, Alberta');
    expect(found?.dateline.date).toBeNull();
    expect(found?.dateline.text).toBe('Calgary, Alberta--(Newsfile Corp. - August 14, 20...');
  });

  it('an excerpt that merely ends in an ellipsis has no tag to close', () => {
    expect(findDateline('Acme said more would follow (see the notes...')).toBeNull();
  });
});

describe('a related-link trailer', () => {
  it('is not body, on its own line or glued to the last sentence', () => {
    const body = (tail: string) =>
      parseReleaseStrict({
        content: `NEW YORK, March 7, 2024 /24-7PressRelease/ -- Acme Corp. today opened a plant in the city.\n\n${tail}`,
      }).body.paragraphs;
    expect(body('It will grow. Related Link: http://www.acme.example\n').at(-1)).toBe('It will grow.');
    expect(body('It will grow.\n\nRelated link: https://www.acme.example/plant\n').at(-1)).toBe('It will grow.');
  });
});

describe('what a page prints above the headline', () => {
  const body =
    'NEW YORK, March 7, 2024 /PRNewswire/ -- The widget maker today launched a widget for homes and offices across the country.\n\nMore text about it here for the readers.\n';
  it.each([
    'Monday, March 7, 2024',
    'Thursday 7 March 2024',
    'Published: March 7, 2024',
    'Posted on March 7, 2024 by Newsdesk',
    'March 7, 2024 10:00 AM',
  ])('a date line (%s) is not the headline', (line) => {
    const r = parseReleaseStrict({ content: `${line}\n\nAcme Launches Widget for Homes\n\n${body}` });
    expect(r.title).toBe('Acme Launches Widget for Homes');
  });

  it('a headline that merely opens with a date-like word stays the headline', () => {
    const r = parseReleaseStrict({ content: `March Madness Sale Starts at Acme\n\n${body}` });
    expect(r.title).toBe('March Madness Sale Starts at Acme');
  });

  it('a Source: credit above the release names the issuer when the lead does not', () => {
    const r = parseReleaseStrict({
      content: `March 07, 2024 08:00 ET | Source: Acme Widgets Inc.\n\nAcme Launches Widget for Homes\n\n${body}`,
    });
    expect(r.source).toBe('Acme Widgets Inc.');
  });
});

describe('portal chrome, notices and captions after the release', () => {
  const head =
    'NEW YORK, March 7, 2024 /PRNewswire/ -- Acme Corp. today launched a widget for homes and offices across the country.\n\nThe widget ships in June.\n\n';
  it.each([
    'Pictured: The new widget.\n',
    '# # #\n\nMore text a page printed after the end.\n',
    'Read more: https://acme.example/news\n',
    'Tags: widgets, homes\n',
    'Share this article\n',
    'Related Articles\n\nAnother story about something else that happened.\n',
    'All trademarks are the property of their respective owners.\n',
    'Acme and the Acme logo are registered trademarks of Acme Corp.\n',
    'For more information, visit acme.example.\n\nSocial Media:\nX: @acme\n',
    "Editor's note: High-resolution images are available on request.\n",
    'Originally published at https://acme.example/news/widget\n',
    'Disclosure: the author holds no shares.\n',
  ])('%j is not body', (tail) => {
    const paragraphs = parseReleaseStrict({ content: head + tail }).body.paragraphs;
    expect(paragraphs.slice(0, 2)).toEqual([
      'Acme Corp. today launched a widget for homes and offices across the country.',
      'The widget ships in June.',
    ]);
    expect(paragraphs.slice(2).filter((p) => !/^For more information/.test(p))).toEqual([]);
  });

  it('a sentence that mentions a trademark in passing stays body', () => {
    const paragraphs = parseReleaseStrict({
      content: `${head}Customers say the widget, whose name is a registered trademark, is easy to use.\n`,
    }).body.paragraphs;
    expect(paragraphs.at(-1)).toBe('Customers say the widget, whose name is a registered trademark, is easy to use.');
  });
});

describe('datelines of older and plainer copy', () => {
  const lead = 'Acme Corp. today launched a widget for homes and offices across the country.';
  it.each([
    ['NEW YORK (March 7, 2024) - ', 'NEW YORK', '2024-03-07'],
    ['Austin, Texas (Mar. 7, 2024) -- ', 'Austin, Texas', '2024-03-07'],
    ['March 7, 2024 -- NEW YORK -- ', 'NEW YORK', '2024-03-07'],
  ])('%j', (dateline, location, date) => {
    const r = parseReleaseStrict({ content: `${dateline}${lead}\n\nMore text follows.\n` });
    expect(r.dateline?.location).toBe(location);
    expect(r.dateline?.date).toBe(date);
    expect(r.body.paragraphs[0]).toBe(lead);
  });

  it('a parenthesis that is not a date is not a dateline', () => {
    const r = parseReleaseStrict({ content: `Acme Corp (the Company) - ${lead}\n\nMore text follows.\n` });
    expect(r.dateline).toBeNull();
  });

  it('a distribution legend between the dateline and the lead is not body', () => {
    const r = parseReleaseStrict({
      content: `NEW YORK, March 7, 2024 /PRNewswire/ -- FOR IMMEDIATE RELEASE -- ${lead}\n\nMore text follows.\n`,
    });
    expect(r.body.paragraphs[0]).toBe(lead);
  });
});

describe('contact e-mails a scraper ran together with their neighbours', () => {
  const emails = (tail: string) =>
    parseReleaseStrict({
      content: `NEW YORK, March 7, 2024 /PRNewswire/ -- Acme Corp. today launched a widget for homes.\n\n${tail}`,
    }).contacts.map((c) => c.email);

  it('a surname run into the address that holds the first name', () => {
    expect(emails('Media Contact:\nJane Roejane@acme.example\n')).toEqual(['jane@acme.example']);
    expect(findEmail('Jane Roejane@acme.example')).toBe('jane@acme.example');
    // An address that merely starts with a capital is kept whole.
    expect(findEmail('Jane Roe JRoe@Acme.example')).toBe('jroe@acme.example');
  });

  it('an address in parentheses after the name is kept (other remarks in parentheses go)', () => {
    expect(emails('Media contact: Jane Roe (jane@acme.example)\n')).toEqual(['jane@acme.example']);
  });
});

describe('a flattened release whose headline runs into the dateline after two spaces', () => {
  const filler = 'The device runs on the same battery as before and ships in three colours this spring.';
  const release =
    'Northwind Names Jane Roe as CFO  BOSTON--(BUSINESS WIRE)--Northwind Corp. today named Jane Roe its chief ' +
    `financial officer.  ${filler}  ${filler}  ${filler}  Roe starts on June 1.  About Northwind  Northwind makes ` +
    'filters for small boats.';

  it('keeps the headline apart: the two spaces are the only trace of its line break', () => {
    const parsed = parseReleaseStrict({ content: release });
    expect(parsed.title).toBe('Northwind Names Jane Roe as CFO');
    expect(parsed.dateline?.location).toBe('BOSTON');
    expect(parsed.body.paragraphs[0]).toBe('Northwind Corp. today named Jane Roe its chief financial officer.');
    expect(parsed.body.text.endsWith('Roe starts on June 1.')).toBe(true);
  });

  it('still joins two spaces inside a sentence on a short line', () => {
    const parsed = parseReleaseStrict({
      content: 'Acme Ships Widget\n\nBOSTON--(BUSINESS WIRE)--Acme  today shipped it.',
    });
    expect(parsed.body.paragraphs).toEqual(['Acme today shipped it.']);
  });
});

describe('a short text hard-wrapped with no blank line', () => {
  it('is one paragraph when its lines are filled to one width, so the lead subject is whole', () => {
    const parsed = parseReleaseStrict({
      content:
        'Springfield, Ohio--(Newsfile Corp. - May 2, 2024) - Northwind Filters\n' +
        'Inc. (NYSE: NWF) today reported that its new plant opened on time and\n' +
        'within budget.',
    });
    expect(parsed.source).toBe('Northwind Filters Inc.');
    expect(parsed.body.paragraphs).toHaveLength(1);
  });

  it('keeps one paragraph per line when the lines are of unlike lengths', () => {
    const parsed = parseReleaseStrict({
      content:
        'Springfield, Ohio--(Newsfile Corp. - May 2, 2024) - Northwind Filters Inc. opened a plant.\n' +
        'It employs forty people.\nProduction starts in June.',
    });
    expect(parsed.body.paragraphs).toEqual([
      'Northwind Filters Inc. opened a plant.',
      'It employs forty people.',
      'Production starts in June.',
    ]);
  });
});

describe("a teaser cut from a wire's list of releases", () => {
  const teaser =
    '[![Northwind Opens Plant](https://img.example/logo.jpg "Northwind Opens Plant")\n\n' +
    '### 06:50 ET Northwind Opens Plant\n\n' +
    'Northwind Filters, Inc. (NYSE: NWF), a maker of boat filters, today opened a plant in...\n\n' +
    '---](/news-releases/northwind-opens-plant-300000001.html)';

  it('takes the timed heading under the linked thumbnail as the headline, without the time', () => {
    const parsed = parseReleaseStrict({ content: teaser });
    expect(parsed.title).toBe('Northwind Opens Plant');
    expect(parsed.source).toBe('Northwind Filters, Inc.');
  });

  it('finds a linked heading below site menus too', () => {
    const parsed = parseReleaseStrict({
      content: `Home | News | Markets | Contact\n\nSearch\n\n${teaser.replace(/^[^\n]*\n\n### /, '[### ')}`,
    });
    expect(parsed.title).toBe('Northwind Opens Plant');
  });

  it("finds the teaser under a scraped page's longer chrome (cookie notice, menus, breadcrumbs, byline: nine blocks)", () => {
    const chrome = [
      'We use cookies on our site. By continuing to browse, you agree to our use of cookies.',
      'Accept | Manage preferences',
      '[Skip to main content](#main)',
      '[Example Portal](/)',
      '[Latest](/latest) [Companies](/companies) [Events](/events)',
      '[Home](/) › [News](/news) › [Newswire](/newswire)',
      '**NEWSWIRE**',
      'Staff Report',
      'Published February 19, 2024 10:36 a.m.',
    ].join('\n\n');
    const parsed = parseReleaseStrict({ content: `${chrome}\n\n${teaser}` });
    expect(parsed.title).toBe('Northwind Opens Plant');
    expect(parsed.source).toBe('Northwind Filters, Inc.');
  });

  it('reads a thumbnail whose title holds quotes and parentheses, and a heading stamped with date and time', () => {
    const parsed = parseReleaseStrict({
      content:
        '[![Northwind ("NWF") Opens Plant](https://img.example/logo.jpg?w=300 "Northwind (\\"NWF\\") Opens Plant")\n\n' +
        '### May 08, 2025, 11:16 ET Northwind ("NWF") Opens Plant\n\n' +
        'Northwind Filters, Inc. (NYSE: NWF), a maker of boat filters, today opened a plant in...\n\n' +
        '---](/news-releases/northwind-opens-plant-300000001.html)',
    });
    expect(parsed.title).toBe('Northwind ("NWF") Opens Plant');
  });

  it('reads a linked heading hard-wrapped over two lines as one headline', () => {
    const parsed = parseReleaseStrict({
      content:
        '[### 07:00 ET Northwind Filters Reports Results for Quarter\nEnded March 31, 2025\n\n' +
        'Northwind Filters, Inc. (NYSE: NWF) today announced operating\nresults for the quarter ended March 31, 2025. The ...\n\n' +
        '---](/news-releases/northwind-reports-results-300000002.html)',
    });
    expect(parsed.title).toBe('Northwind Filters Reports Results for Quarter Ended March 31, 2025');
    expect(parsed.source).toBe('Northwind Filters, Inc.');
  });

  it('ends a flattened linked heading where two spaces stand before a capital', () => {
    const parsed = parseReleaseStrict({
      content:
        '[### 07:00 ET Northwind Reports First Quarter 2025 Results  Northwind Filters, Inc. (NASDAQ: NWF) today reported results for the first quarter ended...  ---](/news-releases/northwind-300000003.html)',
    });
    expect(parsed.title).toBe('Northwind Reports First Quarter 2025 Results');
    expect(parsed.source).toBe('Northwind Filters, Inc.');
    expect(parsed.tickers).toEqual([{ exchange: 'NASDAQ', symbol: 'NWF' }]);
  });

  it('keeps a heading whole when its two spaces stand before a lower-case word', () => {
    const parsed = parseReleaseStrict({
      content: '# Northwind opens  new plant in Ohio\n\nNorthwind Filters opened a plant.',
    });
    expect(parsed.title).toBe('Northwind opens new plant in Ohio');
  });

  it('reads the teaser reduced to plain text: a lone bracket above, the time of day opening the headline line', () => {
    const parsed = parseReleaseStrict({
      content:
        '[\n\n18:29 ET Northwind Filters Declares Quarterly Dividend on Common Shares\n\n' +
        'Northwind Filters, Inc. (NYSE: NWF) today announced that its board declared a quarterly dividend of $0.21 per share on the common...\n\n' +
        '---](/news-releases/northwind-300000004.html)',
    });
    expect(parsed.title).toBe('Northwind Filters Declares Quarterly Dividend on Common Shares');
    expect(parsed.source).toBe('Northwind Filters, Inc.');
  });

  it('never takes the thumbnail for the headline when the teaser keeps its dateline', () => {
    const parsed = parseReleaseStrict({
      content: teaser.replace('Northwind Filters, Inc.', 'TORONTO, May 8, 2025 /PRNewswire/ - Northwind Filters, Inc.'),
    });
    expect(parsed.dateline?.location).toBe('TORONTO');
    expect(parsed.title).toBe('Northwind Opens Plant');
  });
});

describe('plain text with no dateline that opens with its headline', () => {
  const lead =
    'Northwind Filters today opened a plant in Springfield that will employ forty people by the end of the year.';

  it('takes the first line as the headline and starts the body at the lead', () => {
    const parsed = parseReleaseStrict({
      content: `Northwind Opens Its Springfield Plant\n\n${lead}\n\nProduction starts in June.`,
    });
    expect(parsed.title).toBe('Northwind Opens Its Springfield Plant');
    expect(parsed.body.paragraphs[0]).toBe(lead);
  });

  it('leaves a text that opens with sentences alone', () => {
    const parsed = parseReleaseStrict({ content: `${lead}\n\nProduction starts in June, the company said.` });
    expect(parsed.title).toBeNull();
    expect(parsed.body.paragraphs[0]).toBe(lead);
  });
});

describe('a lead that opens with a time word and a lower-case article', () => {
  it('gives the named organization after `Today, the`', () => {
    expect(
      leadOrganization(
        'Today, the Northwind Boat Builders Association (NBBA), a trade group for small yards, named its new board.',
      ),
    ).toBe('Northwind Boat Builders Association');
  });

  it('still gives nothing when a lower-case noun follows', () => {
    expect(leadOrganization('Today, the board of a small yard named its new chair.')).toBeNull();
  });
});

describe('news aktuell (ots) copy as presseportal.de carries it', () => {
  it('a lower-case `(ots)` tag after the place is news aktuell; `(OTS)` is not read as it', () => {
    const found = findDateline('Hamburg (ots) - Die Beispiel AG eröffnet ein neues Werk.');
    expect(found?.wire).toEqual({ name: 'news aktuell', tag: 'ots' });
    expect(found?.dateline.location).toBe('Hamburg');
    expect(findDateline('Wien (OTS) - Die Beispiel AG eröffnet ein neues Werk.')?.wire?.name).not.toBe('news aktuell');
  });

  it('the `Original-Content von: …, übermittelt durch news aktuell` credit names the issuer and ends the release', () => {
    const r = parseReleaseStrict({
      content:
        'Hamburg (ots) - Die Beispiel Logistik GmbH eröffnet im Frühjahr ein neues Lager mit zweihundert Arbeitsplätzen im Hafen.\n\n' +
        'Das Lager soll im März in Betrieb gehen.\n\nPressekontakt:\n\nBeispiel Logistik GmbH\nErika Muster\npresse@beispiel-logistik.example\n\n' +
        'Original-Content von: Beispiel Logistik GmbH, übermittelt durch news aktuell\n\nWeitere Storys: Beispiel Logistik GmbH\n',
    });
    expect(r.wire?.name).toBe('news aktuell');
    expect(r.source).toBe('Beispiel Logistik GmbH');
    expect(r.body.paragraphs).toEqual([
      'Die Beispiel Logistik GmbH eröffnet im Frühjahr ein neues Lager mit zweihundert Arbeitsplätzen im Hafen.',
      'Das Lager soll im März in Betrieb gehen.',
    ]);
    expect(r.contacts.map((c) => c.email)).toEqual(['presse@beispiel-logistik.example']);
  });
});

describe('PR Newswire AsiaNet copy flattened to one line', () => {
  const lead =
    'Harbor Biotech Ltd has enrolled the first patient in a Phase 1 trial of its lead drug HB-12 for advanced cancers.';
  const flat = (tail: string) =>
    `Source: Harbor Biotech Ltd MEDIA RELEASE PR67001 Harbor Biotech Enrolls First Patient in Cancer Trial  ` +
    `TAIPEI, Feb. 2, 2017 /PRNewswire-AsiaNet/ --  ${lead}  The trial runs at three hospitals in Taiwan and will enrol forty patients over the next eighteen months, the company said in a statement on Thursday.  ${tail}`;

  it('cuts the credit lines off the headline and takes the issuer from them', () => {
    const r = parseReleaseStrict({ content: flat('Contact: Jane Roe') });
    expect(r.title).toBe('Harbor Biotech Enrolls First Patient in Cancer Trial');
    expect(r.source).toBe('Harbor Biotech Ltd');
    expect(r.wire?.name).toBe('PR Newswire');
  });

  it('reads a SOURCE label whose organization the flattening put on the next line, never the colon', () => {
    const r = parseReleaseStrict({
      content: `Harbor Opens Lab\n\nTAIPEI, Feb. 2, 2017 /PRNewswire-AsiaNet/ -- ${lead}\n\nSOURCE:\n\nHarbor Biotech Ltd\n`,
    });
    expect(r.source).toBe('Harbor Biotech Ltd');
    expect(r.body.paragraphs).toEqual([lead]);
    const bare = parseReleaseStrict({
      content: `Harbor Opens Lab\n\nTAIPEI, Feb. 2, 2017 /PRNewswire-AsiaNet/ -- ${lead}\n\nSOURCE:\n`,
    });
    expect(bare.source).not.toBe(':');
  });
});

describe('markdown saved from a company newsroom page', () => {
  const lead =
    'At Northwind we are proud to announce that our plant in Springfield has won a national safety award this spring.';

  it('reads setext headings (a line over === or ---) as headings; a --- after a blank line stays a rule', () => {
    const r = parseReleaseStrict({
      content: `[Home](/) [News](/news)\n\nNorthwind Wins a National Safety Award\n======================================\n\n${lead}\n\nOur Programme\n-------------\n\nTraining runs all year.\n\n---\n\nMore news`,
    });
    expect(r.title).toBe('Northwind Wins a National Safety Award');
    expect(r.body.paragraphs).toContain('Our Programme');
    expect(r.body.paragraphs).not.toContain('Our Programme -------------');
  });

  it('takes an H1 below the menus as the headline when it repeats the first line (the page title)', () => {
    const menu = Array.from({ length: 12 }, (_, i) => `* [Section ${i + 1}](/s/${i + 1})`).join('\n\n');
    const r = parseReleaseStrict({
      content: `Northwind Wins a National Safety Award\n\n${menu}\n\n# Northwind Wins a National Safety Award\n\n${lead}\n`,
    });
    expect(r.title).toBe('Northwind Wins a National Safety Award');
    expect(r.body.paragraphs[0]).toBe(lead);
  });
});

describe('a flattened line with two spaces after a comma', () => {
  it('does not break the paragraph there: no paragraph ends with a comma', () => {
    const lead =
      'Harbor Oncology, (Beijing, Taiwan, & Seattle), has begun its first Phase 1 clinical trial for its lead cancer drug HB-801, a multi-inhibitor drug.';
    const filler =
      'The trial enrols forty patients at three hospitals over the next eighteen months, the company said on Thursday.';
    const r = parseReleaseStrict({
      content: `Harbor Enrolls First Patient  BEIJING, Feb. 2, 2017 /PRNewswire-AsiaNet/ --  ${lead.replace(', (', ',  (')}  ${filler}  ${filler}  ${filler}`,
    });
    expect(r.body.paragraphs[0]).toBe(lead);
  });
});
