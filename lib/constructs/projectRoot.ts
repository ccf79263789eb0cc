import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The project root: the nearest folder above `from` that holds package.json. Walking up (instead of
 * `path.join(__dirname, '..')`) keeps working when lib/ is run from source by tsx or compiled to dist/.
 */
export function findProjectRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`No package.json found above ${from}: cannot locate the project root for Lambda bundling.`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();
