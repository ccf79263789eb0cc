/** `s` as a regular expression that matches exactly it (every metacharacter escaped). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The matches of a global regex in `s`, as `s.matchAll(re)` gives them, without the copy of `re`
 * that matchAll makes on every call: for a long pattern run on many short lines, that copy (a
 * lookup keyed by the whole pattern's text) costs ten times the search itself. `re.lastIndex` is
 * set before each search, so a loop over it may use `re` again inside.
 */
export function* execAll(re: RegExp, s: string): Generator<RegExpExecArray> {
  if (!re.global) throw new TypeError('execAll needs a global regex');
  let from = 0;
  for (;;) {
    re.lastIndex = from;
    const m = re.exec(s);
    if (!m) return;
    from = re.lastIndex;
    // An empty match moves on by one character (a whole code point in a `u` regex), as matchAll does.
    if (m[0] === '') from += re.unicode && isSurrogatePair(s, from) ? 2 : 1;
    yield m;
  }
}

function isSurrogatePair(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  const d = s.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}
