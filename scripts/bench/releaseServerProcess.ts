/**
 * Starts serveReleases.ts in a child process (the generated release set served on 127.0.0.1, its
 * memory and CPU kept out of the process being measured) and resolves with what it printed once
 * ready. Used by bench:ingest and by the cost measuring run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

export interface ServedReleases {
  baseUrl: string;
  feeds: { name: string; url: string }[];
  pages: number;
  pageBytes: number;
}

export async function startReleaseServerProcess(
  records: number,
  seed: number,
): Promise<{ child: ChildProcess; served: ServedReleases }> {
  const child = spawn(
    process.execPath,
    // tsx resolved from this project, so the scripts run from any working directory.
    [
      '--import',
      pathToFileURL(require.resolve('tsx')).href,
      path.join(__dirname, 'serveReleases.ts'),
      String(records),
      String(seed),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`release server exited with ${code}`)));
  });
  return { child, served: JSON.parse(line) as ServedReleases };
}
