/**
 * Which index serves an ArticleQuery, and with which key: the one place that maps filters to the
 * table design. At most one key filter (source, feed, ticker, place) with an optional time range,
 * or only a time range (the day walk). Anything else is refused with UnsupportedQueryError.
 */
import { StorageError } from '../../core/errors';
import { organizationKey, parsePlaceFilter, parseTickerKey } from '../../core/keys';
import type { ArticleQuery } from '../../pipeline/ports';
import { UnsupportedQueryError } from './errors';
import { ATTR, INDEX, type ArticleIndexName } from './tableDesign';

export interface PartitionPlan {
  readonly kind: 'partition';
  readonly index: ArticleIndexName;
  /** The index's partition attribute and the value to query. */
  readonly pkAttr: string;
  readonly partition: string;
  /** byCity within a country: FilterExpression on the projected countryKey. */
  readonly country?: string;
}
/** Everything in a time range: the byDay directory, then each day that has releases, newest first. */
export interface DayWalkPlan {
  readonly kind: 'days';
  readonly index: typeof INDEX.byDay;
  readonly pkAttr: typeof ATTR.dayKey;
}
/** A filter that can match nothing (a source that normalizes to nothing, an empty range). */
export interface EmptyPlan {
  readonly kind: 'empty';
}
export type QueryPlan = PartitionPlan | DayWalkPlan | EmptyPlan;

const FLAG: Record<'source' | 'feedId' | 'ticker' | 'place', string> = {
  source: '--source',
  feedId: '--feed',
  ticker: '--ticker',
  place: '--place',
};

export function planQuery(q: ArticleQuery): QueryPlan {
  const given = (Object.keys(FLAG) as (keyof typeof FLAG)[]).filter((k) => q[k] !== undefined && q[k] !== null);
  if (given.length > 1) {
    throw new UnsupportedQueryError(`no index serves ${given.map((k) => FLAG[k]).join(' with ')} together`);
  }
  if (q.since !== undefined && q.until !== undefined && q.since > `${q.until}\uffff`) return { kind: 'empty' };
  const part = (index: ArticleIndexName, pkAttr: string, partition: string, country?: string): QueryPlan =>
    partition === ''
      ? { kind: 'empty' }
      : { kind: 'partition', index, pkAttr, partition, ...(country ? { country } : {}) };

  if (q.source !== undefined) return part(INDEX.bySource, ATTR.sourceKey, organizationKey(q.source));
  if (q.feedId !== undefined) return part(INDEX.byFeed, ATTR.feedId, q.feedId.trim());
  if (q.ticker !== undefined) {
    const key = parseTickerKey(q.ticker);
    if (!key)
      throw new UnsupportedQueryError(`--ticker ${JSON.stringify(q.ticker)} has no exchange (write NASDAQ:ABCD)`);
    return part(INDEX.byTicker, ATTR.tickerKey, key);
  }
  if (q.place !== undefined) {
    const place = parsePlaceFilter(q.place);
    if (!place) {
      throw new UnsupportedQueryError(
        `--place ${JSON.stringify(q.place)} names no known place (use a country code like CN, a city, or "city, CC")`,
      );
    }
    return place.city === undefined
      ? part(INDEX.byCountry, ATTR.countryKey, place.country)
      : part(INDEX.byCity, ATTR.cityKey, place.city, place.country);
  }
  return { kind: 'days', index: INDEX.byDay, pkAttr: ATTR.dayKey };
}

/** Validates the page size of a query. */
export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new StorageError('VALIDATION', `query: limit must be a positive integer, got ${limit}`, false);
  }
}
