/**
 * X-Ray for the AWS SDK clients, loaded only by a function that traces. The Powertools tracer brings
 * the X-Ray SDK (with cls-hooked and semver, ~130 kB of bundle and a good part of a cold start) even
 * when tracing is off, and tracing is off unless the stack is deployed with `newswire:tracing`.
 *
 * `NEWSWIRE_TRACING` is replaced when the function is bundled (NewswireFunction's `define`, from its
 * `tracing` prop): 'false' makes the branch below dead code, so esbuild leaves the tracer out of the
 * bundle. Unbundled (tests, tsx) it is unset and the run-time switch decides, as Powertools does.
 */
import type { Tracer } from '@aws-lambda-powertools/tracer';

/** The bundle-time constant (NewswireFunction's `define`): 'true' or 'false' in a bundle, unset otherwise. */
export const TRACING_DEFINE = 'process.env.NEWSWIRE_TRACING';

let tracer: Tracer | undefined;

/** The client, captured by the Powertools tracer when this function traces; the same client otherwise. */
export function traced<C>(client: C): C {
  if (process.env.NEWSWIRE_TRACING !== 'false' && process.env.POWERTOOLS_TRACE_ENABLED !== 'false') {
    // A require, not an import: only a function that traces loads (and bundles) the X-Ray SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const powertools = require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer');
    tracer ??= new powertools.Tracer();
    return tracer.captureAWSv3Client(client);
  }
  return client;
}
