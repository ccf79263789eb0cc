/**
 * DynamoDB item sizes and write units, by the rules AWS documents ("Item sizes and formats"):
 * attribute names count as their UTF-8 bytes; strings their UTF-8 bytes; numbers ~1 byte per two
 * significant digits + 1; booleans and nulls 1 byte; lists and maps 3 bytes plus 1 byte per element
 * plus their contents (map keys count as names). A standard write costs 1 WCU per started KB of the
 * item, and every GSI the item lands in costs 1 WCU per started KB of its index entry (table key +
 * index keys + projected attributes + 100 bytes of overhead).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type RawItem = Record<string, AttributeValue>;

export interface GsiShape {
  name: string;
  partitionKey: string;
  sortKey: string | null;
  /** null = ALL, [] = KEYS_ONLY, else INCLUDE these attributes. */
  projected: string[] | null;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

export function attributeValueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L !== undefined) return 3 + v.L.reduce((n, e) => n + 1 + attributeValueSize(e), 0);
  if (v.M !== undefined) {
    return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + utf8(k) + attributeValueSize(e), 0);
  }
  if (v.SS !== undefined) return v.SS.reduce((n, s) => n + utf8(s), 0);
  if (v.NS !== undefined) return v.NS.reduce((n, s) => n + numberSize(s), 0);
  if (v.BS !== undefined) return v.BS.reduce((n, b) => n + b.length, 0);
  return 0;
}

/** Bytes of a whole item: every attribute's name plus value. */
export function itemSize(item: RawItem): number {
  return Object.entries(item).reduce((n, [k, v]) => n + utf8(k) + attributeValueSize(v), 0);
}

const GSI_ENTRY_OVERHEAD = 100;
const KB = 1024;

/** Write units of one PutItem of `item`: the item itself plus one entry in every GSI it lands in. */
export function writeUnits(item: RawItem, tableKey: string, gsis: readonly GsiShape[]): number {
  let wcu = Math.ceil(itemSize(item) / KB);
  for (const gsi of gsis) {
    if (!item[gsi.partitionKey] || (gsi.sortKey && !item[gsi.sortKey])) continue; // sparse: not in this index
    const names =
      gsi.projected === null
        ? Object.keys(item)
        : [tableKey, gsi.partitionKey, ...(gsi.sortKey ? [gsi.sortKey] : []), ...gsi.projected];
    const entry: RawItem = {};
    for (const n of new Set(names)) if (item[n]) entry[n] = item[n];
    wcu += Math.ceil((itemSize(entry) + GSI_ENTRY_OVERHEAD) / KB);
  }
  return wcu;
}
