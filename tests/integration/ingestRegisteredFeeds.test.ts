/**
 * `newswire ingest` polls the feeds registered in its data dir (`newswire feeds add`), and the bundled
 * samples only while none is registered — saying so on stderr.
 */
import { startSampleServer, type SampleServer } from '../../lambdas/local/sampleServer';
import { newswire } from '../helpers/cli';
import { readSampleManifest } from '../helpers/sampleManifest';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(120_000);

let server: SampleServer;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  server = await startSampleServer({ port: 0 });
  tmp = makeTempDir('newswire-registered');
});
afterAll(async () => {
  await server?.close();
  tmp?.remove();
});

test('a registered feed is what ingest polls; an empty registry falls back to the samples and says so', async () => {
  const host = new URL(server.baseUrl).host;
  const technology = server.feeds.find((f) => f.url.endsWith('/prnewswire-technology.xml'))!;
  const listed = readSampleManifest().releases.filter((r) => r.feeds.includes('prnewswire-technology')).length;

  const added = await newswire(['feeds', 'add', technology.url, '--data-dir', tmp.dir, '--allow-host', host]);
  expect(added.code).toBe(0);
  expect(added.stderr).toBe(''); // the add's check reached the feed: no warning
  const run = await newswire(['ingest', '--data-dir', tmp.dir, '--allow-host', host, '--sample-port', '0', '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ feeds: 1, written: listed, failed: 0 });

  const fresh = makeTempDir('newswire-registered-empty');
  try {
    const samples = await newswire(['ingest', '--data-dir', fresh.dir, '--sample-port', '0']);
    expect(samples.code).toBe(0);
    expect(samples.stderr).toMatch(/no feeds registered in .*: ingesting the bundled sample feeds/);
    expect(samples.stdout).toContain('bundled samples on http://127.0.0.1:');
  } finally {
    fresh.remove();
  }
});
