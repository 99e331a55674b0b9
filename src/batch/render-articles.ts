/**
 * `renderArticles()`: articles in; cards, `manifest.json` and an `index.html` gallery out.
 *
 * Per article: extract(), pickForCards(), then each item in each size × theme, drawn on a pool of
 * worker processes. Skipped when nothing changed: an article whose input and options hash as in the
 * existing manifest is not even extracted again, and a card whose fingerprint matches (with its
 * files in place) is not drawn again. A card that fails, crashes its worker or times out is recorded
 * and the batch goes on. Every path is built from safe slugs and checked to sit inside `out`.
 */
import { unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { extract } from '../extract/extract.js';
import { pickWithReasons } from '../extract/rank.js';
import type { BatchArticle, BatchFailure, BatchOptions, BatchResult, Manifest, ManifestArticle, ManifestCard } from '../types.js';
import { type BatchEntry, batchEntries } from './batch-input.js';
import { type CheckedBatchOptions, checkBatchOptions } from './batch-options.js';
import { itemForManifest, type PlannedCard, planCards, type RenderSettings } from './card-plan.js';
import { fingerprint } from './fingerprint.js';
import { GALLERY_FILE, galleryHtml } from './gallery.js';
import { libraryVersion } from './library-version.js';
import { noCardReason } from './no-card-reason.js';
import { cardFilesExist, readManifest, SCHEMA_VERSION, writeManifest } from './manifest.js';
import { ProgressCounter } from './progress-counter.js';
import { Checkpoint, CHECKPOINT_CARDS, finishedSoFar } from './checkpoint.js';
import { prepareOut } from './out-folder.js';
import { articleSlug, isSafeFileName, outPath, slugify } from './slug.js';
import { CardPool, type DrawOutcome, type WorkerEntry } from './worker-pool.js';
import type { CardTask } from './worker.js';

/** The date part of an ISO 8601 timestamp, for the card's source line. */
function cardDate(publishedAt: string | undefined): string | undefined {
  const day = publishedAt?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : undefined;
}

/** Render every article's best quotes and posts to files in `options.out`. */
export async function renderArticles(inputs: Iterable<string | BatchArticle>, options: BatchOptions): Promise<BatchResult> {
  const opts = checkBatchOptions(options);
  return runBatch(batchEntries(inputs), opts);
}

/**
 * The batch itself, on checked inputs and options (the CLI checks its flags itself and calls this).
 * `worker` is the module that draws cards: the one beside the pool unless a caller brings its own.
 */
export async function runBatch(entries: BatchEntry[], opts: CheckedBatchOptions, worker?: WorkerEntry): Promise<BatchResult> {
  const out = resolve(opts.out);
  const lock = await prepareOut(out);
  try {
    return await drawBatch(out, entries, opts, worker);
  } finally {
    await lock.release();
  }
}

async function drawBatch(out: string, entries: BatchEntry[], opts: CheckedBatchOptions, worker?: WorkerEntry): Promise<BatchResult> {
  const { settings, renderKey } = renderSettings(opts);
  const previous = opts.incremental ? await readManifest(out) : {};
  const runWarnings = previous.note ? [previous.note] : [];
  const before = new Map((previous.manifest?.articles ?? []).map((a) => [a.id, a]));
  const beforeCards = new Map([...before.values()].flatMap((a) => a.cards.map((c) => [c.id, c] as const)));

  const progress = new ProgressCounter(entries.length, opts.onProgress);
  const failures = new Map<string, BatchFailure>();
  const pool = new CardPool({ threads: opts.concurrency, timeout: opts.timeout, fonts: opts.fonts, recycleAfter: opts.recycleAfter, worker });
  const inflight = new Set<Promise<void>>();
  const usedSlugs = new Set<string>();
  const url = (path: string) => `${opts.baseUrl}${path}`;
  const articles: ManifestArticle[] = [];
  const manifestOf = (list: ManifestArticle[], warnings: string[]): Manifest => ({
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'quotecard', version: settings.version },
    options: { sizes: opts.sizes.map((s) => s.name), themes: opts.themes.map((t) => t.name), formats: opts.formats, max: opts.max },
    articles: list,
    failures: orderedFailures(list, failures),
    warnings,
  });
  // what is finished is on disk every CHECKPOINT_CARDS cards, so a killed run's cards are kept
  const planned = new Map<ManifestArticle, number>();
  const checkpoint = new Checkpoint(CHECKPOINT_CARDS, () => writeManifest(out, manifestOf(finishedSoFar(articles, planned), runWarnings)));

  try {
    for (const entry of entries) {
      const hash = fingerprint({ renderKey, input: entry.input, id: entry.id, max: opts.max, minWords: opts.minWords });
      const old = before.get(entry.id);
      if (old && old.hash === hash && !old.error && !usedSlugs.has(old.slug) && old.cards.every((c) => cardFilesExist(out, c))) {
        usedSlugs.add(old.slug);
        const cards = old.cards.map((c): ManifestCard => ({ ...c, status: 'cached', files: c.files.map((f) => ({ ...f, url: url(f.path) })) }));
        articles.push({ ...old, cards });
        progress.article(entry.id, cards.length);
        for (const _ of cards) progress.card(entry.id, 'cached');
        continue;
      }
      const article = readArticle(entry, hash, opts, settings, usedSlugs, failures);
      articles.push(article.record);
      planned.set(article.record, article.planned.length);
      progress.article(entry.id, article.planned.length);
      for (const [i, plan] of article.planned.entries()) {
        const cached = beforeCards.get(plan.id);
        if (cached && cached.hash === plan.hash && cardFilesExist(out, cached)) {
          article.record.cards[i] = { ...cached, status: 'cached', files: cached.files.map((f) => ({ ...f, url: url(f.path) })) };
          progress.card(entry.id, 'cached');
          continue;
        }
        const job = pool.draw(withTargets(out, plan)).then(async (outcome) => {
          const card = await settle(out, plan, outcome, url);
          article.record.cards[i] = card.record;
          if (card.failure) failures.set(plan.id, { article: entry.id, card: plan.id, ...card.failure });
          progress.card(entry.id, card.record.status);
          checkpoint.tick();
        });
        inflight.add(job);
        job.finally(() => inflight.delete(job));
        while (inflight.size >= opts.concurrency * 3) await Promise.race(inflight);
      }
      await nextTurn();
    }
    await Promise.all(inflight);
  } finally {
    await pool.close();
    await checkpoint.idle();
  }

  runWarnings.push(...(await prune(out, before, articles)));
  const manifest = manifestOf(articles, runWarnings);
  const manifestPath = await writeManifest(out, manifest);
  let galleryPath: string | undefined;
  if (opts.gallery) {
    galleryPath = outPath(out, GALLERY_FILE);
    await writeFile(galleryPath, galleryHtml(manifest));
  }
  const cards = articles.flatMap((a) => a.cards);
  const { rendered, cached, failed } = progress.counts;
  return {
    manifest,
    cards,
    failures: manifest.failures,
    stats: { articles: articles.length, cards: cards.length, rendered, cached, failed, seconds: progress.elapsed() / 1000 },
    paths: { out, manifest: manifestPath, ...(galleryPath ? { gallery: galleryPath } : {}) },
  };
}

/** What shapes every card of a batch, and its fingerprint (part of each article's hash); `template` is the queue's. */
export function renderSettings(opts: Omit<CheckedBatchOptions, 'out'>, template?: string): { settings: RenderSettings; renderKey: string } {
  const settings: RenderSettings = {
    sizes: opts.sizes,
    themes: opts.themes,
    formats: opts.formats,
    site: opts.site,
    locale: opts.locale,
    strict: opts.strict,
    compression: opts.compression,
    fontsHash: fingerprint(opts.fonts),
    version: libraryVersion(),
    ...(template !== undefined ? { template } : {}),
  };
  return { settings, renderKey: fingerprint({ ...settings, sizes: opts.sizes.map((s) => [s.name, s.value]) }) };
}

/** Extract and plan one article; an article extract() refuses becomes a record with `error`. */
export function readArticle(
  entry: BatchEntry,
  hash: string,
  opts: Pick<CheckedBatchOptions, 'max' | 'minWords' | 'minConfidence'>,
  settings: RenderSettings,
  usedSlugs: Set<string>,
  failures: Map<string, BatchFailure>,
): { record: ManifestArticle; planned: PlannedCard[] } {
  try {
    const found = extract(entry.input, opts.minWords === undefined ? {} : { minWords: opts.minWords });
    let slug = articleSlug(found.title, found.url, entry.name, fingerprint(entry.id));
    if (usedSlugs.has(slug)) slug = `${slug.slice(0, 50)}-${fingerprint(entry.id).slice(0, 6)}`;
    usedSlugs.add(slug);
    const warnings = [...found.warnings];
    const date = cardDate(found.publishedAt);
    if (found.publishedAt && !date) warnings.push(`Publication date "${found.publishedAt}" is not an ISO 8601 date; cards show no date.`);
    const { items, unsure } = pickWithReasons(found, { max: opts.max, ...(opts.minConfidence === undefined ? {} : { minConfidence: opts.minConfidence }) });
    const planned = planCards(slug, items, settings, { site: found.site, date, lang: found.lang });
    const record: ManifestArticle = {
      id: entry.id,
      slug,
      ...(found.title !== undefined ? { title: found.title } : {}),
      ...(found.site !== undefined ? { site: found.site } : {}),
      ...(found.url !== undefined ? { url: found.url } : {}),
      ...(found.publishedAt !== undefined ? { publishedAt: found.publishedAt } : {}),
      ...(found.lang !== undefined ? { lang: found.lang } : {}),
      hash,
      found: { quotes: found.quotes.length, posts: found.posts.length, unsure },
      warnings,
      cards: [],
    };
    const none = noCardReason({ quotes: found.quotes.length, posts: found.posts.length, unsure, picked: items.length, max: opts.max, warnings });
    if (none) record.noCards = none;
    return { record, planned };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.set(`article:${entry.id}`, { article: entry.id, stage: 'extract', reason: 'error', message });
    const slug = slugify(entry.name);
    return { record: { id: entry.id, slug, hash, found: { quotes: 0, posts: 0, unsure: 0 }, warnings: [], cards: [], error: message }, planned: [] };
  }
}

/** Write a drawn card's files and make its manifest record. */
async function settle(
  out: string,
  plan: PlannedCard,
  outcome: DrawOutcome,
  url: (path: string) => string,
): Promise<{ record: ManifestCard; failure?: Omit<BatchFailure, 'article' | 'card'> }> {
  const base = {
    id: plan.id,
    kind: plan.kind,
    index: plan.index,
    item: itemForManifest(plan.item),
    size: plan.size.name,
    theme: plan.theme.name,
    hash: plan.hash,
  };
  const failed = (stage: BatchFailure['stage'], reason: BatchFailure['reason'], message: string) => ({
    record: { ...base, width: plan.size.value.width, height: plan.size.value.height, alt: '', status: 'failed' as const, files: [], truncated: false, warnings: [], error: message },
    failure: { stage, reason, message },
  });
  if (!outcome.ok) {
    return outcome.stage === 'write'
      ? failed('write', outcome.reason, `Could not write the card's files: ${outcome.message}`)
      : failed('render', outcome.reason, outcome.message);
  }
  if (outcome.written) {
    const files = plan.files.map((file, k) => ({ format: file.format, path: file.path, url: url(file.path), bytes: outcome.written?.[k]?.bytes ?? 0 }));
    const { width, height, alt, truncated, warnings } = outcome;
    return { record: { ...base, width, height, alt, status: 'rendered', files, truncated, warnings } };
  }
  try {
    const files = [];
    for (const file of plan.files) {
      const data = file.format === 'png' ? (outcome.png ?? new Uint8Array(0)) : Buffer.from(outcome.svg ?? '', 'utf8');
      await writeFile(outPath(out, file.path), data);
      files.push({ format: file.format, path: file.path, url: url(file.path), bytes: data.byteLength });
    }
    const { width, height, alt, truncated, warnings } = outcome;
    return { record: { ...base, width, height, alt, status: 'rendered', files, truncated, warnings } };
  } catch (error) {
    return failed('write', 'error', `Could not write the card's files: ${(error as Error).message}`);
  }
}

/**
 * The card's task with the files for its worker to write, each path checked here to lie inside `out`.
 * Should a name not pass, the worker sends the bytes back instead and the write fails here, for that card.
 */
function withTargets(out: string, plan: PlannedCard): CardTask {
  try {
    return { ...plan.task, write: plan.files.map((file) => ({ format: file.format, path: outPath(out, file.path) })) };
  } catch {
    return plan.task;
  }
}

/** Remove files the previous run wrote for these articles that no card of this run uses. */
async function prune(out: string, before: Map<string, ManifestArticle>, articles: ManifestArticle[]): Promise<string[]> {
  const keep = new Set(articles.flatMap((a) => a.cards.flatMap((c) => c.files.map((f) => f.path))));
  const warnings: string[] = [];
  for (const article of articles) {
    for (const card of before.get(article.id)?.cards ?? []) {
      for (const file of card.files) {
        if (keep.has(file.path) || !isSafeFileName(file.path)) continue;
        try {
          await unlink(outPath(out, file.path));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warnings.push(`Could not remove stale ${file.path}: ${(error as Error).message}`);
        }
      }
    }
  }
  return warnings;
}

/** Failures in manifest order: each article's own, then its cards'. */
export function orderedFailures(articles: ManifestArticle[], failures: Map<string, BatchFailure>): BatchFailure[] {
  return articles.flatMap((a) => [
    ...(failures.has(`article:${a.id}`) ? [failures.get(`article:${a.id}`) as BatchFailure] : []),
    ...a.cards.flatMap((c) => (failures.has(c.id) ? [failures.get(c.id) as BatchFailure] : [])),
  ]);
}
