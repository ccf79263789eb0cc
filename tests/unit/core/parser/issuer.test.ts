import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import {
  boilerplateOrganization,
  clauseOrganization,
  fullerByHeadline,
  fullerInLead,
  headlineOrganization,
  headlinePrefixOrganization,
  leadOrganization,
  sentenceSubjectOrganization,
  shorterSpelling,
  spelledOut,
  spokespersonOrganization,
  widerInParagraphs,
  withoutCategoryWord,
} from '../../../../lambdas/core/parser/lead';
import {
  callToActionOrganization,
  ownDomainLabels,
  personSubject,
  republishedBy,
  passiveAgentOrganization,
} from '../../../../lambdas/core/parser/issuer';
import { withoutMarks } from '../../../../lambdas/core/parser/sections';
import { wireOfLink } from '../../../../lambdas/core/parser/wires';

/** The issuer when the lead's grammar does not name it: made-up releases built on real constructs. */
describe('headlineOrganization: the headline subject, confirmed by the lead or an About section', () => {
  it.each([
    // Two parties open the lead (`X and Y are pleased to announce`): the headline says which acts.
    [
      'Harbor Lane Capital Invests in Quillmark',
      'Harbor Lane Capital and Quillmark Systems are pleased to announce a strategic investment.',
      [],
      'Harbor Lane Capital',
    ],
    // A lead that is the issuer's own quotation.
    [
      'Ridgefield Gold Reports Record Q1 Results',
      '"Ridgefield Gold is reporting its best quarter ever," said the CEO.',
      [],
      'Ridgefield Gold',
    ],
    // A name with a lower-case word, a passive headline.
    [
      'Fourteen & co Named to Growth List for Second Year',
      'Fourteen & co, a marketing firm, has been named to a list.',
      [],
      'Fourteen & co',
    ],
    // The lead's legal form is kept as written.
    [
      'Tallow Brands Announces New Plant',
      'Tallow Brands, Inc. (the “Company”) is pleased to report a new plant.',
      [],
      'Tallow Brands, Inc.',
    ],
    // Only an About section confirms it (the lead opens with something else).
    [
      'Strategyhub.io Launches: A Hub for Planners',
      'Navigating strategy is hard. Announcing the launch of Strategyhub.io.',
      ['Strategyhub.io'],
      'Strategyhub.io',
    ],
    ['Orbis Mining to Acquire Delta Claims', 'Orbis Mining announced a deal.', [], 'Orbis Mining'],
  ])('%s', (title, lead, about, org) => {
    expect(headlineOrganization(title, lead, about)).toBe(org);
  });

  it.each([
    // The headline's subject is not confirmed: a guess is worse than nothing.
    ['Harbor Lane Capital Invests in Quillmark', 'A new investment was made today in Quillmark.', []],
    // Two subjects.
    ['Acme and Beta Announce Merger', 'Acme and Beta today said they will merge.', []],
    // No headline verb.
    ['Sleep Better This Summer With New Sheets', 'Sleep Better is a campaign.', []],
    // The lead opens with a longer word that only starts like the name.
    ['Nova Launches Tool', 'Novartis said something.', []],
    // A headline that opens with a date or a phrase.
    ['Today Announces Nothing', 'Today Announces Nothing is a show.', []],
    [null, 'Acme Corp. announced.', []],
    // The lead calls the headline's subject an initiative, a programme, a tour…: not an organization.
    [
      'Quiet Minds School Tour Launches in Ohio',
      'Schools in Ohio welcome the launch of the Quiet Minds School Tour, an initiative led by the Harbor Trust.',
      [],
    ],
    [
      'Bright Start Opens Enrolment',
      'Bright Start, a free reading programme run by Quillmark Library, opens enrolment today.',
      [],
    ],
  ])('%s → null', (title, lead, about) => {
    expect(headlineOrganization(title, lead, about)).toBeNull();
  });

  it('takes the headline subject the lead names later as a whole, not as the end of a longer name', () => {
    expect(
      headlineOrganization(
        'Quillon Solar stellt neue Speicher auf der Messe vor',
        'Am 7. Mai wurde die Messe in München eröffnet, wobei Quillon Solar seine Speicher zeigte.',
        [],
      ),
    ).toBe('Quillon Solar');
    expect(
      headlineOrganization(
        'Harrowgate Labs Opens Second Site',
        'After two years of planning, a second site opened on Monday, and Harrowgate Labs hired 40 people.',
        [],
      ),
    ).toBe('Harrowgate Labs');
    expect(
      headlineOrganization(
        'Museum Announces Grand Opening',
        'The wait is over: the Tessaly Craft Museum opens in June.',
        [],
      ),
    ).toBeNull();
    expect(headlineOrganization('Quillon Opens Store', 'A store opened, said Quillonworks.', [])).toBeNull();
  });

  it('a release whose lead has no subject gets the headline subject as its source', () => {
    const r = parseReleaseStrict({
      content:
        '# Harbor Lane Capital Invests in Quillmark\n\nSAN FRANCISCO, July 21, 2025 /PRNewswire/ – Harbor Lane Capital and Quillmark Systems “Quillmark”, are pleased to announce that Harbor Lane has made a strategic investment in Quillmark.\n\nMore text follows here about the investment and the plans for it.\n',
    });
    expect(r.source).toBe('Harbor Lane Capital');
  });
});

describe('flattened text: two spaces before a lower-case word are not a paragraph break', () => {
  it('keeps a sentence whole when a scraper left two spaces inside it', () => {
    const words = 'and the class period runs from January to November of this year '.repeat(6);
    const content = `RADNOR, PA - (NewMediaWire) - December 28, 2024 - The law firm of Hollis & Webb, LLP (www.example.com)  informs investors that a suit was filed ${words}against the company.  The deadline is February 10, 2025.  Contact the firm for more.`;
    const r = parseReleaseStrict({ content });
    expect(r.body.paragraphs[0]).toMatch(/^The law firm of Hollis & Webb, LLP \(www\.example\.com\) informs investors/);
    expect(r.body.paragraphs[1]).toBe('The deadline is February 10, 2025.');
    expect(r.source).toBe('Hollis & Webb, LLP');
  });
});

describe('feed metadata naming the issuer', () => {
  const g2 = (org: string, lead: string) => `<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x">
  <contentMeta>
    <subject literal="${org}" type="cpnat:organisation" relevance="100"><name>${org}</name></subject>
    <headline>Maple Foods Gets Licence Review</headline>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html><body>
    <p>VANCOUVER, British Columbia, Dec. 03, 2019 (GLOBE NEWSWIRE) -- ${lead} is pleased to announce that the review is done.</p>
    <p>More text about the review and the next steps of the company.</p>
  </body></html></inlineXML></contentSet>
</newsItem>`;

  it('a NewsML-G2 organisation subject spells a name the lead writes in capitals', () => {
    const r = parseReleaseStrict({
      content: g2('Maple Foods Technologies Inc.', 'MAPLE FOODS TECHNOLOGIES INC. (“Maple”)'),
    });
    expect(r.source).toBe('Maple Foods Technologies Inc.');
  });

  it('is the source when the lead names no subject, and does not replace a different lead subject', () => {
    expect(parseReleaseStrict({ content: g2('Maple Foods Inc.', 'Today it') }).source).toBe('Maple Foods Inc.');
    expect(parseReleaseStrict({ content: g2('Maple Foods Canada', 'Maple Foods') }).source).toBe('Maple Foods');
  });

  it('a <release> document (NTB info delivery): publisher name and the wire of its own link', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<release id="1" lang="no">
  <longurl>https://www.ntbinfo.no/pressemelding/x?releaseId=1</longurl>
  <body>&lt;p&gt;Selskapet har signert en kontrakt om bygging av en ny vei i regionen.&lt;/p&gt;</body>
  <title>Signerte kontrakt</title>
  <publisher id="2"><name>Fjord Veier</name></publisher>
</release>`;
    const r = parseReleaseStrict({ content: xml });
    expect(r.wire).toEqual({ name: 'NTB info', tag: 'ntbinfo.no' });
    expect(r.source).toBe('Fjord Veier');
  });

  it('wireOfLink: only a wire’s own host names it', () => {
    expect(wireOfLink('https://www.globenewswire.com/news-release/2024/x.html')?.name).toBe('GlobeNewswire');
    expect(wireOfLink('https://example.com/prnewswire.com/x')).toBeNull();
    expect(wireOfLink('https://notbusinesswire.com/x')).toBeNull();
    expect(wireOfLink('not a url')).toBeNull();
  });
});

describe('leadOrganization: more constructs of real leads', () => {
  it.each([
    ['Shareholder Rights Law Firm Hollis Webb LLP reminds investors that a class action was filed.', 'Hollis Webb LLP'],
    ['Marlow Eagle & Finch, P.C. is investigating potential claims against Acme Inc.', 'Marlow Eagle & Finch, P.C.'],
    ['Tarn & Vale, PLLC notifies investors that a lawsuit has been filed.', 'Tarn & Vale, PLLC'],
    ['QUILLON LABS INC. (TSXV: QLL) ("Quillon") is pleased to report results.', 'QUILLON LABS INC.'],
    ['Quillon Labs, an AI company, and Beta Corp today announced a partnership.', 'Quillon Labs'],
    ['Quillon Labs hosts its annual summit in Boston.', 'Quillon Labs'],
    ['Quillon Labs offers a new widget for homes.', 'Quillon Labs'],
    ['Quillon Labs welcomes a new chief executive.', 'Quillon Labs'],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });

  it.each([
    ['In 2024 the firm hosts a summit in Boston.'],
    ['Quillon Labs and the market: what comes next for widgets.'],
  ])('no subject named: %s', (lead) => {
    expect(leadOrganization(lead)).toBeNull();
  });
});

describe('the issuer describing itself', () => {
  it('the only About section names the source when the lead and headline do not', () => {
    const r = parseReleaseStrict({
      content:
        '# Why Summer Sleep Suffers\n\n(NewsUSA) - As temperatures rise, many people struggle to stay cool at night, and new bedding aims to help.\n\nMore text about sleep.\n\nAbout Quillow Home\n\nQuillow Home makes bedding for hot sleepers.\n',
    });
    expect(r.source).toBe('Quillow Home');
  });

  it('an About heading in capitals made of short words takes the mixed case the text writes it in', () => {
    const release = (heading: string, name: string) =>
      `# Why Summer Sleep Suffers\n\n(NewsUSA) - As temperatures rise, many people struggle to stay cool at night.\n\nMore text about sleep from ${name} and its readers.\n\n${heading}\n\n${name} writes about bedding for hot sleepers.\n`;
    expect(parseReleaseStrict({ content: release('ABOUT THE BED LAB', 'The Bed Lab') }).source).toBe('The Bed Lab');
    expect(parseReleaseStrict({ content: release('ABOUT ZZ NAP CO', 'ZZ Nap Co') }).source).toBe('ZZ Nap Co');
    // (written only in capitals, it stays so)
    expect(parseReleaseStrict({ content: release('ABOUT ZZ NAP CO', 'ZZ NAP CO') }).source).toBe('ZZ NAP CO');
  });

  it('an About heading run into a place-based descriptor names no issuer: a later heuristic does', () => {
    const release = (about: string) =>
      parseReleaseStrict({
        content: `# Summer Sleep Gets Cooler\n\nPORTLAND, OR, May 4, 2026 /24-7PressRelease/ -- As temperatures rise, many people struggle to stay cool at night.\n\nQuillow Home will ship a cooling sheet in May, and it costs $40.\n\nQuillow Home tested the sheet on 200 sleepers.\n\n${about}\n`,
      });
    for (const about of [
      'About A New Hampshire-based maker of bedding, Quillow Home sells sheets online.',
      'About An East Portland-headquartered maker of bedding, Quillow Home sells sheets online.',
    ]) {
      const r = release(about);
      expect(r.source).toBe('Quillow Home');
      // (the About section itself is left as read)
      expect(r.about).toHaveLength(1);
    }
    expect(release('About Quillow Home Quillow Home is a maker of bedding.').source).toBe('Quillow Home');
  });

  it('a lead whose subject is sued leaves the issuer to the only About section', () => {
    const r = parseReleaseStrict({
      content:
        '# Harbor Foods (HBF) Faces Securities Class Action - Quill & Finch\n\nSAN FRANCISCO, May 4, 2026 /NewMediaWire/ -- Harbor Foods, Inc. (NYSE: HBF) and certain of its officers have been named as defendants in a securities class action brought on behalf of investors.\n\nQuill & Finch has begun an investigation into the matter.\n\nAbout Quill & Finch\n\nQuill & Finch is a plaintiffs’ rights law firm with offices in ten cities.\n',
    });
    expect(r.source).toBe('Quill & Finch');
  });

  it('an About section on the founders is not a second organization: the only company About names the issuer', () => {
    const r = parseReleaseStrict({
      content:
        "# Two Students Launch Quillair to Clean School Air\n\nPORTLAND, OR, May 4, 2026 /24-7PressRelease/ -- Wildfire smoke reaches more classrooms every summer, and Oregon is among the hardest-hit states.  Quillair's founders are two friends who began with one purifier.  The pair has since worked with 40 schools across the state.  About Quillair  Quillair is a nonprofit based in Oregon.  About the Founders  Jane Roe and John Doe are high school seniors in Portland.\n",
    });
    expect(r.source).toBe('Quillair');
  });

  it('two About sections leave it unknown', () => {
    const r = parseReleaseStrict({
      content:
        '# Why Summer Sleep Suffers\n\n(NewsUSA) - As temperatures rise, many people struggle to stay cool at night.\n\nMore text about sleep.\n\nAbout Quillow Home\n\nQuillow Home makes bedding.\n\nAbout Sleep Council\n\nThe Sleep Council studies sleep.\n',
    });
    expect(r.source).toBeNull();
  });
});

describe('boilerplateOrganization: an unheaded About paragraph at the end', () => {
  const body = [
    'The annual meeting is on Tuesday, and an investor is calling upon shareholders to vote against two directors.',
    'Earlier this year, the Center for Fair Boards sent a letter to the company asking both to step down.',
  ];

  it.each([
    'Founded in 1991, the Center for Fair Boards promotes ethics in public life through research and legal action.',
    'Based in Ohio, Center for Fair Boards is a nonprofit that studies corporate governance.',
    'Center for Fair Boards, founded in 1991, is a nonprofit that studies corporate governance.',
    'The Center for Fair Boards was founded in 1991 to study corporate governance.',
    'The Center for Fair Boards is a national educational organization working for open boardrooms.',
    'Center for Fair Boards (OTC: CFFB) is the leading voice of minority shareholders.',
    'Center for Fair Boards, Inc. is an independent watchdog. Follow it online.',
  ])('%s', (last) => {
    expect(boilerplateOrganization('Investor Calls for a Vote Against Two Directors', [...body, last])).toBe(
      'Center for Fair Boards',
    );
  });

  it('reads a name opening with a number (`24/7 Relief Line is a…`)', () => {
    const earlier = ['24/7 Relief Line opened its third call centre this week in the north of the country.'];
    expect(
      boilerplateOrganization('A Third Call Centre Opens', [
        ...earlier,
        'The centre employs 40 people.',
        '24/7 Relief Line is a nonprofit that answers calls at any hour.',
      ]),
    ).toBe('24/7 Relief Line');
  });

  it('takes no other subject described with `is a` as an organization', () => {
    for (const last of [
      'The Center for Fair Boards study is a first look at the question.',
      'The report is a summary of ten years of votes.',
    ]) {
      expect(boilerplateOrganization('Investor Calls for a Vote', [...body, last])).toBeNull();
    }
  });

  it('needs the name earlier in the release, and a boilerplate opening', () => {
    const last = 'Founded in 1991, the Harbor Institute promotes ethics in public life.';
    expect(boilerplateOrganization('Investor Calls for a Vote', [...body, last])).toBeNull();
    expect(
      boilerplateOrganization('Investor Calls for a Vote', [...body, 'The Center for Fair Boards thanks its members.']),
    ).toBeNull();
  });

  it('gives the source when nothing else in the text does', () => {
    const r = parseReleaseStrict({
      content: `# Investor Calls for a Vote Against Two Directors\n\n${body.join('\n\n')}\n\nFounded in 1991, the Center for Fair Boards promotes ethics in public life through research and legal action.\n`,
    });
    expect(r.source).toBe('Center for Fair Boards');
  });
});

describe('headlineOrganization: headlines in other languages, in sentence case', () => {
  it.each([
    [
      'Nordlys est officiellement agréé par la banque centrale',
      'Nordlys, la principale plateforme de paiement, a le plaisir…',
      'Nordlys',
    ],
    [
      'Sabores del Sur anuncia su expansión a Chile',
      'Sabores del Sur, empresa de alimentos, inauguró…',
      'Sabores del Sur',
    ],
    [
      'Brunnhofer Solar stellt neue Module vor',
      'Brunnhofer Solar hat heute neue Module vorgestellt.',
      'Brunnhofer Solar',
    ],
  ])('%s', (title, lead, org) => {
    expect(headlineOrganization(title, lead, [])).toBe(org);
  });

  it('still needs the lead (or an About section) to confirm the name', () => {
    expect(
      headlineOrganization('Brunnhofer Solar stellt neue Module vor', 'Am 7. Mai wurde die Messe eröffnet.', []),
    ).toBeNull();
  });
});

describe('a headline naming the issuer before a colon, and a lead whose subject is a figure', () => {
  const lead =
    'The Net Asset Value ("NAV") of Nordlys ASA and holding companies ("Nordlys") was NOK 61.9 billion at the end of the quarter, compared to NOK 58 billion.';

  it('reads no organization from a subject that goes on with a preposition', () => {
    expect(leadOrganization(lead)).toBeNull();
    // An appositive after a comma still leads to the verb.
    expect(leadOrganization('Kin, the pioneering, direct-to-consumer, digital insurer, today announced results.')).toBe(
      'Kin',
    );
  });

  it('takes the name before the colon when the first paragraphs name it too', () => {
    expect(headlinePrefixOrganization('Nordlys ASA: First Quarter Results 2025', [lead])).toBe('Nordlys ASA');
    expect(headlinePrefixOrganization('Nordlys ASA: First Quarter Results 2025', ['Results were strong.'])).toBeNull();
    expect(headlinePrefixOrganization('UPDATE: Nordlys ASA Reports Results', [`UPDATE ${lead}`])).toBeNull();
    expect(headlinePrefixOrganization('Results: what Nordlys ASA reports', [lead])).toBeNull();
  });

  it('gives the source of a teaser whose lead names no subject', () => {
    const r = parseReleaseStrict({ content: `# Nordlys ASA: First Quarter Results 2025\n\n${lead}\n` });
    expect(r.source).toBe('Nordlys ASA');
  });
});

describe('spokespersonOrganization: the organization the people quoted speak for', () => {
  it.each([
    [['“Plan ahead,” said Jane Roe, President of Home Power at Quillon. “Storms come fast.”'], 'Quillon'],
    [['Jane Roe, chief executive officer of Harrowgate Labs, said the site opens in May.'], 'Harrowgate Labs'],
    [['“It matters,” said Jane Roe, director of Tessaly’s Integrity Project.'], 'Tessaly'],
  ])('%j', (paragraphs, expected) => {
    expect(spokespersonOrganization(paragraphs)).toBe(expected);
  });

  it('spells out an acronym as the text writes the name it stands for', () => {
    const paragraphs = [
      'As a result, Harrowgate Legal and Policy Forum, a shareholder in both firms, calls for a vote.',
      '“It is time,” said Jane Roe, director of HLPF’s Governance Project.',
    ];
    expect(spokespersonOrganization(paragraphs)).toBe('Harrowgate Legal and Policy Forum');
    expect(spelledOut('HLPF', paragraphs)).toBe('Harrowgate Legal and Policy Forum');
    // Initials that no run of capitalised words makes, or a word that is no acronym, stay.
    expect(spelledOut('QXZ', paragraphs)).toBeNull();
    expect(spelledOut('Quillon', paragraphs)).toBeNull();
  });

  it('finds the speaker by every reporting verb, before or after the name', () => {
    for (const verb of ['said', 'says', 'added', 'adds', 'explained', 'explains', 'noted', 'notes', 'stated', 'states'])
      expect(spokespersonOrganization([`“It works,” ${verb} Jane Roe, CEO of Quillon Labs.`])).toBe('Quillon Labs');
    for (const verb of ['said', 'says', 'added', 'explained', 'noted', 'stated'])
      expect(spokespersonOrganization([`Jane Roe, CEO of Quillon Labs, ${verb} the site opens in May.`])).toBe(
        'Quillon Labs',
      );
    // A paragraph with no reporting verb names no speaker.
    expect(spokespersonOrganization(['Jane Roe, CEO of Quillon Labs, opened the site in May.'])).toBeNull();
  });

  it('names none when speakers speak for different organizations, or hold no role at one', () => {
    expect(
      spokespersonOrganization([
        '“Good,” said Jane Roe, CEO of Quillon Labs.',
        '“Better,” added John Poe, founder of Harrowgate Labs.',
      ]),
    ).toBeNull();
    expect(spokespersonOrganization(['“Good,” said Jane Roe, a mother of three.'])).toBeNull();
  });

  it('gives the source of a feature whose text names no issuer otherwise', () => {
    const r = parseReleaseStrict({
      content:
        '# Five Ways to Get Ready for Storm Season\n\nStorms are getting stronger, and a plan helps every household.\n\n“You don’t build a plan in the dark,” said Jane Roe, President of Home Power at Quillon. “Start today.”\n',
    });
    expect(r.source).toBe('Quillon');
  });
});

describe('fullerInLead: the fuller name the lead opens with', () => {
  it.each([
    ['Quillon', 'Quillon Coin revolutionizes mining with its own chips.', 'Quillon Coin'],
    ['Tessaly', '- Tessaly Studios, the game unit of Beta Group, has completed new integrations.', 'Tessaly Studios'],
    ['Harrowgate', '“Harrowgate Home Works brings repairs to every street,” said its owner.', 'Harrowgate Home Works'],
  ])('%s in %s', (name, lead, expected) => {
    expect(fullerInLead(name, lead)).toBe(expected);
  });

  it('takes no legal form, day or month, and needs the name at the lead’s start', () => {
    expect(fullerInLead('Quillon', 'Quillon Inc. revolutionizes mining.')).toBeNull();
    expect(fullerInLead('Quillon', 'Quillon Monday announced a new chip.')).toBeNull();
    expect(fullerInLead('Quillon', 'Miners like Quillon Coin for its speed.')).toBeNull();
    expect(fullerInLead('Quillon', 'Quillon revolutionizes mining.')).toBeNull();
  });

  it('gives a headline prefix’s issuer its fuller name', () => {
    const r = parseReleaseStrict({
      content:
        '# Quillon : Revolutionizing Mining And Audits\n\nQuillon Coin revolutionizes mining through its own chips.\n',
    });
    expect(r.source).toBe('Quillon Coin');
  });
});

describe('sentenceSubjectOrganization: the organization the sentences are about', () => {
  const paragraphs = [
    'Light therapy uses a lamp to treat seasonal low mood. The method is safe and quick. Harrowgate Clinic is proud to offer it to the city.',
    'Each session lasts twenty minutes and patients may read during it.',
    'During the first visit, Harrowgate Clinic provides a check of whether the therapy suits the patient. Insurers often pay for it.',
  ];

  it('names the subject that opens sentences in two paragraphs or more', () => {
    expect(sentenceSubjectOrganization(paragraphs)).toBe('Harrowgate Clinic');
    expect(
      parseReleaseStrict({ content: `# New Light Therapy Offers Hope in Winter\n\n${paragraphs.join('\n\n')}\n` })
        .source,
    ).toBe('Harrowgate Clinic');
  });

  it('reads a name of two words or more before a present-tense verb, and no term glossed after or', () => {
    expect(
      sentenceSubjectOrganization([
        'LTT, or low-temperature therapy, offers a gentle approach. Many patients have not found relief elsewhere.',
        'Tessaly Care Partners stands at the forefront of this method. Each session lasts twenty minutes.',
        'Beyond the therapy itself, Tessaly Care Partners is committed to follow-up care. Research shows good results.',
      ]),
    ).toBe('Tessaly Care Partners');
    expect(leadOrganization('LTT, or low-temperature therapy, offers a gentle approach.')).toBeNull();
    expect(leadOrganization('Quillon Labs, or QL, today announced a new chip.')).toBe('Quillon Labs');
  });

  it('names none for a subject of one paragraph only, or when two subjects tie', () => {
    expect(sentenceSubjectOrganization([paragraphs[0] ?? '', paragraphs[1] ?? ''])).toBeNull();
    expect(
      sentenceSubjectOrganization([
        ...paragraphs,
        'Quillon Labs is proud to supply the lamps. In May, Quillon Labs opened a plant in the state.',
      ]),
    ).toBeNull();
  });
});

describe('an issuer from an upper-case About heading, as the text writes it', () => {
  const release = (about: string, mention: string) =>
    `# In Reaction to the Storm, Free Repairs for Coastal Homes\n\nWith years of work on coastal homes—most recently for the harbor district—${mention} watched the storm with dismay.\n\nRepairs start on Monday for any home in the county.\n\n${about}\n\nQuillon Home Works is a builder in Maine. www.quillonhomeworks.example\n`;

  it('takes the mixed-case spelling the text writes', () => {
    const r = parseReleaseStrict({ content: release('ABOUT QUILLON HOME WORKS', 'Quillon Home Works') });
    expect(r.source).toBe('Quillon Home Works');
    // The About section keeps the heading's capitals.
    expect(r.about.map((a) => a.organization)).toEqual(['QUILLON HOME WORKS']);
  });

  it('keeps the capitals when the text writes the name only so, or in lower case only in an address', () => {
    const caps = release('ABOUT QUILLON HOME WORKS', 'QUILLON HOME WORKS').replace(
      'Quillon Home Works is',
      'QUILLON HOME WORKS is',
    );
    expect(parseReleaseStrict({ content: caps }).source).toBe('QUILLON HOME WORKS');
    const address = release('ABOUT QUILLONHOMEWORKS', 'the team').replace('Quillon Home Works is', 'The team is');
    expect(parseReleaseStrict({ content: address }).source).toBe('QUILLONHOMEWORKS');
  });
});

describe('leadOrganization: what stands between the subject and its verb, or before the subject', () => {
  it.each([
    // An appositive opening with a place's possessive of more than one word.
    ['Corvale Atlas, Puerto Rico’s specialized property data platform, will host a summit in March.', 'Corvale Atlas'],
    ['Pellow Brewing, New York’s oldest cider house, has opened a second taproom.', 'Pellow Brewing'],
    ['Tessaly Works, the United Kingdom’s largest tool library, announced a new branch.', 'Tessaly Works'],
    // A lower-case descriptor after a `-based` place.
    [
      'Denver-based retail owner and developer Harrowgate Companies, Inc. announced the sale of a center.',
      'Harrowgate Companies, Inc.',
    ],
    ['Austin-based global venture capital firm Quillon Partners today announced a new fund.', 'Quillon Partners'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('names the organization a person’s role is held at, not the person', () => {
    expect(
      leadOrganization(
        'Marlo Venn, founder and Chairman of the Supervisory Board of Quillon AG, was honored with an award.',
      ),
    ).toBe('Quillon AG');
    expect(leadOrganization('Jane Roe, chief executive officer at Harrowgate Labs, today announced a new site.')).toBe(
      'Harrowgate Labs',
    );
    expect(leadOrganization('Jane Roe, co-founder of Pellow Brewing, has opened a taproom.')).toBe('Pellow Brewing');
    // A role that is held at no organization leaves the person.
    expect(leadOrganization('Jane Roe, author of the Tessaly Saga, has released a new novel.')).toBe('Jane Roe');
  });

  it('still names no one when the possessive is not an appositive of a name', () => {
    expect(leadOrganization('TMS therapy, New York’s newest treatment, has emerged for patients.')).toBeNull();
  });
});

describe('leadOrganization: a clause or phrase before the lead’s subject', () => {
  it.each([
    ['When the new plant opened in May, Corvale Foods, Inc. hired 200 workers from the county.', 'Corvale Foods, Inc.'],
    [
      'In observance of World Water Day, Blue Fen Media Network, Inc. (BFMN), the leading public network in the region will broadcast a film.',
      'Blue Fen Media Network, Inc.',
    ],
    [
      'With the world’s eyes on the city as a host for the games, Tessaly Works Corp. announces a new portal.',
      'Tessaly Works Corp.',
    ],
    ['As a coach, speaker, and author, Marlo Venn has spent decades in the sport.', 'Marlo Venn'],
    ['Ahead of the autumn trade fair, Quillon Robotics today unveiled a gripper.', 'Quillon Robotics'],
    ['Building on a record year, Harrowgate Labs announced a second site.', 'Harrowgate Labs'],
    ['In Dayton, Ohio, Pellow Brewing opened a taproom.', 'Pellow Brewing'],
    ['Following two national launches, South Coast based Orvane has announced the next step of its growth.', 'Orvane'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('names no one when the main clause’s subject is no name', () => {
    expect(
      leadOrganization('When a situation starts to spin, the smartest move is to call a lawyer who knows the courts.'),
    ).toBeNull();
    expect(leadOrganization('In the long search for relief, a new therapy has emerged for patients.')).toBeNull();
    // The French auxiliary `a` needs its participle: `When a situation…` is no subject and verb.
    expect(leadOrganization('When a situation starts to spin, it pays to act.')).toBeNull();
    expect(leadOrganization('Maelle SA a annoncé aujourd’hui un accord.')).toBe('Maelle SA');
    // A name that opens with such a word is read from the start first.
    expect(leadOrganization('Under Lantern Outfitters today announced a new store.')).toBe('Under Lantern Outfitters');
  });

  it('reads a research note’s subject after the listed name that labels it', () => {
    expect(
      leadOrganization(
        'Nordwind Corp. (NYSE: NWD): Halvard Research Partners updates their coverage on Nordwind Corp. (NYSE: NWD).',
      ),
    ).toBe('Halvard Research Partners');
    expect(leadOrganization('Nordwind Corp. (NYSE: NWD) today reported results.')).toBe('Nordwind Corp.');
  });

  it('keeps a credit line’s fuller name over the lead’s shorter one', () => {
    const r = parseReleaseStrict({
      content: [
        '# Marlo Venn Wins Landscape Award',
        '',
        ' Leeds, United Kingdom - March 3, 2025 / Marlo Venn Photography /',
        '',
        'In a year of strong entries, Marlo Venn has been honored with a landscape award by an online gallery of photographers.',
        '',
        'The award recognizes a photograph taken on the coast at dawn.',
        '',
      ].join('\n'),
    });
    expect(r.source).toBe('Marlo Venn Photography');
  });
});

describe('trademark signs are no part of a name', () => {
  const release = (about: string, lead: string) =>
    parseReleaseStrict({
      content: [
        '# Brightmoor Launches a Ledger App',
        '',
        `DENVER, CO, May 4, 2026 – ${lead}`,
        '',
        'The app reads receipts and files them by project.',
        '',
        about,
        '',
        'Brightmoor makes bookkeeping software for small firms.',
        '',
      ].join('\n'),
    });

  it.each([
    ['About Brightmoor Labs™', 'Brightmoor Labs'],
    ['About Brightmoor Labs(TM)', 'Brightmoor Labs'],
    ['About Brightmoor Labs®:', 'Brightmoor Labs'],
    ['About Brightmoor℠ Labs, Inc.', 'Brightmoor Labs, Inc.'],
  ])('%s', (heading, organization) => {
    const r = release(heading, 'Brightmoor Labs today launched a ledger app for contractors.');
    expect(r.about.map((a) => a.organization)).toEqual([organization]);
  });

  it('leaves a parenthesized R with a space before it, and drops marks from the source', () => {
    expect(withoutMarks('Acme (R) Labs')).toBe('Acme (R) Labs');
    expect(withoutMarks('Acme(R) Labs®')).toBe('Acme Labs');
    const r = parseReleaseStrict({
      content:
        '# Ledger App Launched\n\nDENVER, CO, May 4, 2026 /PRNewswire/ -- A ledger app is out now for contractors.\n\nSOURCE Brightmoor Labs(R)\n',
    });
    expect(r.source).toBe('Brightmoor Labs');
  });
});

describe('an About heading run into its text after a colon', () => {
  it.each([
    ['About Quarrel Ledger: is a leading provider of bookkeeping tools for small firms.', 'Quarrel Ledger'],
    ['About [Quarrel.io](https://quarrel.io/?ref=pr): a maker of bookkeeping tools for small firms.', 'Quarrel.io'],
    ['About Quarrel Ledger: Quarrel Ledger makes bookkeeping tools for small firms.', 'Quarrel Ledger'],
  ])('%s', (about, organization) => {
    const r = parseReleaseStrict({
      content: [
        '# Quarrel Survey Finds Small Firms Track Receipts by Hand',
        '',
        'DENVER, CO, May 4, 2026 – As tax season nears, a new survey finds most small firms still track receipts by hand.',
        '',
        'The survey asked 1,000 owners how they keep their books.',
        '',
        about,
        '',
      ].join('\n'),
    });
    expect(r.about.map((a) => a.organization)).toEqual([organization]);
    expect(r.source).toBe(organization);
  });
});

describe('leadOrganization: a person’s role or a lower-case kind written before the name', () => {
  it.each([
    [
      'Award-winning jazz singer and radio host Marla Quell, in partnership with a local food bank, announces a benefit concert.',
      'Marla Quell',
    ],
    ['Bestselling author Tobin Ashgrove has released a third novel set in the Ozarks.', 'Tobin Ashgrove'],
    ['Cybersecurity leader Vantreo Systems today announced a managed service.', 'Vantreo Systems'],
    ['Celebrity chef Ines Calder opens a second restaurant in the harbor district.', 'Ines Calder'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('still needs the verb after the name', () => {
    expect(leadOrganization('Bestselling author Tobin Ashgrove, whose books sold well in the Ozarks.')).toBeNull();
  });
});

describe('leadOrganization: a board acting for the issuer after an opening clause, an irregular past verb', () => {
  it.each([
    [
      'At its meeting today, the Supervisory Board of K. Brenner AG laid the groundwork for a handover of management.',
      'K. Brenner AG',
    ],
    ['In 2024, the Halden Fund made three grants to rural clinics.', 'The Halden Fund'],
    ['Orvane Labs held a reception at the hospital on Wednesday.', 'Orvane Labs'],
    ['Kestrel Utilities, Inc. just began a gas main replacement project in the city.', 'Kestrel Utilities, Inc.'],
    ['Orvane Labs quietly began shipping its sensor to clinics.', 'Orvane Labs'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('reads the clause’s subject in the first sentence only', () => {
    expect(
      leadOrganization('In many towns, storms grew stronger this year. In May, the Halden Fund made three grants.'),
    ).toBeNull();
  });
});

describe('a leading The the headline does not write', () => {
  const release = (title: string, lead: string) =>
    parseReleaseStrict({
      content: `# ${title}\n\nMIAMI, FL, May 4, 2026 – ${lead}\n\nThe gift funds a ward for children.\n`,
    }).source;

  it('drops it when the headline writes the name bare or after a lower-case the', () => {
    expect(
      release('Corvale Foundation Pledges $500,000 to a Hospital', 'The Corvale Foundation held a gala on Friday.'),
    ).toBe('Corvale Foundation');
    expect(
      release(
        'Acme Investigated for Fraud - Contact the Pell Law Group',
        'The Pell Law Group announces an investigation.',
      ),
    ).toBe('Pell Law Group');
  });

  it('drops it when the headline writes the name bare after any lower-case word', () => {
    const lead = 'The Harlow Motor Museum opened a wing for a rare 1961 coupe on Friday.';
    expect(release('A Rare Coupe on Display at Harlow Motor Museum', lead)).toBe('Harlow Motor Museum');
    expect(release('Rare 1961 Coupe Restored by Harlow Motor Museum', lead)).toBe('Harlow Motor Museum');
    expect(release('Rare 1961 Coupe Restored by The Harlow Motor Museum', lead)).toBe('The Harlow Motor Museum');
  });

  it('keeps it when the headline or a sentence writes it with its capital', () => {
    expect(release('The Corvale Foundation Pledges $500,000', 'The Corvale Foundation held a gala on Friday.')).toBe(
      'The Corvale Foundation',
    );
    expect(
      release('Get ready as The Nevermore Haunt returns', 'The Nevermore Haunt announces its return this October.'),
    ).toBe('The Nevermore Haunt');
    expect(
      release(
        'Corvale Foundation Pledges $500,000',
        'The Corvale Foundation held a gala on Friday, and The Corvale Foundation thanked its donors.',
      ),
    ).toBe('The Corvale Foundation');
  });
});

describe('headlineOrganization: a plan’s to after a phrase, not a name', () => {
  it('reads no name from a phrase with a lower-case word before to', () => {
    expect(
      headlineOrganization(
        'Get ready to scream this fall as The Harrow House returns',
        'Get ready to face your fears as The Harrow House, a haunted attraction, announces its return.',
        [],
      ),
    ).toBeNull();
    expect(
      headlineOrganization(
        'Time for families to plan a garden',
        'Time for families to plan a garden, says a group.',
        [],
      ),
    ).toBeNull();
  });

  it('still reads a plan’s subject', () => {
    expect(
      headlineOrganization('Orvane Labs to Acquire Pell Sensors', 'Orvane Labs today agreed to buy Pell.', []),
    ).toBe('Orvane Labs');
    expect(
      headlineOrganization('Bank of Harrow to Open Two Branches', 'Bank of Harrow will open two branches in May.', []),
    ).toBe('Bank of Harrow');
  });
});

describe('an About heading with a tagline or address after a dash, run into its text', () => {
  const abouts = (about: string) =>
    parseReleaseStrict({
      content: [
        '# Quillon Robotics Unveils a Gripper',
        '',
        'SHANGHAI, CHINA - 19 July 2026 - Quillon Robotics today unveiled a gripper for warehouse robots.',
        '',
        'The gripper handles soft goods.',
        '',
        about,
        '',
      ].join('\n'),
    }).about.map((a) => a.organization);

  it.each([
    [
      'About QUILLON ROBOTICS – Giving robots steady "hands"QUILLON ROBOTICS is a robotics company based in Shanghai.',
      'QUILLON ROBOTICS',
    ],
    ['About K. Brenner - www.k-brenner.exampleK. Brenner is a maker of explosion-proof lamps.', 'K. Brenner'],
  ])('%s', (about, organization) => {
    expect(abouts(about)).toEqual([organization]);
  });

  it('needs the text to restart with the name', () => {
    expect(abouts('About Quillon Robotics – a gripper maker. It was founded in 2019.')).toEqual([]);
  });
});

describe('leadOrganization: a dated opening with its year and no comma after it', () => {
  it.each([
    ['On June 3, 2025 the Harbor Guild welcomed two hundred members to its gala.', 'Harbor Guild'],
    ['On March 14, 2024 Quillon Labs opened a second plant in Ohio.', 'Quillon Labs'],
    ['On Tuesday, October 7, 2025 the Marrow Valley Trust announced three grants.', 'Marrow Valley Trust'],
    ['On 12 May 2026 Tessaly Works launched a tool library.', 'Tessaly Works'],
    // (with its comma, as before)
    ['On June 3, 2025, the Harbor Guild welcomed two hundred members.', 'Harbor Guild'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('reads no year as a name', () => {
    expect(leadOrganization('On June 3, 2025 more than two hundred members came.')).toBeNull();
  });
});

describe('leadOrganization: an appositive between dashes, and an abbreviation’s full stop ending the name', () => {
  it.each([
    [
      'Today, the Guild of Harbor Pilots (GHP)—a national non-profit body of pilots—launched a safety site.',
      'Guild of Harbor Pilots',
    ],
    ['Quillon Labs – a maker of lab robots – today announced a new gripper.', 'Quillon Labs'],
    ['Tessaly Works -- the tool library of Leeds -- has opened a second branch.', 'Tessaly Works'],
    ['Marrow & Sons—founded in 1921—announced its sale to its staff.', 'Marrow & Sons'],
    // A name whose last word is an abbreviation: its full stop is no sentence's end when a lower-case word goes on.
    ['Harlow&Co. is thrilled to announce the opening of its new space.', 'Harlow&Co.'],
    ['Quillon Bros. today announced a second bakery.', 'Quillon Bros.'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('names no subject when no verb follows the dashes', () => {
    expect(leadOrganization('Quillon Labs — a maker of lab robots — with a new gripper.')).toBeNull();
  });
});

describe('the only About organization, when the page repeats its About section', () => {
  const release = (abouts: string[]) =>
    [
      '# READY FOR SPRING?',
      '',
      'NEW YORK, NY, May 2, 2026 /24-7PressRelease/ -- In a busy season, good plans matter. Gardens need care and time.',
      '',
      'The guide covers soil, seeds and tools.',
      '',
      ...abouts.flatMap((a) => [a, '']),
    ].join('\n');

  it.each([
    [['About Marrow Garden Coaching', 'Marrow Garden Coaching helps people plan gardens.']],
    [
      [
        'About Marrow Garden Coaching',
        'Marrow Garden Coaching helps people plan gardens.',
        'About Marrow Garden Coaching',
        'Marrow Garden Coaching helps people plan gardens.',
      ],
    ],
  ])('%j', (abouts) => {
    expect(parseReleaseStrict({ content: release(abouts) }).source).toBe('Marrow Garden Coaching');
  });

  it('takes none of two different About organizations', () => {
    const two = release([
      'About Marrow Garden Coaching',
      'Marrow Garden Coaching helps people plan gardens.',
      'About Tessaly Seeds',
      'Tessaly Seeds sells seeds.',
    ]);
    expect(parseReleaseStrict({ content: two }).source).toBeNull();
  });
});

describe('topicalLeadIssuer: a lead that opens on its topic, under a headline and an About naming the issuer', () => {
  const release = (title: string, lead: string, about: string) =>
    parseReleaseStrict({
      content: [
        `# ${title}`,
        '',
        lead,
        '',
        'Traders compare offers across coins before they commit funds.',
        '',
        `About ${about}`,
        '',
        `${about} is a platform for comparing crypto yields.`,
        '',
      ].join('\n'),
    }).source;

  it.each([
    [
      'Quillex Poised to Serve Traders as Ether Climbs to a New High',
      'Ether (ETH) has climbed to a record of $5,000 after a week of heavy buying. Quillex lists ETH plans.',
      'Quillex',
    ],
    [
      'Harbor Yield: Helping Savers Navigate a Volatile Market',
      'Litecoin has fallen by a fifth this month as traders moved to larger coins.',
      'Harbor Yield',
    ],
    [
      'Tessaly Exchange Positioned as the Leading Venue for the Marrow Chain',
      'Marrow, the high-speed blockchain network, is rapidly gaining traction among developers.',
      'Tessaly Exchange',
    ],
  ])('%s', (title, lead, issuer) => {
    expect(release(title, lead, issuer)).toBe(issuer);
  });

  it.each([
    // The lead's subject acts on what the headline opens with: it is the issuer.
    [
      'Harborlight.org Debuts as a Resource Hub for Parents',
      'Today, the Guild of Harbor Pilots—a national non-profit body—launched Harborlight.org, an online resource.',
      'Harborlight.org',
      'Guild of Harbor Pilots',
    ],
    // One organization written as its initials in the headline and About, in full in the lead.
    [
      'QEA Promotes Jane Roe to Partner',
      'Quillon Enterprise Associates, Inc. today announced the promotion of Jane Roe to partner.',
      'QEA',
      'Quillon Enterprise Associates, Inc.',
    ],
    // …or shortened.
    [
      'QuillonRe Appoints a Deputy Underwriter',
      'Quillon Reinsurance Company today announced the appointment of a deputy underwriter.',
      'QuillonRe',
      'Quillon Reinsurance Company',
    ],
    // An About on a person names no issuer.
    [
      'Dr. Jane Roe Shares Her Method in a New Book',
      'Marrow Times has published a new book by a coach. The book is out now.',
      'Dr. Jane Roe',
      'Marrow Times',
    ],
  ])('keeps the lead’s subject: %s', (title, lead, about, issuer) => {
    expect(release(title, lead, about)).toBe(issuer);
  });

  it.each([
    ['SOURCE: Litecoin Foundation', 'SOURCE'],
    ['Source: Litecoin Foundation', 'Source'],
  ])('never overrides the organization a %s line names', (line) => {
    const content = [
      '# Quillex Poised to Serve Traders as Litecoin Climbs',
      '',
      'Litecoin Foundation has seen its coin climb by a fifth this month.',
      '',
      'About Quillex',
      '',
      'Quillex is a platform for comparing crypto yields.',
      '',
      line,
      '',
    ].join('\n');
    const parsed = parseReleaseStrict({ content });
    expect(parsed.source).toBe('Litecoin Foundation');
    expect(Object.keys(parsed)).not.toContain('sourceDeclared');
  });
});

describe('headlineOrganization: the full name the lead defines the headline’s short name with', () => {
  it.each([
    [
      'QRA Leads Its Largest Delegation to the Harbor Fair',
      'Quillon Research Agency Limited (QRA), in collaboration with two universities, to form the largest delegation.',
      'Quillon Research Agency Limited',
    ],
    [
      'Tessaly Hosts a Summit on Tool Libraries',
      'Tessaly Works Corp. (“Tessaly”), together with three city councils, a summit on shared tools in Leeds.',
      'Tessaly Works Corp.',
    ],
    [
      'MVT Opens Grant Round for Rural Schools',
      'Marrow Valley Trust for Education (the “MVT”) with its partners: a grant round for rural schools.',
      'Marrow Valley Trust for Education',
    ],
  ])('%s', (title, lead, issuer) => {
    expect(headlineOrganization(title, lead, [])).toBe(issuer);
  });

  it.each(['Leads', 'Brings', 'Helps', 'Supports'])('reads `%s` as a headline verb', (verb) => {
    expect(
      headlineOrganization(
        `Quillon Labs ${verb} Farmers in Ohio`,
        'Quillon Labs and its partners: a season in Ohio.',
        [],
      ),
    ).toBe('Quillon Labs');
  });

  it('needs the parenthesis to define the headline’s name', () => {
    expect(
      headlineOrganization(
        'QRA Leads Its Largest Delegation to the Harbor Fair',
        'Harbor Fair Board (HFB), in collaboration with two universities, to form the largest delegation.',
        [],
      ),
    ).toBeNull();
  });
});

describe('fullerByHeadline: the name the headline opens with, as far as a sentence makes it a verb’s subject', () => {
  it.each([
    [
      'Harbor Equity',
      'Harbor Equity Partners Updates Coverage on Quillon Labs Inc. (NASDAQ: QLL) Q2 25',
      ['Quillon Labs Inc. (NASDAQ: QLL): Harbor Equity Partners updates its coverage on Quillon Labs.'],
      'Harbor Equity Partners',
    ],
    [
      'Tessaly',
      'Tessaly Research Group Publishes Its Annual Survey of Tool Libraries',
      ['The survey covers 300 libraries.', 'Tessaly Research Group has published the survey each year since 2019.'],
      'Tessaly Research Group',
    ],
  ])('%s', (name, title, paragraphs, expected) => {
    expect(fullerByHeadline(name, title, paragraphs)).toBe(expected);
  });

  it.each([
    // The words after the name are the headline's, not the name's, when no sentence writes them so.
    ['Harbor Equity', 'Harbor Equity Partners With Quillon Labs', ['Harbor Equity will work with Quillon Labs.']],
    // A lower-case word goes on in the sentence: no verb follows the fuller name.
    ['Tessaly', 'Tessaly Research Group Publishes a Survey', ['Tessaly Research Group survey results are out.']],
  ])('none: %s under %s', (name, title, paragraphs) => {
    expect(fullerByHeadline(name, title, paragraphs)).toBeNull();
  });

  it('spells the headline subject so through the parser', () => {
    const content = [
      '# Harbor Equity Partners Updates Coverage on Quillon Labs Inc. (NASDAQ: QLL) Q2 25',
      '',
      'Quillon Labs posted strong results in its second quarter. Harbor Equity Partners updates its coverage on Quillon Labs.',
      '',
      'About Harbor Equity',
      '',
      'Harbor Equity is an investment research firm.',
      '',
    ].join('\n');
    expect(parseReleaseStrict({ content }).source).toBe('Harbor Equity Partners');
  });
});

describe('leadOrganization: the initials in parentheses inside the name', () => {
  it.each([
    ['The Harbor Pilots (HP) Foundation today announced three grants.', 'The Harbor Pilots Foundation'],
    ['The Marrow Valley Trust (MVT) Fund is proud to announce a grant round.', 'The Marrow Valley Trust Fund'],
    ['Quillon Labs (QLG) Group has opened a plant in Ohio.', 'Quillon Labs Group'],
    // (a listing or other initials stay out of the name, as before)
    ['Quillon Labs (NASDAQ: QLL) today announced results.', 'Quillon Labs'],
  ])('%s', (lead, expected) => {
    expect(leadOrganization(lead)).toBe(expected);
  });

  it('needs the initials to be the name’s', () => {
    expect(leadOrganization('The Harbor Pilots (XYZ) Foundation today announced three grants.')).toBeNull();
  });
});

describe('ownDomainLabels and callToActionOrganization: the organization a closing invitation names, its address agreeing', () => {
  it('reads the registrable label of e-mails, links and written addresses, not a wire’s', () => {
    expect(
      ownDomainLabels(
        ['press@quillon-labs.com'],
        [
          { url: 'https://www.tessaly.co.uk/about', text: null },
          { url: 'https://www.prnewswire.com/news-releases/x.html', text: null },
        ],
        ['Visit marrowtrust.org or https://harbor.io/news for more.'],
      ),
    ).toEqual(['quillonlabs', 'tessaly', 'marrowtrust', 'harbor']);
  });

  it.each([
    [['The market grew.', 'Find out more about Quillex – quillex.com'], ['quillex'], 'Quillex'],
    [['Learn more about Tessaly Works at www.tessalyworks.com.'], ['tessalyworks'], 'Tessaly Works'],
    [['For more information about Marrow Trust, visit marrowtrusthq.org.'], ['marrowtrusthq'], 'Marrow Trust'],
  ])('%j', (paragraphs, domains, expected) => {
    expect(callToActionOrganization(paragraphs, domains)).toBe(expected);
  });

  it.each([
    // The address is another's: no evidence.
    [['Find out more about Quillex – harborinfo.com'], ['harborinfo']],
    // An invitation about a topic, not an organization.
    [['Learn more about flexible workspace at quillex.com.'], ['quillex']],
  ])('none: %j', (paragraphs, domains) => {
    expect(callToActionOrganization(paragraphs, domains)).toBeNull();
  });

  it('names the issuer of a story-style release with no other clue', () => {
    const content = [
      '# Former Hotel Manager Brings a Hospitality Model to Shared Offices',
      '',
      'The city has a new player in shared offices, and it is built on lessons from the hotel trade.',
      '',
      'Members get a concierge desk and quiet rooms.',
      '',
      'Find out more about Quillex – quillex.com',
      '',
    ].join('\n');
    expect(parseReleaseStrict({ content }).source).toBe('Quillex');
  });
});

/** A capital `The` opening the lead says nothing about whether the article is part of the name. */
describe('the article of a lead subject that opens a sentence', () => {
  const release = (lead: string, ...more: string[]) =>
    parseReleaseStrict({
      content: [
        '# Harbourside Festival Returns for Its Tenth Year',
        '',
        `PORTVILLE, June 3, 2026 /PRNewswire/ -- ${lead}`,
        '',
        ...more.flatMap((p) => [p, '']),
      ].join('\n'),
    }).source;

  it.each([
    // called by the initials of the name without the article
    ['The Portville Visitors Board will host the festival again.', 'PVB expects record crowds.'],
    ['The Society of Coastal Engineers will host the festival again.', 'Members of SCE will speak.'],
    ['The Lakeside Arts Council (LAC) will host the festival again.', 'Tickets are on sale now.'],
    // written with a lower-case article inside a sentence
    ['The Portville Visitors Board will host the festival again.', 'Tickets are sold by the Portville Visitors Board.'],
  ])('drops it when the text does: %s', (lead, more) => {
    expect(release(lead, more)).toBe(lead.replace(/^The (.*?)(?: \(\w+\))? will .*/, '$1'));
  });

  it.each([
    // nothing else in the text says whether the article belongs to the name
    ['The Portville Visitors Board will host the festival again.', 'Tickets are on sale now.'],
    // written with its capital inside a sentence, or in an About heading
    ['The Portville Visitors Board will host the festival again.', 'Tickets are sold by The Portville Visitors Board.'],
    [
      'The Portville Visitors Board will host the festival again. PVB expects record crowds.',
      'Founded in 1950, The Portville Visitors Board promotes the city.',
    ],
    [
      'The Portville Visitors Board will host the festival again.',
      'About The Portville Visitors Board',
      'It promotes the city.',
    ],
  ])('keeps it otherwise: %s / %s', (lead, ...more) => {
    expect(release(lead, ...more)).toBe('The Portville Visitors Board');
  });
});

describe('clauseOrganization: a name that is a list of names, split at its comma', () => {
  it.each([
    [
      'Roe, Doe & Poe Opens an Office in Tulsa',
      'The Dayton-based law firm Roe, Doe & Poe now has an office in Tulsa. Roe, Doe & Poe is proud of it.',
      'Roe, Doe & Poe',
    ],
    [
      'Attorney Joins Abel, Baker, Carter and Dunn',
      'Jane Roe has joined the firm. In Tulsa, Abel, Baker, Carter and Dunn announced her appointment today.',
      'Abel, Baker, Carter and Dunn',
    ],
  ])('takes the words before the comma when the headline writes the whole: %s', (title, lead, name) => {
    expect(clauseOrganization(title, [lead])).toBe(name);
  });

  it('leaves them when the headline writes only the part after the comma', () => {
    expect(
      clauseOrganization('Doe & Poe Opens an Office in Tulsa', [
        'The plan was made in Dayton, Doe & Poe now has an office in Tulsa.',
      ]),
    ).toBe('Doe & Poe');
  });
});

describe('a lead that opens with a common word written with a capital', () => {
  const release = (lead: string, more: string) =>
    parseReleaseStrict({
      content: [
        '# A Daily Walk May Help Some Patients Sleep',
        '',
        `DALLAS, June 3, 2026 /PRNewswire/ -- ${lead}`,
        '',
        more,
        '',
        'About Harbor Sleep Society',
        '',
        'Harbor Sleep Society funds research on sleep.',
        '',
      ].join('\n'),
    }).source;

  it.each([
    ['Adults treated for insomnia who walked daily slept longer, a study found.', 'Most adults walked 30 minutes.'],
    ['Smokers treated with a patch slept better, a study found.', 'The smokers kept sleep diaries.'],
    ['Runners trained on hills slept longer, a survey found.', 'Of the runners, 40% slept over eight hours.'],
  ])('takes no subject from it when the text writes it in lower case: %s', (lead, more) => {
    expect(release(lead, more)).toBe('Harbor Sleep Society');
  });

  it.each([
    ['Quillex launched a sleep tracker today.', 'Buyers can order it online.', 'Quillex'],
    ['Sleepwell.com launched a sleep tracker today.', 'Visit sleepwell.com to order.', 'Sleepwell.com'],
  ])('keeps a name the text never writes in lower case, or an address: %s', (lead, more, issuer) => {
    expect(release(lead, more)).toBe(issuer);
  });
});

describe('clauseOrganization: a clause whose subject acts as the headline’s does', () => {
  it.each([
    [
      'Quillex247 Redefines Uptime Monitoring With a Lifetime Plan',
      'In a busy economy, downtime costs businesses money. Quillex247 addresses this with one monitor.',
      'Quillex247',
    ],
    [
      'Harbor Ledger Simplifies Farm Bookkeeping',
      'Small farms lose hours to paperwork. Harbor Ledger tackles that with a phone app.',
      'Harbor Ledger',
    ],
  ])('%s', (title, lead, issuer) => {
    expect(clauseOrganization(title, [lead])).toBe(issuer);
  });

  it.each([
    // the headline opens with no verb after the name
    ['Quillex247: A Lifetime Plan for Uptime', 'Downtime costs money. Quillex247 addresses this with one monitor.'],
    // the clause's word after the name is no verb
    ['Harbor Ledger Simplifies Farm Bookkeeping', 'Farms lose hours. Harbor Ledger products are sold online.'],
    ['Harbor Ledger Simplifies Farm Bookkeeping', 'Farms lose hours. Harbor Ledger customers say it helps.'],
  ])('names none otherwise: %s', (title, lead) => {
    expect(clauseOrganization(title, [lead])).toBeNull();
  });
});

describe('widerInParagraphs: the full name a clause acts under, the headline leaving words out', () => {
  it.each([
    [
      'Harbor Market',
      'Order by Friday. Starting today, Harbor Italian Market & Bakery is offering a tray.',
      'Harbor Italian Market & Bakery',
    ],
    ['Quill Labs', 'Summer is near. Quill Robotics Labs launched a kit for schools.', 'Quill Robotics Labs'],
  ])('%s', (name, lead, full) => {
    expect(widerInParagraphs(name, [lead])).toBe(full);
  });

  it.each([
    // another first word, or the name's words out of order, or one word only
    ['Harbor Market', 'Order by Friday. Starting today, Old Harbor Market is offering a tray.'],
    ['Harbor Market', 'Order by Friday. Starting today, Market Harbor Foods is offering a tray.'],
    ['Harbor', 'Order by Friday. Starting today, Harbor Italian Market is offering a tray.'],
  ])('none: %s / %s', (name, lead) => {
    expect(widerInParagraphs(name, [lead])).toBeNull();
  });

  it('spells the headline’s issuer so through the parser', () => {
    const content = [
      '# Start the Year Sweetly With Harbor Market’s Holiday Special',
      '',
      'Happy new year! Taking orders from today, Harbor Italian Market & Bakery is offering a holiday tray.',
      '',
      'ABOUT HARBOR MARKET',
      '',
      'Harbor Market is a family bakery.',
      '',
    ].join('\n');
    expect(parseReleaseStrict({ content }).source).toBe('Harbor Italian Market & Bakery');
  });
});

describe('personLeadIssuer: a lead that opens with a person the next sentence goes on about', () => {
  const release = (title: string, lead: string, about: string | null) =>
    parseReleaseStrict({
      content: [
        `# ${title}`,
        '',
        `DAYTON, Ohio, March 3, 2025 -- ${lead}`,
        '',
        'The board has nine members, four of them elected by the staff.',
        '',
        ...(about ? [`About ${about}`, '', `${about} is a port operator with terminals in three cities.`, ''] : []),
      ].join('\n'),
    }).source;

  it.each([
    [
      'Changes to the Harbor Board',
      'Jane Roe is to become chair of the board of Harbor Terminals AG on 1 May. She succeeds John Doe, who retires.',
      'Harbor Terminals AG',
    ],
    [
      'New Finance Chief for Roe Freight',
      'John Doe has been named chief financial officer of Roe Freight. He joins from a shipping bank.',
      'Roe Freight',
    ],
    [
      'Quillmark Names a New Director',
      'Ann Lee joins the board of Quillmark Systems. Her term runs for three years.',
      'Quillmark Systems',
    ],
  ])('%s', (title, lead, issuer) => {
    expect(release(title, lead, issuer)).toBe(issuer);
  });

  it('keeps an organization the lead opens with, and a person with no About to give way to', () => {
    expect(
      release('Harbor Lane Capital Grows', 'Harbor Lane Capital has hired a chief. She starts in May.', 'Roe Freight'),
    ).toBe('Harbor Lane Capital');
    expect(release('A Chair for the Board', 'Jane Roe is to become chair. She succeeds John Doe.', null)).not.toBe(
      'Harbor Terminals AG',
    );
  });
});

describe('a distributor’s credit that writes the lead’s subject shorter names the issuer', () => {
  const release = (credit: string, lead: string) =>
    parseReleaseStrict({
      content: `# A Week of Kindness\n\n Dayton, United States - May 6, 2026 / ${credit} /\n\n ${lead}\n\nThe week runs from May 9 to May 15.\n`,
    }).source;

  it.each([
    ['Harbor Savings', 'Harbor Savings for Schools is proud to open a new account for teachers.'],
    ['Friends of DCH', 'Friends of Dayton Children’s Hospital (D.C.H.) is proud to mark the week.'],
    ['Roe Freight', 'Roe Freight Logistics Group, LLC has opened a depot in Ohio.'],
    // (the initials of the whole name, as the text abbreviates it)
    ['HSWT', 'The Harbor Society of Working Teachers (HSWT) is proud to open a new school.'],
    ['NRFA', 'Northern Rail Freight Alliance has opened a depot in Ohio.'],
  ])('/ %s /', (credit, lead) => {
    expect(release(credit, lead)).toBe(credit);
  });

  it('keeps the lead’s subject when the credit is another organization (an agency)', () => {
    expect(release('Quillmark PR', 'Harbor Savings for Schools is proud to open a new account.')).toBe(
      'Harbor Savings for Schools',
    );
  });

  it.each([
    ['Acme', 'Acme for Good', true],
    ['Friends of ASH', 'Friends of Austin State Hospital', true],
    ['Friends of A.S.H.', 'Friends of Austin State Hospital', true],
    ['The Acme Group', 'Acme Group of Dayton, Inc.', true],
    ['Acme Labs', 'Acme Robotics', false],
    ['Friends of ASH', 'Friends of the Arts', false],
    ['Acme Robotics', 'Acme', false],
    ['ACR', 'Acme Coastal Robotics', true],
    ['ACR', 'Acme Robotics', false],
    ['QPR', 'Acme Coastal Robotics', false],
    ['ACR Labs', 'Acme Coastal Robotics', false],
  ])('shorterSpelling(%s, %s) is %s', (short, long, expected) => {
    expect(shorterSpelling(short, long)).toBe(expected);
  });
});

describe('passiveAgentOrganization: an issuer the lead names only as a passive verb’s agent', () => {
  it.each([
    [
      'New Harbor Window Films Cut Glare',
      'A new era in window care has begun. Proudly introduced by Harbor Films,, this film promises less glare.',
      'Harbor Films',
    ],
    ['A Gala for the Coast', 'A gala hosted by the Roe Coastal Trust will raise funds for dunes.', 'Roe Coastal Trust'],
    [
      'Un Spectacle Pour Les Enfants',
      'Un spectacle présenté par Théâtre Quillon ouvre la saison. Il dure une heure.',
      'Théâtre Quillon',
    ],
    [
      'Una Feria de Empleo en Dayton',
      'Una feria de empleo organizada por Fundación Roe abre sus puertas el lunes.',
      'Fundación Roe',
    ],
  ])('%s', (title, lead, issuer) => {
    const later = `${issuer} thanks everyone who helped.`;
    expect(passiveAgentOrganization(title, [lead, later])).toBe(issuer);
  });

  it('names none when nothing else in the release writes the agent', () => {
    expect(
      passiveAgentOrganization('A Gala for the Coast', [
        'A gala hosted by Quillmark Events will raise funds for dunes.',
        'Tickets are on sale now.',
      ]),
    ).toBeNull();
  });

  it('is the issuer of a release that names no other', () => {
    const p = parseReleaseStrict({
      content:
        '# New Harbor Window Films Cut Glare\n\nDAYTON, Ohio, May 6, 2026 -- A new era in window care has begun. Proudly introduced by Harbor Films, this film promises less glare.\n\nThe film comes in three shades.\n',
    });
    expect(p.source).toBe('Harbor Films');
  });
});

describe('leadOrganization: a lead in French, Spanish, Portuguese or Italian after an opening phrase, with a verb of launching or presenting', () => {
  it.each([
    ['À l’occasion de la Journée mondiale du cœur, Acme Santé présente une vidéo sur la prévention.', 'Acme Santé'],
    ['Pour la rentrée, Roe Éditions lance une collection de livres pour enfants.', 'Roe Éditions'],
    ['Para celebrar su aniversario, Fundación Quillon presenta una muestra de pintura.', 'Fundación Quillon'],
    ['Con motivo del Día del Libro, Harbor Libros lanza una colección juvenil.', 'Harbor Libros'],
    ['Acme Saúde apresenta um vídeo sobre prevenção.', 'Acme Saúde'],
    ['Per la Giornata del libro, Roe Editore lancia una collana per ragazzi.', 'Roe Editore'],
  ])('%s', (lead, organization) => {
    expect(leadOrganization(lead)).toBe(organization);
  });
});

describe('a distributor’s credit naming a business over a lead that opens with a person', () => {
  const release = (credit: string, lead: string) =>
    parseReleaseStrict({
      content: `# Custom Work That Lasts\n\n Dayton, United States - May 6, 2026 / ${credit} /\n\n ${lead}\n\nOrders are taken by phone from Monday to Friday.\n`,
    }).source;

  it.each([
    [
      'Harbor Cabinet Works',
      'Tom Quill, a carpenter with 30 years of experience, has built kitchens. His shop is busy.',
    ],
    ['Roofing Pros of Dayton', 'Maria Delgado has led the crew since 2011 and now she adds solar roofs.'],
    ['Quill & Sons Plumbing', 'Dr. Ann Lee Roe, the owner, has opened a second branch. She hires locally.'],
  ])('/ %s /', (credit, lead) => {
    expect(release(credit, lead)).toBe(credit);
  });

  it('keeps the lead’s organization when the credit names another one (an agency)', () => {
    expect(release('Quillmark PR', 'Harbor Cabinet Works has built kitchens across Dayton since 1990.')).toBe(
      'Harbor Cabinet Works',
    );
  });

  it.each([
    ['Tom Quill', 'Tom Quill has built kitchens. His shop is busy.', true],
    ['Harbor Cabinet Works', 'Harbor Cabinet Works has built kitchens. Its shop is busy.', false],
  ])('personSubject(%s)', (subject, lead, person) => {
    expect(personSubject(subject, [lead])).toBe(person);
  });
});

describe('republishedBy: a republishing note names the organization that first published the release', () => {
  it.each([
    ['This announcement was originally published by Harbor Telecom. Read the original release.', 'Harbor Telecom'],
    ['This story was first published by the Quill Policy Institute on its website.', 'Quill Policy Institute'],
    ['Originally posted by Roe & Sons Freight, Inc. on May 2.', 'Roe & Sons Freight'],
  ])('%s', (note, org) => {
    expect(republishedBy(['The plan starts at $30 a month.', note])).toBe(org);
  });

  it('takes no wire, no venue and no lower-case agent', () => {
    expect(republishedBy(['This release was originally published by Business Wire.'])).toBeNull();
    expect(republishedBy(['This article was originally published on Harbor News.'])).toBeNull();
    expect(republishedBy(['The poem was first published by a small press in 1990.'])).toBeNull();
  });

  it('gives the source when nothing else in the text does', () => {
    const r = parseReleaseStrict({
      content:
        '# New Phones Arrive in Stores\n\nThe new phones are in stores from Friday, starting at $499.\n\nOrders open online on Tuesday.\n\nThis announcement was originally published by Harbor Telecom. Read the original release.\n',
    });
    expect(r.source).toBe('Harbor Telecom');
  });
});

describe('a headline’s name in title case, as the text writes it with capitals inside a word', () => {
  const source = (title: string, later: string) =>
    parseReleaseStrict({
      content: `# ${title}\n\nTen years ago, a free guide for travelers went online and grew by word of mouth.\n\n${later}\n`,
    }).source;

  it.each([
    [
      'Harborlane.com Marks 10 Years of Service',
      'About HarborLane.com HarborLane.com has two million readers.',
      'HarborLane.com',
    ],
    ['Quillpath Marks 10 Years of Service', 'About QuillPath\n\nQuillPath is a free travel guide.', 'QuillPath'],
  ])('%s', (title, later, name) => {
    expect(source(title, later)).toBe(name);
  });

  it('keeps the headline’s spelling when the text writes the name no other way', () => {
    expect(source('Quillpath Marks 10 Years of Service', 'About Quillpath\n\nQuillpath is a free travel guide.')).toBe(
      'Quillpath',
    );
  });
});

describe('withoutCategoryWord: a word for the kind of organization before the name the headline opens with', () => {
  it.each([
    ['NGO Harbor Relief Network', 'Harbor Relief Network Is Running a Study on Sleep', 'Harbor Relief Network'],
    ['Nonprofit Quill Works', 'Quill Works Opens a Second Shelter', 'Quill Works'],
    ['Startup Roe Robotics', 'The Roe Robotics Arm Ships in May', 'Roe Robotics'],
    ['Insurer Acme Mutual', 'Acme Mutual Names a New Chief Executive', 'Acme Mutual'],
  ])('%s', (subject, title, name) => {
    expect(withoutCategoryWord(subject, title)).toBe(name);
  });

  it.each([
    // the headline writes the word with the name: it is the name's own
    ['Nonprofit Finance Harbor', 'Nonprofit Finance Harbor Opens an Office'],
    // no word for a kind of organization: a headline may shorten a name
    ['Deutsche Harbor Bank', 'Harbor Bank Opens an Office'],
    // the headline opens with something else
    ['NGO Harbor Relief Network', 'A Study on Sleep Begins'],
  ])('keeps %s', (subject, title) => {
    expect(withoutCategoryWord(subject, title)).toBe(subject);
  });

  it('gives the source of a release whose lead puts the word first', () => {
    const r = parseReleaseStrict({
      content:
        '# Harbor Relief Network Is Running a Study on Sleep\n\nNGO Harbor Relief Network has begun the second round of its study on sleep.\n\nThe round ends in June.\n',
    });
    expect(r.source).toBe('Harbor Relief Network');
  });
});

describe('leadOrganization: a brand that opens with a lower-case word run into its capitals', () => {
  it.each([
    ['alphaRidge AI, the maker of threat data tools, today announces a new service.', 'alphaRidge AI'],
    ['quillStream has released a second edition of its planner.', 'quillStream'],
    ['harborWorks Labs, Inc. (OTC: HWLB) reported record sales.', 'harborWorks Labs, Inc.'],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });

  it('takes no lower-case word without a capital inside', () => {
    expect(leadOrganization('mostly sunny weather brought crowds to the fair.')).toBeNull();
  });
});
