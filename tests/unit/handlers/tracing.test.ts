/**
 * traced(): the Powertools tracer (and the X-Ray SDK under it) is loaded only by a function that
 * traces; otherwise the client comes back as it was. That the bundles of untraced functions leave
 * the X-Ray SDK out is checked on the bundles themselves (tests/infra/handlerBundles.test.ts).
 */
const constructed: unknown[] = [];
const captured: unknown[] = [];
jest.mock('@aws-lambda-powertools/tracer', () => ({
  Tracer: class {
    constructor() {
      constructed.push(this);
    }
    captureAWSv3Client<C>(client: C): C {
      captured.push(client);
      return client;
    }
  },
}));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  constructed.length = 0;
  captured.length = 0;
  jest.resetModules();
});

/** A fresh copy of tracing.ts (its tracer is per module instance, as per container). */
function freshTraced(): typeof import('../../../lambdas/handlers/tracing').traced {
  let traced!: typeof import('../../../lambdas/handlers/tracing').traced;
  jest.isolateModules(() => {
    ({ traced } = jest.requireActual<typeof import('../../../lambdas/handlers/tracing')>(
      '../../../lambdas/handlers/tracing',
    ));
  });
  return traced;
}

test('tracing switched off (POWERTOOLS_TRACE_ENABLED=false): the same client, no tracer made', () => {
  process.env.POWERTOOLS_TRACE_ENABLED = 'false';
  const traced = freshTraced();
  const client = { name: 'ddb' };
  expect(traced(client)).toBe(client);
  expect(constructed).toHaveLength(0);
  expect(captured).toHaveLength(0);
});

test('tracing on: every client captured by one tracer per container', () => {
  delete process.env.POWERTOOLS_TRACE_ENABLED;
  const traced = freshTraced();
  const ddb = { name: 'ddb' };
  const s3 = { name: 's3' };
  expect(traced(ddb)).toBe(ddb);
  expect(traced(s3)).toBe(s3);
  expect(constructed).toHaveLength(1);
  expect(captured).toEqual([ddb, s3]);
});
