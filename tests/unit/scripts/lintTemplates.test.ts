import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyFindings, type AcceptedFinding, type CfnLintFinding } from '../../../scripts/ci/lintTemplates';

const accepted = (
  JSON.parse(readFileSync(path.join(__dirname, '../../../scripts/ci/cfnLintAccepted.json'), 'utf8')) as {
    accepted: AcceptedFinding[];
  }
).accepted;

function finding(level: string, rule: string, where: (string | number)[], message: string): CfnLintFinding {
  return {
    Filename: 't.json',
    Level: level,
    Message: message,
    Rule: { Id: rule },
    Location: { Path: where, Start: { LineNumber: 1 } },
  };
}

const roleDependsOn = finding(
  'Warning',
  'W3005',
  ['Resources', 'PollFeedHandlerFunctionADAE4B0E', 'DependsOn', 1],
  "'PollFeedHandlerRoleCE3BF9B4' dependency already enforced by a 'GetAtt' at 'Resources/PollFeedHandlerFunctionADAE4B0E/Properties/Role'",
);

describe('classifyFindings (the cfn-lint gate of .ci/run)', () => {
  it('every accepted entry gives its reason', () => {
    expect(accepted.length).toBeGreaterThan(0);
    for (const a of accepted) expect(a.reason.length).toBeGreaterThan(40);
  });

  it("accepts CDK's explicit DependsOn on a function's role", () => {
    const r = classifyFindings([roleDependsOn], accepted);
    expect(r.accepted).toEqual([roleDependsOn]);
    expect(r.failing).toEqual([]);
  });

  it('fails the same rule on another kind of dependency', () => {
    const other = finding(
      'Warning',
      'W3005',
      ['Resources', 'ArticlesTable', 'DependsOn', 0],
      "'KeyA1' dependency already enforced by a 'Ref' at 'Resources/ArticlesTable/Properties/SSESpecification/KMSMasterKeyId'",
    );
    expect(classifyFindings([other], accepted).failing).toEqual([other]);
  });

  it('fails every error, even one whose rule and place match an accepted warning', () => {
    const error = { ...roleDependsOn, Level: 'Error' };
    const missing = finding(
      'Error',
      'E3002',
      ['Resources', 'Fn', 'Properties', 'Bogus'],
      'Additional properties are not allowed',
    );
    expect(classifyFindings([error, missing], accepted).failing).toEqual([error, missing]);
  });

  it('lets informational findings pass', () => {
    const info = finding('Informational', 'I3042', ['Resources', 'Fn'], 'hard-coded partition');
    expect(classifyFindings([info], accepted)).toEqual({ accepted: [], failing: [] });
  });
});
