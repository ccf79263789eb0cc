/**
 * Keys of the raw archive: they say what and when, so an operator can find the bytes of a feed
 * poll or a release page without a database (architecture.md "Raw archive").
 */

/** `feeds/<feedId>/<yyyy>/<mm>/<dd>/<HHMMSSmmm>-<sha256>.xml.gz` */
export function feedArchiveKey(feedId: string, fetchedAt: Date, sha256: string): string {
  const iso = fetchedAt.toISOString(); // 2024-03-07T03:00:00.000Z
  const [yyyy, mm, dd] = iso.slice(0, 10).split('-');
  const time = iso.slice(11, 23).replace(/[:.]/g, '');
  return `feeds/${feedId}/${yyyy}/${mm}/${dd}/${time}-${sha256}.xml.gz`;
}

/** `articles/<id>/<sha256>.html.gz` — the same bytes fetched twice land on the same key. */
export function articleArchiveKey(id: string, sha256: string): string {
  return `articles/${id}/${sha256}.html.gz`;
}
