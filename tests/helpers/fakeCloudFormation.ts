/**
 * A stand-in for CloudFormation's DescribeStacks (AWS query protocol, XML), so `--stack` commands
 * and `aws cloudformation describe-stacks` run against 127.0.0.1. Point clients at it with
 * AWS_ENDPOINT_URL_CLOUDFORMATION. Any other stack name answers "does not exist", as AWS does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCloudFormation {
  endpoint: string;
  /** StackName of every request, in order. */
  readonly requested: string[];
  close(): Promise<void>;
}

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

export async function startFakeCloudFormation(
  stacks: Record<string, Record<string, string>>,
): Promise<FakeCloudFormation> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const name = new URLSearchParams(body).get('StackName') ?? '';
      requested.push(name);
      res.setHeader('content-type', 'text/xml');
      const outputs = stacks[name];
      if (!outputs) {
        res.statusCode = 400;
        res.end(
          `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>ValidationError</Code>` +
            `<Message>Stack with id ${name} does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
        );
        return;
      }
      const members = Object.entries(outputs)
        .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
        .join('');
      res.end(
        `<DescribeStacksResponse xmlns="${NS}"><DescribeStacksResult><Stacks><member>` +
          `<StackName>${name}</StackName><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/1</StackId>` +
          `<CreationTime>2025-01-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>` +
          `<Outputs>${members}</Outputs></member></Stacks></DescribeStacksResult>` +
          `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
