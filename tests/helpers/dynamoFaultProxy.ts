/**
 * A small HTTP proxy on 127.0.0.1 in front of an embedded DynamoDB (dynalite) that injects the
 * faults real DynamoDB gives, from a seed: ThrottlingException and
 * ProvisionedThroughputExceededException (400), InternalServerError (500), a connection dropped
 * before the request reaches the table or after it was applied (the response is lost: the retry of
 * a conditional write then meets its own write — the conditional-check race), and BatchWriteItem
 * answered with part of its writes returned as UnprocessedItems. Only data operations get faults
 * (never table management); `heal()` stops them.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { crc32 } from 'node:zlib';
import { mulberry32 } from '../../scripts/bench/releaseGenerator';

export const DYNAMO_FAULTS = [
  'throttling',
  'provisioned-throughput-exceeded',
  'internal-500',
  'drop-before-apply',
  'drop-after-apply',
  'conditional-race',
  'unprocessed-items',
] as const;
export type DynamoFault = (typeof DYNAMO_FAULTS)[number];

const DATA_OPS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'TransactGetItems',
]);

export interface DynamoFaultProxy {
  endpoint: string;
  readonly faults: Record<string, number>;
  heal(): void;
  close(): Promise<void>;
}

export async function startDynamoFaultProxy(opts: {
  target: string;
  seed: number;
  /** Share of data operations that get a fault. @default 0.05 */
  faultRate?: number;
}): Promise<DynamoFaultProxy> {
  const target = new URL(opts.target);
  // mulberry32: a seed gives the same sequence of decisions for the same sequence of requests.
  const rand = mulberry32(opts.seed);
  const rate = opts.faultRate ?? 0.05;
  const faults: Record<string, number> = {};
  const count = (k: DynamoFault) => (faults[k] = (faults[k] ?? 0) + 1);
  let healed = false;
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const out = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 500,
              headers: res.headers as Record<string, string>,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  const reply = (res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer) => {
    const h: Record<string, string> = {
      ...headers,
      'content-length': String(body.length),
      'x-amz-crc32': String(crc32(body)),
    };
    delete h['transfer-encoding'];
    res.writeHead(status, h).end(body);
  };
  const error = (res: ServerResponse, status: number, type: string, message: string) =>
    reply(
      res,
      status,
      { 'content-type': 'application/x-amz-json-1.0' },
      Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message })),
    );

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (healed || !DATA_OPS.has(op) || rand() >= rate) {
      const out = await forward(req, body);
      return reply(res, out.status, out.headers, out.body);
    }
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const conditional = 'ConditionExpression' in json || op === 'TransactWriteItems';
    const kinds: DynamoFault[] = ['throttling', 'provisioned-throughput-exceeded', 'internal-500', 'drop-before-apply'];
    const writes = op === 'BatchWriteItem' ? Object.values(json.RequestItems as Record<string, unknown[]>).flat() : [];
    if (op !== 'Query' && op !== 'Scan' && op !== 'GetItem') kinds.push('drop-after-apply');
    if (writes.length > 1) kinds.push('unprocessed-items', 'unprocessed-items');
    let kind = kinds[Math.floor(rand() * kinds.length)]!;
    if (kind === 'drop-after-apply' && conditional) kind = 'conditional-race';
    count(kind);
    switch (kind) {
      case 'throttling':
        return error(res, 400, 'ThrottlingException', 'Rate of requests exceeds the allowed throughput.');
      case 'provisioned-throughput-exceeded':
        return error(
          res,
          400,
          'ProvisionedThroughputExceededException',
          'The level of configured provisioned throughput for the table was exceeded.',
        );
      case 'internal-500':
        return error(res, 500, 'InternalServerError', 'Internal server error');
      case 'drop-before-apply':
        res.socket?.destroy();
        return;
      case 'drop-after-apply':
      case 'conditional-race':
        await forward(req, body);
        res.socket?.destroy();
        return;
      case 'unprocessed-items': {
        // Apply the first half of each table's writes; hand the rest back as unprocessed.
        const items = json.RequestItems as Record<string, unknown[]>;
        const applied: Record<string, unknown[]> = {};
        const rest: Record<string, unknown[]> = {};
        for (const [table, reqs] of Object.entries(items)) {
          const half = Math.max(1, Math.floor(reqs.length / 2));
          applied[table] = reqs.slice(0, half);
          if (reqs.length > half) rest[table] = reqs.slice(half);
        }
        const out = await forward(req, Buffer.from(JSON.stringify({ ...json, RequestItems: applied })));
        if (out.status !== 200) return reply(res, out.status, out.headers, out.body);
        const parsed = JSON.parse(out.body.toString('utf8')) as { UnprocessedItems?: Record<string, unknown[]> };
        const unprocessed = parsed.UnprocessedItems ?? {};
        for (const [table, reqs] of Object.entries(rest)) unprocessed[table] = [...(unprocessed[table] ?? []), ...reqs];
        return reply(res, 200, out.headers, Buffer.from(JSON.stringify({ ...parsed, UnprocessedItems: unprocessed })));
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => res.socket?.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults,
    heal: () => {
      healed = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
