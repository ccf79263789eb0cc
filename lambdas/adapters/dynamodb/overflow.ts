/**
 * Records too large for one DynamoDB item (400 KB): their bulky fields (body, about, contacts, links)
 * move to the raw archive as one gzip'd JSON object, and the item keeps a pointer. Reads put the
 * fields back, so `get` and `query` return the whole record transparently.
 *
 * The archive key is content-addressed — `overflow/<id>/<sha256 of the JSON>.json.gz`, the shape of
 * `articles/<id>/<sha256>.html.gz` — so two writers racing on one id can never overwrite each
 * other's body, and a retried write puts the same object again.
 */
import { StorageError } from '../../core/errors';
import { sha256Hex } from '../../core/ids';
import type { RawArchive } from '../../pipeline/ports';
import type { Item } from './batchGet';
import { itemSizeBytes, MAX_ITEM_BYTES } from './itemSize';

/** Fields moved out of an item that is too large, in this order of the stored object. */
export const OVERFLOW_FIELDS = ['body', 'about', 'contacts', 'links'] as const;
/** Items above this size overflow: 16 KiB under the limit leaves room for later item-hash updates. */
export const OVERFLOW_AT_BYTES = MAX_ITEM_BYTES - 16 * 1024;

/** The pointer an overflowed item keeps (attribute `overflow`). */
export interface OverflowRef {
  key: string;
  fields: string[];
}

/** The archive prefix of overflowed bodies (the deployed functions' grants are scoped to it). */
export const OVERFLOW_PREFIX = 'overflow/';

export function overflowArchiveKey(id: string, sha256: string): string {
  return `${OVERFLOW_PREFIX}${id}/${sha256}.json.gz`;
}

/**
 * The item as it can be stored: unchanged when it fits, else with the overflow fields moved to the
 * archive (written before the item, so an item never points to a missing object). Throws
 * RECORD_TOO_LARGE when even the rest does not fit, or when there is no archive to move them to.
 */
export async function fitItem(item: Item, archive: RawArchive | undefined): Promise<Item> {
  const size = itemSizeBytes(item);
  if (size <= OVERFLOW_AT_BYTES) return item;
  const id = String(item.id);
  if (!archive) {
    throw new StorageError(
      'RECORD_TOO_LARGE',
      `record ${id} is ${size} bytes as an item (limit ${OVERFLOW_AT_BYTES}) and the store has no archive for its body`,
      false,
    );
  }
  const moved: Record<string, unknown> = {};
  const rest: Item = { ...item };
  for (const f of OVERFLOW_FIELDS) {
    moved[f] = item[f];
    delete rest[f];
  }
  const json = Buffer.from(JSON.stringify(moved), 'utf8');
  const key = overflowArchiveKey(id, sha256Hex(json));
  rest.overflow = { key, fields: [...OVERFLOW_FIELDS] } satisfies OverflowRef;
  const left = itemSizeBytes(rest);
  if (left > OVERFLOW_AT_BYTES) {
    throw new StorageError(
      'RECORD_TOO_LARGE',
      `record ${id} is still ${left} bytes without ${OVERFLOW_FIELDS.join(', ')} (limit ${OVERFLOW_AT_BYTES})`,
      false,
    );
  }
  await archive.put(key, json, 'application/json');
  return rest;
}

/** The item with its overflowed fields read back from the archive (the item itself when it has none). */
export async function restoreItem(item: Item, archive: RawArchive | undefined): Promise<Item> {
  const ref = item.overflow as OverflowRef | undefined;
  if (!ref) return item;
  const id = String(item.id);
  if (!archive) {
    throw new StorageError(
      'OVERFLOW_UNAVAILABLE',
      `record ${id} keeps its body in ${ref.key}: no archive given`,
      false,
    );
  }
  const bytes = await archive.get(ref.key);
  if (!bytes) {
    throw new StorageError('OVERFLOW_MISSING', `record ${id}: its body ${ref.key} is missing from the archive`, false);
  }
  const moved = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  const whole: Item = { ...item };
  for (const f of ref.fields) whole[f] = moved[f] ?? null;
  return whole;
}
