import { monthKey, organizationKey, sortKey } from '../../../../lambdas/core/keys';

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
    ['chinadaily.com.cn', 'chinadailycomcn'],
    ["O'Brien Media plc", 'obrien media'],
    ['Limited', 'limited'],
    ['  ', ''],
  ])('%j → %j', (name, key) => {
    expect(organizationKey(name)).toBe(key);
  });

  it('treats spelling variants of one issuer alike', () => {
    expect(organizationKey('Acme Robotics Inc')).toBe(organizationKey('Acme Robotics, Inc.'));
  });
});

describe('monthKey / sortKey', () => {
  it('takes the month of an ISO timestamp', () => {
    expect(monthKey('2025-03-03T14:00:00.000Z')).toBe('2025-03');
    expect(monthKey('2025-12')).toBe('2025-12');
  });
  it('throws when the value is not ISO', () => {
    expect(() => monthKey('March 2025')).toThrow(/not an ISO-8601/);
  });
  it('joins timestamp and id', () => {
    expect(sortKey('2025-03-03T14:00:00.000Z', 'u-1')).toBe('2025-03-03T14:00:00.000Z#u-1');
  });
});
