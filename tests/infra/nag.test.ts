import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildNewswireApp } from '../../lib/app';
import { PROJECT_ROOT } from '../../lib/constructs/projectRoot';

/** cdk.json's context: what `cdk synth` runs with. */
const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
    .context;

const templates = (context: Record<string, unknown>): Record<string, unknown> => {
  const { app, data, ingest } = buildNewswireApp(context);
  const assembly = app.synth();
  return Object.fromEntries(
    [data, ingest].map((s: Stack) => [s.stackName, assembly.getStackArtifact(s.artifactId).template]),
  );
};

describe('cdk-nag AwsSolutions', () => {
  test('finds nothing in the app built from cdk.json (synth does not throw)', () => {
    // GIVEN cdk.json's context WHEN synthesizing with the AwsSolutions pack THEN no finding is left
    const { app } = buildNewswireApp(cdkJsonContext());
    expect(() => app.synth()).not.toThrow();
  });

  test('is live: an unencrypted queue without a DLQ makes synth throw', () => {
    // GIVEN the app plus a non-compliant queue WHEN synthesizing THEN cdk-nag reports it
    const { app, ingest } = buildNewswireApp({ 'newswire:stage': 'nagcheck' });
    new sqs.Queue(ingest, 'Careless', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS/);
  });
});

describe('synth', () => {
  test('is deterministic: the same context gives the same templates twice', () => {
    const context = cdkJsonContext();
    expect(templates(context)).toEqual(templates(context));
  });
});
