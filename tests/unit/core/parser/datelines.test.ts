import {
  findDateline,
  findTaggedDateline,
  placeOnlyDateline,
  taglessDateline,
} from '../../../../lambdas/core/parser/dateline';
import { dateAtEnd, dateAtStart, parseTimestamp } from '../../../../lambdas/core/parser/dates';

// Each wire's dateline convention, and the ways people write datelines: [input, wire name, tag,
// dateline text, location, date]. The body must start right after the separator ("Body…").
const CASES: [string, string | null, string | null, string, string | null, string | null][] = [
  [
    'NEW YORK (MARCH 7) PR NEWSWIRE - Body',
    'PR Newswire',
    'PR NEWSWIRE',
    'NEW YORK (MARCH 7) PR NEWSWIRE',
    'NEW YORK',
    null,
  ],
  [
    'SAN FRANCISCO, March 07, 2024--(BUSINESS WIRE)--Body',
    'Business Wire',
    'BUSINESS WIRE',
    'SAN FRANCISCO, March 07, 2024--(BUSINESS WIRE)',
    'SAN FRANCISCO',
    '2024-03-07',
  ],
  ['SAN DIEGO—(BUSINESS WIRE)—Body', 'Business Wire', 'BUSINESS WIRE', 'SAN DIEGO—(BUSINESS WIRE)', 'SAN DIEGO', null],
  [
    'OSLO, Norway, March 7, 2024 (PRIME NEWSWIRE) -- Body',
    'GlobeNewswire',
    'PRIME NEWSWIRE',
    'OSLO, Norway, March 7, 2024 (PRIME NEWSWIRE)',
    'OSLO, Norway',
    '2024-03-07',
  ],
  [
    'TORONTO, ONTARIO--(Marketwired - March 7, 2016) - Body',
    'Marketwired',
    'Marketwired',
    'TORONTO, ONTARIO--(Marketwired - March 7, 2016)',
    'TORONTO, ONTARIO',
    '2016-03-07',
  ],
  [
    'MONTRÉAL, le 7 mars 2024 /CNW Telbec/ - Body',
    'Canada Newswire',
    'CNW Telbec',
    'MONTRÉAL, le 7 mars 2024 /CNW Telbec/',
    'MONTRÉAL',
    '2024-03-07',
  ],
  [
    'WASHINGTON, March 7 /U.S. Newswire/ -- Body',
    'U.S. Newswire',
    'U.S. Newswire',
    'WASHINGTON, March 7 /U.S. Newswire/',
    'WASHINGTON',
    null,
  ],
  [
    'BEIJING , March 7, 2024 /PRNewswire/ — Body',
    'PR Newswire',
    'PRNewswire',
    'BEIJING , March 7, 2024 /PRNewswire/',
    'BEIJING',
    '2024-03-07',
  ],
  [
    'NEW YORK /PRNewswire/ March 7, 2024 -- Body',
    'PR Newswire',
    'PRNewswire',
    'NEW YORK /PRNewswire/ March 7, 2024',
    'NEW YORK',
    '2024-03-07',
  ],
  [
    'SAN JOSE, Calif. (PRWEB) March 07, 2024 -- Body',
    'PRWeb',
    'PRWEB',
    'SAN JOSE, Calif. (PRWEB) March 07, 2024',
    'SAN JOSE, Calif.',
    '2024-03-07',
  ],
  ['北京2024年3月7日 /美通社/ -- Body', 'PR Newswire', '美通社', '北京2024年3月7日 /美通社/', '北京', '2024-03-07'],
  [
    'MADRID, 7 de marzo de 2024 /PRNewswire/ -- Body',
    'PR Newswire',
    'PRNewswire',
    'MADRID, 7 de marzo de 2024 /PRNewswire/',
    'MADRID',
    '2024-03-07',
  ],
  [
    'MÜNCHEN, 7. März 2024 /PRNewswire/ -- Body',
    'PR Newswire',
    'PRNewswire',
    'MÜNCHEN, 7. März 2024 /PRNewswire/',
    'MÜNCHEN',
    '2024-03-07',
  ],
  [
    'SEATTLE & VANCOUVER, British Columbia, March 7, 2024 (GLOBE NEWSWIRE) -- Body',
    'GlobeNewswire',
    'GLOBE NEWSWIRE',
    'SEATTLE & VANCOUVER, British Columbia, March 7, 2024 (GLOBE NEWSWIRE)',
    'SEATTLE & VANCOUVER, British Columbia',
    '2024-03-07',
  ],
  [
    'SAN JOSE, Calif. & AUSTIN, Texas--(BUSINESS WIRE)--Body',
    'Business Wire',
    'BUSINESS WIRE',
    'SAN JOSE, Calif. & AUSTIN, Texas--(BUSINESS WIRE)',
    'SAN JOSE, Calif. & AUSTIN, Texas',
    null,
  ],
  [
    '東京--(BUSINESS WIRE)--(ビジネスワイヤ) -- Body',
    'Business Wire',
    'BUSINESS WIRE',
    '東京--(BUSINESS WIRE)--(ビジネスワイヤ)',
    '東京',
    null,
  ],
  // A headline glued to the dateline (flattened text): the location is only the place.
  [
    'ACME WINS AWARD NEW YORK, March 7, 2024 /PRNewswire/ -- Body',
    'PR Newswire',
    'PRNewswire',
    'NEW YORK, March 7, 2024 /PRNewswire/',
    'NEW YORK',
    '2024-03-07',
  ],
  [
    'Acme Launches Widget in San Jose, Calif., Jan. 5, 2025 /PRNewswire/ -- Body',
    'PR Newswire',
    'PRNewswire',
    'San Jose, Calif., Jan. 5, 2025 /PRNewswire/',
    'San Jose, Calif.',
    '2025-01-05',
  ],
  [
    'NEW YORK, March 7, 2024 (PRNewswire) -- Body',
    'PR Newswire',
    'PRNewswire',
    'NEW YORK, March 7, 2024 (PRNewswire)',
    'NEW YORK',
    '2024-03-07',
  ],
  // No wire tag: a company-site dateline opening the block.
  ['NEW YORK, NY - March 7, 2024 - Body', null, null, 'NEW YORK, NY - March 7, 2024', 'NEW YORK, NY', '2024-03-07'],
];

describe('findDateline: every wire, as people write it', () => {
  it.each(CASES)('%s', (input, name, tag, text, location, date) => {
    const found = findDateline(input);
    expect(found?.wire ?? null).toEqual(name && tag ? { name, tag } : null);
    expect(found?.dateline).toEqual({ text, location, date });
    expect(input.slice(found?.bodyStart)).toBe('Body');
  });

  it('does not take a date in the lead for the dateline date', () => {
    const found = findDateline('PALO ALTO, Calif.--(BUSINESS WIRE)--March 15, 2024, Acme will hold its meeting.');
    expect(found?.dateline.date).toBeNull();
    expect(found?.dateline.text).toBe('PALO ALTO, Calif.--(BUSINESS WIRE)');
  });

  it('does not read page chrome or prose as a tag-less dateline', () => {
    expect(findDateline('Published March 7, 2024 | Acme News')).toBeNull();
    expect(findDateline('On March 7, 2024 - the company said')).toBeNull();
    expect(findDateline('Springfield, March 7, 2024 - the company said')).toBeNull();
    expect(findDateline('Austin, Texas – March 7, 2024 – Body')?.dateline.location).toBe('Austin, Texas');
  });

  it('reads a state, province or country written in lower case after the city, as written', () => {
    expect(findDateline('Tulsa, oklahoma - June 3, 2026')?.dateline).toEqual({
      text: 'Tulsa, oklahoma - June 3, 2026',
      location: 'Tulsa, oklahoma',
      date: '2026-06-03',
    });
    expect(findDateline('Santa Fe, new mexico – June 3, 2026 – Body')?.dateline.location).toBe('Santa Fe, new mexico');
    expect(findDateline('Halifax, nova scotia, June 3, 2026 -- Body')?.dateline.location).toBe('Halifax, nova scotia');
    // Not a two-letter code that is also a word, nor a word that is no region.
    expect(findDateline('Springfield, in June 3, 2026 - Body')).toBeNull();
    expect(findDateline('Springfield, today - June 3, 2026 - Body')).toBeNull();
  });

  it('reads a city typed in lower case before a known region or country, and a credit typed so', () => {
    const found = findDateline('tulsa, United States - June 3, 2026 / acme roofing llc / Body');
    expect(found?.dateline.location).toBe('tulsa, United States');
    expect(found?.dateline.date).toBe('2026-06-03');
    expect(found?.issuer).toBe('acme roofing llc');
    expect(findDateline('santa fe, New Mexico – June 3, 2026 – Body')?.dateline.location).toBe('santa fe, New Mexico');
    // Not words of a sentence before a region, nor a lower-case word before an unknown place.
    expect(findDateline('the company, Texas - June 3, 2026 - Body')).toBeNull();
    expect(findDateline('tulsa, Acme - June 3, 2026 - Body')).toBeNull();
  });

  it('reads a place-only dateline with a mixed-case (also hyphenated) city before a lead of sentences', () => {
    expect(
      placeOnlyDateline(
        'Winston-Salem, North Carolina – Acme Mills, a maker of cotton goods, has opened a second plant near the river this spring.',
      )?.dateline.location,
    ).toBe('Winston-Salem, North Carolina');
    expect(
      placeOnlyDateline('Lyon, France – The city’s fair draws makers from across the region to its halls every June.')
        ?.dateline.location,
    ).toBe('Lyon, France');
    // A deck or a title set off by a dash is no lead of sentences; a city in capitals needs none.
    expect(placeOnlyDateline('Rome, Italy – A City Reborn')).toBeNull();
    expect(placeOnlyDateline('ROME, Italy – A City Reborn')?.dateline.location).toBe('ROME, Italy');
  });

  it('reads a known city alone, then a dash, before a lead of sentences', () => {
    const lead = 'Acme Mills, a maker of cotton goods, has opened a second plant near the river this spring.';
    for (const city of ['London', 'Panama City', 'Phoenix']) {
      for (const dash of ['-', '–', '--']) {
        const found = placeOnlyDateline(`${city} ${dash} ${lead}`);
        expect(found?.dateline).toEqual({ text: city, location: city, date: null });
        expect(found?.bodyStart).toBe(`${city} ${dash} `.length);
      }
    }
    // Not a deck or title after the city, nor a name the place list does not know.
    expect(placeOnlyDateline('London – A City Reborn')).toBeNull();
    expect(placeOnlyDateline(`Acme Mills – ${lead}`)).toBeNull();
  });

  it('reads the place of a place-only dateline with a day and month but no year after it', () => {
    const lead = 'Acme Mills, a maker of cotton goods, has opened a second plant near the river this spring.';
    expect(placeOnlyDateline(`Lyon, 3rd June – ${lead}`)?.dateline).toEqual({
      text: 'Lyon',
      location: 'Lyon',
      date: null,
    });
    expect(placeOnlyDateline(`Kaifeng, Henan, China, June 3 – ${lead}`)?.dateline.location).toBe(
      'Kaifeng, Henan, China',
    );
    expect(placeOnlyDateline(`Lyon, 3rd June – ${lead}`)?.bodyStart).toBe('Lyon, 3rd June – '.length);
    // Not an unknown name before the date, nor a word that is no month, nor a deck.
    expect(placeOnlyDateline(`Acme, 3rd June – ${lead}`)).toBeNull();
    expect(placeOnlyDateline(`Lyon, 3rd Street – ${lead}`)).toBeNull();
    expect(placeOnlyDateline('Lyon, 3rd June – A Summer Fair')).toBeNull();
  });

  it('takes a month and year with their own dash after a place-only dateline off the lead', () => {
    const lead = 'Acme Mills, a maker of cotton goods, has opened a second plant near the river this spring.';
    for (const [written, rest] of [
      ['DAYTON, OH – May 2026 – ', lead],
      ['DAYTON, OH - JUNE 2025 -- ', lead],
      ['Lyon, France – Sept. 2024 – ', lead],
    ] as const) {
      const found = placeOnlyDateline(`${written}${rest}`);
      expect(found?.dateline).toEqual({
        text: written.split(/ [-–]/)[0],
        location: written.split(/ [-–]/)[0],
        date: null,
      });
      expect(found?.bodyStart).toBe(written.length);
    }
    // A word that is no month, or a number that is no year, opens the lead.
    expect(placeOnlyDateline(`DAYTON, OH – Acme 2026 – ${lead}`)?.bodyStart).toBe('DAYTON, OH – '.length);
    expect(placeOnlyDateline(`DAYTON, OH – May 12 – ${lead}`)?.bodyStart).toBe('DAYTON, OH – '.length);
  });

  it('reads a double dash written with a space inside it as one separator', () => {
    for (const sep of ['- -', '– –', '-- --']) {
      const found = findDateline(`Dayton, Ohio, 16 May 2025 ${sep} Acme Mills has opened a second plant.`);
      expect(found?.dateline.location).toBe('Dayton, Ohio');
      expect(found?.dateline.date).toBe('2025-05-16');
      expect(`Dayton, Ohio, 16 May 2025 ${sep} Acme Mills has opened a second plant.`.slice(found?.bodyStart)).toBe(
        'Acme Mills has opened a second plant.',
      );
    }
  });

  it('reads the date, then the place set off by commas with no credit', () => {
    const found = findDateline('June 3, 2026, Kaifeng, Henan, China, On May 30 the museum opened its new hall.');
    expect(found?.dateline).toEqual({
      text: 'June 3, 2026, Kaifeng, Henan, China',
      location: 'Kaifeng, Henan, China',
      date: '2026-06-03',
    });
    expect(findDateline('June 3, 2026, Lyon, France, The fair opens.')?.dateline.location).toBe('Lyon, France');
    // The place's last part must be a known region or country.
    expect(findDateline('June 3, 2026, Acme, Beta Corp, The deal closed.')).toBeNull();
  });
});

describe('findDateline in two halves: the tagged dateline, else the tag-less one', () => {
  it.each(CASES)('%s', (input) => {
    const tagged = findTaggedDateline(input);
    if (tagged) expect(tagged.wire).not.toBeNull();
    const untagged = tagged ? null : taglessDateline(input);
    if (untagged) expect(untagged.wire).toBeNull();
    expect(tagged ?? untagged).toEqual(findDateline(input));
  });
});

describe('a city alone in capitals after a wire tag and its date', () => {
  const lead = 'The city council voted on Tuesday to fund two new parks and a library, and work starts this spring.';
  it.each([
    ['(NewMediaWire) - May 30, 2025 - DALLAS — ', 'DALLAS'],
    ['(NewMediaWire) - May 30, 2025 - NEW ORLEANS - ', 'NEW ORLEANS'],
    // a town no place list knows, before a lead of sentences
    ['(NewMediaWire) - May 30, 2025 - BRANTWOOD – ', 'BRANTWOOD'],
  ])('%s', (head, place) => {
    const found = findDateline(`${head}${lead}`);
    expect(found?.dateline.location).toBe(place);
    expect(found?.dateline.date).toBe('2025-05-30');
    expect(`${head}${lead}`.slice(found?.bodyStart ?? 0)).toBe(lead);
  });
  it('leaves a word in capitals before a deck, and a lone short acronym, as text', () => {
    expect(
      findDateline('(NewMediaWire) - May 30, 2025 - UPDATE — New Parks for Everyone')?.dateline.location,
    ).toBeNull();
    expect(findDateline(`(NewMediaWire) - May 30, 2025 - AI – ${lead}`)?.dateline.location).toBeNull();
  });
});

describe('a city before its state or province code with no comma between them', () => {
  it('is the place, with the country after it or not', () => {
    for (const place of ['Victoria BC, Canada', 'Grand Rapids MI', 'Dayton OH, USA']) {
      const found = findDateline(`${place} (Newsworthy.ai) Tuesday Feb 27, 2024 @ 8:00 AM Central -- Body…`);
      expect(found?.dateline.location).toBe(place);
      expect(found?.dateline.date).toBe('2024-02-27');
    }
  });
  it('does not take a headline’s words before a code for a city', () => {
    const found = findDateline('Acme Opens Plant In NY (Newsworthy.ai) Tuesday Feb 27, 2024 -- Body…');
    expect(found?.dateline.location).toBe('NY');
  });
});

describe('a place typed with some words in lower case, and a legend before a date', () => {
  it('reads a city with some of its words capitalized before a known region', () => {
    for (const head of [
      'Santa clara, CA - March 24, 2026',
      'Fort lauderdale, FL - March 24, 2026',
      'San marcos, Texas - March 24, 2026',
    ]) {
      const found = findDateline(head);
      expect(found?.dateline.location).toBe(head.split(' - ')[0]);
      expect(found?.dateline.date).toBe('2026-03-24');
    }
    // Words of a sentence, whatever their case, are no city.
    expect(findDateline('The company, Texas - March 24, 2026')).toBeNull();
  });

  it('reads a release legend before a date as the date with no place', () => {
    for (const head of [
      'FOR IMMEDIATE RELEASE - JUNE 15, 2026',
      'For immediate release: June 15, 2026',
      'EMBARGOED – June 15, 2026',
    ]) {
      expect(findDateline(head)?.dateline).toEqual({ text: head, location: null, date: '2026-06-15' });
    }
  });
});

describe('dateline dates', () => {
  it.each([
    ['BEIJING, March 7, 2024', '2024-03-07'],
    ['NEW YORK (MARCH 7)', null],
    ['SÃO PAULO, 7 de março de 2024', '2024-03-07'],
    ['ROMA, 7 marzo 2024', '2024-03-07'],
    ['AMSTERDAM, 7 maart 2024', '2024-03-07'],
    ['東京, 2024年3月7日', '2024-03-07'],
    ['서울, 2024년 3월 7일', '2024-03-07'],
    ['PARIS, Feb. 30, 2024', null],
    // A comma after the month, a year after the day.
    ['DAYTON, OH -- March, 3rd 2026', '2026-03-03'],
    ['Reno, NV – June, 21, 2025', '2025-06-21'],
    ['Salem, OR, Sept., 9th, 2024', '2024-09-09'],
    // (not without a year: a count after a month is no day)
    ['Orders rose in May, 12', null],
  ])('%s → %s', (s, iso) => {
    expect(dateAtEnd(s)?.iso ?? null).toBe(iso);
  });

  it('reads a date at the start (after a tag) and says where it ends', () => {
    expect(dateAtStart('Sept. 3, 2024 / Text')).toEqual({ start: 0, end: 13, iso: '2024-09-03' });
    expect(dateAtStart('a may 2024')).toBeNull();
    expect(dateAtStart('April, 16th 2026 -- Text')).toEqual({ start: 0, end: 16, iso: '2026-04-16' });
  });

  it('reads a tag-less dateline whose month is followed by a comma', () => {
    const text = 'DAYTON, OH -- March, 3rd 2026 -- Acme Corp. said today it would build a plant.';
    const found = findDateline(text);
    expect(found?.dateline.date).toBe('2026-03-03');
    expect(text.slice(found?.bodyStart)).toBe('Acme Corp. said today it would build a plant.');
  });

  it('reads Business Wire page times with written-out zone names', () => {
    expect(parseTimestamp('December 3, 2024 06:15 PM Pacific Standard Time')).toBe('2024-12-04T02:15:00.000Z');
    expect(parseTimestamp('March 10, 2025 09:00 AM Eastern Daylight Time')).toBe('2025-03-10T13:00:00.000Z');
    expect(parseTimestamp('March 10, 2025 09:00 AM Martian Time')).toBeNull();
  });
});

describe('national capitals without a region, and event-detail labels', () => {
  it('reads a national capital written alone in title case before a full date', () => {
    for (const [head, city] of [
      ['Valletta, 4 April 2025 - - Body', 'Valletta'],
      ['Ljubljana, March 3, 2026 -- Body', 'Ljubljana'],
      ['Port of Spain, 12 May 2025 – Body', 'Port of Spain'],
      ['Yaoundé, June 1, 2025 - Body', 'Yaoundé'],
    ] as const) {
      expect(findDateline(head)?.dateline.location).toBe(city);
    }
  });

  it('never reads an event-detail row (`WHEN:`, `Where:`, `Time:`) as a dateline', () => {
    for (const row of [
      'WHEN: Wednesday, September 24, 2025 | 2:40 p.m. SGT',
      'When: May 6, 2025 - 10 a.m.',
      'TIME: June 2, 2025 | noon',
      'Venue: July 8, 2025 – TBA',
    ]) {
      expect(findDateline(row)).toBeNull();
    }
  });
});
