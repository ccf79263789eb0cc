import { parseReleaseStrict } from '../../../../lambdas/core/parser';
import {
  findEmail,
  isContactHeading,
  isPersonName,
  parseContactBlock,
  sentenceContacts,
} from '../../../../lambdas/core/parser/contacts';

// Contacts and the page markup around them, on short made-up releases.

/** A minimal wire page around the given release-body paragraphs. */
function page(body: string): string {
  return `<!DOCTYPE html><html><head><title>Acme Opens Plant</title></head><body><article><h1>Acme Opens Plant</h1><section class="release-body"><p>DENVER, May 6, 2025 /PRNewswire/ -- Acme Corp (NYSE: ACM) today opened a plant.</p>${body}<p>SOURCE Acme Corp</p></section></article></body></html>`;
}

describe('release page markup', () => {
  it('a bold line before a <br> is a heading of its own, not the start of the paragraph under it', () => {
    const p = parseReleaseStrict({
      content: page('<p><b>Conference Call</b><br>Acme will host a call at 9 a.m. ET.</p>'),
    });
    expect(p.body.paragraphs).toEqual([
      'Acme Corp (NYSE: ACM) today opened a plant.',
      'Conference Call',
      'Acme will host a call at 9 a.m. ET.',
    ]);
  });

  it('a bold contact heading or a bold label ending in a colon stays with the lines under it', () => {
    const p = parseReleaseStrict({
      content: page(
        '<p><b>Highlights:</b><br>Output rose 9%.</p><p><b>Media Contact</b><br>Jane Doe<br><a href="mailto:jane@acme.example">jane@acme.example</a></p>',
      ),
    });
    expect(p.body.paragraphs).toEqual(['Acme Corp (NYSE: ACM) today opened a plant.', 'Highlights: Output rose 9%.']);
    expect(p.contacts).toEqual([{ name: 'Jane Doe', organization: null, email: 'jane@acme.example', phone: null }]);
  });

  it("a wire's multimedia pointers (Photo - https://…, Logo - https://…) are not paragraphs", () => {
    const p = parseReleaseStrict({
      content: page(
        '<p>The plant employs 40 people.</p><p>Photo - https://mma.example/media/1/plant.jpg<br>Logo - https://mma.example/media/2/logo.jpg</p><p>Video - https://mma.example/media/3/tour.mp4</p>',
      ),
    });
    expect(p.body.paragraphs).toEqual(['Acme Corp (NYSE: ACM) today opened a plant.', 'The plant employs 40 people.']);
  });

  it('a page with no known release container: the element marked role="main" holds the release, even inside a wrapper whose class reads as chrome', () => {
    const content =
      '<!DOCTYPE html><html><head><title>Acme Opens Plant</title></head><body><div class="topics"><p>News Topics</p><p>Recently Visited</p></div><div class="page_sidebar_on"><div role="main"><h1>Acme Opens Plant</h1><p>DENVER, May 6, 2025 /PRNewswire/ -- Acme Corp (NYSE: ACM) today opened a plant in Denver, its largest so far, with room for 400 workers.</p><p>The plant will make parts for wind turbines and rail cars, and it will run on power bought from a solar farm built next to it on land the company already owns.</p><p>Media Contact:<br>Jane Doe<br>303-555-0101<br><a href="mailto:jane@acme.example">jane@acme.example</a></p></div></div><div class="more"><p>Popular</p></div></body></html>';
    const p = parseReleaseStrict({ content });
    expect(p.body.paragraphs).toEqual([
      'Acme Corp (NYSE: ACM) today opened a plant in Denver, its largest so far, with room for 400 workers.',
      'The plant will make parts for wind turbines and rail cars, and it will run on power bought from a solar farm built next to it on land the company already owns.',
    ]);
    expect(p.contacts).toEqual([
      { name: 'Jane Doe', organization: null, email: 'jane@acme.example', phone: '303-555-0101' },
    ]);
  });
});

describe('release container on a republishing portal', () => {
  it("a div the page names as the story's body wins over a main column full of other stories", () => {
    const other = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>BOSTON, May ${i + 1}, 2025 /PRNewswire/ -- Other story ${i + 1}: a long teaser paragraph about something else entirely, written to fill the portal's main column with text that is not part of the release at all.</p>`,
    ).join('');
    const content = `<!DOCTYPE html><html><head><title>Acme Opens Plant</title></head><body><table><tr><td id="mainpanel">${other}<div class="storybody"><p>DENVER, May 6, 2025 /PRNewswire/ -- Acme Corp (NYSE: ACM) today opened a plant in Denver, its largest so far, with room for 400 workers and a training centre for apprentices.</p><p>The plant will make parts for wind turbines and rail cars, and it will run on power bought from a solar farm built next to it on land the company already owns, the company said in a statement on Tuesday.</p><p>Production starts in the autumn, and the company expects the plant to reach full output by the end of next year.</p><p>Media Contact: Jane Doe, jane@acme.example</p><p>SOURCE Acme Corp</p></div></td></tr></table></body></html>`;
    const p = parseReleaseStrict({ content });
    expect(p.body.paragraphs[0]).toMatch(/^Acme Corp \(NYSE: ACM\) today opened a plant/);
    expect(p.body.paragraphs).toHaveLength(3);
    expect(p.source).toBe('Acme Corp');
    expect(p.contacts.map((c) => c.email)).toEqual(['jane@acme.example']);
  });
});

describe('contact blocks', () => {
  it('an audience and a dash before a name (Media – Jane Doe, phone, e-mail): the name, not an organization', () => {
    const p = parseReleaseStrict({
      content: page(
        '<p>Contacts:<br>Media – Jane Doe, 303-555-0101, <a href="mailto:media@acme.example">media@acme.example</a><br>Investors – Raj Patel, 303-555-0102, <a href="mailto:ir@acme.example">ir@acme.example</a></p>',
      ),
    });
    expect(p.contacts).toEqual([
      { name: 'Jane Doe', organization: null, email: 'media@acme.example', phone: '303-555-0101' },
      { name: 'Raj Patel', organization: null, email: 'ir@acme.example', phone: '303-555-0102' },
    ]);
  });

  it('an organization and a colon before a name (Lumora AI: Noa Levi, …): both kept', () => {
    const p = parseReleaseStrict({
      content: page(
        '<p><b>Media Contacts:</b><br>Acme Corp: Jane Doe, <a href="mailto:jane@acme.example">jane@acme.example</a><br>Lumora AI: Noa Levi, <a href="mailto:noa@lumora.example">noa@lumora.example</a>, +972-3-555-0162</p>',
      ),
    });
    expect(p.contacts).toEqual([
      { name: 'Jane Doe', organization: 'Acme Corp', email: 'jane@acme.example', phone: null },
      { name: 'Noa Levi', organization: 'Lumora AI', email: 'noa@lumora.example', phone: '+972-3-555-0162' },
    ]);
  });

  it('a contact card under a bare audience line after the forward-looking statements is read', () => {
    const p = parseReleaseStrict({
      content: page(
        '<p><b>Forward-Looking Statements</b></p><p>This release contains forward-looking statements.</p><p>Investors:<br>Jane Doe<br>Acme Corp<br>ir@acme.example<br>303-555-0172</p>',
      ),
    });
    expect(p.contacts).toEqual([
      { name: 'Jane Doe', organization: 'Acme Corp', email: 'ir@acme.example', phone: '303-555-0172' },
    ]);
  });

  it('a mailto link whose text is an address gives the address as written', () => {
    const p = parseReleaseStrict({
      content: page(
        '<p>Media Contact:<br>Jane Doe<br><a href="mailto:jdoe@old.example">jane.doe@acme.example</a></p><p>Raj Patel<br>Acme Corp<br><a href="mailto:raj@acme.example">email us here</a></p>',
      ),
    });
    expect(p.contacts.map((c) => c.email)).toEqual(['jane.doe@acme.example', 'raj@acme.example']);
  });

  it('a heading naming who the contact is for (For press inquiries, Pour en savoir plus) is not an organization', () => {
    const en = parseReleaseStrict({ content: page('<p>For press inquiries, please contact: press@acme.example</p>') });
    expect(en.contacts).toEqual([{ name: null, organization: null, email: 'press@acme.example', phone: null }]);
    const fr = parseReleaseStrict({
      content: page(
        '<p><b>Pour en savoir plus, veuillez communiquer avec :</b><br>Jeanne Roy<br>Acme Corp<br>jeanne.roy@acme.example</p>',
      ),
    });
    expect(fr.contacts).toEqual([
      { name: 'Jeanne Roy', organization: 'Acme Corp', email: 'jeanne.roy@acme.example', phone: null },
    ]);
  });

  it('a line of parts joined with // is split there, and a website is not an organization', () => {
    const p = parseReleaseStrict({
      content: page('<p>Investor Relations:<br>acme.example // ir@acme.example // 1.833.555.2253</p>'),
    });
    expect(p.contacts).toEqual([{ name: null, organization: null, email: 'ir@acme.example', phone: '1.833.555.2253' }]);
  });

  it('a name run into its job title, or a legal form run into a name, is cut at the seam; brand names stay whole', () => {
    const titled = parseReleaseStrict({
      content: page('<p>Contacts:Jane RoeChief Marketing Officerjane@acme.example</p>'),
    });
    expect(titled.contacts).toEqual([
      { name: 'Jane Roe', organization: null, email: 'jane@acme.example', phone: null },
    ]);
    const firm = parseReleaseStrict({
      content: page('<p>CONTACT:<br>Roe & Poe, LLPJonathan Naji<br>info@roepoe.example</p>'),
    });
    expect(firm.contacts).toEqual([
      { name: 'Jonathan Naji', organization: 'Roe & Poe', email: 'info@roepoe.example', phone: null },
    ]);
    const brand = parseReleaseStrict({
      content: page('<p>Media Contact:<br>Jane Roe<br>MetaMetrics<br>jane@metametrics.example</p>'),
    });
    expect(brand.contacts).toEqual([
      { name: 'Jane Roe', organization: 'MetaMetrics', email: 'jane@metametrics.example', phone: null },
    ]);
  });

  it("an underwriter's prospectus mailbox or a no-reply sender in the body is not a contact", () => {
    const p = parseReleaseStrict({
      content: page(
        '<p>Copies of the prospectus may be obtained from Bank Co., or by email at <a href="mailto:prospectus@bank.example">prospectus@bank.example</a>.</p><p>Replies to <a href="mailto:donotreply@wire.example">donotreply@wire.example</a> are not read.</p>',
      ),
    });
    expect(p.contacts).toEqual([]);
  });
});

describe('findEmail: words a scraper ran into an address', () => {
  it.each([
    ['Contact:Tom RicherCEOinvestorrelations@acme.example', 'investorrelations@acme.example'],
    ['Jane RoeChief Marketing Officerjane@acme.example', 'jane@acme.example'],
    ['Tel: 617-555-9798katherine@acme.example', 'katherine@acme.example'],
    ['12 Main Road, Radnor, PA 19087info@acme.example', 'info@acme.example'],
    ['Email: ir@acme.comTel: (914) 555 0313', 'ir@acme.com'],
    ['Acme Marketing Teammktg@acme.example', 'mktg@acme.example'],
    ['Charlie RoeChief Executive OfficerAcme Inc.hello@acme.example', 'hello@acme.example'],
    ['Acme Ltd.press@acme.example', 'press@acme.example'],
    ['Media Contact:Acme Communications Ltd.pr@acme.examplewww.acme.example', 'pr@acme.example'],
    ['jane@acme.comwww.acme.com/press', 'jane@acme.com'],
    ['Write to bd@acme.comhttps://acme.com today', 'bd@acme.com'],
    ['Investor Relations:Acme Consultjane@acme-example.deir@beta-example.com', 'jane@acme-example.de'],
    ['Contact Acme SEMax Rolleir@acme.example', 'ir@acme.example'],
    ['Press contact Acme PR GmbHJane Roe / Raj Patel+49 30 123456 78acme@acmepr.example', 'acme@acmepr.example'],
    ['CONTACT:Jane DoyleAcme@Acme.Example', 'acme@acme.example'],
    ['BEtalloys Inc.Ann LeeCommunications, BEtalloysann@agencypr.example', 'ann@agencypr.example'],
    ['Investor Relations Contact:Raj PatelAcme Advisoryraj@acmeadvisory.example', 'raj@acmeadvisory.example'],
    // An address written in capitals, the label word before it run into it.
    ['Contact:Investor RelationsIR@ACMEFAB3D.COM+1 (555) 010-0199', 'ir@acmefab3d.com'],
    ['Media DeskPRESS@ACME-LABS.IO', 'press@acme-labs.io'],
    // The domain written again after the address, with its capitals (a newsroom's name).
    ['Contact: news@acme.comAcme.com Newsroom', 'news@acme.com'],
    ['Email: desk@acme.co.ukACME.co.uk Press Office', 'desk@acme.co.uk'],
    // A phone's extension, or a name and its phone number, run into the address after them.
    ['Jane Roe, CFOAcme Inc.(555) 010-0100 x214jane.roe@acme.example', 'jane.roe@acme.example'],
    ['Contact:Jane Roe5550100142jroe@acme.example', 'jroe@acme.example'],
    // A phone number written in groups run into the address, after a word or legal form it followed.
    ['Contacts:Jane Roe, APR555-010-0199Jane@RoePR.example', 'jane@roepr.example'],
    ['Media: Acme, Corp.555-010-0142info@acme.example', 'info@acme.example'],
    ['Tel. Acme Ltd.020.7946.0018press@acme.example', 'press@acme.example'],
    // The website written before the address, run into it.
    ['Investor RelationsAcme Corp.www.acme-labs.cominfo@acme-labs.com555-010-0100', 'info@acme-labs.com'],
    ['Web: www.acme.co.ukpress@acme.co.uk', 'press@acme.co.uk'],
    // A department word in the singular, or in German, run into the address.
    ['Jane RoeInvestor Relations & Corporate Communicationpresse@acme.example', 'presse@acme.example'],
    ['Max RolleUnternehmenskommunikationpresse@acme.example', 'presse@acme.example'],
    // A surname with a capital inside it run into a role mailbox.
    ['Media Contact:Ana DeLucainfo@acme.example', 'info@acme.example'],
    ['Contact: Ian McDonaldpress@acme.example', 'press@acme.example'],
    // The address's own name, with its capital, run into it (a mailto link's markup dropped).
    ['Media Contact:Team Acmebd@acme.example', 'bd@acme.example'],
    ['Contact Details :-Acmemarketing@acme.example', 'marketing@acme.example'],
    // A phone's last digits set off by a hyphen, run into the address.
    ['Tel: +49 (0)531 387 33-18jane@agency-pr.example', 'jane@agency-pr.example'],
    // The address's own name written after it in lower case, run into its top-level domain.
    ['Mail: ir@novasec.comnova AG Press Contact:', 'ir@novasec.com'],
    ['jane@acme.co.ukacme Ltd', 'jane@acme.co.uk'],
    // A surname run into an address that spells it again (initial and surname, or name and surname).
    ['Investor Relations ContactAcme AdvisoryMaria Kowalskim.kowalski@acme.example', 'm.kowalski@acme.example'],
    ['Press:Tom Bakertbaker@acme.example', 'tbaker@acme.example'],
    ['Contact: Lena Vogellena.vogel@acme.example', 'lena.vogel@acme.example'],
    // A brand in camel case run into a mailbox opening with the contact's first name.
    ['Contacts:Omar Haddad, Agency PR for GreenLeafomar@agency.example', 'omar@agency.example'],
    ['Jane Roe (PR for NovaTech)NovaTechjane.roe@pr.example', 'jane.roe@pr.example'],
    // The `us` of an invitation to reach them run into a role mailbox.
    ['Connect with usir@acme.examplehttps://x.com/acme', 'ir@acme.example'],
    ['Contact usinfo@acme.example', 'info@acme.example'],
    ['Write to ussales@acme.example', 'sales@acme.example'],
    // A title or brand run into an address made of the first name's initial and the surname.
    ['Acme Advisory, Inc.Tom Hale, CEOthale@acme-adv.example', 'thale@acme-adv.example'],
    ['Jane Roe, CFOjroe@acme.example', 'jroe@acme.example'],
    ['Media: Sara Lind, NovaTechslind@pr.example', 'slind@pr.example'],
    // A name run into the address's own website, run into the mailbox.
    ['PR Contact:Jane Roeacme.iosupport@acme.io', 'support@acme.io'],
    ['Media: Raj Patelnova-labs.compress@nova-labs.com', 'press@nova-labs.com'],
    // The next sentence run into the address after its stop: a capitalised word after its lower-case domain.
    ['You can write to her at jane.roe@mailhost.com.More details follow below.', 'jane.roe@mailhost.com'],
    ['Reach the desk at press@acme.co.uk.Tickets go on sale soon', 'press@acme.co.uk'],
    // A surname run into an address that opens with digits and a capital.
    ['Contact:Jane Rowland45Acme@Agency.Global', '45acme@agency.global'],
    ['Press: Tom Baker7Seas@pr.example', '7seas@pr.example'],
  ])('%s', (line, email) => {
    expect(findEmail(line)).toBe(email);
  });

  it.each([
    ['Jane.Doe@Acme.com', 'jane.doe@acme.com'],
    ['PRteam@acme.example', 'prteam@acme.example'],
    ['Media@acme.example', 'media@acme.example'],
    ['john1234@acme.example', 'john1234@acme.example'],
    ['info@ACME.COM', 'info@acme.com'],
    ['team@acme.example', 'team@acme.example'],
    ['inc.news@acme.example', 'inc.news@acme.example'],
    ['Contact: Mary Jones MaryJones@acme.example', 'maryjones@acme.example'],
    ['Jane Roe, Acme, Janeroe@acme.example', 'janeroe@acme.example'],
    ['Tel: 555-0100, 24hours@acme.example', '24hours@acme.example'],
    ['Contact Lisa MacKenzie@acme.example', 'mackenzie@acme.example'],
    ['JANE.ROE@ACME.COM', 'jane.roe@acme.com'],
    ['John.SMITH@ACME.COM', 'john.smith@acme.com'],
    ['info@mail.acme.com', 'info@mail.acme.com'],
    ['jane2024@acme.example', 'jane2024@acme.example'],
    ['jane.2024-05-01@acme.example', 'jane.2024-05-01@acme.example'],
    ['ops.12-34-56x@acme.example', 'ops.12-34-56x@acme.example'],
    ['www.team@acme.example', 'www.team@acme.example'],
    ['x100@acme.example', 'x100@acme.example'],
    ['press@acme.community', 'press@acme.community'],
    ['info@acme.comacmeco', 'info@acme.comacmeco'],
    ['Write to Tom Lee Bellbellows@acme.example', 'bellbellows@acme.example'],
    ['Mr. Young Hwan Park, Acme  Davidpark819@acme.example', 'davidpark819@acme.example'],
    ['Contact Jane Roe at SunPowersales@acme.example', 'sunpowersales@acme.example'],
    ['Contact usa@acme.example', 'usa@acme.example'],
    ['Email usher@acme.example', 'usher@acme.example'],
    // A mailbox opening with an acronym in capitals that the line wrote before (as `PRteam@`).
    [
      'The Acme Business Network Council (ABNC) meets monthly; write to ABNCgroup@mailhost.com',
      'abncgroup@mailhost.com',
    ],
    ['Join the NWCA: email NWCAinfo@acme.example', 'nwcainfo@acme.example'],
    // A domain written with capitals keeps its capitalised labels.
    ['Contact: Jane Roe, jane@Acme.Com.Global', 'jane@acme.com.global'],
  ])('leaves a whole address alone: %s', (line, email) => {
    expect(findEmail(line)).toBe(email);
  });
});

describe('sentenceContacts: an address a sentence gives as a way to reach someone', () => {
  const only = (email: string) => [{ name: null, organization: null, email, phone: null }];

  it('after a cue to write to it in the same sentence', () => {
    expect(sentenceContacts('Holders with questions may call 877-555-0100 or email at team@agent.example.')).toEqual(
      only('team@agent.example'),
    );
    expect(
      sentenceContacts('For more information, visit acme.example, call 866-555-0178, or email sales@acme.example.'),
    ).toEqual(only('sales@acme.example'));
    expect(sentenceContacts('Readers can write to Editors@Acme.example with corrections.')).toEqual(
      only('editors@acme.example'),
    );
  });

  it('after a cue to request or ask for something at it', () => {
    expect(sentenceContacts('Vendors can book a stand by requesting a sales kit at sales@expo.example.')).toEqual(
      only('sales@expo.example'),
    );
    expect(sentenceContacts('Schools may request a free filter from grants@acme.example.')).toEqual(
      only('grants@acme.example'),
    );
    expect(sentenceContacts('Ask for the guide at guide@acme.example today.')).toEqual(only('guide@acme.example'));
    // an address in a sentence that asks nothing of the reader is not given so
    expect(sentenceContacts('The plant was requested by the city; jane@acme.example wrote the plan.')).toEqual([]);
  });

  it('not for an address to request an offering’s documents at, in its sentence or the one before', () => {
    expect(
      sentenceContacts(
        'Copies of the prospectus may be obtained for free on EDGAR. Alternatively, you may contact Acme Securities, Attn: Syndicate Department, 1 Main Street, New York, NY 10007, by email at ecm@acmesec.example.',
      ),
    ).toEqual([]);
    expect(
      sentenceContacts('A copy of the offering memorandum may be requested by email at deals@acme.example.'),
    ).toEqual([]);
    // a later sentence that names no document gives its address as before
    expect(
      sentenceContacts(
        'The prospectus is on EDGAR. The shares trade from Monday. The plant opens in May. For interviews, email press@acme.example.',
      ),
    ).toEqual(only('press@acme.example'));
  });

  it('after an Email: label a scraper ran into the word before it', () => {
    expect(
      sentenceContacts('…in the process.Company Name: AcmeContact Person: Jane RoeEmail: hi@acme.example'),
    ).toEqual(only('hi@acme.example'));
  });

  it.each([
    [
      'For more information, please contact:   Dr. Jane Roe  President & CEO, Acme Council (ACC) and  Director, Urban Metrics (UM)  jane.roe@acme.example   About Beta',
      'jane.roe@acme.example',
    ],
    [
      'Acme AGThe Executive BoardContact:Jane RoeCorporate Communications & Investor RelationsT. +49 179 / 5550 237M. jane.roe@acme.example',
      'jane.roe@acme.example',
    ],
    ['Press contact: Mr. Raj Patel, Acme Group  raj@acme.example', 'raj@acme.example'],
  ])('after a contact label, also run into the word before it or with abbreviations between: %s', (text, email) => {
    expect(sentenceContacts(text)).toEqual(only(email));
  });

  it('not after a contact label a sentence end separates from the address', () => {
    expect(sentenceContacts('Contact: our office. Visit us anytime at the shop. Write hi@acme.example')).toEqual([]);
    expect(sentenceContacts('No press contact: the team. Our studio opened. hi@acme.example')).toEqual([]);
  });

  it.each([
    [
      '…in the county.Media ContactAcme Lawhttps://www.acme.example/Phone: (555) 010-1234Email: hi@acme.example',
      'hi@acme.example',
    ],
    ['…can be found at: www.acme.exampleAcme AGPhone: +49 89 5550 2073Mail: ir@acme.example', 'ir@acme.example'],
    ['…see https://acme.example/Mail: press@acme.example', 'press@acme.example'],
  ])('after an Email: or Mail: label run into a phone number or a link: %s', (text, email) => {
    expect(sentenceContacts(text)).toEqual(only(email));
  });

  it('after an Investor Relations: label, and each of two addresses run together after it', () => {
    expect(
      sentenceContacts(
        'Its shares are listed in Munich.www.beta-example.comBeta Investor Relations:Acme Consultjane@acme-example.deir@beta-example.com | www.beta-example.com',
      ).map((c) => c.email),
    ).toEqual(['jane@acme-example.de', 'ir@beta-example.com']);
  });

  it('after RSVP to, send … to or submit … to', () => {
    expect(sentenceContacts('Seats are limited; RSVP to events@acme.example by May 1.')).toEqual(
      only('events@acme.example'),
    );
    expect(sentenceContacts('Please send your questions to help@acme.example.')).toEqual(only('help@acme.example'));
    expect(sentenceContacts('Artists may submit entries to art@acme.example until June.')).toEqual(
      only('art@acme.example'),
    );
    expect(sentenceContacts('The forms were sent in May. The team, ops@acme.example, reviews them.')).toEqual([]);
  });

  it('after a verb of sending with the thing sent and whom it is for before to', () => {
    expect(
      sentenceContacts(
        'Once registered, guests may begin forwarding their questions for the board of Acme to the host at ask@host.example.',
      ),
    ).toEqual(only('ask@host.example'));
    expect(sentenceContacts('All requests should be directed to the press office at press@acme.example.')).toEqual(
      only('press@acme.example'),
    );
    expect(sentenceContacts('Readers submitted their stories to the editors at desk@acme.example.')).toEqual(
      only('desk@acme.example'),
    );
  });

  it("after a contact label with the contact's name, title and organization between", () => {
    expect(
      sentenceContacts(
        'Acme and the Acme logo are trademarks of Acme Corporation. MEDIA CONTACT: Jane Roe, Senior Director of Marketing and Sales Acme Corporation press-office@acme.example',
      ),
    ).toEqual(only('press-office@acme.example'));
    expect(sentenceContacts('Contact: see our site. Our old address was ops@acme.example.')).toEqual([]);
  });

  it('not an address with no cue, a cue in another sentence, or a prospectus mailbox', () => {
    expect(sentenceContacts('The account @acme posts updates. Our address is ops@acme.example.')).toEqual([]);
    expect(sentenceContacts('Email is how most customers reach us. The team, ops@acme.example, answers.')).toEqual([]);
    expect(sentenceContacts('Copies may be obtained by email at prospectus@bank.example.')).toEqual([]);
  });

  it('after connect with, get in touch with, speak or talk to', () => {
    expect(sentenceContacts('Connect with Jane Roe at jane@roe-coaching.example and on her site.')).toEqual(
      only('jane@roe-coaching.example'),
    );
    expect(sentenceContacts('Buyers can get in touch with the team at sales@acme.example.')).toEqual(
      only('sales@acme.example'),
    );
    expect(sentenceContacts('To speak with an engineer, write to eng@acme.example.')).toEqual(only('eng@acme.example'));
    expect(sentenceContacts('Parents may talk to staff via help@acme.example any day.')).toEqual(
      only('help@acme.example'),
    );
    expect(sentenceContacts('We connect with partners worldwide. Our old box was ops@acme.example.')).toEqual([]);
  });

  it('an address listed after one given so, set off by a dash', () => {
    expect(
      sentenceContacts('Investor Relations Contact: Email: ir@acme.example - pr@agency.example Phone: 555-0100').map(
        (c) => c.email,
      ),
    ).toEqual(['ir@acme.example', 'pr@agency.example']);
  });

  it("an address listed after one given so, behind the next person's name and a dash", () => {
    const emails = (line: string) => sentenceContacts(line).map((c) => c.email);
    expect(emails('Media Contact: Jane Roe – jane@acme.example, Dr. Raj Patel – raj@beta.example')).toEqual([
      'jane@acme.example',
      'raj@beta.example',
    ]);
    expect(emails('Investor & Media Contact:Jane Roe – jane@acme.co.zaMs. Ana Lee - ana@beta.example')).toEqual([
      'jane@acme.co.za',
      'ana@beta.example',
    ]);
    // Not an address after a sentence that follows the one given so.
    expect(emails('Contact: jane@acme.example. The fund was founded in Ohio in 1990 – ops@acme.example')).toEqual([
      'jane@acme.example',
    ]);
  });

  it('reads each address on its own when a sentence gives several', () => {
    expect(sentenceContacts('Email jane@acme.example or contact raj@acme.example.').map((c) => c.email)).toEqual([
      'jane@acme.example',
      'raj@acme.example',
    ]);
  });
});

describe('isPersonName', () => {
  it.each(['Jane Doe', 'Jane Q. Doe', 'Dr. Li Wei', 'Maria de la Cruz', 'JANE DOE', 'Olivia Hartley-Webb'])(
    'a name: %s',
    (line) => {
      expect(isPersonName(line)).toBe(true);
    },
  );

  it.each([
    'Lumora AI',
    'Acme USA',
    'Kettleby Holdings',
    'Northgate Capital Partners',
    'Harlow & Finch LLP',
    'Media Relations',
    'Acme',
    'Jane Doe Smith Brown Jones Lee',
  ])('not a name: %s', (line) => {
    expect(isPersonName(line)).toBe(false);
  });
});

describe('a <release> XML document with its contacts as text (as NTB info delivers releases)', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<release id="42" lang="no">
  <longurl>https://www.example.no/pressemelding/ny-bro?releaseId=42</longurl>
  <body>&lt;p&gt;Acme bygger en ny bro i Trondheim.&lt;/p&gt;
  &lt;p&gt;Byggestart er planlagt i 2026.&lt;/p&gt;</body>
  <contactsAsText>Kari Nordmann
    Kommunikasjonssjef, Nordbro
    kari@acme.example
    905 823 34

    Ola Hansen
    Prosjektdirektør, Nordbro
    ola@acme.example</contactsAsText>
  <title>Acme bygger ny bro</title>
  <publicationDate>05.03.2025 10:00</publicationDate>
</release>`;

  it('reads the body, the title, the page URL and one contact per person', () => {
    const p = parseReleaseStrict({ content: xml });
    expect(p.kind).toBe('feed-item');
    expect(p.title).toBe('Acme bygger ny bro');
    expect(p.canonicalUrl).toBe('https://www.example.no/pressemelding/ny-bro?releaseId=42');
    expect(p.body.paragraphs).toEqual(['Acme bygger en ny bro i Trondheim.', 'Byggestart er planlagt i 2026.']);
    expect(p.contacts).toEqual([
      { name: 'Kari Nordmann', organization: 'Nordbro', email: 'kari@acme.example', phone: '905 823 34' },
      { name: 'Ola Hansen', organization: 'Nordbro', email: 'ola@acme.example', phone: null },
    ]);
  });
});

describe('words run into an address on a hard-wrapped contact block', () => {
  it('reads the line above for the phone number whose last digits were glued on', () => {
    const p = parseReleaseStrict({
      content:
        'Acme Opens Plant\n\nDENVER, May 6, 2025 /PRNewswire/ -- Acme Corp today opened a plant.\n\nPress contact:\nAcme PR GmbH, Jane Roe, +49 30 123456\n78acme@acmepr.example\n',
    });
    expect(p.contacts.map((c) => c.email)).toEqual(['acme@acmepr.example']);
  });
});

describe('a More information: label', () => {
  it('opens a contact block', () => {
    const p = parseReleaseStrict({
      content:
        'Acme Opens Plant\n\nDENVER, May 6, 2025 /PRNewswire/ -- Acme Corp today opened a plant.\n\nMore information: Jane Roe, co-founder jane@acme.example\n',
    });
    expect(p.contacts.map((c) => c.email)).toEqual(['jane@acme.example']);
    expect(p.body.paragraphs).toEqual(['Acme Corp today opened a plant.']);
  });
});

describe('a contact card a scraper ran onto one line under the release', () => {
  /** A made-up text release with an About section, then `tail`. */
  const release = (tail: string) =>
    `Acme Opens Plant\n\nDENVER, May 6, 2025 /PRNewswire/ -- Acme Corp today opened a plant.\n\nAbout Acme News\n\nAcme News is a newsletter on factories.\n\n${tail}\n`;

  it('is a contact: name, place, website, phone with its label after it, and address run together', () => {
    const p = parseReleaseStrict({
      content: release('Acme NewsDenver, COwww.acmenews.example303.555.0100 OfficeEditor@AcmeNews.example'),
    });
    expect(p.contacts.map((c) => c.email)).toEqual(['editor@acmenews.example']);
    expect(p.about).toEqual([{ organization: 'Acme News', text: 'Acme News is a newsletter on factories.' }]);
  });

  it('also when hard-wrapped copy breaks it over two lines', () => {
    const p = parseReleaseStrict({
      content: release('Acme NewsDenver, COwww.acmenews.example303.555.0100\nOfficeEditor@AcmeNews.example'),
    });
    expect(p.contacts.map((c) => c.email)).toEqual(['editor@acmenews.example']);
  });

  it('not a sentence of the About section that holds a phone number and an address', () => {
    const p = parseReleaseStrict({
      content: release('Our readers in the region see it first, 303-555-0100, news@acmenews.example.'),
    });
    expect(p.contacts).toEqual([]);
    expect(p.about[0]?.text).toContain('303-555-0100');
  });
});

describe('a contact lead-in ending a paragraph, the contact on short lines under it', () => {
  const release = (leadIn: string, lines: string[]) =>
    [
      '# Riverside Garden Opens Its Lantern Walk',
      '',
      'Portland, Oregon - May 4, 2026 - The Riverside Garden opens its lantern walk on June 1, with music each night.',
      '',
      'Tickets go on sale next week at the garden gate and online.',
      '',
      leadIn,
      '',
      ...lines.flatMap((l) => [l, '']),
    ].join('\n');

  it('reads the address the lead-in introduces', () => {
    const p = parseReleaseStrict({
      content: release('For tickets, visit the garden website or contact:', [
        'Jane Roe',
        'Events Coordinator at the Riverside Garden',
        'jroe@riverside-garden.example',
        '(555) 010-0142',
      ]),
    });
    expect(p.contacts.map((c) => c.email)).toContain('jroe@riverside-garden.example');
  });

  it('reads every address of a list of contacts run onto one line, as flattened copy has it', () => {
    const p = parseReleaseStrict({
      content: release('For group bookings and sponsorship of the walk, please contact:', [
        '• Jane Roe, Events Coordinator, Riverside Garden | jroe@riverside-garden.example • Jon Doe, Head of Partnerships, Lantern Makers Guild | jon@lanterns.example',
      ]),
    });
    expect(p.contacts.map((c) => c.email)).toEqual(
      expect.arrayContaining(['jroe@riverside-garden.example', 'jon@lanterns.example']),
    );
    expect(p.body.text).toMatch(/online\.$/);
  });

  it('not an address under a paragraph that introduces something else', () => {
    const p = parseReleaseStrict({
      content: release('The walk has three parts:', [
        'The pond',
        'The rose beds',
        'Old archive box: ops@riverside-garden.example',
      ]),
    });
    expect(p.contacts.map((c) => c.email)).not.toContain('ops@riverside-garden.example');
  });
});

describe('labelled contact lines ending the body, one contact a line', () => {
  const release = (lines: string[]) =>
    [
      '# Harbor Freight Lines Sells Its Depot Business',
      '',
      'Harbor Freight Lines has sold its depot business to a regional carrier, the two firms said on Tuesday.',
      '',
      '“We are glad to see the depots in good hands,” said the seller’s owner.',
      '',
      ...lines.flatMap((l) => [l, '']),
      'About Harbor Freight Lines',
      '',
      'Harbor Freight Lines is a trucking firm based in Ohio.',
    ].join('\n');

  it('reads each region or desk line as a contact and leaves it out of the body', () => {
    const p = parseReleaseStrict({
      content: release([
        'North America: Ana Silva at +1 (555) 010 0142 / Silva@HarborAdvisors.example',
        'Asia Pacific: Ken Ito at +81 3 5550 0100 / ito@harboradvisors.example',
        'Press Desk (Europe): press@harboradvisors.example',
      ]),
    });
    expect(p.contacts.map((c) => c.email)).toEqual([
      'silva@harboradvisors.example',
      'ito@harboradvisors.example',
      'press@harboradvisors.example',
    ]);
    expect(p.body.text).toMatch(/good hands,” said the seller’s owner\.$/);
  });

  it('leaves the lines under an invitation ending in a colon to it, the invitation out of the body too', () => {
    const p = parseReleaseStrict({
      content: release(['For more details, please contact:', 'North America: Ana Silva, silva@harboradvisors.example']),
    });
    expect(p.contacts.map((c) => c.email)).toContain('silva@harboradvisors.example');
    expect(p.body.text).toMatch(/good hands,” said the seller’s owner\.$/);
  });

  it('reads unlabelled cards too: names, addresses alone, phones and website addresses, one a line', () => {
    for (const lines of [
      [
        'Harbor Freight',
        'desk@harborfreight.example',
        'https://harborfreight.example/#/Kestrel Advisors',
        'Ana Silvaana@kestrel.example',
        'https://kestrel.example/',
      ],
      ['Media Details', '+1 555-010-0142', 'desk@harborfreight.example'],
      ['desk@harborfreight.example', 'www.harborfreight.example'],
    ]) {
      const p = parseReleaseStrict({ content: release(lines) });
      expect(p.contacts.map((c) => c.email)).toContain('desk@harborfreight.example');
      expect(p.body.text).toMatch(/good hands,” said the seller’s owner\.$/);
    }
  });

  it('leaves a website line with no address near it, or a heading over it, to the body rules', () => {
    const p = parseReleaseStrict({ content: release(['Depot Sale', 'www.harborfreight.example']) });
    expect(p.contacts).toEqual([]);
  });

  it('keeps a labelled sentence in the body', () => {
    const p = parseReleaseStrict({
      content: release(['Note: The depots stay open, and questions go to ops@harboradvisors.example.']),
    });
    expect(p.body.text).toContain('questions go to ops@harboradvisors.example.');
  });

  it('keeps a labelled line of prose with an address in the body', () => {
    const p = parseReleaseStrict({
      content: release(['Open House: tours run at the depot each Friday, RSVP to tours@harboradvisors.example']),
    });
    expect(p.body.text).toContain('RSVP to tours@harboradvisors.example');
  });
});

describe('a labelled contact line under the forward-looking statements', () => {
  it('opens the contacts, and the lines under it are theirs', () => {
    const content = [
      '# Harbor Freight Lines Sells Its Depot Business',
      '',
      'Harbor Freight Lines has sold its depot business to a regional carrier, the two firms said on Tuesday.',
      '',
      'Forward-Looking Statements',
      '',
      'This release contains forward-looking statements that involve risks and uncertainties, and actual results may differ.',
      '',
      'Kestrel Advisors (Europe):Ana SilvaAna.Silva@kestrel.example',
      '',
      'Ken Itoken.ito@kestrel.example',
      '',
      'Follow our newswire for the latest stories on freight and logistics',
    ].join('\n');
    const p = parseReleaseStrict({ content });
    expect(p.contacts.map((c) => c.email)).toEqual(['ana.silva@kestrel.example', 'ken.ito@kestrel.example']);
    // (a line under them is not body again: the body ended above the forward-looking statements)
    expect(p.body.text).toMatch(/said on Tuesday\.$/);
  });
});

describe('an invitation to connect run into a role mailbox in a paragraph', () => {
  it('reads the mailbox without the `us` run into it', () => {
    expect(
      sentenceContacts('Follow the company online. Connect with usir@acme.examplehttps://x.com/acme').map(
        (c) => c.email,
      ),
    ).toEqual(['ir@acme.example']);
  });
});

describe('a markdown mailto link written with its address as its text', () => {
  it.each([
    ['Media:[jane@acme.example](mailto:jane@acme.example)555-010-0100', ['jane@acme.example']],
    ['Press Contact: [ir@beta.example](mailto:ir@beta.example)+1 555 010 0199', ['ir@beta.example']],
    [
      'Company: Investors: Media:[info@acme.example](mailto:info@acme.example) jane@ir.example [tom@pr.example](mailto:tom@pr.example)555-010-0100 555-010-0101',
      ['info@acme.example', 'jane@ir.example', 'tom@pr.example'],
    ],
  ])('%s', (line, emails) => {
    expect(parseContactBlock([line]).map((c) => c.email)).toEqual(emails);
  });
});

describe('a contact label and its e-mail address on one line under the release', () => {
  const release = (line: string) =>
    [
      '# Harbor Freight Lines Sells Its Depot Business',
      '',
      'Harbor Freight Lines has sold its depot business to a regional carrier, the two firms said on Tuesday.',
      '',
      'Forward-Looking Statements',
      '',
      'This release contains forward-looking statements that involve risks and uncertainties, and actual results may differ.',
      '',
      line,
    ].join('\n');
  it.each([
    ['Media Relationspress@harborfreight.example', 'press@harborfreight.example'],
    ['Press Office desk@harborfreight.example', 'desk@harborfreight.example'],
    ['Investor Contact: ir@harborfreight.example', 'ir@harborfreight.example'],
  ])('`%s` is a contact', (line, email) => {
    const p = parseReleaseStrict({ content: release(line) });
    expect(p.contacts.map((c) => c.email)).toEqual([email]);
    expect(p.body.text).toMatch(/said on Tuesday\.$/);
  });
  it('a sentence ending in an address is no such line', () => {
    const p = parseReleaseStrict({
      content: release('Readers who want the full filing may write to filings@harborfreight.example'),
    });
    expect(p.contacts.map((c) => c.email)).not.toContain('filings@harborfreight.example');
  });
});

describe('a run-on card under the forward-looking statements', () => {
  it('is read even when its invitation, run into it, has a word ending in lower-case letters', () => {
    const content = [
      '# Harbor Freight Lines Sells Its Depot Business',
      '',
      'Harbor Freight Lines has sold its depot business to a regional carrier, the two firms said on Tuesday.',
      '',
      'Forward-Looking Statements',
      '',
      'This release contains forward-looking statements that involve risks and uncertainties, and actual results may differ.',
      '',
      'For shareholder questions, please contact:Investor Relations555-010-0199ir@harborfreight.example',
    ].join('\n');
    const p = parseReleaseStrict({ content });
    expect(p.contacts.map((c) => c.email)).toEqual(['ir@harborfreight.example']);
  });
});

describe('a contact heading glued to a name that opens with a digit', () => {
  it.each(['Contact Details9/11 Harbor Fund', 'Media Contacts24/7 Harbor Desk', 'Press Inquiries1st Harbor Bank'])(
    '`%s` is a contact heading',
    (line) => {
      expect(isContactHeading(line)).toBe(true);
    },
  );
  it('a glued heading with a sentence after it is none (`Contact us today…`)', () => {
    expect(isContactHeading('Contact us 24 hours a day to learn what the new plan offers.')).toBe(false);
  });
});

describe("a letter's closing word with a signature under it in the body", () => {
  const release = (tail: string[]) =>
    [
      '# Harbor Freight Lines Opens Its Registration for the Logistics Forum',
      '',
      'Harbor Freight Lines has opened registration for its logistics forum, which meets in Lisbon in May.',
      '',
      ...tail,
    ].join('\n');
  it.each([
    ['Best,', 'Ana Silva', 'Events Manager', 'ana.silva@harborfreight.example'],
    ['Kind regards,', 'Ken Ito', 'ken.ito@harborfreight.example'],
    ['Sincerely,', 'Rosa Diaz', 'Harbor Freight Lines', '+1 555 010 0100', 'rosa@harborfreight.example'],
  ])('`%s` and the lines under it are the contact, not body', (...tail) => {
    const p = parseReleaseStrict({ content: release(tail.flatMap((t) => [t, ''])) });
    expect(p.contacts.map((c) => c.email).filter(Boolean)).toEqual([tail.at(-1)]);
    expect(p.body.text).toMatch(/meets in Lisbon in May\.$/);
  });
  it('a closing word with no address under it stays body', () => {
    const p = parseReleaseStrict({ content: release(['Thanks,', '', 'The Forum Team']) });
    expect(p.contacts).toEqual([]);
    expect(p.body.text).toContain('Thanks,');
  });
});

describe("a contact's long title over its address under an About section", () => {
  const about = [
    '# Harbor Freight Lines Sells Its Depot Business',
    '',
    'Harbor Freight Lines has sold its depot business to a regional carrier, the two firms said on Tuesday.',
    '',
    'About Kestrel Logistics Group',
    '',
    'Kestrel Logistics Group (KLG) runs depots in Ohio and Indiana for retailers and carriers of the region.',
    '',
    'For more information, please contact:',
    '',
    'Jon Doe',
    '',
  ];
  it.each([
    ['Team Lead of the Regional Depot Services Center, Kestrel Logistics Group (KLG)', 'Jondoe@klg.example'],
    ['Head of Partnerships for the Depot and Warehouse Network in the Midwest', '+1 555-010-0142'],
  ])('reads the title `%s` as the contact’s, and the line under it', (title, reach) => {
    const p = parseReleaseStrict({ content: [...about, title, '', reach].join('\n') });
    expect(p.contacts.length).toBeGreaterThan(0);
    if (reach.includes('@')) expect(p.contacts.map((c) => c.email)).toContain('jondoe@klg.example');
    expect(p.about.map((a) => a.text).join(' ')).not.toContain('Head of');
  });
  it('leaves a sentence over an address to the rules before', () => {
    const p = parseReleaseStrict({
      content: [...about, 'The depots stay open during the sale and the staff stay on.', '', 'ops@klg.example'].join(
        '\n',
      ),
    });
    expect(p.contacts.map((c) => c.email)).not.toContain('ops@klg.example');
  });
});
