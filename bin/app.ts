#!/usr/bin/env node
// The CDK app: `cdk synth` / `cdk deploy` run this (cdk.json "app"). Everything lives in lib/app.ts.
import { buildApp } from '../lib/app';
import { ConfigError } from '../lib/config';

/** Exit code of a bad configuration value (a usage error, as the CLI's), not of a failure. */
export const CONFIG_ERROR_EXIT_CODE = 2;

try {
  buildApp();
} catch (err) {
  // A bad value in cdk.json or -c is the user's to fix: the message names the key, the value and the
  // fix, and a stack trace would only bury it. Anything else is a bug and keeps its stack.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(CONFIG_ERROR_EXIT_CODE);
}
