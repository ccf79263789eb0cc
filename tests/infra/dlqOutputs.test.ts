/** `newswire dlq --stack` finds the queues through the ingest stack's outputs: each one it reads must exist, with a queue URL. */
import { Template } from 'aws-cdk-lib/assertions';
import { buildNewswireApp } from '../../lib/app';
import { DLQ_OUTPUTS } from '../../lambdas/local/deployedQueues';
import { logicalId, TEST_CONTEXT } from './helpers';

test('the ingest stack outputs the URL of every queue `newswire dlq` reads, each the Ref of its queue', () => {
  const built = buildNewswireApp(TEST_CONTEXT);
  const outputs = Template.fromStack(built.ingest).findOutputs('*');
  const s = built.ingest;
  const queueOf: Record<keyof typeof DLQ_OUTPUTS, string> = {
    pollQueue: logicalId(s.poll.queue),
    articleQueue: logicalId(s.articles.queue),
    pollDlq: logicalId(s.poll.deadLetterQueue),
    articleDlq: logicalId(s.articles.deadLetterQueue),
    scheduleDlq: logicalId(s.scheduleDlq),
    dispatchFailures: logicalId(s.dispatchFailures),
  };
  for (const [key, output] of Object.entries(DLQ_OUTPUTS)) {
    expect([output, outputs[output]?.Value]).toEqual([output, { Ref: queueOf[key as keyof typeof DLQ_OUTPUTS] }]);
  }
});
