import { createHash } from 'node:crypto';
import type { Parse } from './fixtureCorpus';
import { MONTHS } from '../bench/releaseGenerator';
import {
  collapse,
  evaluateReal,
  type RealLabels,
  type RealRelease,
  type RealReport,
  readableText,
  REAL_FIELDS,
} from './realCorpus';

/**
 * A robustness check on the real DEV split (never the sealed test split): each dev release given as
 * text or markdown is rewritten into the other forms real wire copy arrives in, and the same labels
 * are scored on the rewritten text. A label the rewrite legitimately destroys (a link's target
 * dropped with the markdown, say) no longer occurs in the text and is not scored. HTML pages and
 * feed items are left out: the rewrites are of text.
 *
 * The rewrites are deterministic and written generically (the site chrome is invented, in three
 * variants picked by a hash of the release name, not copied from any site).
 */

export const AUGMENTS = ['flattened', 'hard-wrapped', 'markdown', 'plain', 'site-chrome'] as const;
export type Augment = (typeof AUGMENTS)[number];

/** Whether a release is text the rewrites apply to (not an HTML page or a feed item's XML). */
export function isTextRelease(release: RealRelease): boolean {
  return /\.(txt|md)$/i.test(release.name) && !/^\s*</.test(release.content);
}

function isMarkdown(release: RealRelease): boolean {
  return /\.md$/i.test(release.name);
}

/** Text split into paragraphs at blank lines, each trimmed, empty ones dropped. */
function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Flattened to one line, as scrapers and some feeds deliver copy: lines inside a paragraph are
 * joined by a space, paragraphs by two spaces (the only trace of the breaks left).
 */
export function flatten(text: string): string {
  return paragraphs(text)
    .map((p) => p.replace(/\s*\n\s*/g, ' '))
    .join('  ');
}

/**
 * Hard-wrapped at `width` columns at spaces (words are never split), paragraphs kept apart; a
 * markdown heading stays on its line (wrapping it would end the heading).
 */
export function hardWrap(text: string, width = 70): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.length <= width || /^ {0,3}#{1,6} /.test(line)) {
      out.push(line.trimEnd());
      continue;
    }
    out.push(...fillWords(line.trim().split(/[ \t]+/), width));
  }
  return out.join('\n');
}

/** Words filled into lines of at most `width` columns (a longer word has a line of its own). */
export function fillWords(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const URL = /\bhttps?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/g;

/**
 * A plain-text release as a markdown conversion would give it: the headline (the paragraph that is
 * the title, as a page's h1 would mark it) as an H1, e-mails as mailto links and web addresses as
 * autolinks. With no title known, no heading is added.
 */
export function markdownize(text: string, title: string | null = null): string {
  const want = title ? collapse(title) : null;
  const linkify = (p: string): string => p.replace(URL, (u) => `<${u}>`).replace(EMAIL, (e) => `[${e}](mailto:${e})`);
  return paragraphs(text)
    .map((p) => (want !== null && collapse(p) === want ? `# ${want}` : linkify(p)))
    .join('\n\n');
}

/**
 * Markdown reduced to the plain text a reader sees (what a markdown-to-text step or a copy-paste
 * gives): heading marks, emphasis, rules and images dropped, a link kept as its text.
 */
export function demarkdown(text: string): string {
  return text
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/\*\*|__/g, '')
    .replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '');
}

const CHROME_ABOVE = [
  ['Skip to main content', 'Home | News | Business | Technology | Markets | Contact', 'Search', 'Sign in'],
  ['Menu', 'Latest', 'Companies', 'Industries', 'Events', 'Subscribe', 'You are here: Home > News > Press releases'],
  [
    'Toggle navigation',
    'News Releases | Sectors | Regions | Newsroom | About us',
    'Share: Facebook | X | LinkedIn | Email',
  ],
];

const CHROME_BELOW = [
  [
    'Share this article',
    'Related news',
    '- Regional lenders report steady demand in the third quarter',
    '- City council approves new transit budget',
    '© 2026 Example Media Group. All rights reserved.',
    'Privacy Policy | Terms of Use | Cookie Settings',
  ],
  [
    'Tags: business, press release',
    'Related articles',
    'Industry group names new board chair',
    'Start-up opens second office in the region',
    'Copyright 2026 Example News Network',
  ],
  [
    'Back to all news',
    'More from this section',
    'Quarterly survey shows rising confidence among retailers',
    'Subscribe to our newsletter',
    'About us | Advertise | Contact | Privacy',
  ],
];

function variant(name: string, count: number): number {
  return parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16) % count;
}

/** The release between a generic site's menus above and its related-news list and footer below. */
export function wrapInChrome(text: string, name: string, markdown: boolean): string {
  const above = CHROME_ABOVE[variant(name, CHROME_ABOVE.length)] ?? [];
  const below = CHROME_BELOW[variant(`${name}#below`, CHROME_BELOW.length)] ?? [];
  const link = (item: string): string => `[${item}](/${item.toLowerCase().replace(/\W+/g, '-')})`;
  const line = (l: string): string => (markdown && l.includes(' | ') ? l.split(' | ').map(link).join(' ') : l);
  const list = (lines: string[]): string => lines.map(line).join('\n\n');
  return `${list(above)}\n\n${text.trim()}\n\n${list(below)}\n`;
}

/** The release rewritten by one augmentation, or null when it does not apply to that release. */
export function augment(release: RealRelease, kind: Augment): string | null {
  if (!isTextRelease(release)) return null;
  const md = isMarkdown(release);
  switch (kind) {
    case 'flattened':
      return release.label.form === 'flattened' ? null : flatten(release.content);
    case 'hard-wrapped':
      return release.label.form === 'hard-wrapped' ? null : hardWrap(release.content);
    case 'markdown':
      return md ? null : markdownize(release.content, release.label.labels.title ?? null);
    case 'plain':
      return md ? demarkdown(release.content) : null;
    case 'site-chrome':
      return release.label.form === 'scraper-chrome' ? null : wrapInChrome(release.content, release.name, md);
  }
}

/** The labels that still occur in the rewritten text (the others were destroyed by the rewrite). */
export function survivingLabels(labels: RealLabels, content: string): RealLabels {
  const [once, twice] = readableText(content);
  const whole = collapse(content);
  const lower = `${once} ${twice} ${content}`.toLowerCase();
  const occurs = (s: string): boolean => {
    const want = collapse(s);
    return [once ?? '', twice ?? '', whole].some((t) => t.includes(want));
  };
  const kept: RealLabels = {};
  for (const field of REAL_FIELDS) {
    if (!(field in labels)) continue;
    const value = labels[field];
    let ok = true;
    if (field === 'contactEmails') ok = (value as string[]).every((e) => lower.includes(e));
    else if (field === 'aboutOrganizations') ok = (value as string[]).every(occurs);
    else if (field === 'tickers') ok = (value as string[]).every((t) => whole.includes(t.slice(t.indexOf(':') + 1)));
    else if (field !== 'wire' && field !== 'datelineDate' && typeof value === 'string') ok = occurs(value);
    if (ok) (kept as Record<string, unknown>)[field] = value;
  }
  return kept;
}

/** The dev releases rewritten by one augmentation, with the labels that survive it. */
export function augmentedReleases(releases: RealRelease[], kind: Augment): RealRelease[] {
  const out: RealRelease[] = [];
  for (const release of releases) {
    if (release.split !== 'dev') continue;
    const content = augment(release, kind);
    if (content === null) continue;
    out.push({
      ...release,
      name: `${release.name} [${kind}]`,
      content,
      label: { ...release.label, labels: survivingLabels(release.label.labels, content) },
    });
  }
  return out;
}

/** Every augmentation of the dev split, scored. */
export function evaluateAugmented(releases: RealRelease[], parse: Parse): Record<Augment, RealReport> {
  return Object.fromEntries(
    AUGMENTS.map((kind) => [kind, evaluateReal(augmentedReleases(releases, kind), parse, 'dev')]),
  ) as Record<Augment, RealReport>;
}

/**
 * A table: one row per augmentation (releases, every field's %, all), a total row when there are
 * several, then the mismatches when asked.
 */
export function formatAugmented(reports: Readonly<Record<string, RealReport>>, withMismatches: boolean): string {
  const short = (f: string): string =>
    f
      .replace(/^dateline/, 'dl')
      .replace(/^body/, '')
      .slice(0, 9);
  const head = [
    'augment'.padEnd(14),
    'rel.'.padStart(4),
    ...REAL_FIELDS.map((f) => short(f).padStart(9)),
    'all'.padStart(13),
  ];
  const lines = [head.join(' ')];
  const pct = (c: number, l: number): string => (l ? ((c / l) * 100).toFixed(1) : '—');
  let correct = 0;
  let labelled = 0;
  const kinds = Object.keys(reports);
  for (const kind of kinds) {
    const r = reports[kind] as RealReport;
    correct += r.overall.correct;
    labelled += r.overall.labelled;
    lines.push(
      [
        kind.padEnd(14),
        String(r.releases).padStart(4),
        ...REAL_FIELDS.map((f) => pct(r.fields[f].correct, r.fields[f].labelled).padStart(9)),
        `${pct(r.overall.correct, r.overall.labelled)} ${`${r.overall.correct}/${r.overall.labelled}`.padStart(8)}`.padStart(
          13,
        ),
      ].join(' '),
    );
  }
  if (kinds.length > 1) lines.push(`${'all augments'.padEnd(14)} ${pct(correct, labelled)} % (${correct}/${labelled})`);
  if (withMismatches) {
    for (const kind of kinds) {
      for (const m of reports[kind]?.mismatches ?? []) {
        lines.push(
          `${m.release}  ${m.field}\n  expected: ${JSON.stringify(m.expected)?.slice(0, 200)}\n  got:      ${JSON.stringify(m.got)?.slice(0, 200)}`,
        );
      }
    }
  }
  return lines.join('\n');
}

/** Other stories a portal lists under an article (invented), each a linked headline and a teaser. */
const RELATED_STORIES = [
  ['Regional lenders report steady demand in the third quarter', 'Banks in the region saw loan demand hold up.'],
  ['City council approves new transit budget for next year', 'The plan adds two bus lines and a night service.'],
  ['Industry group names new board chair at its annual meeting', 'The chair takes office in January.'],
  ['Start-up opens second office in the region after funding round', 'It plans to hire forty people.'],
];

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The release as a generic site's HTML page would carry it, in one of three invented layouts
 * (picked by a hash of the name): an `<article>` with a sidebar of related stories; a content div
 * with a related-posts div; an old one-row layout table (menu cell, content cell) with a plain list
 * of related stories (relative links) under it. Paragraphs become `<p>` (lines split by `<br>`),
 * the title paragraph the page's `<h1>`; markdown is first reduced to its text.
 */
export function wrapInPage(text: string, name: string, markdown: boolean, title: string | null = null): string {
  const want = title ? collapse(title) : null;
  const body = paragraphs(markdown ? demarkdown(text) : text)
    .map((p) =>
      want !== null && collapse(p) === want
        ? `<h1>${escapeHtml(want)}</h1>`
        : `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`,
    )
    .join('\n');
  const related = RELATED_STORIES.map(
    ([head, teaser], i) => `<li><a href="/news/${i + 1}">${head}</a><p>${teaser}</p></li>`,
  ).join('');
  const head = `<head><title>${escapeHtml(want ?? 'News')} | Example Portal</title><meta property="og:site_name" content="Example Portal"></head>`;
  const nav =
    '<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/markets">Markets</a></nav></header>';
  const footer = '<footer>© 2026 Example Portal. All rights reserved.</footer>';
  const layouts = [
    `${nav}<main><article class="post-content">${body}</article><aside class="sidebar"><h3>Related</h3><ul>${related}</ul></aside></main>${footer}`,
    `${nav}<div id="content"><div class="entry-content">${body}</div><div class="related-posts"><ul>${related}</ul></div></div>${footer}`,
    `<table width="100%"><tr><td>Menu<br>Home<br>News</td><td>${body}</td></tr></table><div><ul>${related}</ul></div>${footer}`,
  ];
  return `<!DOCTYPE html><html>${head}<body>${layouts[variant(`${name}#page`, layouts.length)]}</body></html>\n`;
}

/**
 * The dev text releases (those `keep` accepts) rewritten by `wrap` (text, name, markdown, labelled
 * title), named `<name> [<family>]`, with the labels that survive the rewrite.
 */
function wrappedDevReleases(
  releases: RealRelease[],
  family: string,
  wrap: (text: string, name: string, markdown: boolean, title: string | null) => string,
  keep: (release: RealRelease) => boolean = () => true,
): RealRelease[] {
  const out: RealRelease[] = [];
  for (const release of releases) {
    if (release.split !== 'dev' || !isTextRelease(release) || !keep(release)) continue;
    const content = wrap(release.content, release.name, isMarkdown(release), release.label.labels.title ?? null);
    out.push({
      ...release,
      name: `${release.name} [${family}]`,
      content,
      label: { ...release.label, labels: survivingLabels(release.label.labels, content) },
    });
  }
  return out;
}

/** The dev text releases wrapped in HTML pages (see wrapInPage), with the labels that survive it. */
export function pageReleases(releases: RealRelease[]): RealRelease[] {
  return wrappedDevReleases(releases, 'html-page', wrapInPage);
}

/** The dev text releases wrapped in HTML pages, scored (kept apart from the text rewrites' total). */
export function evaluatePages(releases: RealRelease[], parse: Parse): RealReport {
  return evaluateReal(pageReleases(releases), parse, 'dev');
}

/** A small seeded generator (mulberry32) started from a hash of `seed`: the same text every run. */
function seeded(seed: string): {
  next: () => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
} {
  let state = parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick, chance: (p) => next() < p };
}

/** Parts of invented portal names (no real site). */
const SITE_FIRST = ['Harborline', 'Northgate', 'Riverbend', 'Summitfield', 'Coastway', 'Midvale', 'Brightwater'];
const SITE_SECOND = ['Business Journal', 'Ledger', 'Daily', 'Post', 'Chronicle', 'Wire Digest', 'Times'];
const MENUS = [
  ['Home', 'News', 'Business', 'Technology', 'Markets', 'Opinion', 'Contact'],
  ['Latest', 'Companies', 'Industries', 'Events', 'Podcasts', 'Subscribe'],
  ['World', 'Economy', 'Tech', 'Health', 'Energy', 'Press Releases'],
];
const SECTIONS = ['Press Releases', 'Business', 'Company News', 'Newswire', 'Partner Content'];
/** Other stories a portal lists after the article (invented, generic). */
const OTHER_HEADLINES = [
  'Regional lenders report steady demand in the third quarter',
  'City council approves new transit budget for next year',
  'Industry group names new board chair at annual meeting',
  'Start-up opens second office after funding round',
  'Quarterly survey shows rising confidence among retailers',
  'Port authority expands container terminal',
  'Local manufacturer adds night shift as orders grow',
  'Utility files plan for new solar capacity',
  'University spin-off wins innovation grant',
  'Airline adds seasonal routes for the summer',
];

/** A related story's teaser sentence (invented, generic). */
const TEASERS = [
  'The figures were released on Tuesday and show a steady rise over the year.',
  'Officials said the change will take effect early next year.',
  'The company did not disclose the terms of the agreement.',
  'Analysts expect the trend to continue through the spring.',
  'The new site is expected to open to visitors later this month.',
];

/**
 * The release as a scraper saves a news portal's article page in plain text or markdown: some of a
 * cookie notice, skip link, site name, a menu line or bulleted nav list, breadcrumbs, a section
 * label, a byline and a published/updated line (or those under the headline, when the title
 * paragraph is known), share buttons and reading tools above; sometimes an "Advertisement" between
 * two middle paragraphs; and after it some of share and follow buttons, tags, a "Related
 * Stories"/"More News" list of linked headlines (some dated, some with a teaser sentence), a
 * newsletter sign-up, a comments prompt and a copyright footer; and, drawn apart (a second
 * generator), a photo caption under the byline, a sponsored-content label, and the page's title
 * with the site's name (`Headline | Site`) as the saved text's first line. Every piece, its
 * wording and order are drawn by a generator seeded from the release's name; the site names are
 * invented. Markdown releases get markdown chrome (links, bullets, headings); a third of the text
 * releases are first markdown-ized (markdownize) and get it too; the others get plain-text chrome.
 */
export function wrapInScraperChrome(
  text: string,
  name: string,
  markdown: boolean,
  title: string | null = null,
): string {
  const r = seeded(`${name}#scraper`);
  const md = markdown || r.chance(1 / 3);
  const release = md && !markdown ? markdownize(text, title) : text.trim();
  const site = `${r.pick(SITE_FIRST)} ${r.pick(SITE_SECOND)}`;
  const slug = (s: string): string => s.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '');
  const link = (s: string, path = `/${slug(s)}`): string => (md ? `[${s}](${path})` : s);
  const date = `${r.pick(MONTHS)} ${1 + Math.floor(r.next() * 28)}, 20${20 + Math.floor(r.next() * 6)}`;
  const time = `${1 + Math.floor(r.next() * 12)}:${String(Math.floor(r.next() * 60)).padStart(2, '0')} ${r.pick(['AM', 'PM', 'a.m.', 'p.m.'])}`;
  const menu = r.pick(MENUS);
  const above: string[] = [];
  if (r.chance(0.4))
    above.push(
      r.pick([
        'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.\n\nAccept | Manage preferences',
        'This website uses cookies to personalise content and ads and to analyse our traffic. Accept all cookies Reject all Cookie settings',
        `Your privacy matters. ${site} and its partners store and access information on your device. I agree`,
      ]),
    );
  if (r.chance(0.5)) above.push(md ? '[Skip to main content](#main)' : 'Skip to main content');
  above.push(md ? `[${site}](/)` : site);
  if (r.chance(0.5)) {
    const bullet = r.pick(['*', '-', '+']);
    above.push(
      md
        ? menu.map((m) => `${bullet} ${link(m)}`).join('\n')
        : r.chance(0.5)
          ? menu.map((m) => `- ${m}`).join('\n')
          : menu.join('\n'),
    );
  } else above.push(menu.map((m) => link(m)).join(md ? ' ' : r.pick([' | ', '  ', ' · '])));
  if (r.chance(0.3)) above.push(r.pick(['Search', 'Sign in | Register', 'Subscribe now', 'Menu']));
  const section = r.pick(SECTIONS);
  if (r.chance(0.6))
    above.push([link('Home', '/'), link('News', '/news'), link(section)].join(r.pick([' > ', ' / ', ' » ', ' › '])));
  if (r.chance(0.3)) above.push(md ? `**${section.toUpperCase()}**` : section.toUpperCase());
  const byline = r.pick(['By Staff', `By ${site} Staff`, 'By Newsroom', 'Staff Report', `${site} Newsdesk`]);
  const stamp = r.pick([
    `Published: ${date} | Updated: ${time}`,
    `Published ${date} ${time}`,
    `${date} · ${r.pick(['2', '3', '4', '5'])} min read`,
    `Posted on ${date} at ${time}`,
  ]);
  // The byline and date stand above the headline on some portals, under it on most.
  const meta = r.chance(0.5) ? [byline, stamp] : [r.chance(0.5) ? `${byline} | ${stamp}` : stamp];
  const underTitle = r.chance(0.5);
  const share = r.pick([
    'Share this article',
    'Facebook Twitter LinkedIn Email',
    'Share: Facebook | X | LinkedIn | WhatsApp | Email',
    'Share on Facebook Share on X Share on LinkedIn Copy link',
    'Print Email Share',
  ]);
  if (r.chance(0.6))
    above.push(
      md && share.includes(' | ')
        ? share
            .split(' | ')
            .map((s) => link(s, '#'))
            .join(' ')
        : share,
    );
  if (r.chance(0.3))
    above.push(
      r.pick([
        'Listen to this article',
        'Reading time: 3 minutes',
        'Save article',
        'Gift this article',
        'Text size A A A',
      ]),
    );
  if (r.chance(0.4)) above.push('Advertisement');

  const paras = release.split(/\n[ \t]*\n/);
  if (paras.length > 6 && r.chance(0.4)) {
    const at = 3 + Math.floor(r.next() * (paras.length - 6));
    paras.splice(at, 0, r.pick(['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement']));
  }
  const want = title ? collapse(title) : null;
  const headline = want === null ? -1 : paras.findIndex((p) => collapse(p.replace(/^#{1,6} /, '')) === want);
  // Pieces added later draw from a second generator, so the ones above stay as they were.
  const r2 = seeded(`${name}#scraper2`);
  const caption = r2.chance(0.35)
    ? [
        r2.pick([
          'Photo: Courtesy of the company',
          'Image: Handout',
          '(Photo: supplied)',
          'File photo',
          'Photo credit: Company handout',
        ]),
      ]
    : [];
  if (underTitle && headline >= 0) paras.splice(headline + 1, 0, ...meta, ...caption);
  else {
    above.splice(Math.max(above.length - 2, 1), 0, ...meta);
    above.push(...caption);
  }
  if (r2.chance(0.25)) above.push(r2.pick(['Sponsored content', 'Press release', 'Partner content', 'PAID CONTENT']));
  if (title && r2.chance(0.3)) above.unshift(`${collapse(title)}${r2.pick([' | ', ' - ', ' – '])}${site}`);

  const below: string[] = [];
  if (r.chance(0.3)) below.push('Advertisement');
  if (r.chance(0.4))
    below.push(`Tags: ${[section, ...menu.slice(2, 4)].map((t) => link(t, `/tag/${slug(t)}`)).join(', ')}`);
  if (r.chance(0.5))
    below.push(
      r.pick([
        'Share this article',
        'Share this story',
        'Facebook Twitter LinkedIn Email',
        'Follow us on Facebook, X and LinkedIn',
      ]),
    );
  const heads = [...OTHER_HEADLINES].sort(() => r.next() - 0.5).slice(0, 3 + Math.floor(r.next() * 3));
  const heading = r.pick([
    'Related Stories',
    'More News',
    'You may also like',
    'Latest News',
    'Read more',
    'Most Popular',
    'Trending',
    'Recommended for you',
  ]);
  const dated = r.chance(0.4);
  // Some portals print each related story's teaser sentence under its headline.
  const teased = r.chance(0.35);
  const item = (h: string): string => {
    const d = dated ? `${r.pick(MONTHS).slice(0, 3)} ${1 + Math.floor(r.next() * 28)}, 2026` : '';
    const teaser = teased ? `\n\n${TEASERS[OTHER_HEADLINES.indexOf(h) % TEASERS.length]}` : '';
    if (md) return `${r.pick(['*', '-'])} ${link(h, `/news/${slug(h)}`)}${d ? ` ${d}` : ''}${teaser}`;
    return (r.chance(0.5) ? `- ${h}${d ? ` (${d})` : ''}` : `${h}${d ? `\n${d}` : ''}`) + teaser;
  };
  below.push(
    md && r.chance(0.5) ? `### ${heading}` : heading,
    heads.map(item).join(teased ? '\n\n' : md || r.chance(0.5) ? '\n' : '\n\n'),
  );
  if (r.chance(0.5))
    below.push(
      r.pick([
        'Sign up for our newsletter\n\nGet the latest business news delivered to your inbox every morning.\n\nEmail address\n\nSubscribe',
        'Newsletter: The best of the week, every Friday. Enter your email Sign up',
        `Subscribe to the ${site} newsletter`,
      ]),
    );
  if (r.chance(0.3)) below.push(r.pick(['Comments', 'Leave a comment', '0 Comments', 'Join the conversation']));
  if (r.chance(0.2)) below.push(`Send us your news: newsdesk@${slug(site)}.example`);
  below.push(
    r.pick([
      `© 2026 ${site}. All rights reserved.`,
      `Copyright © 2026 ${site}`,
      `© ${site} 2026 | ${['Privacy Policy', 'Terms of Use', 'Cookie Policy'].map((s) => link(s)).join(' | ')}`,
    ]),
  );
  if (r.chance(0.5))
    below.push(['About Us', 'Advertise', 'Contact', 'Privacy', 'Terms'].map((s) => link(s)).join(md ? ' ' : ' | '));
  return `${above.join('\n\n')}\n\n${paras.join('\n\n')}\n\n${below.join('\n\n')}\n`;
}

/** The dev text releases as a scraper saved them from a portal (wrapInScraperChrome), labels it keeps. */
export function scraperChromeReleases(releases: RealRelease[]): RealRelease[] {
  return wrappedDevReleases(
    releases,
    'scraper-chrome',
    wrapInScraperChrome,
    (release) => release.label.form !== 'scraper-chrome',
  );
}

/** The scraper-chrome family, scored (kept apart from the text rewrites' total, like the pages). */
export function evaluateScraperChrome(releases: RealRelease[], parse: Parse): RealReport {
  return evaluateReal(scraperChromeReleases(releases), parse, 'dev');
}
