import { createHash } from 'node:crypto';
import type { Parse } from './fixtureCorpus';
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

/** A table: one row per augmentation (releases, every field's %, all), then the mismatches when asked. */
export function formatAugmented(reports: Record<Augment, RealReport>, withMismatches: boolean): string {
  const short = (f: string): string =>
    f
      .replace(/^dateline/, 'dl')
      .replace(/^body/, '')
      .slice(0, 9);
  const head = [
    'augment'.padEnd(13),
    'rel.'.padStart(4),
    ...REAL_FIELDS.map((f) => short(f).padStart(9)),
    'all'.padStart(13),
  ];
  const lines = [head.join(' ')];
  const pct = (c: number, l: number): string => (l ? ((c / l) * 100).toFixed(1) : '—');
  let correct = 0;
  let labelled = 0;
  for (const kind of AUGMENTS) {
    const r = reports[kind];
    correct += r.overall.correct;
    labelled += r.overall.labelled;
    lines.push(
      [
        kind.padEnd(13),
        String(r.releases).padStart(4),
        ...REAL_FIELDS.map((f) => pct(r.fields[f].correct, r.fields[f].labelled).padStart(9)),
        `${pct(r.overall.correct, r.overall.labelled)} ${`${r.overall.correct}/${r.overall.labelled}`.padStart(8)}`.padStart(
          13,
        ),
      ].join(' '),
    );
  }
  lines.push(`${'all augments'.padEnd(13)} ${pct(correct, labelled)} % (${correct}/${labelled})`);
  if (withMismatches) {
    for (const kind of AUGMENTS) {
      for (const m of reports[kind].mismatches) {
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

/** The dev text releases wrapped in HTML pages (see wrapInPage), with the labels that survive it. */
export function pageReleases(releases: RealRelease[]): RealRelease[] {
  const out: RealRelease[] = [];
  for (const release of releases) {
    if (release.split !== 'dev' || !isTextRelease(release)) continue;
    const content = wrapInPage(release.content, release.name, isMarkdown(release), release.label.labels.title ?? null);
    out.push({
      ...release,
      name: `${release.name} [html-page]`,
      content,
      label: { ...release.label, labels: survivingLabels(release.label.labels, content) },
    });
  }
  return out;
}

/** The dev text releases wrapped in HTML pages, scored (kept apart from the text rewrites' total). */
export function evaluatePages(releases: RealRelease[], parse: Parse): RealReport {
  return evaluateReal(pageReleases(releases), parse, 'dev');
}
