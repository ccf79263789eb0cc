import fc from 'fast-check';
import {
  cityKey,
  dayKey,
  organizationKey,
  parsePlaceFilter,
  parseTickerKey,
  releaseIdOfSortKey,
  sortKey,
  tickerKey,
} from '../../../../lambdas/core/keys';

describe('organizationKey', () => {
  it.each([
    ['Acme Robotics, Inc.', 'acme robotics'],
    ['acme robotics inc', 'acme robotics'],
    ['ACME ROBOTICS INCORPORATED', 'acme robotics'],
    ['Acme  Robotics   Corp.', 'acme robotics'],
    ['Société Générale S.A.', 'societe generale'],
    ['Müller GmbH', 'muller'],
    ['Johnson & Johnson', 'johnson and johnson'],
    ['Smith & Co.', 'smith'],
    ['Globex Holdings Ltd', 'globex holdings'],
    ['Initech Holdings, LLC', 'initech holdings'],
    ['Volvo AB', 'volvo'],
    ['Kestrel Pay Pty Ltd', 'kestrel pay'],
    ["O'Brien Media plc", 'obrien media'],
    ['U.S. Steel Corp.', 'us steel'],
    ['Limited', 'limited'],
    ['  ', ''],
  ])('%j → %j', (name, key) => {
    expect(organizationKey(name)).toBe(key);
  });

  it('keeps a domain name readable and distinct (dots kept)', () => {
    expect(organizationKey('chinadaily.com.cn')).toBe('chinadaily.com.cn');
    expect(organizationKey('ChinaDaily.com.cn')).toBe('chinadaily.com.cn');
    expect(organizationKey('Amazon.com, Inc.')).toBe('amazon.com');
    expect(organizationKey('chinadaily.com.cn')).not.toBe(organizationKey('chinadaily com cn'));
  });

  it('treats spelling variants of one issuer alike', () => {
    expect(organizationKey('Acme Robotics Inc')).toBe(organizationKey('Acme Robotics, Inc.'));
    expect(organizationKey('ACME ROBOTICS, INC')).toBe(organizationKey('acme robotics inc.'));
  });
});

describe('tickerKey / parseTickerKey', () => {
  it.each([
    ['NASDAQ', 'ABCD', 'NASDAQ:ABCD'],
    ['Nasdaq GS', 'abcd', 'NASDAQ:ABCD'],
    ['NYSE American', 'XYZ', 'NYSEAMERICAN:XYZ'],
    ['NYSE MKT', 'XYZ', 'NYSEAMERICAN:XYZ'],
    ['TSX-V', 'YGT', 'TSXV:YGT'],
    ['TSX.V', 'YGT', 'TSXV:YGT'],
    ['NYSE', 'GIG.U', 'NYSE:GIG.U'],
    ['Nasdaq Stockholm', 'ABC', 'NASDAQSTOCKHOLM:ABC'],
  ])('%s + %s → %s', (exchange, symbol, key) => {
    expect(tickerKey(exchange, symbol)).toBe(key);
  });

  it('reads a user spelling and refuses a bare symbol', () => {
    expect(parseTickerKey('nasdaq: abcd')).toBe('NASDAQ:ABCD');
    expect(parseTickerKey(' NASDAQ : ABCD ')).toBe('NASDAQ:ABCD');
    expect(parseTickerKey('Nasdaq GS:ABCD')).toBe('NASDAQ:ABCD');
    expect(parseTickerKey('ABCD')).toBeNull();
    expect(parseTickerKey('NASDAQ:')).toBeNull();
  });
});

describe('cityKey / parsePlaceFilter', () => {
  it('normalizes city names', () => {
    expect(cityKey('Beijing')).toBe('beijing');
    expect(cityKey('St. Louis')).toBe('st louis');
    expect(cityKey('São Paulo')).toBe('sao paulo');
    expect(cityKey('Winston-Salem')).toBe('winston salem');
    expect(cityKey("Xi'an")).toBe('xian');
  });

  it.each([
    ['CN', { country: 'CN' }],
    ['cn', { country: 'CN' }],
    ['Beijing', { city: 'beijing' }],
    ['BEIJING', { city: 'beijing' }],
    ['Beijing, CN', { city: 'beijing', country: 'CN' }],
    ['Austin, Texas', { city: 'austin', country: 'US' }],
    ['Toronto, Ontario', { city: 'toronto', country: 'CA' }],
    ['Berlin, Germany', { city: 'berlin', country: 'DE' }],
    ['São Paulo', { city: 'sao paulo' }],
    ['China', { country: 'CN' }],
    ['USA', { country: 'US' }],
    ['Singapore', { country: 'SG' }],
    ['Georgia', { city: 'georgia' }], // a US state's name is not a country
    ['Washington', { city: 'washington' }],
  ])('%j → %j', (text, filter) => {
    expect(parsePlaceFilter(text)).toEqual(filter);
  });

  it('returns null when nothing usable is named', () => {
    expect(parsePlaceFilter('')).toBeNull();
    expect(parsePlaceFilter('Springfield, Narnia')).toBeNull();
  });
});

describe('dayKey / sortKey', () => {
  it('takes the UTC day of an ISO timestamp', () => {
    expect(dayKey('2025-03-03T14:00:00.000Z')).toBe('2025-03-03');
    expect(dayKey('2025-12-31')).toBe('2025-12-31');
  });
  it('throws when the value is not ISO', () => {
    expect(() => dayKey('March 2025')).toThrow(/not an ISO-8601/);
  });
  it('joins timestamp and id, and gives the id back', () => {
    expect(sortKey('2025-03-03T14:00:00.000Z', 'u-1')).toBe('2025-03-03T14:00:00.000Z#u-1');
    expect(releaseIdOfSortKey('2025-03-03T14:00:00.000Z#u-1')).toBe('u-1');
  });
});

describe('keys are fixed points (a key typed back finds the same partition)', () => {
  const text = fc.string({
    unit: fc.constantFrom(..."Acme Inc. & Co, chinadaily.com.cn S.A. Ünï-x'’ ()/:".split('')),
    maxLength: 40,
  });
  it('organizationKey', () => {
    fc.assert(fc.property(text, (s) => organizationKey(organizationKey(s)) === organizationKey(s)));
  });
  it('cityKey', () => {
    fc.assert(fc.property(text, (s) => cityKey(cityKey(s)) === cityKey(s)));
  });
  it('parseTickerKey', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const key = parseTickerKey(`${a}:${b}`);
        return key === null || parseTickerKey(key) === key;
      }),
    );
  });
});
