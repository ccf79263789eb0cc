/** What `feeds add` says a fetched body looked like when it is not a feed, and the format names it prints. */
import { gzipSync } from 'node:zlib';
import { aFeedFormat, bodyKind, hostPortOf } from '../../../lambdas/local/feedUrlCheck';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('bodyKind', () => {
  test.each([
    ['', 'an empty body'],
    [' \n\t ', 'only whitespace'],
    ['<!DOCTYPE html><html><head></head></html>', 'an HTML page'],
    ['\uFEFF  <html lang="en"><body>x</body></html>', 'an HTML page'],
    ['<?xml version="1.0"?>\n<!-- generated -->\n<html xmlns="http://www.w3.org/1999/xhtml"/>', 'an HTML page'],
    ['<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', 'XML with a <urlset> root'],
    ['<?xml version="1.0"?><!DOCTYPE note SYSTEM "note.dtd"><note/>', 'XML with a <note> root'],
    ['< not markup', 'markup'],
    ['{"releases": []}', 'JSON'],
    ['[1, 2]', 'JSON'],
    ['%PDF-1.7\n', 'a PDF'],
    ['Service Unavailable', 'text'],
  ])('%j is %s', (body, kind) => {
    expect(bodyKind(bytes(body))).toBe(kind);
  });

  test('compressed or other binary bytes are binary data', () => {
    expect(bodyKind(gzipSync('<rss/>'))).toBe('binary data');
    expect(bodyKind(Uint8Array.from([0x1f, 0x8b, 0x08, 0x08, 0x41, 0x42]))).toBe('binary data');
    expect(bodyKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('binary data');
  });
});

test('format names take their article: an RSS, an Atom, a JSON Feed', () => {
  expect(aFeedFormat('rss2')).toBe('an RSS 2.0');
  expect(aFeedFormat('atom1')).toBe('an Atom 1.0');
  expect(aFeedFormat('json')).toBe('a JSON Feed');
});

test('hostPortOf gives the host:port --allow-host takes, with the scheme default port', () => {
  expect(hostPortOf('http://127.0.0.1:8080/feed.xml')).toBe('127.0.0.1:8080');
  expect(hostPortOf('https://Feeds.Example.test/rss')).toBe('feeds.example.test:443');
  expect(hostPortOf('http://[::1]/rss')).toBe('[::1]:80');
});
