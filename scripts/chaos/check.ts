/**
 * The chaos run's verdict: the final stored state against the model (world.ts, epoch 1). Every
 * release whose page is not gone must be stored once (under the id of its feed link), and the
 * fields of its stored record must be what the parser gives for its final page; every dead letter
 * must be explained by a permanent fault the run injected.
 */
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { feedId, urlReleaseId } from '../../lambdas/core/ids';
import { parseRelease } from '../../lambdas/core/parser';
import type { PressReleaseRecord } from '../../lambdas/core/record';
import type { DeadLetterStore } from '../../lambdas/local/deadLetterStore';
import type { ArticleStore } from '../../lambdas/pipeline/ports';
import { correctedTitle, pageHtml, type ChaosWorld } from './world';

export interface Verdict {
  expected: number;
  stored: number;
  duplicates: number;
  lost: number;
  mismatches: number;
  inDlq: number;
  explained: number;
  /** A few examples of each problem, for the report. */
  examples: { lost: string[]; duplicates: string[]; mismatches: string[]; unexplained: string[] };
}

/** The fields compared with the model; each as the record holds it. */
function fieldsOf(r: Pick<PressReleaseRecord, 'title' | 'source' | 'tickers' | 'dateline' | 'body'>) {
  return {
    title: r.title,
    source: r.source,
    tickers: JSON.stringify(r.tickers),
    dateline: r.dateline?.text ?? null,
    body: r.body.text,
  };
}

export async function checkAgainstModel(opts: {
  world: ChaosWorld;
  baseUrl: string;
  articles: ArticleStore;
  raw: DynamoDBClient;
  table: string;
  deadLetters: DeadLetterStore;
}): Promise<Verdict> {
  const { world, baseUrl } = opts;
  const examples: Verdict['examples'] = { lost: [], duplicates: [], mismatches: [], unexplained: [] };
  const note = (list: string[], s: string) => list.length < 5 && list.push(s);

  // Every release record in the table.
  const storedIds = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await opts.raw.send(
      new ScanCommand({
        TableName: opts.table,
        ExclusiveStartKey: start as never,
        ProjectionExpression: 'id, itemType',
      }),
    );
    for (const raw of out.Items ?? []) {
      const i = unmarshall(raw) as { id: string; itemType?: string };
      if (i.itemType === 'release' || (!i.itemType && !i.id.includes('#'))) storedIds.add(i.id);
    }
    start = out.LastEvaluatedKey as Record<string, unknown> | undefined;
  } while (start);

  const expectedIds = new Set<string>();
  const goneIds = new Set<string>();
  let expected = 0;
  let stored = 0;
  let lost = 0;
  let mismatches = 0;
  for (const r of world.releases) {
    const id = urlReleaseId(`${baseUrl}${r.path}`);
    if (r.gone) {
      goneIds.add(id);
      continue;
    }
    expected++;
    expectedIds.add(id);
    const record = await opts.articles.get(id);
    if (!record) {
      lost++;
      note(examples.lost, `${r.path} (${id})`);
      continue;
    }
    stored++;
    const parsed = parseRelease({ content: pageHtml(world, r, 1, baseUrl), url: `${baseUrl}${r.finalPath}` });
    const want = fieldsOf({
      title: parsed.title ?? (r.corrected ? correctedTitle(r.title) : r.title),
      source: parsed.source,
      tickers: parsed.tickers.map((t) => ({ exchange: t.exchange, symbol: t.symbol })),
      dateline: parsed.dateline ? { ...parsed.dateline } : null,
      body: { text: parsed.body.text, paragraphs: [], wordCount: 0 },
    });
    const got = fieldsOf(record);
    const differing = (Object.keys(want) as (keyof typeof want)[]).filter((k) => want[k] !== got[k]);
    if (differing.length) {
      mismatches++;
      note(examples.mismatches, `${r.path}: ${differing.join(', ')} (revision ${record.revision})`);
    }
  }
  let duplicates = 0;
  for (const id of storedIds) {
    if (!expectedIds.has(id)) {
      duplicates++;
      const rec = await opts.articles.get(id);
      note(
        examples.duplicates,
        `${id} url=${rec?.url ?? '?'} guid=${rec?.guid ?? '?'}${goneIds.has(id) ? ' (page gone)' : ''}`,
      );
    }
  }

  // Dead letters: an article whose page is gone, or a poll of a feed that is gone.
  const goneLinks = new Set(world.releases.filter((r) => r.gone).map((r) => `${baseUrl}${r.path}`));
  const goneFeeds = new Set(world.feeds.filter((f) => f.gone).map((f) => feedId(`${baseUrl}${f.path}`)));
  const letters = [...(await opts.deadLetters.list('article')), ...(await opts.deadLetters.list('poll'))];
  let explained = 0;
  for (const l of letters) {
    const body = JSON.parse(l.body) as { item?: { link?: string }; feedId?: string };
    const ok =
      l.queue === 'article'
        ? body.item?.link !== undefined && goneLinks.has(body.item.link.split('?')[0]!)
        : body.feedId !== undefined && goneFeeds.has(body.feedId);
    if (ok) explained++;
    else
      note(
        examples.unexplained,
        `${l.queue}: ${l.reason.code} ${l.reason.message} ${body.item?.link ?? body.feedId ?? ''}`,
      );
  }
  return { expected, stored, duplicates, lost, mismatches, inDlq: letters.length, explained, examples };
}
