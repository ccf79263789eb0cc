import { InvalidArgumentError } from 'commander';
import { isoDate, parseIsoDateTime, wholeNumber } from '../../../bin/commands/shared';

describe('parseIsoDateTime: ISO 8601 only, no rollover', () => {
  it.each([
    ['2024-03-07', '2024-03-07T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2024-03-07T08:00', '2024-03-07T08:00:00.000Z'],
    ['2024-03-07T08:00:30Z', '2024-03-07T08:00:30.000Z'],
    ['2024-03-07T08:00:30.25+01:00', '2024-03-07T07:00:30.250Z'],
    ['2024-03-07T08:00:00-0500', '2024-03-07T13:00:00.000Z'],
    ['0024-01-01', '0024-01-01T00:00:00.000Z'],
  ])('%s → %s', (v, iso) => {
    expect(new Date(parseIsoDateTime(v)).toISOString()).toBe(iso);
  });

  it.each([
    ['2024-02-30', /February 2024 has 29 days/],
    ['2023-02-29', /February 2023 has 28 days/],
    ['2024-04-31', /April 2024 has 30 days/],
    ['2024-13-01', /no month 13/],
    ['2024-03-07T25:00', /00:00:00 to 23:59:59/],
    ['1', /expected an ISO 8601 date/],
    ['March 7, 2024', /expected an ISO 8601 date/],
    ['2024/03/07', /expected an ISO 8601 date/],
    ['', /expected an ISO 8601 date/],
  ])('refuses %p saying what is wrong', (v, why) => {
    expect(() => parseIsoDateTime(v)).toThrow(InvalidArgumentError);
    expect(() => parseIsoDateTime(v)).toThrow(why);
  });

  it('an upper bound given as a date is the end of that day', () => {
    expect(isoDate('end')('2024-03-07')).toBe('2024-03-07T23:59:59.999Z');
    expect(isoDate('start')('2024-03-07')).toBe('2024-03-07T00:00:00.000Z');
  });
});

describe('wholeNumber', () => {
  const limit = wholeNumber('--limit', 1, 1000);
  it('takes 1 to 1000', () => {
    expect(limit('1')).toBe(1);
    expect(limit('1000')).toBe(1000);
  });
  it.each(['0', '1001', '-1', '1.5', '1e3', '0x10', '', 'ten'])('refuses %p', (v) => {
    expect(() => limit(v)).toThrow(/--limit must be a whole number from 1 to 1000/);
  });
});
