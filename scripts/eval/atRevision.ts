import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Runs `use` with the module at `modulePath` (relative to the repository root, e.g.
 * 'lambdas/core/parser') as it was at commit `rev`: a detached `git worktree` of `rev` in a
 * temporary directory, with the repository's node_modules linked into it, is required in this
 * process (under tsx a .ts path loads; the module and its own imports are fresh instances, apart
 * from packages). The worktree is removed afterwards, also when `use` or the require throws.
 * `use` gets the module and the commit's full hash. Nothing in the caller's work tree changes.
 */
export function withModuleAtRevision<T>(
  repoRoot: string,
  rev: string,
  modulePath: string,
  use: (module: Record<string, unknown>, commit: string) => T,
): T {
  let commit: string;
  try {
    commit = git(repoRoot, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
  } catch {
    throw new Error(`${rev} is not a commit of ${repoRoot}`);
  }
  const parent = mkdtempSync(join(tmpdir(), 'at-revision-'));
  const tree = join(parent, 'tree');
  let added = false;
  try {
    git(repoRoot, 'worktree', 'add', '--detach', '--quiet', tree, commit);
    added = true;
    const modules = join(repoRoot, 'node_modules');
    if (existsSync(modules) && !existsSync(join(tree, 'node_modules'))) {
      symlinkSync(modules, join(tree, 'node_modules'), 'dir');
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
    const loaded = require(join(tree, modulePath)) as Record<string, unknown>;
    return use(loaded, commit);
  } finally {
    let removed = !added;
    if (added) {
      try {
        git(repoRoot, 'worktree', 'remove', '--force', tree);
        removed = true;
      } catch {
        // Removed by hand below; prune then drops git's record of it.
      }
    }
    rmSync(parent, { recursive: true, force: true });
    if (!removed) {
      try {
        git(repoRoot, 'worktree', 'prune');
      } catch {
        // Nothing left to prune.
      }
    }
  }
}
