import { ICU_COUNTRY_NAMES } from '../../../../lambdas/core/parser/countryNames.generated';
import { countryNamesFromIcu, normalizePlace } from '../../../../lambdas/core/parser/places';

/** The generated `KEY=CC;…` text as [key, code] pairs, in order. */
function generatedPairs(): [string, string][] {
  return ICU_COUNTRY_NAMES.split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => [e.slice(0, e.lastIndexOf('=')), e.slice(e.lastIndexOf('=') + 1)]);
}

describe('country names generated from ICU (countryNames.generated.ts)', () => {
  it("equal what this Node's ICU gives now, name for name and in order (else: npx tsx scripts/gen-country-names.ts)", () => {
    const fromIcu = countryNamesFromIcu();
    expect(fromIcu.length).toBeGreaterThan(500);
    expect(generatedPairs()).toEqual(fromIcu);
  });

  // Names only ICU gives (no COUNTRY_VARIANTS entry), in several of the parser's languages.
  it.each([
    ['BERLIN, Allemagne', { city: 'Berlin', region: null, country: 'DE' }],
    ['GENEVA, Suiza', { city: 'Geneva', region: null, country: 'CH' }],
    ['ZAGREB, Kroatien', { city: 'Zagreb', region: null, country: 'HR' }],
    ['Windhoek, Namibia', { city: 'Windhoek', region: null, country: 'NA' }],
    ['Reykjavik, Islande', { city: 'Reykjavik', region: null, country: 'IS' }],
  ])('%s', (location, place) => {
    expect(normalizePlace(location)).toEqual(place);
  });
});
