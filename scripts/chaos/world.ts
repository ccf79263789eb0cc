/**
 * The chaos run's world and its model: generated feeds and releases (scripts/bench/releaseGenerator)
 * plus what real wires do to them — corrections issued later (title "CORRECTION -- …" and a
 * correction paragraph), pages that moved (the old link answers 301 to the new place), items listed
 * twice in one feed (exactly, or with a tracking query), releases listed by two feeds (the same
 * GUID), pages gone for good (404 / 410) and feeds gone for good. All from the seed.
 *
 * Epoch 0 is the world before the corrections; epoch 1 after them. The model is epoch 1: every
 * release that is not gone must end up stored exactly once, with the fields the parser gives for
 * its final page.
 */
import { generateReleases, mulberry32, type GeneratedSet } from '../bench/releaseGenerator';

export interface ChaosRelease {
  index: number;
  slug: string;
  /** Path of the link the feeds list. */
  path: string;
  /** Path the page is served from in the end (differs from `path` for a moved page). */
  finalPath: string;
  title: string;
  corrected: boolean;
  moved: boolean;
  /** Permanent fault of the page (never stored; its dead letter is explained by it). */
  gone: 404 | 410 | null;
  /** Listed twice in one of its feeds (`exact` or with `?utm_source=`). */
  repeated: 'exact' | 'utm' | null;
}
export interface ChaosFeed {
  name: string;
  path: string;
  items: number[];
  /** A feed gone for good answers this status to every poll. */
  gone: 404 | 410 | null;
}
export interface ChaosWorld {
  seed: number;
  set: GeneratedSet;
  releases: ChaosRelease[];
  feeds: ChaosFeed[];
}

export function buildWorld(opts: { seed: number; feeds: number; releases: number }): ChaosWorld {
  const set = generateReleases({ count: opts.releases, seed: opts.seed, feedCount: opts.feeds });
  const rand = mulberry32(opts.seed ^ 0x5eed);
  const releases: ChaosRelease[] = set.releases.map((r, index) => {
    const x = rand();
    const gone = x < 0.006 ? 404 : x < 0.012 ? 410 : null;
    const corrected = !gone && rand() < 0.06;
    const moved = !gone && rand() < 0.04;
    const y = rand();
    const path = `/news-releases/${r.slug}.html`;
    return {
      index,
      slug: r.slug,
      path,
      finalPath: moved ? `/news-releases/moved/${r.slug}.html` : path,
      title: r.title,
      corrected,
      moved,
      gone,
      repeated: y < 0.02 ? 'exact' : y < 0.04 ? 'utm' : null,
    };
  });
  const feeds: ChaosFeed[] = set.feeds.map((f) => ({
    name: f.name,
    path: `/feeds/${f.name}.xml`,
    items: f.items,
    gone: null,
  }));
  // Two feeds gone for good, listing releases other feeds list too.
  for (const [k, status] of [[0, 404] as const, [1, 410] as const]) {
    feeds.push({
      name: `gone-${k}`,
      path: `/feeds/gone-${k}.xml`,
      items: feeds[k % feeds.length]!.items,
      gone: status,
    });
  }
  return { seed: opts.seed, set, releases, feeds };
}

/** The release page as served in an epoch (`{{BASE_URL}}` filled in). */
export function pageHtml(world: ChaosWorld, r: ChaosRelease, epoch: number, baseUrl: string): string {
  let html = world.set.releases[r.index]!.html.replaceAll('{{BASE_URL}}', baseUrl);
  if (r.corrected && epoch >= 1) {
    html = html
      .replaceAll(escapeHtml(r.title), escapeHtml(correctedTitle(r.title)))
      .replace(
        /(\s*<p>SOURCE )/,
        `\n<p>CORRECTION: this release replaces the one issued earlier; the figures in the third paragraph were restated.</p>$1`,
      );
  }
  return html;
}

export const correctedTitle = (t: string) => `CORRECTION -- ${t}`;

/** The RSS 2.0 document of a feed in an epoch. */
export function feedXmlOf(world: ChaosWorld, feed: ChaosFeed, epoch: number, baseUrl: string): string {
  const item = (r: ChaosRelease, query = '') => {
    const g = world.set.releases[r.index]!;
    const link = `${baseUrl}${r.path}${query}`;
    const title = r.corrected && epoch >= 1 ? correctedTitle(r.title) : r.title;
    return `    <item>
      <title>${escapeHtml(title)}</title>
      <link>${escapeHtml(link)}</link>
      <description>${escapeHtml(g.summary)}</description>
      <pubDate>${new Date(g.publishedAt).toUTCString()}</pubDate>
      <guid isPermaLink="true">${escapeHtml(link)}</guid>
    </item>`;
  };
  const items: string[] = [];
  for (const i of feed.items) {
    const r = world.releases[i]!;
    items.push(item(r));
    if (r.repeated === 'exact') items.push(item(r));
    if (r.repeated === 'utm') items.push(item(r, '?utm_source=rss&utm_medium=feed'));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Chaos wire feed ${escapeHtml(feed.name)}</title>
    <link>${baseUrl}/news-releases/</link>
    <description>Generated releases for the chaos run.</description>
${items.join('\n')}
  </channel>
</rss>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
