// Three projects so each layer can be run alone (npm run test:unit|test:integration|test:infra).
// @swc/jest only strips types; `npm run typecheck` is the type gate.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = {
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/tests/setup-env.js'],
  // `await import('./x.js')` names the module as Node's ES loader (tsc nodenext) wants: x.ts here.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

/** @type {import('jest').Config} */
module.exports = {
  // Builds the CLI first when a source changed (tests run bin/newswire.cjs, which runs the build).
  globalSetup: '<rootDir>/tests/globalSetup.cjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/tests/infra/**/*.test.ts'] },
  ],
};
