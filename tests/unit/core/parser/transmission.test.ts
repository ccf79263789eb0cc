/* eslint-disable no-control-regex -- the transmissions tested are framed by control characters. */
import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import { looksLikeTransmission, unwrapTransmission } from '../../../../lambdas/core/parser/transmission';

/**
 * Agency transmissions built by hand from the published structure of IPTC 7901, ANPA 1312 and
 * teleprinter ZCZC … NNNN framing (invented organizations and people).
 */
const RELEASE = [
  'Source: Kestrel Water Alliance',
  'MEDIA RELEASE PR10234',
  '',
  'Kestrel Water Alliance welcomes new river funding',
  '',
  'SYDNEY, March 12, 2025 -- The Kestrel Water Alliance today welcomed a new state program that will fund river restoration across three regions.',
  '',
  'Chief executive Mara Quill said the funding would help local groups plant trees along the banks.',
  '',
  '"This is a great day for our rivers," Ms Quill said.',
  '',
  'ENDS',
  '',
  'Media contact: Tom Vane 0400 000 000 tom.vane@kestrelwater.example',
  '',
].join('\r\n');

function expectRelease(content: string, wire: string | null): void {
  const r = parseReleaseStrict({ content });
  expect(r.wire?.name ?? null).toBe(wire);
  expect(r.title).toBe('Kestrel Water Alliance welcomes new river funding');
  expect(r.dateline?.location).toBe('SYDNEY');
  expect(r.dateline?.date).toBe('2025-03-12');
  expect(r.body.paragraphs[0]).toBe(
    'The Kestrel Water Alliance today welcomed a new state program that will fund river restoration across three regions.',
  );
  expect(r.body.paragraphs.at(-1)).toBe('"This is a great day for our rivers," Ms Quill said.');
  expect(r.body.text).not.toMatch(/ZCZC|NNNN|MEDIANET|\x02|\x03|Rivers\/Funding/);
}

describe('agency transmission framing', () => {
  it('IPTC 7901: SOH header line and keyword line, STX text ETX, transmission time, EOT', () => {
    const content = `\x01mnt0123 4 f 245 MEDIANET\r\nRivers/Funding\r\n\x02${RELEASE}\x03\r\n121530 Mar 25\r\n\x04`;
    expectRelease(content, 'Medianet');
    expect(parseReleaseStrict({ content }).source).toBe('Kestrel Water Alliance');
    expect(parseReleaseStrict({ content }).contacts.map((c) => c.email)).toEqual(['tom.vane@kestrelwater.example']);
  });

  it('IPTC 7901: the headline on the STX line ended by `=`, and an editorial note after the text', () => {
    const content =
      '\x01xyz014 3 pl 120 Kestrel\r\nRivers/Funding\r\n\x02Kestrel Water Alliance welcomes new river funding=\r\n' +
      'SYDNEY, March 12, 2025 -- The Kestrel Water Alliance today welcomed a new state program that will fund river restoration across three regions.\r\n\r\n' +
      '"This is a great day for our rivers," Ms Quill said.\r\n\r\n' +
      'The following information is not for publication\r\nDesk: call 0400 000 000\r\n\x03\r\n121530 Mar 25\r\n\x04';
    const r = parseReleaseStrict({ content });
    expect(r.title).toBe('Kestrel Water Alliance welcomes new river funding');
    expect(r.dateline?.location).toBe('SYDNEY');
    expect(r.body.paragraphs.at(-1)).toBe('"This is a great day for our rivers," Ms Quill said.');
    expect(r.body.text).not.toContain('Desk:');
    expect(r.wire).toBeNull();
  });

  it('ZCZC … NNNN as plain text: field lines (% $ : *) are header, the `:` field is the title', () => {
    const content = `ZCZC\r\n%MEDIANET\r\n$f\r\n:Kestrel Water Alliance welcomes new river funding\r\n*X\r\n${RELEASE}NNNN\r\n`;
    expectRelease(content, 'Medianet');
  });

  it('ZCZC with a one-word keyword field: the title comes from the text, not the keyword', () => {
    const content = `ZCZC\r\n:Rivers\r\n${RELEASE}NNNN\r\n`;
    expectRelease(content, null);
  });

  it('ANPA 1312: SYN SYN SOH selector, header line with format codes, ^ slug and headline, tab paragraphs with <', () => {
    const content =
      '\x16\x16\x01a0123\x1fmnet\r\nr f\x13\x11 bc-Kestrel-Rivers  03-12 0245\r\n\x02' +
      '\t^BC-Kestrel-Rivers@<\r\n\t^Kestrel Water Alliance welcomes new river funding@<\r\n' +
      '\tSYDNEY, March 12, 2025 -- The Kestrel Water Alliance today welcomed a new state program that will fund river\r\nrestoration across three regions.<\r\n' +
      '\tChief executive Mara Quill said the funding would help local groups plant trees along the banks.<\r\n' +
      '\t"This is a great day for our rivers," Ms Quill said.<\r\n\tENDS<\r\n\x03\r\nMEDIANET-12-03-25 1530GMT\r\n\x04';
    expectRelease(content, 'Medianet');
  });

  it('leaves text that is not a transmission alone', () => {
    expect(looksLikeTransmission(RELEASE)).toBe(false);
    expect(unwrapTransmission(RELEASE)).toBeNull();
    // A word that merely contains the letters is not the start-of-message line.
    expect(looksLikeTransmission('Acme ZCZCX launches\n\nText.')).toBe(false);
  });

  it('takes the wire from a line naming the distributor when no dateline tag does', () => {
    const r = parseReleaseStrict({
      content: `${RELEASE.replace(' -- ', ' - ')}\r\nMedia release distributed by AAP Medianet.\r\n`,
    });
    expect(r.wire?.name).toBe('Medianet');
  });

  it('takes it from a labelled distributor line too, and not from one naming no wire', () => {
    const plain = RELEASE.replace(' -- ', ' - ');
    expect(parseReleaseStrict({ content: `${plain}\r\nDistributed by: Reportable, Inc.\r\n` }).wire?.name).toBe(
      'Reportable',
    );
    expect(parseReleaseStrict({ content: `${plain}\r\nDistributed by: Kestrel Media Group\r\n` }).wire).toBeNull();
  });

  it('takes it from such words run into the text around them, only with the wire right after them', () => {
    const plain = RELEASE.replace(' -- ', ' - ').replace(/\r?\n/g, ' ');
    for (const tail of [
      'Source: Kestrel Water Alliance Distributed by: Reportable, Inc. --- [Original release](https://example.org/pr/1)',
      'Contact: Jane Roe, jane@example.org. Transmitted via Medianet on behalf of Kestrel Water Alliance.',
    ]) {
      expect(parseReleaseStrict({ content: `${plain} ${tail}` }).wire).not.toBeNull();
    }
    // A wire named further on in the words after them names no distributor.
    expect(
      parseReleaseStrict({
        content: `${plain} Our products are distributed by a network of partners; see Medianet coverage for details and quotes.`,
      }).wire,
    ).toBeNull();
  });

  it('takes it from such a line on an HTML page too', () => {
    const page =
      '<html><body><article><h1>Kestrel Water Alliance welcomes new river funding</h1>' +
      '<p>The Kestrel Water Alliance today welcomed a new state program that will fund river restoration across three regions.</p>' +
      '<p>The program starts in July and runs for five years.</p><p>Distributed by: Reportable, Inc.</p></article></body></html>';
    expect(parseReleaseStrict({ content: page }).wire?.name).toBe('Reportable');
  });
});
