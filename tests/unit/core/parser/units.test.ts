import { countWords } from '../../../../lambdas/core/parser/blocks';
import { findDateline } from '../../../../lambdas/core/parser/dateline';
import { parseTimestamp } from '../../../../lambdas/core/parser/dates';
import { detectLanguage } from '../../../../lambdas/core/parser/language';
import { normalizePlace } from '../../../../lambdas/core/parser/places';
import { execAll } from '../../../../lambdas/core/parser/regex';
import { findTickers } from '../../../../lambdas/core/parser/tickers';

describe('findDateline', () => {
  it.each([
    ['BEIJING, March 7, 2024 /PRNewswire-Asia/ -- Text', 'PR Newswire', 'PRNewswire-Asia', 'BEIJING', '2024-03-07'],
    [
      'WASHINGTON, Sept. 3, 2024 /PRNewswire-USNewswire/ – Text',
      'PR Newswire',
      'PRNewswire-USNewswire',
      'WASHINGTON',
      '2024-09-03',
    ],
    [
      'MIAMI, Jan. 2, 2025 /PRNewswire-HISPANIC PR WIRE/ - Text',
      'PR Newswire',
      'PRNewswire-HISPANIC PR WIRE',
      'MIAMI',
      '2025-01-02',
    ],
    ['TORONTO, March 07, 2024 (GLOBE NEWSWIRE) -- Text', 'GlobeNewswire', 'GLOBE NEWSWIRE', 'TORONTO', '2024-03-07'],
    ['NEW YORK, NY / ACCESSWIRE / March 7, 2024 / Text', 'Accesswire', 'ACCESSWIRE', 'NEW YORK, NY', '2024-03-07'],
    [
      'Vancouver, British Columbia--(Newsfile Corp. - March 7, 2024) - Text',
      'Newsfile',
      'Newsfile Corp.',
      'Vancouver, British Columbia',
      '2024-03-07',
    ],
    [
      'WASHINGTON, DC, UNITED STATES, March 7, 2024 /EINPresswire.com/ -- Text',
      'EIN Presswire',
      'EINPresswire.com',
      'WASHINGTON, DC, UNITED STATES',
      '2024-03-07',
    ],
    ['TORONTO, March 7, 2024 /CNW/ - Text', 'Canada Newswire', 'CNW', 'TORONTO', '2024-03-07'],
  ])('%s', (text, name, tag, location, date) => {
    const found = findDateline(text);
    expect(found?.wire).toEqual({ name, tag });
    expect(found?.dateline.location).toBe(location);
    expect(found?.dateline.date).toBe(date);
    expect(text.slice(found?.bodyStart)).toBe('Text');
  });

  it('gives a null date for an impossible date', () => {
    expect(findDateline('PARIS, Feb. 30, 2024 /PRNewswire/ -- Text')?.dateline.date).toBeNull();
  });

  it('finds nothing in prose', () => {
    expect(findDateline('The company said on Monday that results improved.')).toBeNull();
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['Mar 07, 2024, 03:00 ET', '2024-03-07T08:00:00.000Z'], // EST before the March 10 switch
    ['Mar 11, 2024, 03:00 ET', '2024-03-11T07:00:00.000Z'], // EDT after it
    ['Nov 04, 2024, 09:00 ET', '2024-11-04T14:00:00.000Z'],
    ['Jun 02, 2025, 1:30 PM PT', '2025-06-02T20:30:00.000Z'],
    ['Tue, 14 Jan 2025 13:05:00 GMT', '2025-01-14T13:05:00.000Z'],
    ['Tue, 14 Jan 2025 13:05:00 +0100', '2025-01-14T12:05:00.000Z'],
    ['2024-03-07T03:00:00-05:00', '2024-03-07T08:00:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseTimestamp(raw)).toBe(iso);
  });

  it.each(['Mar 07, 2024, 03:00', '2024-03-07T03:00:00', 'yesterday', '', 'Mar 07, 2024, 03:00 XYZ'])(
    'returns null without a known zone: %s',
    (raw) => {
      expect(parseTimestamp(raw)).toBeNull();
    },
  );
});

describe('findTickers', () => {
  it('reads every exchange-qualified symbol once, in order', () => {
    const text =
      'Acme (NASDAQ: ACME) and Gig (NYSE:GIG, GIG.U) and Yew (TSXV:YGT)(OTCQB:YGTFF), Xyz (NYSE American: XYZ), again (Nasdaq: ACME).';
    expect(findTickers(text)).toEqual([
      { exchange: 'NASDAQ', symbol: 'ACME' },
      { exchange: 'NYSE', symbol: 'GIG' },
      { exchange: 'NYSE', symbol: 'GIG.U' },
      { exchange: 'TSXV', symbol: 'YGT' },
      { exchange: 'OTCQB', symbol: 'YGTFF' },
      { exchange: 'NYSE AMERICAN', symbol: 'XYZ' },
    ]);
  });

  it('reads numeric listing codes on exchanges that use them, and only there', () => {
    expect(findTickers('Hoshikawa (TSE: 7391) and Tencent (HKEX: 0700) but not (NYSE: 2024).')).toEqual([
      { exchange: 'TSE', symbol: '7391' },
      { exchange: 'HKEX', symbol: '0700' },
    ]);
  });

  it('reads a numeric code on a German exchange listed after the home listing', () => {
    expect(findTickers('Acme Solar (NASDAQ: ACSL) (Cboe CA: ACS) (FSE: 207), a developer')).toEqual([
      { exchange: 'NASDAQ', symbol: 'ACSL' },
      { exchange: 'CBOE CA', symbol: 'ACS' },
      { exchange: 'FSE', symbol: '207' },
    ]);
    expect(findTickers('Zeta Mining Corp. (TSXV: ZMC, OTCQB: ZMCFF, Frankfurt: 4410, XETRA: 9A1)')).toEqual([
      { exchange: 'TSXV', symbol: 'ZMC' },
      { exchange: 'OTCQB', symbol: 'ZMCFF' },
      { exchange: 'FRANKFURT', symbol: '4410' },
      { exchange: 'XETRA', symbol: '9A1' },
    ]);
    expect(findTickers('Beta Lithium (CSE: BLI) (FWB: 0EZ) (FRA: 1720)')).toEqual([
      { exchange: 'CSE', symbol: 'BLI' },
      { exchange: 'FWB', symbol: '0EZ' },
      { exchange: 'FRA', symbol: '1720' },
    ]);
  });

  it("reads Cboe Canada's short form and OTC Markets' ID tier", () => {
    expect(findTickers('Acme Inc. (NYSE American: ACM) (Cboe CA: ACM) and Zeta Corp. (OTCID: ZETA)')).toEqual([
      { exchange: 'NYSE AMERICAN', symbol: 'ACM' },
      { exchange: 'CBOE CA', symbol: 'ACM' },
      { exchange: 'OTCID', symbol: 'ZETA' },
    ]);
  });

  it("reads Vietnam's exchanges and the NZX main board's older name", () => {
    expect(
      findTickers('Acme Bank (HoSE: ACB), Zeta Securities (HNX: ZSC), Beta Co. (UPCoM: BTC) and Kiwi Ltd (NZSE: KWI)'),
    ).toEqual([
      { exchange: 'HOSE', symbol: 'ACB' },
      { exchange: 'HNX', symbol: 'ZSC' },
      { exchange: 'UPCOM', symbol: 'BTC' },
      { exchange: 'NZSE', symbol: 'KWI' },
    ]);
    // the exchange and the symbol may both be exchanges' names: the label before the colon is the exchange
    expect(findTickers('NZX Limited (NZSE: NZX)')).toEqual([{ exchange: 'NZSE', symbol: 'NZX' }]);
  });

  it('reads OTC Markets as market-data sites abbreviate it', () => {
    expect(findTickers('a subsidiary of Acme Corp. (OTCMKTS: ACME) and Zeta Inc. (OTC MKTS: ZETA)')).toEqual([
      { exchange: 'OTCMKTS', symbol: 'ACME' },
      { exchange: 'OTC MKTS', symbol: 'ZETA' },
    ]);
  });

  it('reads exchanges written out in full and newer venues', () => {
    expect(
      findTickers('Acme (TSX Venture Exchange: ACM) (Frankfurt Stock Exchange: A1B) and Zeta (NYSE Texas: ZETA)'),
    ).toEqual([
      { exchange: 'TSX VENTURE EXCHANGE', symbol: 'ACM' },
      { exchange: 'FRANKFURT STOCK EXCHANGE', symbol: 'A1B' },
      { exchange: 'NYSE TEXAS', symbol: 'ZETA' },
    ]);
  });

  it('reads a listing written out after the word symbol, with no parentheses', () => {
    expect(findTickers('After the merger, Zeta Holdings will trade under the symbol NASDAQ: ZETA.')).toEqual([
      { exchange: 'NASDAQ', symbol: 'ZETA' },
    ]);
    expect(findTickers('Its shares trade on the NYSE under the symbol “ZETA”. Symbol note: ABC.')).toEqual([]);
  });

  it('ignores symbols without an exchange and labels that are not exchanges', () => {
    expect(findTickers('Acme (ACME) said (Note: ABC) and (Ref: X1).')).toEqual([]);
  });
});

describe('normalizePlace', () => {
  it.each([
    ['BEIJING', { city: 'Beijing', region: null, country: 'CN' }],
    ['NEW YORK', { city: 'New York', region: 'NY', country: 'US' }],
    ['AUSTIN, Texas', { city: 'Austin', region: 'TX', country: 'US' }],
    ['PRINCETON, N.J.', { city: 'Princeton', region: 'NJ', country: 'US' }],
    ['SAN DIEGO, Calif.', { city: 'San Diego', region: 'CA', country: 'US' }],
    ['TORONTO, Ontario', { city: 'Toronto', region: 'ON', country: 'CA' }],
    ['LONDON, Ontario, Canada', { city: 'London', region: 'ON', country: 'CA' }],
    ['SHENZHEN, China', { city: 'Shenzhen', region: null, country: 'CN' }],
    ['SINGAPORE', { city: 'Singapore', region: null, country: 'SG' }],
    ['WINSTON-SALEM, N.C.', { city: 'Winston-Salem', region: 'NC', country: 'US' }],
    ['AUSTIN', { city: 'Austin', region: null, country: null }],
    ['ATLANTIS, Oceania', { city: 'Atlantis', region: null, country: null }],
  ])('%s', (location, place) => {
    expect(normalizePlace(location)).toEqual(place);
  });
});

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'The company said that it will open a new plant in the region and that the plant will employ 300 people from the area.',
    ],
    [
      'es',
      'La empresa anunció que abrirá una nueva planta en la región y que la planta empleará a 300 personas de la zona para el proyecto.',
    ],
    [
      'fr',
      "L'entreprise a annoncé qu'elle ouvrira une nouvelle usine dans la région et que cette usine emploiera 300 personnes pour le projet.",
    ],
    [
      'de',
      'Das Unternehmen hat angekündigt, dass es ein neues Werk in der Region eröffnen wird und dass das Werk 300 Menschen beschäftigen wird.',
    ],
    [
      'pt',
      'A empresa anunciou que vai abrir uma nova fábrica na região e que a fábrica vai empregar 300 pessoas da área para o projeto.',
    ],
    ['zh', '公司宣布将在该地区开设一家新工厂，该工厂将雇用三百名当地员工，并计划在明年全面投产。'],
    ['ja', '同社は、この地域に新しい工場を開設し、地元の従業員を三百人雇用すると発表しました。'],
    ['ko', '회사는 이 지역에 새로운 공장을 열고 현지 직원 300명을 고용할 것이라고 발표했습니다.'],
    [
      'ru',
      'Компания объявила, что откроет новый завод в регионе и что на заводе будут работать 300 человек из этого района.',
    ],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('returns null for text too short to judge', () => {
    expect(detectLanguage('Acme Robotics')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('execAll', () => {
  const starts = (re: RegExp, s: string) => [...execAll(re, s)].map((m) => [m.index, m[0]]);
  it.each([
    [/(?=\p{Lu})/gu, 'a😀Bc😀D'],
    [/(?<= )(?=About )/gu, 'x. About Acme. About Beta'],
    [/\d+|(?=x)/g, 'x12 x3x'],
    [/(?:)/gu, '😀a😀'],
    [/b/g, 'aaa'],
  ])('finds what matchAll finds: %s on %s', (re, s) => {
    expect(starts(re, s)).toEqual([...s.matchAll(re)].map((m) => [m.index, m[0]]));
  });
  it('can run the same regex again inside its loop', () => {
    const re = /a/g;
    const seen: number[] = [];
    for (const m of execAll(re, 'a a a')) {
      seen.push(m.index);
      expect([...execAll(re, 'aa')]).toHaveLength(2);
    }
    expect(seen).toEqual([0, 2, 4]);
  });
  it('refuses a regex without the g flag', () => {
    expect(() => [...execAll(/a/, 'a')]).toThrow(TypeError);
  });
});

describe('countWords', () => {
  it('counts the runs of non-space characters that hold a letter or digit', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  Acme  opens a plant -- in 2025 |  ')).toBe(6);
    expect(countWords('— | -- * ·')).toBe(0);
    expect(countWords('e-mail: press@acme.example (24/7)')).toBe(3);
  });

  it('splits at every white space a regex calls \\s, ASCII or not', () => {
    expect(countWords('one\ttwo\nthree\u000bfour\ffive\rsix')).toBe(6);
    expect(countWords('one\u00a0two\u2003three\u3000four\ufeff five\u2028six')).toBe(6);
    // (U+0085 and U+200B are not white space to a regex: they join their neighbours)
    expect(countWords('one\u0085two three\u200bfour')).toBe(2);
  });

  it('reads letters and digits of any script, astral ones included, and nothing else as a word', () => {
    expect(countWords('Ärger straße 東京 ٣ Ⅳ ²')).toBe(6);
    expect(countWords('\u{1d400}\u{1d401} \u{1f600} \ud800 \udc00x')).toBe(2);
  });
});
