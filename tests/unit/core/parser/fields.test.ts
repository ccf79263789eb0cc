import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { joinLines } from '../../../../lambdas/core/parser/blocks';
import { parseContactBlock } from '../../../../lambdas/core/parser/contacts';
import { detectLanguage } from '../../../../lambdas/core/parser/language';
import { leadOrganization } from '../../../../lambdas/core/parser/lead';
import { normalizePlace } from '../../../../lambdas/core/parser/places';
import { findTickers } from '../../../../lambdas/core/parser/tickers';

describe('normalizePlace: AP abbreviations, provinces, every country', () => {
  it.each([
    ["ABIDJAN, Côte d'Ivoire", { city: 'Abidjan', region: null, country: 'CI' }],
    ['ABIDJAN, Ivory Coast', { city: 'Abidjan', region: null, country: 'CI' }],
    ['WASHINGTON, DC, UNITED STATES', { city: 'Washington', region: 'DC', country: 'US' }],
    ['McLean, Va.', { city: 'McLean', region: 'VA', country: 'US' }],
    ['SEATTLE, Wash.', { city: 'Seattle', region: 'WA', country: 'US' }],
    ['BOSTON, Mass.', { city: 'Boston', region: 'MA', country: 'US' }],
    ['TORONTO, Ont.', { city: 'Toronto', region: 'ON', country: 'CA' }],
    ['VANCOUVER, B.C.', { city: 'Vancouver', region: 'BC', country: 'CA' }],
    ['REGINA, Sask.', { city: 'Regina', region: 'SK', country: 'CA' }],
    ["ST. JOHN'S, Newfoundland and Labrador", { city: "St. John's", region: 'NL', country: 'CA' }],
    ['Whitehorse, Yukon', { city: 'Whitehorse', region: 'YT', country: 'CA' }],
    ['Montreal, Quebec', { city: 'Montreal', region: 'QC', country: 'CA' }],
    ['MÜNCHEN', { city: 'München', region: null, country: 'DE' }],
    ['MUNICH, Deutschland', { city: 'Munich', region: null, country: 'DE' }],
    ['HAMBURG, Germany', { city: 'Hamburg', region: null, country: 'DE' }],
    ['YANGON, Myanmar', { city: 'Yangon', region: null, country: 'MM' }],
    ['PORT LOUIS, Mauritius', { city: 'Port Louis', region: null, country: 'MU' }],
    ['SARAJEVO, Bosnia & Herzegovina', { city: 'Sarajevo', region: null, country: 'BA' }],
    ['TBILISI, Georgia', { city: 'Tbilisi', region: null, country: 'GE' }],
    ['ATLANTA, Georgia', { city: 'Atlanta', region: 'GA', country: 'US' }],
    ['SAN JOSE, Calif. & AUSTIN, Texas', { city: 'San Jose', region: 'CA', country: 'US' }],
    ['Vancouver, British Columbia and Toronto, Ontario', { city: 'Vancouver', region: 'BC', country: 'CA' }],
    ['上海', { city: '上海', region: null, country: 'CN' }],
  ])('%s', (location, place) => {
    expect(normalizePlace(location)).toEqual(place);
  });
});

describe('parseContactBlock', () => {
  it('reads emails glued to words, labels and obfuscation', () => {
    expect(
      parseContactBlock(['Media Contact:', 'Jane Doe', 'Email:jane.doe@acme.example', 'Tel: +1 512-555-0100']),
    ).toEqual([{ name: 'Jane Doe', organization: null, email: 'jane.doe@acme.example', phone: '+1 512-555-0100' }]);
    expect(parseContactBlock(['Contact: Sam Lee, sam [at] acme [dot] example'])).toEqual([
      { name: 'Sam Lee', organization: null, email: 'sam@acme.example', phone: null },
    ]);
  });

  it('starts a new contact at each audience label and skips fax numbers and remarks', () => {
    expect(
      parseContactBlock([
        'Consumers: 1-800-555-0199 (Monday to Friday, 8 a.m. to 5 p.m.)',
        'Media: Kim Vo, kvo@acme.example',
        '(512) 555-0101 (fax)',
      ]),
    ).toEqual([
      { name: null, organization: null, email: null, phone: '1-800-555-0199' },
      { name: 'Kim Vo', organization: null, email: 'kvo@acme.example', phone: null },
    ]);
  });

  it('reads "Name of Org", "Org: Name", job titles and a mailto whose text is a name', () => {
    expect(parseContactBlock(['CONTACT: Walter Kaminski of Lakeshore Appliance, 312-555-0148'])).toEqual([
      { name: 'Walter Kaminski', organization: 'Lakeshore Appliance', email: null, phone: '312-555-0148' },
    ]);
    expect(parseContactBlock(['Fernhill: Daniel Osei, +1 212-555-0134'])).toEqual([
      { name: 'Daniel Osei', organization: 'Fernhill', email: null, phone: '+1 212-555-0134' },
    ]);
    expect(
      parseContactBlock(
        ['Media: Julien Bélanger, 416-555-0138'],
        [{ url: 'mailto:Julien@Acme.example', text: 'Julien Bélanger' }],
      ),
    ).toEqual([{ name: 'Julien Bélanger', organization: null, email: 'julien@acme.example', phone: '416-555-0138' }]);
    expect(parseContactBlock(['Jane Holt, President', 'Tel: 604-555-0188'])).toEqual([
      { name: 'Jane Holt', organization: null, email: null, phone: '604-555-0188' },
    ]);
  });

  it('splits a flattened contact run before each email and phone', () => {
    expect(
      parseContactBlock([
        'For further information: Ironwood Graphite Corp. Helena Varga, CEO 705-555-0196 hv@iron.example',
      ]),
    ).toEqual([
      {
        name: 'Helena Varga',
        organization: 'Ironwood Graphite Corp.',
        email: 'hv@iron.example',
        phone: '705-555-0196',
      },
    ]);
  });

  it('reads CJK contact blocks', () => {
    expect(parseContactBlock(['媒体联系人：', '王思远', '电话：+86 21 5555 0123', '邮箱：siyuan@yl.example'])).toEqual([
      { name: '王思远', organization: null, email: 'siyuan@yl.example', phone: '+86 21 5555 0123' },
    ]);
  });
});

describe('findTickers: the ways wires write them', () => {
  it('one exchange for several symbols, several exchanges in one parenthesis, glued parentheses, classes', () => {
    expect(
      findTickers(
        'A (TSX: NRS; NYSE: NRSY) B (TSX:AVM)(NYSE MKT:AVMN) C (NYSE: GIG, GIG.U, GIG WS) D (OMX: NVIK B) E (B3: CFZL3)',
      ),
    ).toEqual([
      { exchange: 'TSX', symbol: 'NRS' },
      { exchange: 'NYSE', symbol: 'NRSY' },
      { exchange: 'TSX', symbol: 'AVM' },
      { exchange: 'NYSE MKT', symbol: 'AVMN' },
      { exchange: 'NYSE', symbol: 'GIG' },
      { exchange: 'NYSE', symbol: 'GIG.U' },
      { exchange: 'NYSE', symbol: 'GIG WS' },
      { exchange: 'OMX', symbol: 'NVIK B' },
      { exchange: 'B3', symbol: 'CFZL3' },
    ]);
  });

  it('a listing the headline writes and the body does not is a ticker too', () => {
    const featured = parseReleaseStrict({
      content:
        '# Acme Mines Corp. (CSE: ACMM) (FSE: 3AC0) Featured in Mining Column\n\nAcme Mines (CSE: ACMM) is exploring a gold site in Quebec and has drilled ten holes this year.\n\nMore text.\n',
    });
    expect(featured.tickers).toEqual([
      { exchange: 'CSE', symbol: 'ACMM' },
      { exchange: 'FSE', symbol: '3AC0' },
    ]);
    const plain = parseReleaseStrict({
      content:
        'Acme Bank (OTCQX: ACBK) Reports Record Year\n\nNEW YORK, March 7, 2024 /PRNewswire/ -- Acme Bank reported record earnings for the year.\n\nMore text.\n',
    });
    expect(plain.tickers).toEqual([{ exchange: 'OTCQX', symbol: 'ACBK' }]);
  });

  it('a class with its series after it (preferred shares, warrants)', () => {
    expect(findTickers('Acme Corp. (TSX: ACM, ACM.PR.A) (CSE:ACM.WT.B) and Beta (NYSE: BTA-P-C) said')).toEqual([
      { exchange: 'TSX', symbol: 'ACM' },
      { exchange: 'TSX', symbol: 'ACM.PR.A' },
      { exchange: 'CSE', symbol: 'ACM.WT.B' },
      { exchange: 'NYSE', symbol: 'BTA-P-C' },
    ]);
  });

  it('an exchange written out in full, or as Arca', () => {
    expect(
      findTickers(
        'Acme Bancorp (NASDAQ Global Select Market: ABNC), Zeta Inc. (Nasdaq Capital Market: ZETA) and the Yield Income ETF (ARCA: YLDI) and (NYSEArca: YLDX).',
      ),
    ).toEqual([
      { exchange: 'NASDAQ GLOBAL SELECT MARKET', symbol: 'ABNC' },
      { exchange: 'NASDAQ CAPITAL MARKET', symbol: 'ZETA' },
      { exchange: 'ARCA', symbol: 'YLDI' },
      { exchange: 'NYSEARCA', symbol: 'YLDX' },
    ]);
  });

  it('symbols written before their exchanges, as a list separated by bars, commas or semicolons', () => {
    expect(findTickers('Northfield Metals Corp. (NFM: CSE |NFMTF: OTCQB | 7NF: Frankfurt) is pleased')).toEqual([
      { exchange: 'CSE', symbol: 'NFM' },
      { exchange: 'OTCQB', symbol: 'NFMTF' },
      { exchange: 'FRANKFURT', symbol: '7NF' },
    ]);
    expect(findTickers('Lumen Ridge (LRX: TSXV, LRXEF: OTCID; 0QA: FSE) and Dorado (DRD: Nasdaq)')).toEqual([
      { exchange: 'TSXV', symbol: 'LRX' },
      { exchange: 'OTCID', symbol: 'LRXEF' },
      { exchange: 'FSE', symbol: '0QA' },
      { exchange: 'NASDAQ', symbol: 'DRD' },
    ]);
    // Not when an item is not a symbol and a known exchange, nor a word before the colon.
    expect(findTickers('(Note: NYSE) (ACM: TSX | see below) (Ticker: TSX)')).toEqual([]);
  });

  it('several exchanges joined by "and" before one symbol, and a symbol run on into the next label', () => {
    expect(findTickers('Acme Corp. (NYSE and Nasdaq Stockholm: ACMX) and Beta (TSX & NYSE American: BTA)')).toEqual([
      { exchange: 'NYSE', symbol: 'ACMX' },
      { exchange: 'NASDAQ STOCKHOLM', symbol: 'ACMX' },
      { exchange: 'TSX', symbol: 'BTA' },
      { exchange: 'NYSE AMERICAN', symbol: 'BTA' },
    ]);
    expect(
      findTickers(
        'Zeta Metals (TSXV: ZET and OTCQB: ZETFF) and Kappa (CSE: KAP or OTC: KAPPF; NASDAQ: AIM and TSX: AIMX)',
      ),
    ).toEqual([
      { exchange: 'TSXV', symbol: 'ZET' },
      { exchange: 'OTCQB', symbol: 'ZETFF' },
      { exchange: 'CSE', symbol: 'KAP' },
      { exchange: 'OTC', symbol: 'KAPPF' },
      { exchange: 'NASDAQ', symbol: 'AIM' },
      { exchange: 'TSX', symbol: 'AIMX' },
    ]);
    // Words before an exchange that are not exchanges do not join it.
    expect(findTickers('Acme (listed on NYSE: ACM) and Beta (shares and NASDAQ: BTX)')).toEqual([
      { exchange: 'NYSE', symbol: 'ACM' },
      { exchange: 'NASDAQ', symbol: 'BTX' },
    ]);
  });

  it("NYSE American's compact forms and Cboe BZX's former name BATS", () => {
    expect(
      findTickers('Acme Energy (NYSEAM: ACEN), Beta (NYSE AM: BTA), Gamma (NYSEMKT: GMA) and Delta (BATS: DLTX)'),
    ).toEqual([
      { exchange: 'NYSEAM', symbol: 'ACEN' },
      { exchange: 'NYSE AM', symbol: 'BTA' },
      { exchange: 'NYSEMKT', symbol: 'GMA' },
      { exchange: 'BATS', symbol: 'DLTX' },
    ]);
    // A symbol that is spelt like an exchange stays the symbol of the exchange written first.
    expect(findTickers('The exchange operator (BATS: TSX) said')).toEqual([{ exchange: 'BATS', symbol: 'TSX' }]);
  });

  it('a one-letter exchange code (Frankfurt F, Berlin B) next to a listing on a known exchange', () => {
    expect(findTickers('Acme Silver Corp. (TSXV:ASV)(OTCQB:ASVRF)(F:A1S) and Beta (CSE: BTA; B: 3BT) said')).toEqual([
      { exchange: 'TSXV', symbol: 'ASV' },
      { exchange: 'OTCQB', symbol: 'ASVRF' },
      { exchange: 'F', symbol: 'A1S' },
      { exchange: 'CSE', symbol: 'BTA' },
      { exchange: 'B', symbol: '3BT' },
    ]);
    // Alone, apart from a known exchange's group, or before a word, a letter before a colon is no exchange.
    expect(findTickers('Acme (F: ACM) and the grid (A: North, B: South) (NASDAQ: ACMX), (T: FAX)')).toEqual([
      { exchange: 'NASDAQ', symbol: 'ACMX' },
    ]);
  });

  it('a symbol written in quotes', () => {
    expect(
      findTickers(
        'Acme Bio Corp. (TSX: “ACB”, OTC PINK: “ACBFF”, FRANKFURT: “AC0”) and Beta (NYSE:"BTA"; CSE: \'BTC\')',
      ),
    ).toEqual([
      { exchange: 'TSX', symbol: 'ACB' },
      { exchange: 'OTC PINK', symbol: 'ACBFF' },
      { exchange: 'FRANKFURT', symbol: 'AC0' },
      { exchange: 'NYSE', symbol: 'BTA' },
      { exchange: 'CSE', symbol: 'BTC' },
    ]);
    // Quoted words are no symbols (a defined short name in mixed case neither), nor is a quote left open.
    expect(findTickers('(Note: “see below”) (NASDAQ: “ACM) (NYSE: ‘the plan’) (NASDAQ: ACMX, “Acme”)')).toEqual([
      { exchange: 'NASDAQ', symbol: 'ACMX' },
    ]);
  });
});

describe('leadOrganization: the subject of the lead sentence', () => {
  it.each([
    ['Pelican Bay Seafood Co. today recalled 8,400 pounds of shrimp.', 'Pelican Bay Seafood Co.'],
    ['Evergreen Sound Ferries, a private operator of ferries, today ordered two boats.', 'Evergreen Sound Ferries'],
    ['The Coalition for Safer Highways today urged Congress to act.', 'The Coalition for Safer Highways'],
    ['Die Brunnhofer Medizintechnik GmbH hat heute die Zulassung erhalten.', 'Brunnhofer Medizintechnik GmbH'],
    [
      'Maplecrest Brewing Company Inc. (CSE: BREW) announced today that it will expand.',
      'Maplecrest Brewing Company Inc.',
    ],
    [
      'Kestrel Peak Networks, Inc. and Lonestar Fiber Partners today announced a venture.',
      'Kestrel Peak Networks, Inc.',
    ],
    [
      'Grupo Alameda Farmacéutica, S.A.B. de C.V. (BMV: ALAMEDA), una cadena, anunció hoy la apertura.',
      'Grupo Alameda Farmacéutica, S.A.B. de C.V.',
    ],
    ['株式会社ミナトロボティクスは本日、新製品を発表しました。', '株式会社ミナトロボティクス'],
    ['Today, the company said that sales rose.', null],
    ['In 2024 Acme Corp. grew.', null],
    ['The Gathering soft-launched in May with a small team of advisers.', 'The Gathering'],
    ['Navigating the market was hard for Acme.', null],
    [
      '12 de mayo de 2025 — The Chilean startup Brightfold, a maker of planners, announced today a new round.',
      'Brightfold',
    ],
    ['12 de mayo de 2025, specialized teams announced a new round.', null],
    ['LED lighting, a low-cost and long-lasting choice, has emerged as a favourite of builders.', null],
    ['Acme (NYSE: ACM), a maker of lamps, has opened a plant.', 'Acme'],
    ['acmesoft SE ("acmesoft", ISIN: DE0001234567) continues to grow in Hamburg.', 'acmesoft SE'],
    ['sales teams in Europe announced new targets.', null],
    ['Brightbet, the betting arm of Zeta Group (NASDAQ: ZETA) has been named a partner of the year.', 'Brightbet'],
    ['Brightbet, the betting arm of Zeta Group (NASDAQ: ZETA) and its teams in Serbia.', null],
    // A date the lead opens on is no subject, however it is written.
    ['The 3rd of October 2026 will see Quillmark Labs open its first store.', null],
    ['The 14th of March marks a turning point for the fund.', null],
    ['June 9th, 2026 is the day the Harbor Trust opens its doors.', null],
    ['March 2026 brought record sales for Tallow & Finch.', null],
    ['May Street Partners today opened an office.', 'May Street Partners'],
    ['The 1990 Club welcomed new members on Friday.', 'The 1990 Club'],
    // A name may open on numbers joined by a slash (`24/7`, `9/11`); a bare slash date is no name.
    ['4/20 Relief, the nonprofit that runs the city’s night shelters, has opened a third site.', '4/20 Relief'],
    ['24/7 Harbor Line is hiring night operators.', '24/7 Harbor Line'],
    ['6/15 is the deadline for entries.', null],
    ['10/3/2026 marks the launch of the fund.', null],
    // A report's author is the lead's subject when the report is (`a new survey from Acme finds…`).
    ['A new survey from Tallow & Finch finds that most renters move within two years.', 'Tallow & Finch'],
    [
      'The annual index published by the Harbor Policy Trust shows rents rising in 40 cities.',
      'The Harbor Policy Trust',
    ],
    ['After two dry summers, a recent study by Quillmark Labs suggests that wells are failing.', 'Quillmark Labs'],
    ['A new report from researchers in Ohio finds that wells are failing.', null],
    ['A new survey finds that most renters move within two years.', null],
    // A brand written as its lower-case web address (`acme.io`) opens a lead as a name.
    ['quillmark.io, the scheduling platform for clinics, today introduced a booking app.', 'quillmark.io'],
    ['harborline.com announced a new partner program.', 'harborline.com'],
    ['e.g. three clinics opened in May.', null],
    // A subject the lead names as sued or accused is not who speaks: a law firm's alert, a watchdog's.
    [
      'Harbor Foods, Inc. (NYSE: HBF) and certain of its officers have been named as defendants in a class action.',
      null,
    ],
    ['Quillmark Labs has been sued by a former supplier over unpaid invoices.', null],
    ['Tallow & Finch Ltd. was charged with misleading investors, regulators said.', null],
    ['Quillmark Labs has named a new chief executive.', 'Quillmark Labs'],
    // A company's charity keeps the legal form inside its name (`Acme Inc. Foundation`).
    ['The Quill Inc. Foundation (the Foundation), a charity, announced new grants.', 'The Quill Inc. Foundation'],
    ['Harbor Co. Trust today opened applications for its scholarships.', 'Harbor Co. Trust'],
    ['Quillmark Inc. today announced a foundation for its staff.', 'Quillmark Inc.'],
    // The people of an organization act for it, as its board does (`The members of the Acme Guild…`).
    [
      'For years, the members of the Harbor United Business Alliance (HUBA) have been asking the city to act.',
      'Harbor United Business Alliance',
    ],
    ['The staff of Quillmark Labs today opened a new clinic.', 'Quillmark Labs'],
    ['Members of the Tallow Guild voted to strike on Monday.', 'Tallow Guild'],
    ['Members of the public voted to keep the park.', null],
    // A lead whose subject is a date names the issuer in its next clause (`…when Acme launches…`).
    ['The 3rd of October 2026 will mark a milestone when Quillmark DAO launches its token.', 'Quillmark DAO'],
    [
      'June 9th is Harbor Safety Day, and Tallow Utilities, Inc. reminds homeowners to call first.',
      'Tallow Utilities, Inc.',
    ],
    ['May 2026 was a record month as sales rose in every store.', null],
  ])('%s', (lead, org) => {
    expect(leadOrganization(lead)).toBe(org);
  });
});

describe('detectLanguage: stopword profiles and scripts', () => {
  it.each([
    [
      'it',
      "La società ha firmato oggi un accordo con il cliente per la fornitura di nuovi sistemi ai suoi stabilimenti in Italia nel corso dell'anno.",
    ],
    [
      'nl',
      'De onderneming heeft vandaag een overeenkomst gesloten met de klant voor de levering van nieuwe systemen aan haar fabrieken in Nederland.',
    ],
    [
      'sv',
      'Bolaget har i dag tecknat ett avtal med kunden om leverans av nya system till sina anläggningar i Sverige under året.',
    ],
    [
      'en',
      'Northbay Minerals Corp. (TSXV: NBM) today reported assays from its winter drilling program at Tamarack Lake. Hole TL-25-04 intersected 12.4 metres.',
    ],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('answers null for a list of names and numbers', () => {
    expect(detectLanguage('Acme Corp. NASDAQ ACME 2024 Q1 Q2 Q3 Q4 Widget Pro Max 12 34 56 78')).toBeNull();
  });
});

describe('joinLines: hard-wrapped text', () => {
  it.each([
    [['manu-', 'facturing plant'], 'manufacturing plant'],
    [['a long-', 'term plan'], 'a long-term plan'],
    [['a state-of-the-', 'art plant'], 'a state-of-the-art plant'],
    [['COVID-', '19 cases'], 'COVID-19 cases'],
    [['in 2024-', '2025 we'], 'in 2024-2025 we'],
    [['the word -', 'next'], 'the word - next'],
  ])('%j', (lines, joined) => {
    expect(joinLines(lines)).toBe(joined);
  });

  it('keeps the hyphen of a compound the document writes elsewhere', () => {
    expect(joinLines(['a pre-', 'tax gain'], new Set(['pre-tax']))).toBe('a pre-tax gain');
    expect(joinLines(['a super-', 'charged car'], new Set(['supercharged']))).toBe('a supercharged car');
  });
});
