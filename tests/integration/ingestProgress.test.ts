/**
 * runIngest's progress callback (what drives the CLI's progress bar): each stage starts at 0 of its
 * total, counts every message handled once, and ends at its total.
 */
import { consoleLog } from '../../lambdas/local/consoleLog';
import { runIngest, type IngestProgress } from '../../lambdas/local/ingest';
import { openLocalRuntime } from '../../lambdas/local/runtime';
import { startSampleServer } from '../../lambdas/local/sampleServer';
import { readSampleManifest } from '../helpers/sampleManifest';

jest.setTimeout(60_000);

test('poll then process, from 0 to the number of feeds and of queued items', async () => {
  const manifest = readSampleManifest();
  const server = await startSampleServer({ port: 0 });
  const rt = await openLocalRuntime({
    dataDir: null,
    log: consoleLog('silent'),
    allowHosts: [new URL(server.baseUrl).host],
  });
  try {
    const events: IngestProgress[] = [];
    const report = await runIngest(rt, {
      feeds: server.feeds.map((f) => ({ url: f.url, name: f.name })),
      onProgress: (p) => events.push({ ...p }),
    });
    const poll = events.filter((e) => e.stage === 'poll');
    const processed = events.filter((e) => e.stage === 'process');
    // Stages in order, never mixed.
    expect(events.map((e) => e.stage)).toEqual([...poll.map(() => 'poll'), ...processed.map(() => 'process')]);

    expect(poll.map((e) => e.done)).toEqual([0, 1, 2]);
    expect(poll.every((e) => e.total === manifest.feeds.length)).toBe(true);

    // Every item the polls queued is processed once: a release in two feeds is queued twice.
    const queued = report.feedResults.reduce((n, r) => n + r.queued, 0);
    expect(queued).toBe(manifest.feeds.reduce((n, f) => n + f.items, 0));
    expect(processed.map((e) => e.done)).toEqual(Array.from({ length: queued + 1 }, (_, i) => i));
    expect(processed.every((e) => e.total === queued)).toBe(true);
  } finally {
    await rt.close();
    await server.close();
  }
});

test('a second run has nothing to process: the process stage is 0 of 0', async () => {
  const server = await startSampleServer({ port: 0 });
  const rt = await openLocalRuntime({
    dataDir: null,
    log: consoleLog('silent'),
    allowHosts: [new URL(server.baseUrl).host],
  });
  try {
    const feeds = server.feeds.map((f) => ({ url: f.url, name: f.name }));
    await runIngest(rt, { feeds });
    const events: IngestProgress[] = [];
    await runIngest(rt, { feeds, onProgress: (p) => events.push({ ...p }) });
    expect(events.filter((e) => e.stage === 'process')).toEqual([{ stage: 'process', done: 0, total: 0 }]);
  } finally {
    await rt.close();
    await server.close();
  }
});
