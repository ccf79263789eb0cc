import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { findDateline } from '../../../../lambdas/core/parser/dateline';
import { clauseOrganization, leadOrganization } from '../../../../lambdas/core/parser/lead';

/** Rules drawn from how real wire copy is written, each tested on a release made up for it. */
describe('wire tag between slashes naming a newswire', () => {
  it('reads `/Acme Newswire/` after the date as that wire', () => {
    const text = 'Tampa, FL – May 6, 2025 /Harbor Newswire/ – Jane Roe opened a new studio downtown.';
    const found = findDateline(text);
    expect(found?.wire).toEqual({ name: 'Harbor Newswire', tag: 'Harbor Newswire' });
    expect(found?.dateline.location).toBe('Tampa, FL');
    expect(text.slice(found?.bodyStart)).toBe('Jane Roe opened a new studio downtown.');
  });
});

const LEAD =
  'AUSTIN, Texas, May 6, 2025 /PRNewswire/ -- Brightfold Labs today launched Foldwise, a planning tool for small teams.';

describe('where the body ends', () => {
  it('a "To view the full press release, visit …" line is a distributor trailer, not body', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\nTo view the full press release, visit https://example.com/r/abc\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });

  it('a "Follow X on social media:" line opens the social list', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\nFollow Brightfold on social media:\n\nInstagram: @brightfold\n\nTikTok: @brightfold\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });

  it('an emoji before a contact label does not hide the label', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\n📩 Contact: press@brightfold.example 🌎 Website: www.brightfold.example\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
    expect(r.contacts.map((c) => c.email)).toContain('press@brightfold.example');
  });

  it('keeps a copyright line recognised (© is not a leading emoji)', () => {
    const r = parseReleaseStrict({
      content: `Brightfold Labs Launches Foldwise\n\n${LEAD}\n\nThe tool is free for teams of five.\n\n© 2025 Brightfold Labs. All rights reserved.\n`,
    });
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });
});

describe('wire from the "View source version on …" line', () => {
  it('names the wire whose site the line points to when the text has no tag', () => {
    const r = parseReleaseStrict({
      content:
        '# Brightfold Labs Launches Foldwise\n\nBrightfold Labs today launched Foldwise, a planning tool for small teams.\n\n' +
        'The tool is free for teams of five.\n\nView source version on newsdirect.com: https://newsdirect.com/news/brightfold-123\n',
    });
    expect(r.wire?.name).toBe('News Direct');
    expect(r.body.paragraphs.at(-1)).toBe('The tool is free for teams of five.');
  });

  it('leaves the wire unknown when the line points to another site', () => {
    const r = parseReleaseStrict({
      content:
        '# Brightfold Labs Launches Foldwise\n\nBrightfold Labs today launched Foldwise, a planning tool for small teams.\n\n' +
        'View source version on brightfold.example: https://brightfold.example/news/1\n',
    });
    expect(r.wire).toBeNull();
  });
});

describe('the issuer', () => {
  it('a titled person as the lead subject is not the issuer', () => {
    expect(leadOrganization('President Jane Roe signed an order declaring a holiday.')).toBeNull();
    expect(leadOrganization('Gov. John Doe announced a plan for new roads.')).toBeNull();
    expect(leadOrganization('Brightfold Labs today launched Foldwise.')).toBe('Brightfold Labs');
  });

  it('a later clause whose subject the headline names gives the issuer', () => {
    const paragraphs = [
      'As summer arrives, many people sleep badly. To meet this need, Coolnest introduces the Coolnest Breeze Collection, a line of cooling sheets.',
    ];
    expect(clauseOrganization('Coolnest Breeze Collection Redefines Summer Sleep', paragraphs)).toBe('Coolnest');
    // The headline does not name it: no issuer from the clause.
    expect(clauseOrganization('A Better Night for Hot Sleepers', paragraphs)).toBeNull();
  });

  it('through the whole parse, when no line or lead names the issuer', () => {
    const r = parseReleaseStrict({
      content:
        '# Teams Want Energy, Says New Brightfold Labs Survey\n\n' +
        'A new survey of office workers found that energy matters more than agendas in meetings.\n\n' +
        'To address the problem, Brightfold Labs today launched Foldwise, a facilitation tool.\n',
    });
    expect(r.source).toBe('Brightfold Labs');
  });
});
