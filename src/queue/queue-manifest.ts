/**
 * The manifest of a queue, assembled from what Redis holds: the articles the enqueuers read (kept
 * beside the jobs) and each card's job — its result when drawn, its last reason when failed. Same
 * schema as `renderArticles()`'s manifest.json; cards not yet settled are left out and counted, and so are
 * cards whose jobs were removed (`cleanQueue()`), with a warning.
 */
import type { Queue } from 'bullmq';
import { libraryVersion } from '../batch/library-version.js';
import { SCHEMA_VERSION } from '../batch/manifest.js';
import { orderedFailures } from '../batch/render-articles.js';
import type { BatchFailure, Manifest, ManifestArticle, ManifestCard } from '../types.js';
import type { CardJobFailure, CardJobResult } from './card-job.js';
import { articleKeys } from './queue-connection.js';

/** A card's manifest fields known before it is drawn. */
export type CardBase = Pick<ManifestCard, 'id' | 'kind' | 'index' | 'item' | 'size' | 'theme' | 'hash' | 'width' | 'height'>;

/** An article as the queue keeps it: its manifest record without cards, and the cards it needs. */
export interface StoredArticle {
  record: Omit<ManifestArticle, 'cards'>;
  cards: CardBase[];
  /** When it was last enqueued (ms since 1970), for `cleanQueue()`. */
  at?: number;
}

/** The manifest options of the latest enqueue. */
export type StoredOptions = Manifest['options'];

/** Where a card's job stands; `gone`: no job (removed by `cleanQueue()`). */
export type CardState =
  | { state: 'done'; result: CardJobResult }
  | { state: 'failed'; message: string; failure: CardJobFailure }
  | { state: 'pending' }
  | { state: 'gone' };

const CHUNK = 1000;

/** The state of each card job by hash, in pipelined chunks. */
export async function cardStates(queue: Queue, hashes: readonly string[]): Promise<Map<string, CardState>> {
  const client = await queue.client;
  const failedKey = queue.toKey('failed');
  const states = new Map<string, CardState>();
  for (let i = 0; i < hashes.length; i += CHUNK) {
    const chunk = hashes.slice(i, i + CHUNK);
    const pipe = client.pipeline();
    for (const hash of chunk) {
      // BullMQ's ioredis client runs any Redis command by name (its arguments as one array)
      pipe.runCommand('hmget', [queue.toKey(hash), 'finishedOn', 'returnvalue', 'failedReason', 'progress', 'timestamp']);
      pipe.runCommand('zscore', [failedKey, hash]);
    }
    const replies = (await pipe.exec()) ?? [];
    chunk.forEach((hash, k) => {
      const [finishedOn, returnvalue, failedReason, progress, timestamp] = (replies[2 * k]?.[1] ?? []) as Array<string | null>;
      const inFailed = replies[2 * k + 1]?.[1] !== null && replies[2 * k + 1]?.[1] !== undefined;
      if (!timestamp) {
        // every job has its timestamp: there is no job
        states.set(hash, { state: 'gone' });
      } else if (finishedOn && inFailed) {
        const failure = parse<Partial<CardJobFailure>>(progress) ?? {};
        states.set(hash, {
          state: 'failed',
          message: failedReason ?? 'The card failed.',
          failure: { stage: failure.stage ?? 'render', reason: failure.reason ?? 'error' },
        });
      } else if (finishedOn && returnvalue) {
        const result = parse<CardJobResult>(returnvalue);
        states.set(hash, result ? { state: 'done', result } : { state: 'pending' });
      } else {
        states.set(hash, { state: 'pending' });
      }
    });
  }
  return states;
}

function parse<T>(text: string | null | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Every article the queue keeps, in the order they were first enqueued. */
export async function storedArticles(queue: Queue): Promise<StoredArticle[]> {
  const client = await queue.client;
  const keys = articleKeys(queue);
  const ids = await client.zrange(keys.order, 0, -1);
  const articles: StoredArticle[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const values = await client.hmget(keys.records, ...ids.slice(i, i + CHUNK));
    for (const value of values) {
      const article = parse<StoredArticle>(value);
      if (article) articles.push(article);
    }
  }
  return articles;
}

/** The manifest of `articles` from their cards' states; `pending` counts the cards not settled yet. */
export function assembleManifest(
  articles: readonly StoredArticle[],
  states: ReadonlyMap<string, CardState>,
  options: StoredOptions,
  baseUrl: string,
): { manifest: Manifest; pending: number } {
  const failures = new Map<string, BatchFailure>();
  let pending = 0;
  let gone = 0;
  const list: ManifestArticle[] = articles.map(({ record, cards }) => {
    if (record.error) failures.set(`article:${record.id}`, { article: record.id, stage: 'extract', reason: 'error', message: record.error });
    const made: ManifestCard[] = [];
    for (const base of cards) {
      const state = states.get(base.hash) ?? { state: 'pending' };
      if (state.state === 'pending') {
        pending++;
      } else if (state.state === 'gone') {
        gone++;
      } else if (state.state === 'done') {
        const { result } = state;
        const files = result.files.map((f) => ({ format: f.format, path: f.path, url: `${baseUrl}${f.path}`, bytes: f.bytes }));
        made.push({
          ...base,
          width: result.width,
          height: result.height,
          alt: result.alt,
          status: result.reused ? 'cached' : 'rendered',
          files,
          truncated: result.truncated,
          warnings: result.warnings,
        });
      } else {
        made.push({ ...base, alt: '', status: 'failed', files: [], truncated: false, warnings: [], error: state.message });
        failures.set(base.id, { article: record.id, card: base.id, ...state.failure, message: state.message });
      }
    }
    return { ...record, cards: made };
  });
  const warnings = pending ? [`${pending} ${pending === 1 ? 'card is' : 'cards are'} not drawn yet: collect again when the queue is done.`] : [];
  if (gone) warnings.push(`${gone} ${gone === 1 ? "card's job was" : "cards' jobs were"} removed from the queue (quotecard clean) and ${gone === 1 ? 'is' : 'are'} left out.`);
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'quotecard', version: libraryVersion() },
    options,
    articles: list,
    failures: orderedFailures(list, failures),
    warnings,
  };
  return { manifest, pending };
}

/** The queue's manifest: every article it keeps, with its cards as they stand now. */
export async function queueManifest(queue: Queue, baseUrl: string, only?: ReadonlySet<string>): Promise<{ manifest: Manifest; pending: number }> {
  const client = await queue.client;
  const all = await storedArticles(queue);
  const articles = only ? all.filter((a) => only.has(a.record.id)) : all;
  const states = await cardStates(queue, [...new Set(articles.flatMap((a) => a.cards.map((c) => c.hash)))]);
  const options = parse<StoredOptions>(await client.get(articleKeys(queue).options)) ?? { sizes: [], themes: [], formats: [], max: 0 };
  return assembleManifest(articles, states, options, baseUrl);
}
