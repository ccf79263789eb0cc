import { purgeConsent } from '../../../bin/commands/dlq';
import { UsageError } from '../../../bin/commands/shared';

const Q = 'Delete every message of the article dead-letter queue of local (/data)?';
const answering = (answer: string) => {
  const asked: string[] = [];
  return { asked, ask: async (prompt: string) => (asked.push(prompt), answer) };
};

test('--yes goes on without asking, terminal or not', async () => {
  const t = answering('n');
  expect(await purgeConsent(true, false, Q, t.ask)).toBe(true);
  expect(await purgeConsent(true, true, Q, t.ask)).toBe(true);
  expect(t.asked).toEqual([]);
});

test('no terminal and no --yes: a usage error, nothing asked', async () => {
  const t = answering('y');
  await expect(purgeConsent(false, false, Q, t.ask)).rejects.toThrow(UsageError);
  await expect(purgeConsent(false, false, Q, t.ask)).rejects.toThrow('pass --yes');
  expect(t.asked).toEqual([]);
});

test.each([
  ['y', true],
  ['Y', true],
  [' yes ', true],
  ['YES', true],
  ['', false],
  ['n', false],
  ['no', false],
  ['yep', false],
  ['y please', false],
])('on a terminal, the answer %p means %p', async (answer, go) => {
  const t = answering(answer);
  expect(await purgeConsent(false, true, Q, t.ask)).toBe(go);
  expect(t.asked).toEqual([`${Q} [y/N] `]);
});
