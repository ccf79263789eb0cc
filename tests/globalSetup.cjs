// Once per test run: builds the CLI when a source changed since the last build (so the tests that
// run bin/newswire.cjs test the current sources), then pins that build for the whole run
// (NEWSWIRE_CLI_BUILD, inherited by the test workers and the CLI processes they start).
const { buildCliIfStale } = require('../scripts/build-cli.cjs');
const { builtCli } = require('../bin/builtCli.cjs');

module.exports = async function buildCliForTests() {
  delete process.env.NEWSWIRE_CLI_BUILD;
  await buildCliIfStale({ quiet: true });
  const built = builtCli();
  if (built.entry) process.env.NEWSWIRE_CLI_BUILD = built.entry;
};
