import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { joinLines, makeBlock } from '../../../../lambdas/core/parser/blocks';
import { splitGlued } from '../../../../lambdas/core/parser/sections';

/** A short made-up text release: a dateline, one body paragraph, then `tail` as written. */
function release(tail: string, body = 'Acme Robotics, Inc. today announced a new warehouse robot.'): string {
  return `Acme Launches Robot\n\nAUSTIN, Texas, March 3, 2025 /PRNewswire/ -- ${body}\n\n${tail}\n`;
}

function parse(tail: string, body?: string) {
  return parseReleaseStrict({ content: release(tail, body) });
}

describe('About sections: the organization as the heading writes it', () => {
  it.each([
    ['About Acme Robotics, Inc.', 'Acme Robotics, Inc.'],
    ['About The Harbor Group', 'The Harbor Group'],
    ['ABOUT ACME ROBOTICS CORPORATION', 'ACME ROBOTICS CORPORATION'],
    ['About Acme Robotics LLC:', 'Acme Robotics LLC'],
    ['About Acme Robotics S.A.', 'Acme Robotics S.A.'],
    ['About Acme Robotics.', 'Acme Robotics'],
    ['About Acme Robotics Corp. (NYSE: ACR)', 'Acme Robotics Corp.'],
    ['About the Acme Foundation', 'Acme Foundation'],
    // a branch or location set after a dash is the name's
    ['About Acme Home Care – North Austin', 'Acme Home Care – North Austin'],
    ['About Bright Smiles Dental — Downtown', 'Bright Smiles Dental — Downtown'],
    // two legal forms may close the name
    ['About Harbor Trading Co., Ltd.', 'Harbor Trading Co., Ltd.'],
    ['About Roe-Doe & Co., Inc.', 'Roe-Doe & Co., Inc.'],
  ])('%s -> %s', (heading, organization) => {
    const p = parse(`${heading}\n\nAcme builds robots for warehouses.`);
    expect(p.about).toEqual([{ organization, text: 'Acme builds robots for warehouses.' }]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });
});

describe('an About heading with a dash', () => {
  it('takes no tagline after the dash for part of the name', () => {
    const p = parse('About Acme – the leading robot maker\n\nAcme builds robots for warehouses.');
    expect(p.about.map((a) => a.organization)).not.toContain('Acme – the leading robot maker');
  });
});

describe('an About the … heading run into the end of a paragraph', () => {
  it('starts its own About section', () => {
    const p = parse(
      'About Acme\n\nAcme makes robots. Learn more at www.acme.example.About the Robot Builders Alliance (RBA)The Robot Builders Alliance (RBA) is a coalition of makers.',
    );
    expect(p.about.map((a) => a.organization)).toEqual(['Acme', 'Robot Builders Alliance']);
  });

  it('starts its own About section glued onto a web address, its name written as an address', () => {
    const p = parse('About Acme\n\nAcme makes robots. Learn more at acme.example.comAbout Beta.netBeta rates robots.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme', 'Beta.net']);
    expect(p.about[1]?.text).toBe('Beta rates robots.');
    const q = parse(
      'About Acme\n\nAcme makes robots. Visit acme.example.com/robotsAbout Beta LabsBeta Labs rates robots.',
    );
    expect(q.about.map((a) => a.organization)).toEqual(['Acme', 'Beta Labs']);
  });

  it('leaves a sentence that opens with About the in its paragraph', () => {
    const p = parse('About Acme\n\nAcme makes robots. About the Company plans, little is known yet.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme']);
  });
});

describe('the SOURCE line', () => {
  it('names the organization without the name it was formerly known by', () => {
    expect(parse('SOURCE: Acme Robotics, Inc. f/k/a Beta Machines, Inc.').source).toBe('Acme Robotics, Inc.');
    expect(parse('Source: Acme Robotics (formerly Beta Machines)').source).toBe('Acme Robotics');
  });

  it('reads a Source line a flattened photo credit runs into', () => {
    const p = parse(
      'Photo courtesy of Stock Images Feature Wire Source: Beta Health Association',
      'Eating well is simpler than it looks.',
    );
    expect(p.source).toBe('Beta Health Association');
    expect(p.body.paragraphs).toEqual(['Eating well is simpler than it looks.']);
  });

  it.each([
    'Photos courtesy of Stock Images Feature Wire Source: Beta Health Association',
    'Images courtesy of Stock Images Source: Beta Health Association',
    'Pictures credit of Jane Roe Source: Beta Health Association',
  ])('reads a Source line run into a plural credit: %s', (credit) => {
    const p = parse(credit, 'Eating well is simpler than it looks.');
    expect(p.source).toBe('Beta Health Association');
    expect(p.body.paragraphs).toEqual(['Eating well is simpler than it looks.']);
  });

  it.each([
    ['Source: Beta Health Association Weekly Features', 'Beta Health Association'],
    ['Source: Gamma Orchard Growers Home Columns', 'Gamma Orchard Growers'],
    ['Source: Delta Grain Council Syndicate', 'Delta Grain Council'],
  ])('drops a syndicator credit run onto the Source line when the text writes the name: %s', (line, org) => {
    const body = `Tips from the ${org} help families plan meals for the week.`;
    expect(parse(line, body).source).toBe(org);
  });

  it.each([
    ['Source: Epsilon Fruit Growers Commission Family Columns', 'Epsilon Fruit Growers Commission'],
    ['Source: Zeta Soil Association Weekly Features', 'Zeta Soil Association'],
    ['Source: Eta Kidney Research Foundation Syndicate', 'Eta Kidney Research Foundation'],
  ])('drops a syndicator credit after a name ending with a kind of body the text never writes: %s', (line, org) => {
    expect(parse(line, 'Fresh fruit helps families plan meals for the week.').source).toBe(org);
  });

  it.each([
    // the text writes a shorter name, but the line's last word is the kind of body it is
    ['Source: Beta Health Foundation', 'Beta Health'],
    ['Source: Gamma Orchard Growers Inc', 'Gamma Orchard Growers'],
    // the text never writes a part of the line's name
    ['Source: Delta Grain Trading House', 'the growers'],
    // the text writes the whole line
    ['Source: Beta Health Weekly Features', 'Beta Health Weekly Features'],
    // a name ending with a place or a trade is not cut there
    ['Source: Bank of America Merrill Lynch', 'the bank'],
    ['Source: Theta Growers Media Weekly Features', 'the growers'],
  ])('keeps a Source line whole otherwise: %s', (line, named) => {
    const body = `Tips from ${named} help families plan meals for the week.`;
    expect(parse(line, body).source).toBe(line.slice('Source: '.length));
  });
});

describe('About headings of a domain registry', () => {
  it('takes a top-level domain written with its dot as the organization', () => {
    const p = parse('About .XYZ\n\n.XYZ is the domain for everyone.');
    expect(p.about).toEqual([{ organization: '.XYZ', text: '.XYZ is the domain for everyone.' }]);
  });
});

describe("About headings on the release's own subject", () => {
  it.each([
    'About the Survey',
    'About This Study',
    'About the Awards:',
    'ABOUT THE REPORT',
    // (the people behind it: founders, a team, a host)
    'About the Founders',
    'ABOUT THE TEAM',
    'About Our Co-Founder',
    'About the Host',
    // (or a named test, study or event the release is about, after `the`)
    'About the Quillon RX-9 Test',
    'About the Harbor Heart Study',
    'About the Tallow Valley Summit',
  ])('%s is an About section with no organization', (heading) => {
    const p = parse(
      `${heading}\n\nThe survey asked 500 warehouse managers.\n\nAbout Acme Robotics\n\nAcme builds robots.`,
    );
    expect(p.about).toEqual([
      { organization: null, text: 'The survey asked 500 warehouse managers.' },
      { organization: 'Acme Robotics', text: 'Acme builds robots.' },
    ]);
  });

  it('leaves the company About as the only organization, which then names the issuer', () => {
    const p = parseReleaseStrict({
      content:
        'Warehouse Managers Want Quieter Robots, Says New Survey\n\nA new survey of warehouse managers finds that noise is their first complaint about robots.\n\n' +
        'About the Survey\n\nThe survey asked 500 warehouse managers in May.\n\nAbout Quietline Robotics\n\nQuietline Robotics builds quiet robots.\n',
    });
    expect(p.source).toBe('Quietline Robotics');
  });

  it('still reads a named survey firm or foundation as an organization', () => {
    expect(parse('About the Acme Survey Group\n\nIt runs surveys.').about[0]?.organization).toBe('Acme Survey Group');
    expect(parse('About the Harbor Heart Foundation\n\nIt funds research.').about[0]?.organization).toBe(
      'Harbor Heart Foundation',
    );
    expect(parse('About Harbor Index\n\nHarbor Index is a data company.').about[0]?.organization).toBe('Harbor Index');
  });
});

describe('hard-wrapped copy: headings over two lines, lines left empty by markup', () => {
  const last = 'Acme Robotics, Inc. today announced a new warehouse robot.';

  it('ends the body at a forward-looking statements heading wrapped over two lines', () => {
    const p = parse(
      'THE FOLLOWING FORWARD-LOOKING STATEMENTS REFLECT ACME’S EXPECTATIONS AS OF\nTHE DATE HEREOF\n\nAcme expects its revenue to grow in the third quarter.',
    );
    expect(p.body.paragraphs).toEqual([last]);
  });

  it('reads a contact heading under a line of empty links as a contact heading', () => {
    const p = parseReleaseStrict({
      content:
        `# Acme Launches Robot\n\n${last}\n\nLearn more on https://acme.example/\n\n` +
        '[](https://cdn.example/image.jpg)\n[](https://acme.example) Contact Information:\n\nJane Roe\n\njane@acme.example\n',
    });
    expect(p.body.paragraphs).toEqual([last, 'Learn more on https://acme.example/']);
    expect(p.contacts.map((c) => c.email)).toContain('jane@acme.example');
  });

  // Flattened text wrapped at a fixed width: a heading glued to a sentence end inside a line.
  const wrapped = (lines: string[]) => `# Acme Launches Robot\n\n${lines.join('\n')}\n`;

  it('cuts a block at an About heading glued to a sentence end on an earlier line', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
        'lifts 40 kilograms and shortens the time to market for new',
        'stores.About Acme RoboticsAcme Robotics is a maker of warehouse',
        'robots based in Austin, Texas. It employs 900 people worldwide.',
      ]),
    });
    expect(p.body.paragraphs).toEqual([
      'Acme Robotics, Inc. today announced a new warehouse robot. The robot lifts 40 kilograms and shortens the time to market for new stores.',
    ]);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });

  it('cuts it where the wrap broke the heading after its first word', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
        'lifts 40 kilograms and shortens the time to market for new stores.About',
        'Acme RoboticsFounded in Austin, Texas, Acme Robotics makes warehouse',
        'robots for stores. It employs 900 people worldwide.',
      ]),
    });
    expect(p.body.paragraphs).toEqual([
      'Acme Robotics, Inc. today announced a new warehouse robot. The robot lifts 40 kilograms and shortens the time to market for new stores.',
    ]);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });

  it('cuts it where the wrap joined the heading to the sentence by one space: in capitals, after an address, with a colon', () => {
    const first = 'Acme Robotics, Inc. today announced a new warehouse robot. The robot';
    const cases: [string, string, string, string][] = [
      [
        'lifts 40 kilograms and ships in May. ABOUT ACME ROBOTICS Acme Robotics',
        'is a maker of warehouse robots based in Austin, Texas.',
        'lifts 40 kilograms and ships in May.',
        'ACME ROBOTICS',
      ],
      [
        'lifts 40 kilograms. Learn more at https://acme.example/robots/ About',
        'Acme Robotics Acme Robotics is a maker of robots based in Austin.',
        'lifts 40 kilograms. Learn more at https://acme.example/robots/',
        'Acme Robotics',
      ],
      [
        'lifts 40 kilograms. Tickets: acme.example About: Acme Robotics is a',
        'maker of warehouse robots based in Austin, Texas.',
        'lifts 40 kilograms. Tickets: acme.example',
        'Acme Robotics',
      ],
      [
        'lifts 40 kilograms and ships in May. About Acme Acme®, the maker of',
        'warehouse robots, is based in Austin, Texas.',
        'lifts 40 kilograms and ships in May.',
        'Acme',
      ],
    ];
    for (const [second, third, bodyEnd, org] of cases) {
      const p = parseReleaseStrict({ content: wrapped([first, second, third]) });
      expect(p.body.paragraphs).toEqual([`${first} ${bodyEnd}`]);
      expect(p.about.map((a) => a.organization)).toEqual([org]);
    }
  });

  it('leaves a sentence about something after an address in the paragraph', () => {
    const lines = [
      'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
      'lifts 40 kilograms. Details are at acme.example About Town Magazine',
      'called it the best robot of the year in its spring issue.',
    ];
    const p = parseReleaseStrict({ content: wrapped(lines) });
    expect(p.body.paragraphs).toEqual([lines.join(' ')]);
  });

  it('takes an About heading hard-wrapped over two lines as the heading it is on one line', () => {
    const heading = 'About the Northwind Institute for Water Studies at Dayton State College';
    const text = 'The institute is a research center on water filters based in Dayton, Ohio.';
    const wrappedHeading = 'About the Northwind Institute for Water Studies at Dayton\nState College';
    const one = parse(`The plant employs 40 people.\n\n${heading}\n\n${text}`);
    const two = parse(`The plant employs 40 people.\n\n${wrappedHeading}\n\n${text}`);
    expect(two.body.paragraphs).toEqual(one.body.paragraphs);
    expect(two.body.text).not.toContain('institute is');
    expect(two.about.map((a) => a.organization)).toEqual(one.about.map((a) => a.organization));
    expect(two.about).toHaveLength(1);
  });

  it('takes an About heading glued to a sentence end and wrapped onto the next line as the heading', () => {
    const p = parse(
      'Free research reports on water filters can be\ndownloaded at northwind.example/research.About Northwind and the Water\nResearch Institute\n\n' +
        'The Water Research Institute studies water filters for homes and plants in Dayton, Ohio.',
    );
    expect(p.body.text.endsWith('downloaded at northwind.example/research.')).toBe(true);
    expect(p.about.map((a) => a.organization)).toEqual(['Northwind and the Water Research Institute']);
  });

  it("leaves two short lines of a sentence that opens with About the text's", () => {
    const p = parse('The plant employs 40 people.\n\nAbout 200 guests from Dayton\ncame to see the new plant');
    expect(p.body.text).toContain('came to see the new plant');
  });

  it("leaves two wrapped lines of a sentence that opens with About the text's", () => {
    const lines = 'About 200 engineers from the Northwind Institute for Water Studies came to\nsee the new plant.';
    const p = parse(`The plant employs 40 people.\n\n${lines}`);
    expect(p.body.text).toContain('see the new plant.');
  });

  it('cuts before an About line under a hard-wrapped paragraph whose last line ends in a bracket', () => {
    const p = parse(
      'The offering is expected to close on May 9, 2025. Copies of the prospectus\n' +
        'may be obtained from Beta Securities at [email protected]\n' +
        'About Northwind Filters, Inc.\nNorthwind Filters, Inc. makes water filters in Dayton, Ohio.',
    );
    expect(p.body.text.endsWith('from Beta Securities at [email protected]')).toBe(true);
    expect(p.about.map((a) => a.organization)).toEqual(['Northwind Filters, Inc.']);
  });

  it('cuts a no-advice notice run into the end of the last paragraph', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
        'lifts 40 kilograms and will ship to stores in May. The Acme Legal',
        'Desk has written this article to provide information of general',
        'interest. It is not intended as legal advice for any reader.',
      ]),
    });
    expect(p.body.paragraphs).toEqual([
      'Acme Robotics, Inc. today announced a new warehouse robot. The robot lifts 40 kilograms and will ship to stores in May.',
    ]);
  });

  it('keeps a last paragraph that only speaks of advice', () => {
    const text = [
      'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
      'lifts 40 kilograms and will ship to stores in May. Store owners can',
      'ask Acme for advice on where to put it.',
    ];
    expect(parseReleaseStrict({ content: wrapped(text) }).body.paragraphs).toEqual([text.join(' ')]);
  });

  it('keeps a sentence opening with About inside a wrapped paragraph', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. About 200',
        'people saw the robot at its launch. Deliveries start in May.',
      ]),
    });
    expect(p.body.paragraphs).toEqual([
      'Acme Robotics, Inc. today announced a new warehouse robot. About 200 people saw the robot at its launch. Deliveries start in May.',
    ]);
  });

  it('ends the heading where a wrapped line glued the text on (the link made the line look short)', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
        'lifts 40 kilograms and will ship to stores in May.',
        '',
        'About [Acme Robotics](https://acme.example/?utm_source=wire)Acme',
        'Robotics is a maker of warehouse robots based in Austin, Texas, with',
        'offices in Denver and Boise. It employs 900 people worldwide.',
      ]),
    });
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });

  it('keeps a short heading line whose last word is the name alone', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
        'lifts 40 kilograms and will ship to stores in May.',
        '',
        'About Acme Robotics',
        'Acme Robotics is a maker of warehouse robots based in Austin, Texas,',
        'with offices in Denver and Boise. It employs 900 people worldwide.',
      ]),
    });
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });

  it('reads the part cut off an earlier line on with the line under it, not as a short heading line', () => {
    const p = parseReleaseStrict({
      content: wrapped([
        'Acme Robotics, Inc. today announced a new warehouse robot. The robot',
        'lifts 40 kilograms and will ship to stores in May.About Acme',
        'Robotics Acme Robotics is a maker of warehouse robots based in',
        'Austin, Texas. It employs 900 people worldwide.',
      ]),
    });
    expect(p.body.paragraphs).toEqual([
      'Acme Robotics, Inc. today announced a new warehouse robot. The robot lifts 40 kilograms and will ship to stores in May.',
    ]);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });

  it("ends the body at a wire's View the original release line", () => {
    const p = parse('View the original release on www.newmediawire.example');
    expect(p.body.paragraphs).toEqual([last]);
  });
});

describe('About headings glued to their text', () => {
  it.each([
    [
      'About Acme Robotics Acme is a maker of warehouse robots.',
      'Acme Robotics',
      'Acme is a maker of warehouse robots.',
    ],
    [
      'About Northern Acme Robotics Acme Robotics, based in Austin, makes robots.',
      'Northern Acme Robotics',
      'Acme Robotics, based in Austin, makes robots.',
    ],
    [
      'ABOUT ACME ROBOTICS CORPORATION Acme Robotics Corporation (NYSE: ACR) makes robots.',
      'ACME ROBOTICS CORPORATION',
      'Acme Robotics Corporation (NYSE: ACR) makes robots.',
    ],
    ['About AcmeBotAcmeBot is a maker of robots.', 'AcmeBot', 'AcmeBot is a maker of robots.'],
    ['About The Acme CompanyThe Acme Company makes robots.', 'The Acme Company', 'The Acme Company makes robots.'],
    ['About Acme Robotics, LLCAcme makes robots.', 'Acme Robotics, LLC', 'Acme makes robots.'],
    ['ABOUT ACME ROBOTICS:Acme Robotics makes robots.', 'ACME ROBOTICS', 'Acme Robotics makes robots.'],
    [
      'About Acme Robotics (Stock Code: 0123.HK)Acme Robotics makes robots.',
      'Acme Robotics',
      'Acme Robotics makes robots.',
    ],
    // an exchange and its symbol with no space after the colon is not where the text starts
    ['About Acme Robotics AG (SIX:ACR) Acme Robotics makes robots.', 'Acme Robotics AG', 'Acme Robotics makes robots.'],
    ['About Acme Robotics AG (NYSE:ACR)Acme makes robots.', 'Acme Robotics AG', 'Acme makes robots.'],
    [
      'About Acme Robotics of Texas (ART) Founded in 1990, ART makes robots.',
      'Acme Robotics of Texas',
      'Founded in 1990, ART makes robots.',
    ],
    ['About Acme RoboticsFounded in 1990, Acme makes robots.', 'Acme Robotics', 'Founded in 1990, Acme makes robots.'],
    ['About Inc.Inc. is a business magazine.', 'Inc.', 'Inc. is a business magazine.'],
    [
      'About Northern Acme WorksAcme Works was founded in 1901.',
      'Northern Acme Works',
      'Acme Works was founded in 1901.',
    ],
    [
      'About ACMAThe Acme Contractors Association (ACMA) represents builders.',
      'ACMA',
      'The Acme Contractors Association (ACMA) represents builders.',
    ],
    // a name in mixed case ending in capitals, glued to its text: before a sentence opener, or before the
    // name written out that the text then glosses with it in parentheses
    ['About ZetaXHeadquartered in Ohio, ZetaX makes robots.', 'ZetaX', 'Headquartered in Ohio, ZetaX makes robots.'],
    ['About RoboQAFounded in 1990, RoboQA tests robots.', 'RoboQA', 'Founded in 1990, RoboQA tests robots.'],
    [
      'About NovaIDNova Identity Labs, Inc. (NovaID) makes ID robots.',
      'NovaID',
      'Nova Identity Labs, Inc. (NovaID) makes ID robots.',
    ],
  ])('%s', (paragraph, organization, text) => {
    const p = parse(paragraph);
    expect(p.about).toEqual([{ organization, text }]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });

  it('leaves prose that opens with About in the body', () => {
    const p = parse('About 200 Acme employees will move to the new plant in May.');
    expect(p.about).toEqual([]);
    expect(p.body.paragraphs).toHaveLength(2);
  });
});

describe('where the body ends: portal trailers and captions', () => {
  const last = 'Acme Robotics, Inc. today announced a new warehouse robot.';

  it('stops at a portal credit line (The post … appeared first on …, This article has been amplified by …)', () => {
    for (const trailer of [
      'The post Acme Launches Robot appeared first on Example Business News.',
      'This article has been amplified by Example Wire in collaboration with Example Studio.',
    ]) {
      const p = parse(`${trailer}\n\nMore stories from the portal are listed on its front page.`);
      expect(p.body.paragraphs).toEqual([last]);
    }
  });

  it('leaves out a portal link list under a thematic break or opened by its label', () => {
    const list =
      '[Original/Source Press Release](https://portal.example/a/1)\n\n[Reddit Post](https://reddit.example/r/1)\n\n![Blockchain Registration](https://cdn.example/qr.webp)';
    expect(parse(`---\n\n${list}`).body.paragraphs).toEqual([last]);
    expect(parse(list).body.paragraphs).toEqual([last]);
  });

  it('leaves out a link list under a thematic break whose first link kept its markdown (a relative target)', () => {
    for (const first of [
      '[Original/Source Press Release](acme-launches-robot)',
      '[Read the story](news/item-17.html)',
    ]) {
      const list = `${first}\n\n[Portal TLDR](https://portal.example/t/1)\n\n[Reddit Post](https://reddit.example/r/1)`;
      expect(parse(`---\n\n${list}`).body.paragraphs).toEqual([last]);
    }
  });

  it('stops at a portal link list label whose links were lost (Original/Source Press Release)', () => {
    const p = parse('Original/Source Press Release\n\nNewsramp.com TLDR\n\nReddit Post');
    expect(p.body.paragraphs).toEqual([last]);
  });

  it('keeps a closing paragraph that ends with a link, and a last link line with no portal label', () => {
    const p = parse(
      'To learn more, visit [acme.example](https://acme.example).\n\n[Acme careers](https://acme.example/jobs)',
    );
    expect(p.body.paragraphs).toEqual([last, 'To learn more, visit acme.example.', 'Acme careers']);
  });

  it('leaves out captions and image lines between and after paragraphs', () => {
    const p = parse(
      'Photo: The new robot at the Austin warehouse.\n\nThe robot ships in May.\n\nFigure 1\n\nClick image above to view full announcement.\n\n![Acme logo](https://acme.example/logo.png)',
    );
    expect(p.body.paragraphs).toEqual([last, 'The robot ships in May.']);
  });

  it('keeps a paragraph that only starts like a caption word', () => {
    const p = parse('Images from the launch event show the robot lifting 500 kilograms of parcels.');
    expect(p.body.paragraphs).toEqual([
      last,
      'Images from the launch event show the robot lifting 500 kilograms of parcels.',
    ]);
  });
});

describe('where the body ends: forward-looking statements and disclaimers without a heading', () => {
  const last = 'Acme Robotics, Inc. today announced a new warehouse robot.';

  it.each([
    'This press release contains forward-looking statements within the meaning of the securities laws.',
    'This announcement may include statements that are forward-looking in nature.',
    'Statements in this release that are not historical facts are forward-looking statements.',
    'Statements in this news release that are not statements of historical fact may involve risks.',
    'All statements other than statements of historical fact are forward-looking statements.',
    'Except for historical information contained herein, the matters set forth are forward-looking.',
    'Forward-looking statements in this release include the timing of deliveries.',
    'THE FOLLOWING FORWARD-LOOKING STATEMENTS REFLECT ACME’S EXPECTATIONS AS OF THE DATE HEREOF',
    'Attorney Advertising. Acme Law LLP has offices in New York.',
    'This press release may be considered Attorney Advertising in some jurisdictions.',
    'Prior results do not guarantee a similar outcome.',
  ])('%s', (paragraph) => {
    const p = parse(`${paragraph}\n\nAcme expects the robot to ship in May.`);
    expect(p.body.paragraphs).toEqual([last]);
  });

  it('keeps body paragraphs that merely talk about the future or about statements', () => {
    const p = parse(
      'Statements from customers praised the robot.\n\nThe company looks forward to shipping the robot in May.',
    );
    expect(p.body.paragraphs).toEqual([
      last,
      'Statements from customers praised the robot.',
      'The company looks forward to shipping the robot in May.',
    ]);
  });
});

describe('text with one paragraph a line and no blank lines', () => {
  it('cuts the block where a disclaimer, forward-looking statements or an About heading start a line', () => {
    const content = [
      'Acme Prices Offering',
      '',
      'AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. today priced its offering of 1,000,000 shares.',
      '',
      'Copies of the prospectus supplement and the accompanying base prospectus can be obtained from the underwriter at its New York office or by email at [email protected]',
      'This press release shall not constitute an offer to sell or the solicitation of an offer to buy these securities.',
      'This press release contains forward-looking statements about the offering.',
      'About Acme Robotics, Inc.',
      'Acme Robotics, Inc. builds robots for warehouses.',
    ].join('\n');
    const p = parseReleaseStrict({ content });
    expect(p.body.text.endsWith('by email at [email protected]')).toBe(true);
    expect(p.about).toEqual([
      { organization: 'Acme Robotics, Inc.', text: 'Acme Robotics, Inc. builds robots for warehouses.' },
    ]);
  });

  it('does not cut a hard-wrapped paragraph at a line that only starts like About', () => {
    const content = [
      'Acme Opens Plant',
      '',
      'AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. today opened a plant.',
      'The plant employs 300 people.',
      'About 200 Acme employees moved from the old plant.',
    ].join('\n');
    const p = parseReleaseStrict({ content });
    expect(p.about).toEqual([]);
    expect(p.body.text.endsWith('moved from the old plant.')).toBe(true);
  });
});

describe('About headings the next paragraph confirms, and product paragraphs inside About', () => {
  const last = 'Acme Robotics, Inc. today announced a new warehouse robot.';

  it('takes a lower-case name when the next paragraph opens with it', () => {
    const p = parse('About acme & co\n\nAcme & co is a design studio.');
    expect(p.about).toEqual([{ organization: 'acme & co', text: 'Acme & co is a design studio.' }]);
    expect(p.body.paragraphs).toEqual([last]);
  });

  it('takes a name heading with no About once the body has begun, when the next paragraph describes it', () => {
    const body = `${last}\n\nThe robot ships in May.\n\nDeliveries start in Texas.`;
    const p = parse(
      'Acme Robotics\n\nAcme Robotics (NYSE: ACR), a maker of robots, is based in Austin.\n\nHarbor Group\n\nHarbor Group Holdings is a logistics company.',
      body,
    );
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics', 'Harbor Group']);
    expect(p.body.paragraphs).toEqual([last, 'The robot ships in May.', 'Deliveries start in Texas.']);
  });

  it('takes a name heading with its tagline after a colon, over a paragraph that says `At Name, we`', () => {
    const body = `${last}\n\nThe robot ships in May.\n\nDeliveries start in Texas.`;
    for (const [organization, tagline, text] of [
      ['Acme Robotics', 'WE MOVE WHAT MATTERS®', 'At Acme Robotics (NYSE: ACR), we build robots for warehouses.'],
      ['Harbor Group', 'Built for the Long Haul', 'At Harbor Group, our trucks move parcels in 12 countries.'],
    ] as const) {
      const p = parse(`${organization}: ${tagline}\n\n${text}`, body);
      expect(p.about.map((a) => a.organization)).toEqual([organization]);
      expect(p.body.paragraphs).toEqual([last, 'The robot ships in May.', 'Deliveries start in Texas.']);
    }
  });

  it('leaves a name and a title in the body over a paragraph on it that is not the issuer speaking as `we`', () => {
    const body = `${last}\n\nThe robot ships in May.`;
    for (const tail of [
      'Acme Robotics: New Plant Opens\n\nAt Acme Robotics the work goes on around the clock.',
      'Acme Vault: Storage for Every Team\n\nAcme Vault is a storage service for teams of any size.',
    ]) {
      const p = parse(tail, body);
      expect(p.about).toEqual([]);
      expect(p.body.paragraphs).toHaveLength(4);
    }
  });

  it('leaves a named award or event heading in the body, though the next paragraph describes it', () => {
    const body = `${last}\n\nThe robot ships in May.\n\nDeliveries start in Texas.`;
    const p = parse(
      'The Harbor Safety Awards\n\nThe Harbor Safety Awards is one of the oldest safety schemes in the region.',
      body,
    );
    expect(p.about).toEqual([]);
    expect(p.body.paragraphs).toContain('The Harbor Safety Awards');
  });

  it('takes a name heading whose next paragraph says what the organization does', () => {
    const body = `${last}\n\nThe robot ships in May.`;
    const p = parse('Acme Robotics Partners\n\nAcme Robotics Partners operates robot fleets in 12 countries.', body);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics Partners']);
    expect(p.body.paragraphs).toEqual([last, 'The robot ships in May.']);
  });

  it('leaves a sub-heading in the body when the paragraph under it does not describe the name', () => {
    const body = `${last}\n\nThe robot ships in May.`;
    const p = parse('Acme Robotics\n\nAcme Robotics will open a second plant in June.', body);
    expect(p.about).toEqual([]);
    expect(p.body.paragraphs).toHaveLength(4);
  });

  it('keeps a product paragraph (About IFB-088) inside the About section it stands in', () => {
    const p = parse(
      'About Acme Robotics\n\nAcme Robotics builds robots.\n\nAbout AR-200 (the lifter)\n\nAR-200 lifts parcels.',
    );
    expect(p.about).toEqual([
      {
        organization: 'Acme Robotics',
        text: 'Acme Robotics builds robots.\n\nAbout AR-200 (the lifter)\n\nAR-200 lifts parcels.',
      },
    ]);
  });

  it('gives a product About with no company About open no organization, and ends the body there', () => {
    const p = parse('About AR-200\n\nAR-200 lifts parcels.');
    expect(p.about).toEqual([{ organization: null, text: 'AR-200 lifts parcels.' }]);
    expect(p.body.paragraphs).toEqual([last]);
  });

  it('ends a glued heading before a capitalised participle that opens a sentence', () => {
    const p = parse('About Acme Putting customers first since 1990, Acme builds robots.');
    expect(p.about).toEqual([
      { organization: 'Acme', text: 'Putting customers first since 1990, Acme builds robots.' },
    ]);
    const q = parse('About Acme Trading Group Acme Trading Group is a broker.');
    expect(q.about.map((a) => a.organization)).toEqual(['Acme Trading Group']);
  });

  it('ends a glued heading before a hyphenated participle that opens a sentence', () => {
    const p = parse('About Acme Studio, LLC Co-headquartered in Austin and Miami, Acme makes films.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Studio, LLC']);
  });

  it('ends a glued heading before a preposition and a year that open a sentence', () => {
    const p = parse('About Acme Fine Goods In 1964, Jane Roe opened the first Acme store.');
    expect(p.about).toEqual([
      { organization: 'Acme Fine Goods', text: 'In 1964, Jane Roe opened the first Acme store.' },
    ]);
    const q = parse('About Made In America Acme Made In America Acme makes robots.');
    expect(q.about.map((a) => a.organization)).toEqual(['Made In America Acme']);
  });
});

describe('a run-in About heading closed by an abbreviated legal form', () => {
  it.each([
    ['About Acme Partners, LLC Through a careful approach, Acme serves clients.', 'Acme Partners, LLC'],
    ['About Harbor Robotics GmbH Engineers in Bremen design every Harbor robot.', 'Harbor Robotics GmbH'],
    ['About Roe Holdings, Inc. Guided by its founders, Roe Holdings builds homes.', 'Roe Holdings, Inc.'],
    ['About Delta Trading Ltd. Delivering parts since 1990, Delta serves Asia.', 'Delta Trading Ltd.'],
    ['About Northwind S.A. Patients across Brazil rely on Northwind clinics.', 'Northwind S.A.'],
  ])('%s', (text, organization) => {
    const p = parse(text);
    expect(p.about).toEqual([{ organization, text: text.slice(`About ${organization} `.length) }]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });

  it('does not end the name at a legal form that another legal form follows, nor at Co.', () => {
    const p = parse('About Harbor Trading Co., Ltd. Harbor Trading ships grain.');
    expect(p.about.map((a) => a.organization)).toEqual(['Harbor Trading Co., Ltd.']);
  });
});

describe('a run-in About heading after a word with no mark before it', () => {
  const text = 'Acme Music Since 1988, Acme Music has brought the city together to hear orchestral music.';
  it.each([
    ['a price list, hard-wrapped at About', `Tier A: $500 Tier B: $340 General Tier: $260 About\n${text}`],
    ['a price list, flattened', `Tier A: $500 Tier B: $340 General Tier: $260 About ${text}`],
    ['a table row, wrapped inside the name', `Evening 7 pm Matinee 2 pm About Acme\n${text.slice(5)}`],
    ['a percentage, About the', `Renewals rose 12% About the ${text}`],
  ])('ends the body: %s', (_, tail) => {
    const p = parse(tail);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Music']);
    expect(p.body.paragraphs.at(-1)).not.toMatch(/Acme Music has/);
  });

  it.each([
    'The post Ten Ways to Learn About Garden Living appeared first on Acme News.',
    'Our guide for Spring Gardening About Raised Beds Building them takes a day.',
    'Everything You Need to Know About Acme Robotics and its new warehouse robots.',
  ])('is text when the words after it never name the heading again: %s', (line) => {
    expect(splitGlued([makeBlock([line])]).map((b) => b.lines)).toEqual([[line]]);
    const wrapped = line.replace(/ About /, ' About\n').split('\n');
    expect(splitGlued([makeBlock(wrapped)]).map((b) => b.lines)).toEqual([wrapped]);
  });
});

describe('one-line addresses closing the body with no heading', () => {
  const quote = '“We are proud of the team,” said Jane Roe, Director of Acme Robotics.';
  it.each([
    [
      'regional desks',
      'North: Ann Poe at +1 (555) 010 2000 / poe@acme.example\n\nSouth: Bo Lin at +44 20 7946 0000 / lin@acme.example',
      ['poe@acme.example', 'lin@acme.example'],
    ],
    ['one person, e-mail only', 'Press office – Carl Diaz, diaz@acme.example', ['diaz@acme.example']],
    [
      'three desks, label and address',
      'Investors: ir@acme.example\n\nMedia: media@acme.example\n\nPartners: Dana Wu | wu@acme.example',
      ['ir@acme.example', 'media@acme.example', 'wu@acme.example'],
    ],
  ])('are contacts, not body: %s', (_, tail, emails) => {
    const p = parse(tail, quote);
    expect(p.body.paragraphs.at(-1)).toBe(quote);
    expect(p.contacts.map((c) => c.email)).toEqual(expect.arrayContaining(emails));
  });

  it.each([
    ['a call to action', 'Write to the team at hello@acme.example'],
    ['a sentence', 'Questions may be sent to hello@acme.example.'],
    ['lines a colon introduces', 'Conference call details:\n\nDial-in: +1 555 010 2000 / events@acme.example'],
  ])('stay body: %s', (_, tail) => {
    const p = parse(tail, quote);
    expect(p.body.paragraphs.at(-1)).toBe(tail.split('\n\n').at(-1));
  });
});

describe('a run-in About heading closed by a trademark sign', () => {
  it.each([
    ['About Acmeros® Jane Roe opened the first Acmeros in 2007 in Atlanta.', 'Acmeros'],
    ['About Brightlane™ Families across Ohio use Brightlane to plan their meals.', 'Brightlane'],
    ['About Harbor Fresh® Guests build bowls at every Harbor Fresh kitchen.', 'Harbor Fresh'],
  ])('%s', (text, organization) => {
    const p = parse(text);
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });

  it('does not end the name at a sign the name goes on after', () => {
    const p = parse('About Acme® Robotics Founded in 1990, Acme Robotics makes warehouse robots.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });
});

describe('an About heading of a lower-case brand glued to both ends', () => {
  it('cuts the body before it and takes the name written twice apart', () => {
    const p = parse(
      'Revenue rose by a third.About zentozento GmbH builds ledgers for banks and has offices in three countries.',
    );
    expect(p.body.paragraphs.at(-1)).toBe('Revenue rose by a third.');
    expect(p.about.map((a) => a.organization)).toEqual(['zento']);
  });

  it('also with a space between the name and its text restarting with it, as flattened copy runs them', () => {
    for (const section of [
      'About zento zento GmbH builds ledgers for banks and has offices in three countries.',
      'About zento zento is a maker of ledgers for banks with offices in three countries.',
    ]) {
      const p = parse(`Revenue rose by a third.\n\n${section}`);
      expect(p.body.paragraphs.at(-1)).toBe('Revenue rose by a third.');
      expect(p.about.map((a) => a.organization)).toEqual(['zento']);
      expect(p.about[0]?.text).toMatch(/^zento (?:GmbH|is)/);
    }
  });

  it('leaves prose with a lower-case word after About in the body', () => {
    const p = parse('Revenue rose by a third.About twenty people joined the team this year and more will follow.');
    expect(p.about).toEqual([]);
    expect(p.body.paragraphs.at(-1)).toContain('About twenty people joined');
  });
});

describe('an About heading of a brand written in lower case, glued to the end of the last paragraph', () => {
  it.each([
    ['“We are glad to work with zentopay.io,” said Jane Roe.About zentopay.io:', 'zentopay.io'],
    ['Revenue rose by a third.About alphaRiver AI', 'alphaRiver AI'],
    ['The robots ship in May!About blue-harbor.fyi', 'blue-harbor.fyi'],
  ])('%s', (last, organization) => {
    const text = `${organization} builds ledgers for banks and has offices in three countries.`;
    const p = parse(
      `${last}\n\n${text}`,
      'Acme Robotics, Inc. today announced a new warehouse robot.\n\nIt ships in May.',
    );
    expect(p.body.paragraphs.at(-1)).toBe(last.slice(0, last.indexOf('About')));
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
  });

  it('leaves a lower-case word that is no brand, or a sentence going on, in the body', () => {
    for (const last of [
      'Revenue rose by a third.About us',
      'Revenue rose by a third.About alphaRiver sales, little is known.',
    ]) {
      const p = parse(`${last}\n\nAcme Robotics, Inc. is a maker of robots.`);
      expect(p.body.text).toContain(last);
    }
  });
});

describe('fine print under the body', () => {
  const body = [
    'Acme Mobile today announced a new family plan.',
    'The plan gives each line unlimited data and a free streaming add-on.',
    'For more information, visit acme.example.',
  ].join('\n\n');

  it.each([
    [
      'Family plan: Applies to the base monthly rate only. Excludes taxes, fees and surcharges. Void if a line is moved to an ineligible plan. Subject to change.',
      'Streaming add-on: Requires one paid line with Auto Pay. Promo credit applied within two bills; credit ends if eligibility requirements are no longer met.',
    ],
    [
      'Minimum $40/month purchase on a qualifying plan required. Terms and conditions apply. Offer ends June 30, 2026. Not combinable with other offers.',
    ],
  ])('is no body: %s', (...notes: string[]) => {
    const p = parse(`${notes.join('\n\n')}\n\nAbout Acme Mobile\n\nAcme Mobile runs a wireless network.`, body);
    expect(p.body.paragraphs.at(-1)).toBe('For more information, visit acme.example.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Mobile']);
  });

  it('keeps a body paragraph that only names a price and its fees', () => {
    const last = 'The plan costs $40 per line plus taxes and fees, and existing customers are eligible to switch.';
    const p = parse(`${last}\n\nAbout Acme Mobile\n\nAcme Mobile runs a wireless network.`, body);
    expect(p.body.paragraphs.at(-1)).toBe(last);
  });

  it('keeps a quoted paragraph about the offer', () => {
    const last =
      '“Terms apply, but every eligible customer gets a promo credit with Auto Pay, and taxes and fees stay the same,” said Jane Roe, Acme Mobile’s chief executive.';
    const p = parse(`${last}\n\nAbout Acme Mobile\n\nAcme Mobile runs a wireless network.`, body);
    expect(p.body.paragraphs.at(-1)).toBe(last);
  });
});

describe('an About heading in capitals run into its text', () => {
  it.each([
    ['ABOUT THE AUTHOR Jane Roe is a former engineer who writes on health.', null],
    ['ABOUT THE STUDY Researchers surveyed 2,000 adults in March in all fifty states of the country.', null],
    ['ABOUT ACME ROBOTICS Jane Roe founded the company in 2001 in a garage.', 'ACME ROBOTICS'],
    ['ABOUT HARBOR FOODS Every week the kitchen cooks for 4,000 families across the county.', 'HARBOR FOODS'],
    ['ABOUT HARBOR FOODS A member of the Acme Network, the kitchen cooks for 4,000 families.', 'HARBOR FOODS'],
  ])('%s', (tail, organization) => {
    const p = parse(tail, 'Acme Robotics, Inc. today announced a new warehouse robot.\n\nThe robot ships in May.');
    expect(p.body.paragraphs.at(-1)).toBe('The robot ships in May.');
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
  });
});

describe('an About heading run into a text that opens with a place-based adjective', () => {
  it.each([
    ['About Harbor Mills Ltd. Calgary-based Harbor Mills Ltd. is one of the last rye millers.', 'Harbor Mills Ltd.'],
    ['About Roe Freight Ohio-based Roe Freight runs trucks across the Midwest.', 'Roe Freight'],
    ['About Acme Labs Austin-headquartered Acme Labs builds robots for warehouses.', 'Acme Labs'],
  ])('%s', (tail, organization) => {
    const p = parse(tail, 'Acme Robotics, Inc. today announced a new warehouse robot.\n\nThe robot ships in May.');
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
  });
});

describe('an About heading glued onto its text that restarts with the whole name', () => {
  it.each([
    ['Acme is a maker.About U of DigitalU of Digital is an education partner.', 'U of Digital'],
    ['Acme is a maker.About X Labs Inc.X Labs Inc. builds test rigs for labs.', 'X Labs Inc.'],
    [
      'Acme is a maker. Visit [acme.example](https://acme.example).About [A to Z Foods](https://az.example)A to Z Foods, a grocer, sells food.',
      'A to Z Foods',
    ],
  ])('%s', (tail, organization) => {
    const p = parse(`About Acme\n\n${tail}`);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme', organization]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });
});

describe('an About heading whose name the text restarts with as its web address, or in lower case', () => {
  it.each([
    ['About PeakLedgerPeakLedger.com is a staking platform for many coins.', 'PeakLedger'],
    ['About Zento3Zento3.io builds ledgers for banks.', 'Zento3'],
    ['About blueRiver AI blueRiver AI, Inc. is a threat intelligence company.', 'blueRiver AI'],
    ['About tinyfox.io tinyfox.io is a scheduling platform.', 'tinyfox.io'],
  ])('%s', (tail, organization) => {
    const p = parse(tail, 'Acme Robotics, Inc. today announced a new warehouse robot.\n\nThe robot ships in May.');
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
    expect(p.body.paragraphs.at(-1)).toBe('The robot ships in May.');
  });
});

describe('an About heading of an acronym glued onto the name it stands for', () => {
  it.each([
    ['Acme is a maker. About HMCHarbor Mill Company (HMC) is a miller in Ohio.', 'HMC'],
    ['Acme is a maker.About RFGRoe Freight Group AG (RFG) runs trucks across Europe.', 'RFG'],
  ])('%s', (tail, organization) => {
    const p = parse(`About Acme\n\n${tail}`);
    expect(p.about.map((a) => a.organization)).toEqual(['Acme', organization]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });

  it('is not cut when the text never glosses the acronym', () => {
    const p = parse('About Acme\n\nAcme is a maker.About HMCHarbor Mill Company is a miller in Ohio.');
    expect(p.about.map((a) => a.organization)).not.toContain('HMC');
  });
});

describe('an About heading run into a text that opens with a prepositional phrase', () => {
  it.each([
    [
      'About Harbor Wealth Partners, LLC Through a people-centric approach, Harbor buys advisory firms.',
      'Harbor Wealth Partners, LLC',
    ],
    ['About Roe Freight In the last decade, Roe Freight has grown to 400 trucks.', 'Roe Freight'],
    ['About Acme Labs Under its founder, Acme Labs built robots for warehouses.', 'Acme Labs'],
    ['About Made In America Foods Made In America Foods sells food.', 'Made In America Foods'],
  ])('%s', (tail, organization) => {
    const p = parse(tail, 'Acme Robotics, Inc. today announced a new warehouse robot.\n\nThe robot ships in May.');
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
  });
});

describe('an About heading in capitals that ends in an abbreviated legal form', () => {
  it.each([
    ['ABOUT ACME ROBOTICS, INC.', 'ACME ROBOTICS, INC.'],
    ['ABOUT HARBOR TRADING CO., LTD.', 'HARBOR TRADING CO., LTD.'],
    ['ABOUT ROE HOLDINGS CORP.', 'ROE HOLDINGS CORP.'],
  ])('%s keeps its full stop', (heading, organization) => {
    const p = parse(`${heading}\n\nAcme builds robots for warehouses.`);
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
  });
});

describe('an About item in a list of links', () => {
  it('is a link of the list, not an About section', () => {
    for (const list of [
      '* Photos are available at the link above.\n* About the Acme Robotics Summit 2025\n* Follow us on X @acme',
      '- Read the study\n- About Acme Labs\n- Press kit',
    ]) {
      const p = parse(`Additional resources:\n\n${list}\n\nAbout Acme Robotics\n\nAcme builds robots for warehouses.`);
      expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
    }
  });

  it('still reads an About heading written as the last item over its text', () => {
    const p = parse('* About Acme Robotics\n\nAcme Robotics builds robots for warehouses.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Robotics']);
  });
});

describe('joinLines on a long paragraph', () => {
  it('joins 20,000 wrapped lines (4 MB) in linear time, with the same hyphen rules', () => {
    const lines = Array.from({ length: 20_000 }, () => `${'word '.repeat(38)}manu-`);
    lines.push('facturing ends with a long-', 'term plan.');
    const started = Date.now();
    const joined = joinLines(lines);
    expect(Date.now() - started).toBeLessThan(2_000);
    // `manu-` + `word`: a split word re-joined; `long-` + `term`: a compound kept.
    expect(joined.split('manuword ').length - 1).toBe(19_999);
    expect(joined.endsWith('word manufacturing ends with a long-term plan.')).toBe(true);
  });
});

describe('splitGlued: every marker glued to the end of a paragraph is cut off', () => {
  const lead = 'Acme opened a plant in Dayton on Monday, its third in the state.';
  it.each([
    ['View original content:https://example.com/news/acme'],
    ['View source version on example.com: https://example.com/news/acme'],
    ['SOURCE Acme Corporation'],
    ['FUENTE Acme Corporation'],
    ['Media Contact: Jane Roe'],
    ['Press Contacts: Jane Roe'],
    ['For more information, please contact Jane Roe'],
    ['To view the source version of this press release, please visit https://example.com'],
    ['View the original press release on example.com'],
    ['Investor Relations: Jane Roe'],
    ['Contact: Jane Roe'],
    ['Contact Jane Roe Email: jane@acme.example'],
    ['Company Name: Acme Corporation'],
    ['Contacto de prensa: Jane Roe'],
    ['Pressekontakt: Jane Roe'],
    ['Forward-Looking Statements This release holds statements about the future.'],
    ['Cautionary Note Regarding Forward-Looking Statements'],
    ['Safe Harbor Statement'],
    ['Hashtag: #acme'],
    ['Related Links: https://example.com/acme'],
    ['The issuer is solely responsible for the content of this announcement.'],
    ['Disclaimer: This is no offer.'],
    ['Written by Jane Roe'],
    ['Instagram: https://instagram.example/acme'],
    ['Contract Address: 0x12345678abcdef'],
    ['###'],
    ['-30-'],
    ['To read the full article, visit https://example.com'],
    ['About Acme Acme makes widgets for homes.'],
    ['ABOUT ACME Acme makes widgets for homes.'],
    ['Über Acme Acme stellt Geräte her.'],
    ['À propos de Acme Acme fabrique des appareils.'],
    ['@acme on Instagram'],
  ])('%s', (marker) => {
    const blocks = splitGlued([makeBlock([`${lead} ${marker}`])]);
    expect(blocks.map((b) => b.lines.join('\n'))).toEqual([lead, marker]);
  });

  it('leaves a paragraph with no marker whole', () => {
    const text = `${lead} About 200 people will work there, said the mayor.`;
    expect(splitGlued([makeBlock([text])]).map((b) => b.lines.join('\n'))).toEqual([text]);
  });
});

describe('a short line under the last paragraph', () => {
  const quote = '“We are glad to join the board and help the company grow,” the new director said of the move.';
  const closing = '“We are glad to join the board and help the company grow in its markets.”';
  it.each(['Jane Roe', 'Juan de la Cruz', 'Mary Ann Smith'])(
    'keeps a person the text named under a closing quotation as its attribution: %s',
    (name) => {
      const lead = `Acme Robotics, Inc. today named ${name} to its board of directors.`;
      const p = parse(`${closing}\n\n${name}\n\nAbout Acme Robotics\n\nAcme builds robots for warehouses.`, lead);
      expect(p.body.paragraphs.slice(-2)).toEqual([closing, name]);
    },
  );
  it.each([
    [closing, 'Feature Impact'],
    [closing, 'Acme Robotics Group'],
    [quote, 'Jane Roe'],
    // (a name the text never wrote: a heading or a signature, not an attribution)
    [closing, 'John Smith'],
  ])('still drops a heading with nothing under it: %s / %s', (above, line) => {
    const p = parse(`${above}\n\n${line}\n\nAbout Acme Robotics\n\nAcme builds robots for warehouses.`);
    expect(p.body.paragraphs.at(-1)).toBe(above);
  });
});

describe('an invitation to contact someone that ends in a colon, under the last paragraph', () => {
  const last = 'The robot lifts 40 kilograms and will ship to stores across the country in May.';
  it.each([
    [
      'For more information about the robot, please contact:',
      ['Jane Roe Acme Robotics jane@acme.example 512-555-0143'],
    ],
    ['For questions about the program, reach out to:', ['Jane Roe', 'Head of Communications', 'jane@acme.example']],
    ['To book a demonstration, e-mail or call:', ['sales@acme.example', '+1 512 555 0143']],
    ['Retailers who wish to stock the robot can get in touch with our team at:', ['Jane Roe, (512) 555-0143']],
  ])('is the contact, not body: %s', (invitation, lines) => {
    const p = parse(`${last}\n\n${invitation}\n\n${lines.join('\n\n')}\n\nAbout Acme Robotics\n\nAcme builds robots.`);
    expect(p.body.paragraphs.at(-1)).toBe(last);
    expect(p.body.text).not.toContain(invitation);
  });
  it.each([
    // a paragraph of the text follows the invitation's lines
    [['Jane Roe jane@acme.example', last]],
    // the lines give no address
    [['Jane Roe', 'Acme Robotics']],
  ])('stays body otherwise: %j', (lines) => {
    const invitation = 'For more information about the robot, please contact:';
    const p = parse(`${last}\n\n${invitation}\n\n${lines.join('\n\n')}\n\nAbout Acme Robotics\n\nAcme builds robots.`);
    expect(p.body.text).toContain(invitation);
  });
  it('leaves a For more information line that points to a site the body’s end', () => {
    const info = 'For more information, visit https://acme.example/robot';
    expect(parse(`${last}\n\n${info}`).body.paragraphs.at(-1)).toBe(info);
  });
});

describe('a website line that opens a row of network addresses under the last paragraph', () => {
  const last = 'The robot lifts 40 kilograms and will ship to stores across the country in May.';
  it.each([
    'Website: https://acme.example Facebook: https://facebook.com/acme Twitter: https://twitter.com/acme',
    'Website: https://acme.exampleFacebook: https://facebook.com/acmeX: @acme',
    'Web: www.acme.example LinkedIn: https://linkedin.com/company/acme Contact: press@acme.example',
    'Company Website: https://acme.example Instagram: @acme',
    'Website: https://acme.example * Instagram: https://instagram.com/acme * Facebook: https://facebook.com/acme',
    'Website: https://acme.example • LinkedIn: https://linkedin.com/company/acme',
  ])('is no body: %s', (row) => {
    const p = parse(`${last}\n\n${row}`);
    expect(p.body.paragraphs.at(-1)).toBe(last);
  });
  it('is no body hard-wrapped over a few lines', () => {
    const row = [
      'Website: https://www.acme-robotics.example/en/products/warehouse Facebook:',
      'https://www.facebook.com/acmerobotics Twitter: https://twitter.com/acme',
      'Contact:',
      'press@acme.example',
    ];
    const p = parseReleaseStrict({ content: release(row.join('\n'), last) });
    expect(p.body.paragraphs.at(-1)).toBe(last);
  });
  it('is only left out between paragraphs of the text', () => {
    const row = 'Website: https://acme.example Facebook: https://facebook.com/acme';
    const more = 'The company will show the robot at trade fairs in Chicago and Atlanta later this year, it said.';
    const p = parse(`${last}\n\n${row}\n\n${more}`);
    expect(p.body.paragraphs.slice(-2)).toEqual([last, more]);
  });
});

describe('an About heading whose name holds a word opening with an inverted mark', () => {
  it.each([
    ['About ¡Que Rico! Foods', '¡Que Rico! Foods'],
    ['About Acme ¿Sabías? Media', 'Acme ¿Sabías? Media'],
  ])('%s on its own line', (heading, organization) => {
    const p = parse(`${heading}\n\nThe company makes sauces in Texas.`);
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });
  it('run into its text, after a link line that ends the body', () => {
    const link = 'Learn more: https://awards.acme.example';
    const p = parse(
      `${link}\n\nAbout the Acme ¡Bravo! Awards Since 2014, the awards have honored the best work in the field.`,
    );
    expect(p.body.paragraphs.at(-1)).toBe(link);
    expect(p.about).toHaveLength(1);
  });
});

describe('the one line under a bare contact heading', () => {
  const last = 'The robot lifts 40 kilograms and will ship to stores across the country in May.';
  it.each([
    ['Contact Information:', 'Warehouse Robots and Automation Systems in Texas by Acme Robotics'],
    ['Media Contact', 'Family Dentistry and Orthodontics for Kids near Dayton at Acme Dental'],
    ['Press Contact:', 'Hotel Rooms, Suites and Event Venues in Downtown Austin'],
  ])('is the contact’s, not body: %s / %s', (heading, line) => {
    const p = parse(`${last}\n\n${heading}\n\n${line}\n\n18 Elm St, Austin, TX 78701`);
    expect(p.body.paragraphs.at(-1)).toBe(last);
  });
  it('is body when it is a sentence (the text going on after a contact set between its paragraphs)', () => {
    const more = 'The robot will also be shown at trade fairs in Chicago and Atlanta.';
    const p = parse(`${last}\n\nMedia Contact:\n\n${more}`);
    expect(p.body.paragraphs.at(-1)).toBe(more);
  });
});

describe('an About heading run into its text, with a listing written with no space after its colon', () => {
  it.each([
    ['About Acme Robotics AG (SIX:ACR) Acme Robotics is a maker of warehouse robots.', 'Acme Robotics AG'],
    ['About Beta Foods, Inc. (NYSE:BFI) Beta Foods makes sauces in Texas.', 'Beta Foods, Inc.'],
  ])('%s', (paragraph, organization) => {
    const p = parse(paragraph);
    expect(p.about.map((a) => a.organization)).toEqual([organization]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });
  it('still splits a heading glued to its text after a colon', () => {
    const p = parse('About Acme Innovations:Acme Innovations is a maker of warehouse robots.');
    expect(p.about.map((a) => a.organization)).toEqual(['Acme Innovations']);
  });
});

describe('a disclaimer paragraph hard-wrapped so that its marks fall on a later line', () => {
  const body = [
    'AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. today',
    'announced the results of a study of warehouse robots in 40 stores.',
    '',
    'Co-authors and funding sources are listed in the study.',
    '',
  ];
  it.each([
    [
      'Findings of studies that are presented at the Acme Robotics Forum are',
      'solely those of the study authors and do not reflect the views of Acme.',
    ],
    [
      'The opinions expressed by the speakers at the Acme Robotics Forum in',
      'Austin do not necessarily reflect the positions of Acme Robotics, Inc.',
    ],
    [
      'All other trademarks and trade names mentioned in this press release',
      'are the property of their respective owners and are used for reference.',
    ],
  ])('is no body: %s', (...lines) => {
    const p = parseReleaseStrict({ content: `Acme Study\n\n${[...body, ...lines].join('\n')}\n` });
    expect(p.body.paragraphs.at(-1)).toBe('Co-authors and funding sources are listed in the study.');
  });
});
