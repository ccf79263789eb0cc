import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { isContactHeading } from '../../../../lambdas/core/parser/contacts';
import { findDateline } from '../../../../lambdas/core/parser/dateline';

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
