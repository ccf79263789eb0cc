/**
 * Feed documents built to hurt a feed reader (issue 11), generated at any size: used by
 * `npm run bench:hostile` at full size and by the unit / integration tests at bounded sizes.
 */

const CHANNEL_HEAD =
  '<rss version="2.0"><channel><title>Hostile feed</title><link>https://hostile.example.test/</link>';
const CHANNEL_TAIL = '</channel></rss>';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function item(i: number, description = 'Summary of the release.', date?: Date): string {
  const pubDate = date ? `<pubDate>${date.toUTCString()}</pubDate>` : '';
  return `<item><title>Release ${i}</title><link>https://hostile.example.test/news/${i}.html</link><description>${description}</description>${pubDate}</item>`;
}

/** An RSS 2.0 feed whose one item's description nests `<x>` `levels` deep (40,000 levels ≈ 280 KB). */
export function deepXmlFeed(levels: number): string {
  const nested = `${'<x>'.repeat(levels)}deep${'</x>'.repeat(levels)}`;
  return `${XML_DECLARATION}${CHANNEL_HEAD}${item(1, nested)}${CHANNEL_TAIL}`;
}

/**
 * An RSS 2.0 feed declaring one entity of `entityChars` characters and referencing it `refs` times
 * in a description (500,000 references of a 1 KiB entity ≈ 1.5 MB of feed, 512 MB expanded).
 */
export function entityExpansionFeed(refs: number, entityChars = 1024): string {
  return `${XML_DECLARATION}<!DOCTYPE rss [<!ENTITY a "${'A'.repeat(entityChars)}">]>${CHANNEL_HEAD}${item(1, '&a;'.repeat(refs))}${CHANNEL_TAIL}`;
}

/** A JSON Feed 1.1 whose one item's title is a string inside `levels` nested arrays. */
export function deepJsonFeed(levels: number): string {
  const title = `${'['.repeat(levels)}"Deep title"${']'.repeat(levels)}`;
  return `{"version":"https://jsonfeed.org/version/1.1","title":"Hostile JSON feed","items":[{"id":"1","url":"https://hostile.example.test/news/1.html","title":${title}}]}`;
}

/**
 * An RSS 2.0 feed of `count` minimal items (150,000 ≈ 6.6 MB, as in issue 11). With `dated`, item i is dated i
 * minutes after 2025-01-01 in a shuffled order, so the newest are not simply the last.
 */
export function manyItemsFeed(count: number, opts: { dated?: boolean } = {}): string {
  const parts = [XML_DECLARATION, CHANNEL_HEAD];
  for (let i = 0; i < count; i++) {
    if (opts.dated) {
      const minute = shuffled(i, count);
      parts.push(item(i, 'S', new Date(Date.UTC(2025, 0, 1) + minute * 60_000)));
    } else parts.push(`<item><link>https://h.test/${i}</link></item>`);
  }
  parts.push(CHANNEL_TAIL);
  return parts.join('');
}

/** The minute given to item i of n: a fixed permutation of 0…n-1 (a multiplier coprime to n). */
export function shuffled(i: number, n: number): number {
  let step = 7919;
  while (gcd(step, n) !== 1) step++;
  return (i * step) % n;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * A normal feed of about `bytes` bytes: 50 releases with a plain description and a full
 * content:encoded body each (the baseline the hostile cases are compared with).
 */
export function normalFeed(bytes: number): string {
  const items = 50;
  const paragraph =
    '<p>The company announced today that its new instrument, which weighs under two kilograms, runs a full shift on one battery and reports results in seconds.</p>';
  const perItem = Math.max(1, Math.floor(bytes / items / paragraph.length));
  const parts = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel><title>Normal feed</title><link>https://normal.example.test/</link>',
  ];
  for (let i = 0; i < items; i++) {
    const date = new Date(Date.UTC(2025, 5, 1, 8, i)).toUTCString();
    parts.push(
      `<item><title>Acme announces product ${i}</title><link>https://normal.example.test/news/${i}.html</link><guid>normal-${i}</guid><pubDate>${date}</pubDate><description>Acme announces product ${i} today.</description><content:encoded><![CDATA[${paragraph.repeat(perItem)}]]></content:encoded></item>`,
    );
  }
  parts.push(CHANNEL_TAIL);
  return parts.join('');
}
