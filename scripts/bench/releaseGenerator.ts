/**
 * Deterministic generator of PR Newswire-style feeds and release pages for the ingest benchmark.
 * Everything comes from a seeded PRNG (mulberry32): the same seed and count give byte-identical
 * pages, so runs are comparable. Releases vary the way real ones do: several wires and tag variants,
 * issuers with 0–2 tickers on several exchanges, datelines across US states and world cities,
 * 0–3 contact blocks, bodies from 3 to ~60 paragraphs, some with tables, page chrome around them.
 * Nothing is copied from real releases: names and text are assembled from word lists.
 */

/** Seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedRelease {
  slug: string;
  title: string;
  summary: string;
  source: string;
  publishedAt: string;
  /** Indexes into GeneratedSet.feeds. */
  feeds: number[];
  html: string;
}
export interface GeneratedFeed {
  name: string;
  title: string;
  /** Release indexes, newest first. */
  items: number[];
}
export interface GeneratedSet {
  releases: GeneratedRelease[];
  feeds: GeneratedFeed[];
}

const WIRES = [
  { weight: 6, dateline: (p: string, d: string) => `${p}, ${d} /PRNewswire/ --` },
  { weight: 2, dateline: (p: string, d: string) => `${p}, ${d} /PRNewswire-FirstCall/ --` },
  { weight: 1, dateline: (p: string, d: string) => `${p}, ${d} /PRNewswire-USNewswire/ --` },
  { weight: 3, dateline: (p: string) => `${p}--(BUSINESS WIRE)--` },
  { weight: 3, dateline: (p: string, d: string) => `${p}, ${d} (GLOBE NEWSWIRE) --` },
  { weight: 1, dateline: (p: string, d: string) => `${p} / ACCESSWIRE / ${d} /` },
  { weight: 1, dateline: (p: string, d: string) => `${p}, ${d} /CNW/ -` },
] as const;

const PLACES = [
  'NEW YORK',
  'SAN FRANCISCO',
  'AUSTIN, Texas',
  'BOSTON',
  'CHICAGO',
  'SEATTLE',
  'PALO ALTO, Calif.',
  'CAMBRIDGE, Mass.',
  'PRINCETON, N.J.',
  'DENVER',
  'ATLANTA',
  'MIAMI',
  'HOUSTON',
  'DALLAS',
  'SAN DIEGO',
  'WASHINGTON',
  'RALEIGH, N.C.',
  'NASHVILLE, Tenn.',
  'TORONTO',
  'VANCOUVER, British Columbia',
  'MONTREAL',
  'CALGARY, Alberta',
  'LONDON',
  'DUBLIN',
  'PARIS',
  'MUNICH',
  'BERLIN',
  'ZURICH',
  'AMSTERDAM',
  'STOCKHOLM',
  'MADRID',
  'MILAN',
  'TOKYO',
  'SINGAPORE',
  'HONG KONG',
  'SYDNEY',
  'MUMBAI',
  'BEIJING',
  'SHANGHAI',
  'SEOUL',
  'TEL AVIV, Israel',
  'DUBAI, United Arab Emirates',
  'SAO PAULO',
  'MEXICO CITY',
] as const;

const EXCHANGES = ['NASDAQ', 'NASDAQ', 'NASDAQ', 'NYSE', 'NYSE', 'NYSE American', 'TSX', 'TSXV', 'LSE', 'OTCQX'];
const NAME_A = [
  'Aster',
  'Beacon',
  'Birch',
  'Cobalt',
  'Crescent',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Helix',
  'Iron',
  'Juniper',
  'Keystone',
  'Lumen',
  'Maple',
  'Meridian',
  'Nimbus',
  'Northwind',
  'Onyx',
  'Orchid',
  'Pioneer',
  'Quarry',
  'Redwood',
  'Sable',
  'Summit',
  'Tidal',
  'Umber',
  'Vantage',
  'Willow',
  'Zephyr',
  'Alder',
  'Bright',
  'Cedar',
  'Drift',
  'Evergreen',
  'Fjord',
  'Golden',
  'Hollow',
  'Indigo',
  'Jasper',
  'Kestrel',
  'Larch',
  'Mosaic',
];
const NAME_B = [
  'Analytics',
  'Biosciences',
  'Robotics',
  'Therapeutics',
  'Energy',
  'Logistics',
  'Capital',
  'Foods',
  'Health',
  'Semiconductor',
  'Minerals',
  'Software',
  'Systems',
  'Networks',
  'Pharmaceuticals',
  'Media',
  'Payments',
  'Materials',
  'Aerospace',
  'Insurance',
  'Realty',
  'Motors',
  'Labs',
  'Security',
  'Genomics',
  'Water',
];
const LEGAL = [
  'Inc.',
  'Inc.',
  'Inc.',
  'Corp.',
  'Corporation',
  'Ltd.',
  'LLC',
  'plc',
  'Holdings',
  'Group',
  'GmbH',
  'N.V.',
  '',
];
const VERBS = [
  'Announces',
  'Reports',
  'Launches',
  'Completes',
  'Expands',
  'Unveils',
  'Appoints',
  'Secures',
  'Partners with',
  'Receives',
  'Opens',
  'Prices',
];
const OBJECTS = [
  'Fourth Quarter and Full Year Results',
  'Strategic Partnership',
  'New Headquarters',
  'Series B Financing',
  'Acquisition of a Regional Competitor',
  'FDA Clearance for Its Lead Device',
  'Chief Financial Officer',
  'Public Offering of Common Stock',
  'Next-Generation Platform',
  'Distribution Agreement in Europe',
  'Sustainability Report',
  'Share Repurchase Program',
  'Phase 2 Trial Results',
  'Dividend Increase',
];
const WORDS = (
  'the company said its customers expect growth revenue market product platform quarter year team service ' +
  'operations results increase demand new launch expansion partners investment strategy technology data ' +
  'regional global industry leading announced today program pipeline approval agreement capacity margin ' +
  'network infrastructure energy manufacturing supply digital clinical patients retail financial outlook'
).split(' ');
const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'James',
  'Kofi',
  'Lena',
  'Marco',
  'Nadia',
  'Owen',
  'Priya',
];
const LAST = [
  'Alvarez',
  'Brennan',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
];
/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Issuer {
  name: string;
  domain: string;
  tickers: string[];
}

/** Generates `count` releases over `feedCount` feeds (plus a ~10% overlap of releases listed by two feeds). */
export function generateReleases(opts: { count: number; seed: number; feedCount?: number }): GeneratedSet {
  const rand = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const feedCount = opts.feedCount ?? Math.max(1, Math.ceil(opts.count / 250));

  // Issuers: about one per five releases, so sources repeat the way they do on a wire.
  const issuers: Issuer[] = [];
  const issuerCount = Math.max(1, Math.ceil(opts.count / 5));
  const usedTickers = new Set<string>();
  for (let i = 0; i < issuerCount; i++) {
    const base = `${pick(NAME_A)} ${pick(NAME_B)}`;
    const legal = pick(LEGAL);
    const name = `${base}${i >= NAME_A.length * NAME_B.length ? ` ${i}` : ''}${legal ? ` ${legal}` : ''}`;
    const tickers: string[] = [];
    const n = rand() < 0.45 ? 0 : rand() < 0.85 ? 1 : 2;
    for (let t = 0; t < n; t++) {
      let sym: string;
      do sym = `${pick(EXCHANGES)}:${base.replace(/[^A-Z]/g, '')}${String.fromCharCode(65 + int(0, 25))}${int(0, 9)}`;
      while (usedTickers.has(sym));
      usedTickers.add(sym);
      tickers.push(sym);
    }
    issuers.push({ name, domain: `${base.toLowerCase().replace(/[^a-z]/g, '')}${i}.example.com`, tickers });
  }

  const sentence = (min: number, max: number) => {
    const n = int(min, max);
    const ws = Array.from({ length: n }, () => pick(WORDS));
    const s = ws.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: int(1, 5) }, () => sentence(8, 28)).join(' ');

  const start = Date.UTC(2024, 0, 2, 12, 0, 0);
  const releases: GeneratedRelease[] = [];
  for (let i = 0; i < opts.count; i++) {
    const issuer = pick(issuers);
    const when = new Date(start + i * 37 * 60_000 + int(0, 30) * 60_000);
    const publishedAt = when.toISOString();
    const dateText = `${MONTHS[when.getUTCMonth()]} ${when.getUTCDate()}, ${when.getUTCFullYear()}`;
    const place = pick(PLACES);
    const wire = weighted(rand, WIRES);
    const shortName = issuer.name.replace(/,? (Inc\.|Corp\.|Corporation|Ltd\.|LLC|plc|GmbH|N\.V\.)$/, '');
    const title = `${shortName} ${pick(VERBS)} ${pick(OBJECTS)}`;
    const releaseNo = 302_000_000 + i;
    const slug = `${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${releaseNo}`;
    const tickerText = issuer.tickers.length ? ` (${issuer.tickers.map((t) => t.replace(':', ': ')).join('; ')})` : '';
    const lead = `${escapeHtml(wire.dateline(place, dateText))} ${escapeHtml(issuer.name)}${escapeHtml(tickerText)}, ${sentence(10, 20).toLowerCase()}`;
    // Sizes: most releases are short to medium; one in twenty is long (earnings with tables).
    const long = rand() < 0.05;
    const paragraphs = Array.from({ length: long ? int(25, 60) : int(3, 14) }, paragraph);
    const table = long ? earningsTable(rand) : '';
    const contacts = Array.from({ length: int(0, 3) }, (_, c) => {
      const person = `${pick(FIRST)} ${pick(LAST)}`;
      const label = ['Media Contact:', 'Investor Contact:', 'Press Inquiries:'][c % 3];
      return `<p>${label}<br>${person}<br>${escapeHtml(shortName)}<br>+1 ${int(200, 989)}-555-${String(int(100, 9999)).padStart(4, '0')}<br><a href="mailto:${person.split(' ')[0]!.toLowerCase()}@${issuer.domain}">${person.split(' ')[0]!.toLowerCase()}@${issuer.domain}</a></p>`;
    });
    const summary = sentence(15, 30);
    const body = [
      `<p>${lead}</p>`,
      ...paragraphs.map((p) => `<p>${p}</p>`),
      table,
      `<p><b>About ${escapeHtml(shortName)}</b></p>`,
      `<p>${escapeHtml(issuer.name)} ${paragraph()}</p>`,
      ...contacts,
    ].join('\n');
    const feeds = [i % feedCount];
    if (feedCount > 1 && rand() < 0.1) feeds.push((i + 1 + int(0, feedCount - 2)) % feedCount);
    releases.push({
      slug,
      title,
      summary,
      source: issuer.name,
      publishedAt,
      feeds,
      html: releasePage({ slug, title, summary, source: issuer.name, publishedAt, body }),
    });
  }

  const feeds: GeneratedFeed[] = Array.from({ length: feedCount }, (_, f) => ({
    name: `bench-${String(f).padStart(3, '0')}`,
    title: `Bench wire feed ${f}`,
    items: [],
  }));
  for (let i = releases.length - 1; i >= 0; i--) {
    for (const f of releases[i]!.feeds) feeds[f]!.items.push(i);
  }
  return { releases, feeds };
}

/** The RSS 2.0 document of one feed; links point at baseUrl. */
export function feedXml(set: GeneratedSet, feed: GeneratedFeed, baseUrl: string): string {
  const items = feed.items.map((i) => {
    const r = set.releases[i]!;
    const link = `${baseUrl}/news-releases/${r.slug}.html`;
    return `    <item>
      <title>${escapeHtml(r.title)}</title>
      <link>${link}</link>
      <description>${escapeHtml(r.summary)}</description>
      <pubDate>${new Date(r.publishedAt).toUTCString()}</pubDate>
      <guid isPermaLink="true">${link}</guid>
      <dc:creator>${escapeHtml(r.source)}</dc:creator>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeHtml(feed.title)}</title>
    <link>${baseUrl}/news-releases/</link>
    <description>Generated releases for the ingest benchmark.</description>
    <language>en-us</language>
${items.join('\n')}
  </channel>
</rss>
`;
}

function releasePage(r: {
  slug: string;
  title: string;
  summary: string;
  source: string;
  publishedAt: string;
  body: string;
}): string {
  const t = escapeHtml(r.title);
  const nav = Array.from({ length: 48 }, (_, i) => `<li><a href="/news-releases/topic-${i}/">Topic ${i}</a></li>`).join(
    '',
  );
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>${t}</title>
  <link rel="canonical" href="{{BASE_URL}}/news-releases/${r.slug}.html">
  <meta name="description" content="${escapeHtml(r.summary)}">
  <meta name="author" content="${escapeHtml(r.source)}">
  <meta property="og:site_name" content="PR Newswire">
  <meta property="og:title" content="${t}">
  <meta property="article:published_time" content="${r.publishedAt}">
  <link rel="stylesheet" href="/static/css/main.min.css">
  <script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ pageType: 'news-release' });</script>
</head>
<body class="release-page">
  <header class="site-header"><nav class="main-nav" aria-label="Main"><ul>${nav}</ul></nav></header>
  <main id="main">
    <article class="news-release">
      <header class="release-header">
        <h1>${t}</h1>
        <div class="meta-provider"><span class="news-provided-by">News provided by</span> <strong>${escapeHtml(r.source)}</strong></div>
      </header>
      <section class="release-body">
${r.body}
        <p>SOURCE ${escapeHtml(r.source)}</p>
      </section>
    </article>
  </main>
  <footer class="site-footer"><ul>${nav}</ul><p class="copyright">Copyright &copy; Bench Wire</p></footer>
</body>
</html>
`;
}

function earningsTable(rand: () => number): string {
  const rows = Array.from({ length: 12 + Math.floor(rand() * 20) }, (_, i) => {
    const a = (rand() * 900 + 10).toFixed(1);
    const b = (rand() * 900 + 10).toFixed(1);
    return `<tr><td>Line item ${i + 1}</td><td>$${a}</td><td>$${b}</td></tr>`;
  });
  return `<table><tr><th></th><th>Three months ended</th><th>Prior year</th></tr>${rows.join('')}</table>`;
}

function weighted<T extends { weight: number }>(rand: () => number, xs: readonly T[]): T {
  const total = xs.reduce((n, x) => n + x.weight, 0);
  let r = rand() * total;
  for (const x of xs) {
    r -= x.weight;
    if (r < 0) return x;
  }
  return xs[xs.length - 1] as T;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
