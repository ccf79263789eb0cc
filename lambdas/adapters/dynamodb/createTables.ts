/**
 * Creates the Articles and Feeds tables from tableDesign (the same design the CDK stack deploys) in a
 * local DynamoDB (dynalite). Idempotent: an existing table is left as it is.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
  type Projection,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ARTICLES_TABLE, FEEDS_TABLE, type IndexDesign, type TableDesign } from './tableDesign';

export interface TableNames {
  readonly articles: string;
  readonly feeds: string;
}

const WAIT_STEP_MS = 50;
const WAIT_MAX_MS = 30_000;

/** Creates both tables when missing and waits until they are ACTIVE. */
export async function ensureTables(client: DynamoDBDocumentClient, names: TableNames): Promise<void> {
  await ensureTable(client, names.articles, ARTICLES_TABLE);
  await ensureTable(client, names.feeds, FEEDS_TABLE);
}

async function ensureTable(client: DynamoDBDocumentClient, name: string, design: TableDesign): Promise<void> {
  const existing = await describe(client, name);
  if (existing) {
    const drift = designDrift(existing, design);
    if (drift) {
      throw new Error(
        `table ${name} was created with an older design (${drift}); its data cannot be queried with this version. ` +
          'Delete the local data (the dynamodb/ folder under --data-dir, default .newswire/) or pass another --data-dir, then ingest again',
      );
    }
  } else {
    try {
      await client.send(new CreateTableCommand(createTableInput(name, design)));
    } catch (err) {
      // Another process created it between our describe and create: fine.
      if (!(err instanceof ResourceInUseException)) throw err;
    }
  }
  const deadline = Date.now() + WAIT_MAX_MS;
  for (;;) {
    const status = await tableStatus(client, name);
    if (status === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`Table ${name} not ACTIVE after ${WAIT_MAX_MS} ms (status ${status})`);
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
  }
}

async function tableStatus(client: DynamoDBDocumentClient, name: string): Promise<string | null> {
  return (await describe(client, name))?.TableStatus ?? null;
}

async function describe(client: DynamoDBDocumentClient, name: string): Promise<TableDescription | null> {
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: name }));
    return out.Table ?? null;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return null;
    throw err;
  }
}

/** What differs between an existing table and the design (indexes by name and key), or null. */
export function designDrift(table: TableDescription, design: TableDesign): string | null {
  const has = new Map(
    (table.GlobalSecondaryIndexes ?? []).map((ix) => [
      ix.IndexName ?? '',
      (ix.KeySchema ?? []).map((k) => k.AttributeName).join(','),
    ]),
  );
  const want = new Map(design.indexes.map((ix) => [ix.name, `${ix.partitionKey},${ix.sortKey}`]));
  const missing = [...want].filter(([n, keys]) => has.get(n) !== keys).map(([n]) => n);
  const extra = [...has.keys()].filter((n) => !want.has(n));
  if (missing.length === 0 && extra.length === 0) return null;
  return [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `obsolete ${extra.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}

/** The GSI projection of an index design. */
export function projectionOf(ix: IndexDesign): Projection {
  return ix.projection === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...(ix.include ?? [])] }
    : { ProjectionType: 'KEYS_ONLY' };
}

function createTableInput(name: string, design: TableDesign) {
  // Every key attribute is a string (ids, normalized names, months, `<iso>#<id>` sort keys).
  const keyAttrs = new Set<string>([design.partitionKey]);
  for (const ix of design.indexes) keyAttrs.add(ix.partitionKey).add(ix.sortKey);
  const attributeDefinitions: AttributeDefinition[] = [...keyAttrs].map((a) => ({
    AttributeName: a,
    AttributeType: 'S',
  }));
  const gsis: GlobalSecondaryIndex[] = design.indexes.map((ix) => ({
    IndexName: ix.name,
    KeySchema: [
      { AttributeName: ix.partitionKey, KeyType: 'HASH' },
      { AttributeName: ix.sortKey, KeyType: 'RANGE' },
    ],
    Projection: projectionOf(ix),
  }));
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: attributeDefinitions,
    KeySchema: [{ AttributeName: design.partitionKey, KeyType: 'HASH' as const }],
    ...(gsis.length > 0 ? { GlobalSecondaryIndexes: gsis } : {}),
  };
}
