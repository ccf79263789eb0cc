import { parseReleaseStrict } from '../../../../lambdas/core/parser';

/** A short made-up text release: a dateline, one body paragraph, then `tail` as written. */
function release(tail: string, body = 'Acme Robotics, Inc. today announced a new warehouse robot.'): string {
  return `Acme Launches Robot\n\nAUSTIN, Texas, March 3, 2025 /PRNewswire/ -- ${body}\n\n${tail}\n`;
}

function parse(tail: string, body?: string) {
  return parseReleaseStrict({ content: release(tail, body) });
}

describe('About sections: the organization as the heading writes it', () => {
  it.each([
    ['About Acme Robotics, Inc.', 'Acme Robotics, Inc.'],
    ['About The Harbor Group', 'The Harbor Group'],
    ['ABOUT ACME ROBOTICS CORPORATION', 'ACME ROBOTICS CORPORATION'],
    ['About Acme Robotics LLC:', 'Acme Robotics LLC'],
    ['About Acme Robotics S.A.', 'Acme Robotics S.A.'],
    ['About Acme Robotics.', 'Acme Robotics'],
    ['About Acme Robotics Corp. (NYSE: ACR)', 'Acme Robotics Corp.'],
    ['About the Acme Foundation', 'Acme Foundation'],
  ])('%s -> %s', (heading, organization) => {
    const p = parse(`${heading}\n\nAcme builds robots for warehouses.`);
    expect(p.about).toEqual([{ organization, text: 'Acme builds robots for warehouses.' }]);
    expect(p.body.paragraphs).toEqual(['Acme Robotics, Inc. today announced a new warehouse robot.']);
  });
});
