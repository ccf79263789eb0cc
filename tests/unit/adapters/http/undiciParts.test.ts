/**
 * The HTTP client loads undici's Agent, buildConnector and request from their own modules (a lean
 * bundle): they must be the very ones undici's index exports, or an undici upgrade that moved them
 * would break the client silently.
 */
import * as undici from 'undici';
import { Agent, buildConnector } from '../../../../lambdas/adapters/http/undiciParts';

test('Agent and buildConnector are the classes and functions undici itself exports', () => {
  expect(Agent).toBe(undici.Agent);
  expect(buildConnector).toBe(undici.buildConnector);
});

test('an Agent built from the deep module is an undici Dispatcher', () => {
  const agent = new Agent();
  expect(agent).toBeInstanceOf(undici.Dispatcher);
  return agent.close();
});
