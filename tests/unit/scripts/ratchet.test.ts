import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsedRelease as parsed } from '../../helpers/parsedRelease';
import type { Parse } from '../../../scripts/eval/fixtureCorpus';
import {
  checkRatchet,
  formatRatchetCheck,
  RATCHET_FILE,
  ratchetDrops,
  ratchetOf,
  ratchetToWrite,
  readRatchet,
  uncommittedChanges,
} from '../../../scripts/eval/ratchet';
import { evaluateReal, loadRealCorpus, type RealRelease } from '../../../scripts/eval/realCorpus';

function release(name: string, content: string, labels: RealRelease['label']['labels']): RealRelease {
  return {
    name,
    group: name.split('/')[0] ?? 'g',
    content,
    label: { provenance: `https://example.com/${name}`, licence: 'CC0', form: 'as-distributed', url: null, labels },
    split: 'test',
  };
}

/** A parser that gets the title right on every release whose content is in `right`. */
function titleRightOn(...right: string[]): Parse {
  return ({ content }) => parsed({ title: right.includes(content) ? 'T' : 'wrong', source: 'S' });
}

const a = release('g/a.txt', 'a', { title: 'T', source: 'S' });
const b = release('g/b.txt', 'b', { title: 'T', source: 'S' });
const c = release('g/c.txt', 'c', { title: 'T' });

describe('ratchetOf and ratchetDrops', () => {
  const report = evaluateReal(
    [release('g/x.txt', 'x', { title: 'T', source: 'S' })],
    () => parsed({ title: 'T', source: 'no' }),
    'test',
  );

  it('holds every labelled field and the overall figure, rounded down to 4 decimals', () => {
    expect(ratchetOf(report)).toEqual({ overall: 0.5, fields: { title: 1, source: 0 } });
    const thirds = evaluateReal([a, b, c], titleRightOn('a'), 'test');
    expect(ratchetOf(thirds).fields.title).toBe(0.3333);
  });

  it('names each figure that fell below the held one', () => {
    expect(ratchetDrops(report, { overall: 0.5, fields: { title: 1, source: 0 } })).toEqual([]);
    expect(ratchetDrops(report, { overall: 0.6, fields: { title: 1, source: 0.1 } })).toEqual([
      'overall 0.5 < 0.6',
      'source 0 < 0.1',
    ]);
  });
});

describe('checkRatchet', () => {
  // Written when the test split held a and b, with the parser right on both.
  const held = ratchetToWrite(evaluateReal([a, b], titleRightOn('a', 'b'), 'test'), [b, a]);

  it('records the whole test split, sorted, with its figures', () => {
    expect(held).toEqual({ overall: 1, fields: { title: 1, source: 1 }, files: ['g/a.txt', 'g/b.txt'] });
  });

  it('scores only the recorded releases: a release added since, parsed wrong, cannot lower it', () => {
    const check = checkRatchet([a, b, c], held, titleRightOn('a', 'b'));
    expect(check.drops).toEqual([]);
    expect(check.scored).toBe(2);
    expect(check.outside).toBe(1);
    expect(check.report.fields.title).toEqual({ correct: 2, labelled: 2 });
    // The same parser on the whole grown split would have failed the old whole-split comparison.
    expect(ratchetDrops(evaluateReal([a, b, c], titleRightOn('a', 'b'), 'test'), held)).toEqual([
      'overall 0.8 < 1',
      'title 0.6666 < 1',
    ]);
  });

  it('fails, field by field, when the parser got worse on a recorded release', () => {
    const check = checkRatchet([a, b, c], held, titleRightOn('a', 'c'));
    expect(check.drops).toEqual(['overall 0.75 < 1', 'title 0.5 < 1']);
  });

  it('fails when a recorded release is no longer in the test split', () => {
    const check = checkRatchet([a, c], held, titleRightOn('a', 'b', 'c'));
    expect(check.missing).toEqual(['g/b.txt']);
    expect(check.drops).toEqual(["g/b.txt is in the ratchet's subset but not in the test split"]);
  });

  it('checks a ratchet that lists no subset on the whole test split', () => {
    const legacy = { overall: 1, fields: { title: 1 } };
    expect(checkRatchet([a, b, c], legacy, titleRightOn('a', 'b')).drops).toEqual([
      'overall 0.8 < 1',
      'title 0.6666 < 1',
    ]);
  });

  it('prints the held and current figure of each field and the verdict, no release names', () => {
    const text = formatRatchetCheck(checkRatchet([a, b, c], held, titleRightOn('a')), held, 'r.json');
    expect(text).toContain('2 fixed test releases (1 test release(s) added since are not in it)');
    expect(text).toMatch(/title\s+1\.0000\s+0\.5000/);
    expect(text).toContain('FAIL: real-test below the ratchet (r.json): overall 0.75 < 1; title 0.5 < 1');
    expect(text).not.toContain('g/b.txt');
  });
});

describe('readRatchet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a ratchet, gives null when there is none and refuses a malformed one', () => {
    const path = join(dir, 'r.json');
    expect(readRatchet(path)).toBeNull();
    writeFileSync(path, JSON.stringify({ overall: 0.9, fields: { title: 0.8 }, files: ['g/a.txt'] }));
    expect(readRatchet(path)).toEqual({ overall: 0.9, fields: { title: 0.8 }, files: ['g/a.txt'] });
    writeFileSync(path, JSON.stringify({ overall: 0.9, fields: {}, files: 'g/a.txt' }));
    expect(() => readRatchet(path)).toThrow(/not a ratchet file/);
  });
});

describe('uncommittedChanges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-git-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names changed and new files under the measured paths only, and nothing outside a git work tree', () => {
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'ignore' });
    };
    git('init', '-q');
    mkdirSync(join(dir, 'lambdas', 'core'), { recursive: true });
    writeFileSync(join(dir, 'lambdas', 'core', 'a.ts'), 'a');
    writeFileSync(join(dir, 'other.ts'), 'o');
    git('add', '.');
    git('commit', '-q', '-m', 'x');
    expect(uncommittedChanges(dir)).toEqual([]);
    writeFileSync(join(dir, 'lambdas', 'core', 'a.ts'), 'changed');
    writeFileSync(join(dir, 'lambdas', 'core', 'b.ts'), 'new');
    writeFileSync(join(dir, 'other.ts'), 'changed too');
    expect(uncommittedChanges(dir).sort()).toEqual(['lambdas/core/a.ts', 'lambdas/core/b.ts']);
    expect(uncommittedChanges(tmpdir())).toEqual([]);
  });
});

describe('the committed ratchet file', () => {
  const held = readRatchet(RATCHET_FILE);

  it('holds a figure for every labelled field and lists its fixed subset, all in the test split', () => {
    expect(held).not.toBeNull();
    expect(held?.overall).toBeGreaterThan(0);
    expect(Object.keys(held?.fields ?? {}).length).toBeGreaterThanOrEqual(8);
    const test = new Set(
      loadRealCorpus()
        .filter((r) => r.split === 'test')
        .map((r) => r.name),
    );
    expect(held?.files?.length).toBeGreaterThanOrEqual(60);
    expect((held?.files ?? []).filter((f) => !test.has(f))).toEqual([]);
  });
});
