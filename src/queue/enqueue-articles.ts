/**
 * `enqueueArticles()`: articles in, one BullMQ job per card out. Each article is extracted and its
 * cards planned here exactly as `renderArticles()` plans them (same ids, hashes and file names); the
 * article's manifest record is kept in Redis beside the jobs, for the manifest. A card whose job is in
 * the queue already — same content hash, drawn or not — is not added again. With `wait`, it follows
 * the cards until each is drawn or failed and assembles the manifest (written to `out` when given).
 * Jobs go to Redis a chunk at a time as the articles are read, so the workers start at once.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { JobsOptions, Queue } from 'bullmq';
import { batchEntries } from '../batch/batch-input.js';
import { itemForManifest } from '../batch/card-plan.js';
import { fingerprint } from '../batch/fingerprint.js';
import { GALLERY_FILE, galleryHtml } from '../batch/gallery.js';
import { writeManifest } from '../batch/manifest.js';
import { prepareOut } from '../batch/out-folder.js';
import { readArticle, renderSettings } from '../batch/render-articles.js';
import { outPath } from '../batch/slug.js';
import type { BatchArticle, BatchFailure, EnqueueResult, QueueOptions } from '../types.js';
import { CARD_JOB, type CardJobData, jobFont, packTask } from './card-job.js';
import { articleKeys, openQueue } from './queue-connection.js';
import { cardStates, queueManifest, type StoredArticle, type StoredOptions } from './queue-manifest.js';
import { type CheckedQueueOptions, checkQueueOptions } from './queue-options.js';

const CHUNK = 500;
const FIRST_CHUNK = 50;

/** Add every article's cards to the queue (and, with `wait`, follow them and assemble the manifest). */
export async function enqueueArticles(inputs: Iterable<string | BatchArticle>, options: QueueOptions): Promise<EnqueueResult> {
  const opts = checkQueueOptions(options);
  const entries = batchEntries(inputs);
  const lock = opts.wait && opts.out !== undefined ? await prepareOut(resolve(opts.out)) : undefined;
  try {
    const queue = await openQueue(opts.name, opts.connection);
    try {
      return await enqueue(queue, entries, opts);
    } finally {
      await queue.close();
    }
  } finally {
    await lock?.release();
  }
}

async function enqueue(queue: Queue, entries: ReturnType<typeof batchEntries>, opts: CheckedQueueOptions): Promise<EnqueueResult> {
  const { settings, renderKey } = renderSettings(opts.cards, opts.template);
  // what every job names of how it is drawn: the fonts by digest (a worker must have the same bytes), the template by name
  const drawnWith: Pick<CardJobData, 'fonts' | 'template'> = {
    ...(opts.cards.fonts.length ? { fonts: opts.cards.fonts.map(jobFont) } : {}),
    ...(opts.template !== undefined ? { template: opts.template } : {}),
  };
  const usedSlugs = new Set<string>();
  const failures = new Map<string, BatchFailure>();
  const jobOptions: JobsOptions = {
    attempts: opts.attempts,
    backoff: { type: 'exponential', delay: opts.backoff },
    // kept: the id of a kept job is what makes enqueueing the same card again a no-op, and its result is the manifest's
    removeOnComplete: false,
    removeOnFail: false,
  };
  const client = await queue.client;
  const keys = articleKeys(queue);
  const manifestOptions: StoredOptions = { sizes: opts.cards.sizes.map((s) => s.name), themes: opts.cards.themes.map((t) => t.name), formats: opts.cards.formats, max: opts.cards.max };
  await client.set(keys.options, JSON.stringify(manifestOptions));

  // the cards of this call, each once, in order; jobs and articles go to Redis a chunk at a time, so workers
  // start on the first cards while the rest are read, and the call never holds every job in memory
  const hashes = new Set<string>();
  let cards = 0;
  let added = 0;
  let stored: StoredArticle[] = [];
  let jobs: Array<{ name: string; data: CardJobData; opts: JobsOptions }> = [];
  const flush = async () => {
    const unique = jobs.filter((j) => {
      if (hashes.has(j.data.hash)) return false;
      hashes.add(j.data.hash);
      return true;
    });
    if (unique.length) {
      const pipe = client.pipeline();
      for (const job of unique) pipe.runCommand('exists', [queue.toKey(job.data.hash)]);
      const replies = (await pipe.exec()) ?? [];
      const fresh = unique.filter((_, k) => Number(replies[k]?.[1]) === 0);
      if (fresh.length) await queue.addBulk(fresh);
      added += fresh.length;
    }
    // an article's record is written once its cards' jobs are in: cleanQueue never takes an article being enqueued for one whose jobs are gone
    if (stored.length) {
      const first = Number(await client.runCommand('incrby', [keys.seq, stored.length])) - stored.length;
      const pipe = client.pipeline();
      stored.forEach((article, k) => {
        pipe.hset(keys.records, { [article.record.id]: JSON.stringify(article) });
        // NX: an article enqueued again keeps its place
        pipe.runCommand('zadd', [keys.order, 'NX', first + k, article.record.id]);
      });
      await pipe.exec();
    }
    jobs = [];
    stored = [];
  };

  const at = Date.now();
  for (const entry of entries) {
    const hash = fingerprint({ renderKey, input: entry.input, id: entry.id, max: opts.cards.max, minWords: opts.cards.minWords });
    const { record, planned } = readArticle(entry, hash, opts.cards, settings, usedSlugs, failures);
    const { cards: _none, ...rest } = record;
    stored.push({
      at,
      record: rest,
      cards: planned.map((p) => ({
        id: p.id,
        kind: p.kind,
        index: p.index,
        item: itemForManifest(p.item),
        size: p.size.name,
        theme: p.theme.name,
        hash: p.hash,
        width: p.size.value.width,
        height: p.size.value.height,
      })),
    });
    for (const p of planned) {
      jobs.push({ name: CARD_JOB, data: { id: p.id, hash: p.hash, task: packTask(p.task), files: p.files, ...drawnWith }, opts: { ...jobOptions, jobId: p.hash } });
    }
    cards += planned.length;
    // the first cards go at once, so the workers start while the rest are read
    const limit = hashes.size ? CHUNK : FIRST_CHUNK;
    if (jobs.length >= limit || stored.length >= CHUNK) await flush();
  }
  await flush();

  const result: EnqueueResult = {
    articles: entries.length,
    cards,
    added,
    // cards whose job was there already, or that an earlier article of this call has too
    existing: cards - added,
    failures: [...failures.values()],
  };
  if (!opts.wait) return result;

  await follow(queue, [...hashes], cards, opts);
  const { manifest } = await queueManifest(queue, opts.baseUrl, new Set(entries.map((e) => e.id)));
  result.manifest = manifest;
  result.failures = manifest.failures;
  if (opts.out !== undefined) {
    const out = resolve(opts.out);
    const manifestPath = await writeManifest(out, manifest);
    const gallery = outPath(out, GALLERY_FILE);
    await writeFile(gallery, galleryHtml(manifest));
    result.paths = { manifest: manifestPath, gallery };
  }
  return result;
}

/** Cards whose state one poll reads at first and at the least, and at the most. */
const WINDOW = { min: 1000, max: 64_000 };
/** Cards left at which polls come every 100 ms. */
const TAIL = 100;

/**
 * Poll the cards' states until every one is drawn or failed, reporting progress. A poll reads a window of
 * the cards still pending: half from the first (workers take cards in the order they were added), half
 * from where the last poll stopped further on (so cards that settle out of order are seen too, and a slow
 * one at the head holds up none). The window doubles while most of what it reads has settled and halves
 * while little has: Redis answers for about as many cards as the workers finish, not for every card of
 * the call on every poll.
 */
async function follow(queue: Queue, hashes: string[], cards: number, opts: CheckedQueueOptions): Promise<void> {
  const started = performance.now();
  const settled = new Map<string, 'done' | 'failed'>();
  let failed = 0;
  let pending = hashes;
  let window = WINDOW.min;
  let cursor = 0;
  const report = () => {
    // duplicates within the call settle with their one job
    const share = hashes.length ? cards / hashes.length : 1;
    opts.onProgress?.({ cards, done: Math.round((settled.size - failed) * share), failed: Math.round(failed * share), elapsedMs: performance.now() - started });
  };
  while (pending.length) {
    const half = Math.ceil(window / 2);
    if (cursor < half || cursor >= pending.length) cursor = half;
    const read = [...pending.slice(0, half), ...pending.slice(cursor, cursor + window - half)];
    const states = await cardStates(queue, read);
    let now = 0;
    for (const [hash, state] of states) {
      if (state.state === 'pending') continue;
      // a card whose job was removed meanwhile (cleanQueue) will not be drawn: it counts as settled
      settled.set(hash, state.state === 'failed' ? 'failed' : 'done');
      if (state.state === 'failed') failed++;
      now++;
    }
    cursor += window - half;
    if (now) pending = pending.filter((h) => !settled.has(h));
    window = now * 2 > read.length ? Math.min(window * 2, WINDOW.max) : Math.max(WINDOW.min, Math.ceil(window / 2));
    report();
    // the last few cards are looked at more often: the call ends soon after its last card does
    const pause = pending.length <= TAIL ? 100 : Math.min(2000, 250 + read.length / 20);
    if (pending.length) await new Promise((r) => setTimeout(r, pause));
  }
}
