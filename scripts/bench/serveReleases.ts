/**
 * Child process of `npm run bench:ingest`: generates the release set and serves it on 127.0.0.1, so
 * the pages' memory and the server's CPU are not counted against the pipeline under test (a wire's
 * site is another machine, too). Prints one JSON line {baseUrl, feeds, pages, pageBytes} when ready;
 * stops on SIGTERM or when its parent goes away.
 */
import { generateReleases } from './releaseGenerator';
import { startReleaseServer } from './releaseServer';

async function main(): Promise<void> {
  const [count, seed] = process.argv.slice(2).map(Number);
  if (!Number.isInteger(count) || !Number.isInteger(seed)) throw new Error('usage: serveReleases <count> <seed>');
  const set = generateReleases({ count: count!, seed: seed! });
  const server = await startReleaseServer(set);
  const pageBytes = set.releases.reduce((n, r) => n + Buffer.byteLength(r.html, 'utf8'), 0);
  process.stdout.write(
    JSON.stringify({ baseUrl: server.baseUrl, feeds: server.feeds, pages: set.releases.length, pageBytes }) + '\n',
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.on('end', stop).resume();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
