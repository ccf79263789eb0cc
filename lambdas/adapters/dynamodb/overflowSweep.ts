/**
 * Deletes overflow bodies no record points to. `fitItem` writes `overflow/<id>/<sha256>.json.gz`
 * before the release item; when that item write then fails for good (a bad record, a crash, a lost
 * race decided for other content) the object is referenced by nothing and would stay forever.
 *
 * Why a sweep and not a lifecycle rule on a `state=pending` tag: overflow keys are content-addressed,
 * so a save of the same content puts the same key again — a pending tag set by that put would expire
 * the body of a live record unless every path that ends without a write (unchanged content, a lost
 * race, a crash after the item write) cleared it. The sweep instead asks the table, the one authority
 * on what is live, and needs no change to the write path.
 *
 * An object is deleted only when all of these hold:
 *   - its current version is older than the grace period (an in-flight save is minutes old);
 *   - a strongly consistent GetItem of its record shows neither `overflow.key` nor any
 *     `history[].overflowKey` equal to the key (older revisions keep their bodies).
 * It deletes the listed versions by VersionId, never the key: a save that puts the same key again
 * while the sweep runs creates a new version, which stays current, so a record written in that
 * window never points to a deleted body. (A plain DeleteObject would hide that new version.)
 */
import {
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Log } from '../../pipeline/ports';
import type { Item } from './batchGet';
import { wrapDynamo } from './errors';
import { OVERFLOW_PREFIX } from './overflow';

/** The variable the sweep function reads its grace period (whole days) from. */
export const SWEEP_GRACE_DAYS_ENV = 'OVERFLOW_SWEEP_GRACE_DAYS';

export interface OverflowSweepDeps {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly ddb: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Objects whose current version is younger than this are left alone. */
  readonly graceMs: number;
  readonly now?: () => Date;
  readonly log?: Log;
}

export interface OverflowSweepResult {
  /** Keys under `overflow/` looked at. */
  examined: number;
  /** Referenced by their record (current or a past revision). */
  referenced: number;
  /** Current version younger than the grace period, or currently deleted: not looked up. */
  skipped: number;
  /** Keys whose versions were deleted. */
  deleted: number;
  /** Object versions deleted. */
  versionsDeleted: number;
}

interface Version {
  versionId: string;
  lastModified: Date;
  isLatest: boolean;
  deleteMarker: boolean;
}

/** The record id an overflow key belongs to, or null when the key is not one `overflowArchiveKey` makes. */
export function recordIdOfOverflowKey(key: string): string | null {
  const m = /^overflow\/([^/]+)\/[0-9a-f]{64}\.json\.gz$/.exec(key);
  return m ? (m[1] as string) : null;
}

/** Whether the item (a release item, or nothing) points to the key, now or in a past revision. */
export function itemReferences(item: Item | undefined, key: string): boolean {
  if (!item) return false;
  const current = item.overflow as { key?: unknown } | undefined;
  if (current?.key === key) return true;
  const history = Array.isArray(item.history) ? (item.history as { overflowKey?: unknown }[]) : [];
  return history.some((h) => h?.overflowKey === key);
}

export async function sweepOverflow(deps: OverflowSweepDeps): Promise<OverflowSweepResult> {
  const now = (deps.now ?? (() => new Date()))();
  const cutoff = now.getTime() - deps.graceMs;
  const result: OverflowSweepResult = { examined: 0, referenced: 0, skipped: 0, deleted: 0, versionsDeleted: 0 };

  for await (const [key, versions] of keysWithVersions(deps)) {
    result.examined++;
    const latest = versions.find((v) => v.isLatest);
    // Deleted already (a delete marker is current: lifecycle expires the rest), or still young.
    if (!latest || latest.deleteMarker || latest.lastModified.getTime() > cutoff) {
      result.skipped++;
      continue;
    }
    const id = recordIdOfOverflowKey(key);
    if (id === null) {
      deps.log?.warn('overflow sweep: key not made by overflowArchiveKey, left alone', { key });
      result.skipped++;
      continue;
    }
    const out = await wrapDynamo(`GetItem ${deps.tableName}`, () =>
      deps.ddb.send(
        new GetCommand({
          TableName: deps.tableName,
          Key: { id },
          ConsistentRead: true,
          ProjectionExpression: '#overflow, #history',
          ExpressionAttributeNames: { '#overflow': 'overflow', '#history': 'history' },
        }),
      ),
    );
    if (itemReferences(out.Item, key)) {
      result.referenced++;
      continue;
    }
    const old = versions.filter((v) => !v.deleteMarker && v.lastModified.getTime() <= cutoff);
    for (const v of old) {
      await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.bucket, Key: key, VersionId: v.versionId }));
    }
    deps.log?.info('overflow sweep: deleted an unreferenced body', {
      key,
      id,
      versions: old.length,
      lastModified: latest.lastModified.toISOString(),
    });
    result.deleted++;
    result.versionsDeleted += old.length;
  }
  return result;
}

/**
 * Every key under `overflow/` with all its versions and delete markers. S3 lists the versions of a
 * key together, newest first; a key whose versions straddle two pages is yielded once, complete.
 */
async function* keysWithVersions(deps: OverflowSweepDeps): AsyncGenerator<[string, Version[]]> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  let current: [string, Version[]] | null = null;
  for (;;) {
    const page: ListObjectVersionsCommandOutput = await deps.s3.send(
      new ListObjectVersionsCommand({
        Bucket: deps.bucket,
        Prefix: OVERFLOW_PREFIX,
        ...(keyMarker !== undefined ? { KeyMarker: keyMarker } : {}),
        ...(versionIdMarker !== undefined ? { VersionIdMarker: versionIdMarker } : {}),
      }),
    );
    const entries = [
      ...(page.Versions ?? []).map((v) => ({ ...v, deleteMarker: false })),
      ...(page.DeleteMarkers ?? []).map((v) => ({ ...v, deleteMarker: true })),
    ]
      .filter((v) => v.Key !== undefined)
      .sort((a, b) => (a.Key! < b.Key! ? -1 : a.Key! > b.Key! ? 1 : 0));
    for (const e of entries) {
      const version: Version = {
        versionId: e.VersionId ?? 'null',
        lastModified: e.LastModified ?? new Date(0),
        isLatest: e.IsLatest === true,
        deleteMarker: e.deleteMarker,
      };
      if (current && current[0] === e.Key) current[1].push(version);
      else {
        if (current) yield current;
        current = [e.Key!, [version]];
      }
    }
    if (!page.IsTruncated) break;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
  if (current) yield current;
}
