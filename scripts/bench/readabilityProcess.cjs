// The baseline of bench:parse's whole-process figure: one plain Node process (no TypeScript, no
// tsx) that does for each file what `newswire parse` does, with @mozilla/readability + jsdom:
// read the bytes, let jsdom decode them (it sniffs the charset) and build the DOM, extract the
// article, print it as one JSON line. Run: node scripts/bench/readabilityProcess.cjs FILE…
const { readFileSync } = require('node:fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

for (const file of process.argv.slice(2)) {
  const virtualConsole = new VirtualConsole(); // silence CSS and script warnings
  const dom = new JSDOM(readFileSync(file), { url: 'https://example.com/news/release.html', virtualConsole });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  process.stdout.write(JSON.stringify(article) + '\n');
}
