import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsedRelease as parsed } from '../../helpers/parsedRelease';
import type { Parse } from '../../../scripts/eval/fixtureCorpus';
import {
  checkRatchet,
  formatRatchetCheck,
  formatRatchetRemeasure,
  formatRatchetWrite,
  RATCHET_FILE,
  type Ratchet,
  raiseFigures,
  ratchetDrops,
  ratchetOf,
  ratchetToWrite,
  readRatchet,
  remeasureRatchet,
  uncommittedChanges,
} from '../../../scripts/eval/ratchet';
import { withModuleAtRevision } from '../../../scripts/eval/atRevision';
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

const stamp = { written: '2026-01-02', parserVersion: '1.0.0' };
const later = { written: '2026-02-03', parserVersion: '1.1.0' };

describe('checkRatchet', () => {
  // Written when the test split held a and b, with the parser right on both.
  const held = ratchetToWrite(null, [b, a], titleRightOn('a', 'b'), stamp).ratchet;

  it('records the whole test split as one subset, sorted, with its figures and when and by what it was written', () => {
    expect(held).toEqual({
      subsets: [{ overall: 1, fields: { title: 1, source: 1 }, files: ['g/a.txt', 'g/b.txt'], ...stamp }],
    });
  });

  it('scores only the recorded releases: a release added since, parsed wrong, cannot lower it', () => {
    const check = checkRatchet([a, b, c], held, titleRightOn('a', 'b'));
    expect(check.drops).toEqual([]);
    expect(check.outside).toBe(1);
    expect(check.subsets[0]?.report.fields.title).toEqual({ correct: 2, labelled: 2 });
    // The same parser on the whole grown split would have failed a whole-split comparison.
    expect(ratchetDrops(evaluateReal([a, b, c], titleRightOn('a', 'b'), 'test'), held.subsets[0]!)).toEqual([
      'overall 0.8 < 1',
      'title 0.6666 < 1',
    ]);
  });

  it('fails, field by field, when the parser got worse on a recorded release, naming the subset', () => {
    const check = checkRatchet([a, b, c], held, titleRightOn('a', 'c'));
    expect(check.drops).toEqual([
      'subset 1 (2 releases, written 2026-01-02): overall 0.75 < 1',
      'subset 1 (2 releases, written 2026-01-02): title 0.5 < 1',
    ]);
  });

  it('fails when a recorded release is no longer in the test split', () => {
    const check = checkRatchet([a, c], held, titleRightOn('a', 'b', 'c'));
    expect(check.subsets[0]?.missing).toEqual(['g/b.txt']);
    expect(check.drops).toEqual([
      "subset 1 (2 releases, written 2026-01-02): g/b.txt is in the ratchet's subset but not in the test split",
    ]);
  });

  it('checks every subset on its own releases and figures: a drop in one fails, naming that subset only', () => {
    const d = release('h/d.txt', 'd', { title: 'T' });
    const two: Ratchet = {
      subsets: [
        { overall: 1, fields: { title: 1, source: 1 }, files: ['g/a.txt', 'g/b.txt'], ...stamp },
        { overall: 1, fields: { title: 1 }, files: ['g/c.txt', 'h/d.txt'], ...later },
      ],
    };
    expect(checkRatchet([a, b, c, d], two, titleRightOn('a', 'b', 'c', 'd')).drops).toEqual([]);
    // Right on a and b (subset 1 holds), wrong on d: subset 2's title falls although the
    // whole split's title (3/4) is above what a whole-split figure could have been.
    const check = checkRatchet([a, b, c, d], two, titleRightOn('a', 'b', 'c'));
    expect(check.subsets.map((s) => s.drops)).toEqual([[], ['overall 0.5 < 1', 'title 0.5 < 1']]);
    expect(check.drops).toEqual([
      'subset 2 (2 releases, written 2026-02-03): overall 0.5 < 1',
      'subset 2 (2 releases, written 2026-02-03): title 0.5 < 1',
    ]);
  });

  it('prints one table per subset with the held and current figures, and the verdict, no release names', () => {
    const two = ratchetToWrite(held, [a, b, c], titleRightOn('a', 'b'), later).ratchet;
    const text = formatRatchetCheck(checkRatchet([a, b, c], two, titleRightOn('a')), 'r.json');
    expect(text).toContain('ratchet subset 1 (2 releases, written 2026-01-02), parser 1.0.0:');
    expect(text).toContain('ratchet subset 2 (1 releases, written 2026-02-03), parser 1.1.0:');
    expect(text.match(/^title\s+1\.0000\s+0\.5000$/m)).not.toBeNull();
    expect(text).toContain(
      'FAIL: real-test below the ratchet (r.json): subset 1 (2 releases, written 2026-01-02): overall 0.75 < 1; ' +
        'subset 1 (2 releases, written 2026-01-02): title 0.5 < 1',
    );
    expect(text).not.toContain('g/b.txt');
    const ok = formatRatchetCheck(checkRatchet([a, b, c, release('g/e.txt', 'e', {})], two, titleRightOn('a', 'b')));
    expect(ok).toContain('1 test release(s) are in no subset');
    expect(ok).toContain('OK: real-test holds the ratchet (2 subset(s))');
  });
});

describe('ratchetToWrite', () => {
  const held = ratchetToWrite(null, [a, b], titleRightOn('a'), stamp).ratchet;

  it('appends a subset of the test releases in no earlier subset only, scored on them alone', () => {
    const d = release('h/d.txt', 'd', { title: 'T', source: 'S' });
    const write = ratchetToWrite(held, [d, a, b, c], titleRightOn('a', 'c'), later);
    expect(write.appended).toBe(2);
    expect(write.raised).toEqual([]);
    expect(write.ratchet.subsets).toEqual([
      held.subsets[0],
      // c: title right; d: title wrong, source right.
      { overall: 0.6666, fields: { title: 0.5, source: 1 }, files: ['g/c.txt', 'h/d.txt'], ...later },
    ]);
    // Written again with no release added: nothing is appended.
    const again = ratchetToWrite(write.ratchet, [a, b, c, d], titleRightOn('a', 'c'), later);
    expect(again.appended).toBe(0);
    expect(again.ratchet).toEqual(write.ratchet);
  });

  it('raises held figures where the parser now does better and never lowers one', () => {
    expect(held.subsets[0]).toMatchObject({ overall: 0.75, fields: { title: 0.5, source: 1 } });
    // Now right on both titles but wrong on b's source: title rises, source keeps its figure.
    const better: Parse = ({ content }) => parsed({ title: 'T', source: content === 'b' ? 'no' : 'S' });
    const write = ratchetToWrite(held, [a, b], better, later);
    expect(write.ratchet.subsets).toEqual([
      { overall: 0.75, fields: { title: 1, source: 1 }, files: ['g/a.txt', 'g/b.txt'], ...later },
    ]);
    expect(write.raised).toEqual([{ name: 'subset 1 (2 releases, written 2026-01-02)', figures: ['title 0.5 -> 1'] }]);
    // Worse everywhere: nothing is lowered, and the subset keeps when it was written.
    const worse = ratchetToWrite(held, [a, b], () => parsed({ title: 'no', source: 'no' }), later);
    expect(worse.ratchet).toEqual(held);
    expect(worse.raised).toEqual([]);
  });

  it('raiseFigures takes the higher of each figure and adds a field labelled since', () => {
    expect(
      raiseFigures(
        { overall: 0.8, fields: { title: 0.9, source: 0.7 } },
        { overall: 0.7, fields: { title: 0.95, source: 0.6, wire: 1 } },
      ),
    ).toEqual({
      overall: 0.8,
      fields: { title: 0.95, source: 0.7, wire: 1 },
      raised: ['wire — -> 1', 'title 0.9 -> 0.95'],
    });
  });

  it('refuses when a subset lists a release no longer in the test split; replacing writes the whole split', () => {
    expect(() => ratchetToWrite(held, [a, c], titleRightOn('a'), later)).toThrow(
      /subset 1 \(2 releases, written 2026-01-02\) lists 1 release\(s\) no longer in the test split \(g\/b\.txt\)/,
    );
    expect(ratchetToWrite(null, [a, c], titleRightOn('a'), later).ratchet.subsets.map((s) => s.files)).toEqual([
      ['g/a.txt', 'g/c.txt'],
    ]);
  });

  it('formats what it did', () => {
    const write = ratchetToWrite(held, [a, b, c], titleRightOn('a', 'b', 'c'), later);
    expect(formatRatchetWrite(write, 'r.json')).toBe(
      'wrote r.json (2 subset(s))\n' +
        '  raised subset 1 (2 releases, written 2026-01-02): title 0.5 -> 1, overall 0.75 -> 1\n' +
        '  appended subset 2 of the 1 test release(s) in no earlier subset',
    );
  });
});

describe('remeasureRatchet', () => {
  // Written by parser 1.0.0 with b's title labelled 'T' (parser wrong on it) and c's source 'S'.
  const held = ratchetToWrite(null, [a, b], titleRightOn('a'), stamp).ratchet;
  const more = ratchetToWrite(held, [a, b, c], titleRightOn('a'), stamp).ratchet;
  const at = { parserVersion: '1.0.0', rev: 'abc1234', date: '2026-03-04' };

  it("replaces held figures, down as well as up, by the same parser's scores on the labels of now", () => {
    expect(more.subsets.map((s) => s.fields)).toEqual([{ title: 0.5, source: 1 }, { title: 0 }]);
    // A second reader corrected labels: b's title is now what the parser gives (up), a's source is
    // now 'other' (down: the parser still says 'S'); c is unchanged.
    const relabelled = [
      release('g/a.txt', 'a', { title: 'T', source: 'other' }),
      release('g/b.txt', 'b', { title: 'wrong', source: 'S' }),
      c,
    ];
    const result = remeasureRatchet(more, relabelled, titleRightOn('a'), at);
    expect(result.ratchet.subsets).toEqual([
      {
        overall: 0.75,
        fields: { title: 1, source: 0.5 },
        files: ['g/a.txt', 'g/b.txt'],
        ...stamp,
        remeasured: { date: '2026-03-04', rev: 'abc1234' },
      },
      more.subsets[1],
    ]);
    expect(result.changed).toEqual([
      { name: 'subset 1 (2 releases, written 2026-01-02)', figures: ['source 1 -> 0.5', 'title 0.5 -> 1'] },
      { name: 'subset 2 (1 releases, written 2026-01-02)', figures: [] },
    ]);
    expect(formatRatchetRemeasure(result, at, 'r.json')).toBe(
      're-measured r.json with parser 1.0.0 (abc1234) on the labels as they are now:\n' +
        '  subset 1 (2 releases, written 2026-01-02): source 1 -> 0.5, title 0.5 -> 1\n' +
        '  subset 2 (1 releases, written 2026-01-02): unchanged',
    );
    // A field no longer labelled on the subset leaves it; one labelled since enters.
    const untitled = [release('g/a.txt', 'a', { source: 'S' }), release('g/b.txt', 'b', { source: 'S', wire: 'W' })];
    expect(remeasureRatchet(held, untitled, titleRightOn('a'), at).changed[0]?.figures).toEqual([
      'wire — -> 0',
      'title 0.5 -> —',
      'overall 0.75 -> 0.6666',
    ]);
  });

  it('leaves a subset written by another parser version as held, and refuses when no subset is its own', () => {
    // subset 3 was written by parser 1.1.0 and lists a release no longer in the test split: it is not
    // scored at all, only kept and named; subsets 1–2 (1.0.0's) are re-measured on the labels of now.
    const mixed: Ratchet = { subsets: [...more.subsets, { ...more.subsets[1]!, ...later, files: ['g/d.txt'] }] };
    const relabelled = [release('g/a.txt', 'a', { title: 'T', source: 'other' }), b, c];
    const result = remeasureRatchet(mixed, relabelled, titleRightOn('a'), at);
    expect(result.ratchet.subsets[2]).toBe(mixed.subsets[2]);
    expect(result.ratchet.subsets[0]?.fields).toEqual({ title: 0.5, source: 0.5 });
    expect(result.changed.map((c) => c.name)).toEqual([
      'subset 1 (2 releases, written 2026-01-02)',
      'subset 2 (1 releases, written 2026-01-02)',
    ]);
    expect(result.left).toEqual(['subset 3 (1 releases, written 2026-02-03) was written by parser 1.1.0']);
    expect(formatRatchetRemeasure(result, at, 'r.json')).toContain(
      '  left as held: subset 3 (1 releases, written 2026-02-03) was written by parser 1.1.0 (re-measure it with the commit that wrote it)',
    );
    const old: Ratchet = { subsets: [{ ...more.subsets[0]!, written: null, parserVersion: null }] };
    expect(() => remeasureRatchet(old, [a, b], titleRightOn('a'), at)).toThrow(
      'abc1234 has parser 1.0.0, but subset 1 (2 releases, undated) was written by parser unrecorded',
    );
  });

  it('refuses when a subset lists a release no longer in the test split', () => {
    expect(() => remeasureRatchet(held, [a], titleRightOn('a'), at)).toThrow(
      /subset 1 \(2 releases, written 2026-01-02\) lists 1 release\(s\) no longer in the test split \(g\/b\.txt\)/,
    );
  });

  it('--write-ratchet keeps the record on a subset it leaves, and drops it on one it raises', () => {
    const remeasured: Ratchet = {
      subsets: [{ ...held.subsets[0]!, remeasured: { date: '2026-03-04', rev: 'abc1234' } }],
    };
    expect(formatRatchetCheck(checkRatchet([a, b], remeasured, titleRightOn('a')), 'r.json')).toContain(
      'ratchet subset 1 (2 releases, written 2026-01-02), parser 1.0.0, re-measured 2026-03-04 (abc1234):\n',
    );
    expect(ratchetToWrite(remeasured, [a, b], titleRightOn('a'), later).ratchet).toEqual(remeasured);
    expect(ratchetToWrite(remeasured, [a, b], titleRightOn('a', 'b'), later).ratchet.subsets[0]).not.toHaveProperty(
      'remeasured',
    );
  });
});

describe('readRatchet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'r.json');

  it('reads the single-subset format as one undated subset', () => {
    expect(readRatchet(path)).toBeNull();
    writeFileSync(path, JSON.stringify({ overall: 0.9, fields: { title: 0.8 }, files: ['g/a.txt'] }));
    expect(readRatchet(path)).toEqual({
      subsets: [{ overall: 0.9, fields: { title: 0.8 }, files: ['g/a.txt'], written: null, parserVersion: null }],
    });
  });

  it('reads back the list of subsets it writes', () => {
    const ratchet: Ratchet = {
      subsets: [
        { overall: 0.9, fields: { title: 0.8 }, files: ['g/a.txt'], written: null, parserVersion: null },
        { overall: 1, fields: { title: 1 }, files: ['g/b.txt'], ...stamp },
        {
          overall: 1,
          fields: { title: 1 },
          files: ['g/c.txt'],
          ...stamp,
          remeasured: { date: '2026-03-04', rev: 'abc1234' },
        },
      ],
    };
    writeFileSync(path, JSON.stringify(ratchet, null, 2));
    expect(readRatchet(path)).toEqual(ratchet);
  });

  it('refuses a malformed file and one that lists no releases', () => {
    for (const bad of [
      { overall: 0.9, fields: {}, files: 'g/a.txt' },
      { overall: 0.9, fields: { title: 0.8 } },
      { subsets: [{ overall: 0.9, fields: {}, files: ['g/a.txt'], written: 3, parserVersion: null }] },
      { subsets: [{ overall: 0.9, fields: { title: '0.8' }, files: [], written: null, parserVersion: null }] },
      { subsets: [{ overall: 0.9, fields: {}, files: [], written: null, parserVersion: null, remeasured: '2026' }] },
      [],
    ]) {
      writeFileSync(path, JSON.stringify(bad));
      expect(() => readRatchet(path)).toThrow(/not a ratchet file/);
    }
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

describe('withModuleAtRevision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-rev-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  const version = (v: string): void => {
    writeFileSync(join(dir, 'lambdas', 'core', 'parser', 'index.js'), `exports.PARSER_VERSION = '${v}';\n`);
    git('add', '.');
    git('commit', '-q', '-m', v);
  };

  it('loads a module as it was at a commit from a temporary worktree, removed afterwards even on error', () => {
    git('init', '-q');
    mkdirSync(join(dir, 'lambdas', 'core', 'parser'), { recursive: true });
    version('1.0.0');
    const first = git('rev-parse', 'HEAD');
    version('2.0.0');
    const worktrees = (): number => git('worktree', 'list').split('\n').length;
    const got = withModuleAtRevision(dir, first.slice(0, 7), 'lambdas/core/parser', (m, commit) => [
      m.PARSER_VERSION,
      commit,
    ]);
    expect(got).toEqual(['1.0.0', first]);
    expect(worktrees()).toBe(1);
    expect(() =>
      withModuleAtRevision(dir, 'HEAD', 'lambdas/core/parser', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(worktrees()).toBe(1);
    expect(() => withModuleAtRevision(dir, 'no-such-rev', 'lambdas/core/parser', () => 0)).toThrow(
      'no-such-rev is not a commit of',
    );
    expect(git('status', '--porcelain')).toBe('');
  });
});

describe('the committed ratchet file', () => {
  const held = readRatchet(RATCHET_FILE);

  it('holds figures for every labelled field on subsets of the test split that share no release', () => {
    expect(held).not.toBeNull();
    const subsets = held?.subsets ?? [];
    expect(subsets.length).toBeGreaterThanOrEqual(1);
    expect(subsets[0]?.files.length).toBeGreaterThanOrEqual(60);
    const test = new Set(
      loadRealCorpus()
        .filter((r) => r.split === 'test')
        .map((r) => r.name),
    );
    for (const subset of subsets) {
      expect(subset.overall).toBeGreaterThan(0);
      expect(Object.keys(subset.fields).length).toBeGreaterThanOrEqual(8);
      expect(subset.files.filter((f) => !test.has(f))).toEqual([]);
    }
    const all = subsets.flatMap((s) => s.files);
    expect(new Set(all).size).toBe(all.length);
  });
});
