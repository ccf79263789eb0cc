/**
 * The AWS CLI stand-in of the cookbook test: option mapping, refusals (exit 2 before any request),
 * and the CLI's output formats. Expected text outputs were printed by awscli/text.py (AWS CLI 1.45)
 * for the same data.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import {
  formatText,
  type JsonObject,
  mergePages,
  parseCommand,
  renderOutput,
  run,
  SERVICES,
  writeAwsCliStandIn,
} from '../../helpers/awsCliStandIn';
import { makeTempDir } from '../../helpers/tempDir';

const LOCAL_ENV = {
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
};

/** Runs the stand-in in-process; a refused command line never reaches the (closed) endpoint. */
async function runCaptured(argv: string[], env: NodeJS.ProcessEnv = LOCAL_ENV) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('option mapping', () => {
  test('a cookbook query: names in PascalCase, JSON values parsed, --no-scan-index-forward is false', () => {
    const cmd = parseCommand([
      'dynamodb',
      'query',
      '--endpoint-url',
      'http://127.0.0.1:8000',
      '--table-name',
      'newswire-articles',
      '--index-name',
      'byCity',
      '--key-condition-expression',
      'cityKey = :c',
      '--filter-expression',
      'countryKey = :cc',
      '--expression-attribute-values',
      '{":c": {"S": "austin"}, ":cc": {"S": "US"}}',
      '--projection-expression',
      'sortKey, #t',
      '--expression-attribute-names',
      '{"#t": "title"}',
      '--no-scan-index-forward',
      '--query',
      'Items[].sortKey.S',
      '--output',
      'text',
    ]);
    expect(cmd).toEqual({
      service: 'dynamodb',
      operation: 'query',
      input: {
        TableName: 'newswire-articles',
        IndexName: 'byCity',
        KeyConditionExpression: 'cityKey = :c',
        FilterExpression: 'countryKey = :cc',
        ExpressionAttributeValues: { ':c': { S: 'austin' }, ':cc': { S: 'US' } },
        ProjectionExpression: 'sortKey, #t',
        ExpressionAttributeNames: { '#t': 'title' },
        ScanIndexForward: false,
      },
      globals: { 'endpoint-url': 'http://127.0.0.1:8000', query: 'Items[].sortKey.S', output: 'text' },
    });
  });

  test('get-item, batch-get-item, describe-stacks; --opt=value; global options before the command', () => {
    expect(
      parseCommand([
        'dynamodb',
        'get-item',
        '--table-name=newswire-articles',
        '--key',
        '{"id": {"S": "u-1"}}',
        '--projection-expression',
        'id, #s',
        '--expression-attribute-names',
        '{"#s": "source"}',
      ]),
    ).toEqual({
      service: 'dynamodb',
      operation: 'get-item',
      input: {
        TableName: 'newswire-articles',
        Key: { id: { S: 'u-1' } },
        ProjectionExpression: 'id, #s',
        ExpressionAttributeNames: { '#s': 'source' },
      },
      globals: {},
    });
    const items = { 'newswire-articles': { Keys: [{ id: { S: 'u-1' } }], ProjectionExpression: 'id, title' } };
    expect(parseCommand(['dynamodb', 'batch-get-item', '--request-items', JSON.stringify(items)]).input).toEqual({
      RequestItems: items,
    });
    expect(
      parseCommand(['--region', 'eu-west-1', 'cloudformation', 'describe-stacks', '--stack-name', 'Newswire-dev-Data']),
    ).toEqual({
      service: 'cloudformation',
      operation: 'describe-stacks',
      input: { StackName: 'Newswire-dev-Data' },
      globals: { region: 'eu-west-1' },
    });
    expect(parseCommand(['dynamodb', 'query', '--table-name', 't', '--scan-index-forward']).input).toEqual({
      TableName: 't',
      ScanIndexForward: true,
    });
  });

  test('--query is parsed, not evaluated, when the command line is read', () => {
    const argv = ['dynamodb', 'query', '--table-name', 't', '--query', 'length(Items[?Count > `1`])'];
    expect(parseCommand(argv).globals).toEqual({ query: 'length(Items[?Count > `1`])' });
  });
});

describe('refusals: exit 2 with "aws: error", before any request', () => {
  test.each([
    ['an unknown option', ['dynamodb', 'query', '--table-name', 't', '--limit', '5'], 'Unknown options: --limit, 5'],
    [
      'an option of another operation',
      ['dynamodb', 'get-item', '--table-name', 't', '--key', '{}', '--no-scan-index-forward'],
      'Unknown options: --no-scan-index-forward',
    ],
    ['an unknown operation', ['dynamodb', 'scan', '--table-name', 't'], "Invalid choice 'scan'"],
    ['an unknown service', ['s3api', 'list-buckets'], "Invalid choice 's3api'"],
    ['no operation', ['dynamodb'], 'too few arguments'],
    ['a stray argument', ['dynamodb', 'query', '--table-name', 't', 'extra'], 'Unknown options: extra'],
    [
      'a missing required option',
      ['dynamodb', 'get-item', '--table-name', 't'],
      'the following arguments are required: --key',
    ],
    ['a missing value', ['dynamodb', 'query', '--table-name'], 'argument --table-name: expected one argument'],
    ['an option given twice', ['dynamodb', 'query', '--table-name', 'a', '--table-name', 'b'], 'given more than once'],
    [
      'shorthand syntax where JSON is expected',
      ['dynamodb', 'get-item', '--table-name', 't', '--key', 'id={S=u-1}'],
      'argument --key: not JSON',
    ],
    [
      'an output format it does not print',
      ['dynamodb', 'query', '--table-name', 't', '--output', 'table'],
      'argument --output',
    ],
    ['a bad --query', ['dynamodb', 'query', '--table-name', 't', '--query', 'Items[.'], 'argument --query'],
  ])('%s', async (_what, argv, message) => {
    const res = await runCaptured(argv);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(`aws: error: `);
    expect(res.stderr).toContain(message);
  });

  test('an endpoint other than 127.0.0.1, or none', async () => {
    const argv = ['dynamodb', 'query', '--table-name', 't'];
    const remote = await runCaptured([...argv, '--endpoint-url', 'https://dynamodb.us-east-1.amazonaws.com']);
    expect(remote).toMatchObject({ code: 2, stdout: '' });
    expect(remote.stderr).toContain('only talks to 127.0.0.1');
    const { AWS_ENDPOINT_URL_DYNAMODB: _unused, ...noEndpoint } = LOCAL_ENV;
    const none = await runCaptured(argv, noEndpoint);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('pass --endpoint-url or set AWS_ENDPOINT_URL_DYNAMODB');
  });

  test('no region, no credentials: the CLI messages, exit 255', async () => {
    const argv = ['dynamodb', 'query', '--table-name', 't'];
    const { AWS_DEFAULT_REGION: _r, ...noRegion } = LOCAL_ENV;
    expect(await runCaptured(argv, noRegion)).toEqual({
      code: 255,
      stdout: '',
      stderr: '\nYou must specify a region. You can also configure your region by running "aws configure".\n',
    });
    const { AWS_SECRET_ACCESS_KEY: _s, ...noSecret } = LOCAL_ENV;
    expect(await runCaptured(argv, noSecret)).toMatchObject({ code: 255 });
  });

  test('the `aws` executable it writes exits 2 on an unknown option', async () => {
    const tmp = makeTempDir('aws-stand-in');
    try {
      const aws = path.join(writeAwsCliStandIn(tmp.dir), 'aws');
      const res = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          aws,
          ['dynamodb', 'query', '--table-name', 't', '--page-size', '2'],
          { env: { ...process.env, ...LOCAL_ENV } },
          (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
        ),
      );
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toContain('aws: error: Unknown options: --page-size, 2');
    } finally {
      tmp.remove();
    }
  });
});

describe('--output text, as awscli/text.py prints it', () => {
  test.each([
    [
      'a list of scalars: one row, tab-separated',
      ['2025-10-14#u-1', '2025-09-30#u-2'],
      '2025-10-14#u-1\t2025-09-30#u-2\n',
    ],
    [
      'a list of lists: one row each',
      [
        ['2025-06-10T09:00:00Z', 'u-1', 'Acme launches'],
        ['2025-06-09T08:00:00Z', 'u-2', 'Beta'],
      ],
      '2025-06-10T09:00:00Z\tu-1\tAcme launches\n2025-06-09T08:00:00Z\tu-2\tBeta\n',
    ],
    ['an empty list: nothing', [], ''],
    ['null: None', null, 'None\n'],
    ['a scalar', 'newswire-articles', 'newswire-articles\n'],
    ['scalars beside lists: the scalars first', ['x', ['y', 'z'], 3], 'x\t3\ny\tz\n'],
    [
      'dicts in a list: the union of their scalar keys, in order',
      [
        { a: 1, b: true },
        { a: 2, c: 'x' },
      ],
      '1\tTrue\t\n2\t\tx\n',
    ],
    [
      'a whole query response: sorted scalars, then nested values under their key in upper case',
      {
        Count: 2,
        ScannedCount: 3,
        ConsumedCapacity: null,
        Items: [
          { id: { S: 'u-1' }, tickers: { L: [{ S: 'NASDAQ:A' }] } },
          { id: { S: 'u-2' }, n: { N: '5' } },
        ],
      },
      'None\t2\t3\nID\tu-1\nL\tNASDAQ:A\nID\tu-2\nN\t5\n',
    ],
  ] as const)('%s', (_what, data, text) => {
    expect(formatText(data as never)).toBe(text);
  });
});

describe('pagination, as the CLI does it', () => {
  const paginator = SERVICES.dynamodb!.operations.query!.paginator!;
  const pages: JsonObject[] = [
    { Items: [{ sortKey: { S: 'a' } }], Count: 1, ScannedCount: 1, LastEvaluatedKey: { id: { S: 'u-1' } } },
    { Items: [{ sortKey: { S: 'b' } }], Count: 1, ScannedCount: 2 },
  ];

  test('json: the pages merged (lists joined, counts summed, no token), then --query', () => {
    expect(mergePages(pages, paginator)).toEqual({
      Items: [{ sortKey: { S: 'a' } }, { sortKey: { S: 'b' } }],
      Count: 2,
      ScannedCount: 3,
      ConsumedCapacity: null,
    });
    expect(renderOutput(pages, paginator, 'json', 'Items[].sortKey.S')).toBe('[\n    "a",\n    "b"\n]\n');
    expect(renderOutput([{ Items: [], Count: 0, ScannedCount: 0 }], paginator, 'json', 'Items[0]')).toBe('null\n');
  });

  test('text: --query applied to each page, one output per page', () => {
    expect(renderOutput(pages, paginator, 'text', 'Items[].sortKey.S')).toBe('a\nb\n');
    expect(renderOutput(pages, paginator, 'text', undefined)).toBe('None\t1\t1\nSORTKEY\ta\n1\t2\nSORTKEY\tb\n');
  });

  test('json of an empty object (get-item of a missing key) prints nothing', () => {
    expect(renderOutput([{}], undefined, 'json', undefined)).toBe('');
    expect(renderOutput([{ Item: { id: { S: 'u-1' } } }], undefined, 'json', undefined)).toBe(
      '{\n    "Item": {\n        "id": {\n            "S": "u-1"\n        }\n    }\n}\n',
    );
  });
});
