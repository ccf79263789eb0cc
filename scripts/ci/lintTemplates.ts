// AWS's CloudFormation linter over the templates of every stage: `cdk synth` each stage into a
// temporary directory, run cfn-lint over the templates, and fail on any error, and on any warning
// that scripts/ci/cfnLintAccepted.json does not list with its reason. cfn-lint is a development
// and CI tool (Python, not an npm package): where it is not installed this says so and exits 0.
// Run: npx tsx scripts/ci/lintTemplates.ts [--stages dev,prod]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface CfnLintFinding {
  Filename: string;
  Level: string;
  Message: string;
  Rule: { Id: string };
  Location: { Path: (string | number)[]; Start: { LineNumber: number } };
}
export interface AcceptedFinding {
  rule: string;
  path: string;
  message: string;
  reason: string;
}

/** Splits findings into those the accepted list explains and those that fail the run (informational ones pass). */
export function classifyFindings(
  findings: CfnLintFinding[],
  accepted: AcceptedFinding[],
): { accepted: CfnLintFinding[]; failing: CfnLintFinding[] } {
  const rules = accepted.map((a) => ({ ...a, pathRe: new RegExp(a.path), messageRe: new RegExp(a.message) }));
  const result = { accepted: [] as CfnLintFinding[], failing: [] as CfnLintFinding[] };
  for (const f of findings) {
    if (f.Level === 'Informational') continue;
    const where = f.Location.Path.join('/');
    const ok =
      f.Level === 'Warning' &&
      rules.some((r) => r.rule === f.Rule.Id && r.pathRe.test(where) && r.messageRe.test(f.Message));
    (ok ? result.accepted : result.failing).push(f);
  }
  return result;
}

function findCfnLint(): string | undefined {
  const candidates = ['cfn-lint', path.join(os.homedir(), '.pyenv/shims/cfn-lint'), '/usr/local/bin/cfn-lint'];
  return candidates.find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
}

function main(): number {
  const { values } = parseArgs({ options: { stages: { type: 'string', default: 'dev,prod' } } });
  const cfnLint = findCfnLint();
  if (!cfnLint) {
    console.log('cfn-lint is not installed here: templates not linted (pip install cfn-lint to run this check)');
    return 0;
  }
  const root = path.resolve(__dirname, '../..');
  const accepted = (
    JSON.parse(readFileSync(path.join(__dirname, 'cfnLintAccepted.json'), 'utf8')) as { accepted: AcceptedFinding[] }
  ).accepted;
  const templates: string[] = [];
  for (const stage of values.stages.split(',')) {
    const out = mkdtempSync(path.join(os.tmpdir(), `synth-${stage}-`));
    const synth = spawnSync('npx', ['cdk', 'synth', '--quiet', '-c', `newswire:stage=${stage}`, '-o', out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    });
    if (synth.status !== 0) {
      console.error(`cdk synth of stage ${stage} failed:\n${synth.stderr}`);
      return 1;
    }
    templates.push(
      ...readdirSync(out)
        .filter((f) => f.endsWith('.template.json'))
        .map((f) => path.join(out, f)),
    );
  }
  const lint = spawnSync(cfnLint, ['--format', 'json', ...templates], { encoding: 'utf8', maxBuffer: 64 << 20 });
  // cfn-lint exits 0 (clean), or with bits 2 (error), 4 (warning), 8 (informational); 1 is its own failure.
  if (lint.status === null || lint.status === 1 || !lint.stdout.trim().startsWith('[')) {
    console.error(`cfn-lint did not run: ${lint.stderr || lint.stdout}`);
    return 1;
  }
  const findings = JSON.parse(lint.stdout) as CfnLintFinding[];
  const { accepted: ok, failing } = classifyFindings(findings, accepted);
  for (const f of failing) {
    console.log(`${f.Level} ${f.Rule.Id} ${path.basename(f.Filename)}:${f.Location.Start.LineNumber} ${f.Message}`);
  }
  console.log(
    `cfn-lint ${templates.length} templates (stages ${values.stages}): ${failing.length} failing, ` +
      `${ok.length} accepted (scripts/ci/cfnLintAccepted.json)`,
  );
  return failing.length ? 1 : 0;
}

if (require.main === module) process.exit(main());
