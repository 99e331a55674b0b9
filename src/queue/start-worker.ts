/**
 * `startWorker()`: a BullMQ worker that takes card jobs and draws each on a process of its own (the
 * batch's `CardPool`, so a card that crashes the rasterizer ends only that process), then puts its files
 * in the store (the built-in one's are written by the drawing process) and returns what the manifest needs.
 *
 * A try that fails — the process died, the card ran past `timeout`, the store refused the files — is a
 * `RenderError` ("card-failed"): BullMQ tries the job again after an exponential backoff, and after the
 * job's `attempts` it ends failed with that reason. An error the card itself raises (a `strict` card
 * with missing glyphs, a size past the limits) would only fail again: its job ends failed at once.
 * A worker that stops answering (killed, frozen) loses its jobs' locks after `stalledAfter` ms and
 * another worker takes them up. A try that stored the files and was stopped before it reported is
 * not drawn again: the next try finds them, with the worker's note of what drawing told.
 * The worker's fonts and templates module are loaded once into each drawing process; a card is drawn with
 * exactly the fonts and template its job names, and one naming a font or template the worker lacks fails
 * at once, saying which (src/queue/job-needs.ts).
 * `close()` lets the cards in hand finish, then stops.
 */
import type { Job } from 'bullmq';
import { outPath } from '../batch/slug.js';
import { loadTemplates, moduleFonts, templatesUrl } from '../batch/template-module.js';
import { CardPool, type WorkerEntry } from '../batch/worker-pool.js';
import type { CardTask } from '../batch/worker.js';
import { QuoteCardError, RenderError } from '../errors.js';
import type { QueueWorker, WorkerOptions } from '../types.js';
import { type CardJobData, type CardJobFailure, type CardJobResult, resultName, unpackTask } from './card-job.js';
import { fileStore, folderOf, noteFile } from './card-store.js';
import { jobNeeds, workerKit } from './job-needs.js';
import { connected, unreachable } from './queue-connection.js';
import { type CheckedWorkerOptions, checkWorkerOptions } from './queue-options.js';
import { loadBullmq } from './load-bullmq.js';

/** Start taking cards from the queue; resolves once connected to Redis. */
export async function startWorker(options: WorkerOptions): Promise<QueueWorker> {
  return runWorker(checkWorkerOptions(options));
}

/** The worker on checked options; `entry` is the module that draws cards (the one beside the pool unless given). */
export async function runWorker(opts: CheckedWorkerOptions, entry?: WorkerEntry): Promise<QueueWorker> {
  const store = opts.store ?? fileStore(opts.out as string);
  const templates = opts.templates === undefined ? undefined : await loadTemplates(templatesUrl(opts.templates));
  const fonts = opts.fonts ?? (templates ? moduleFonts(templates) : []);
  const kit = workerKit(fonts, templates);
  const pool = new CardPool({ threads: opts.concurrency, timeout: opts.timeout, fonts, recycleAfter: 0, worker: entry, ...(templates ? { templates: templates.url } : {}) });
  const note = opts.onCard ?? (() => undefined);
  // the built-in store's files are written by the drawing process itself, as the batch's are: the bytes stay there
  const folder = folderOf(store);
  const targets = ({ files, hash }: CardJobData): Pick<CardTask, 'write' | 'atomic' | 'note'> => {
    if (folder === undefined) return {};
    try {
      const write = files.map((f) => ({ format: f.format, path: outPath(folder, f.path) }));
      return { write, atomic: true, note: { path: noteFile(folder, hash), names: files.map((f) => f.path) } };
    } catch {
      // a name that would leave the folder: the bytes come back and the store refuses it, failing the try
      return {};
    }
  };

  const fail = async (job: Job<CardJobData>, failure: CardJobFailure, error: string | QuoteCardError, final: boolean): Promise<never> => {
    await job.updateProgress(failure);
    if (final) job.discard();
    throw typeof error === 'string' ? new RenderError('card-failed', error, { field: job.data.id }) : error;
  };

  const draw = async (job: Job<CardJobData>): Promise<CardJobResult> => {
    const { id, hash, files } = job.data;
    if (store.get && (await store.has(resultName(hash)))) {
      const bytes = await store.get(resultName(hash));
      const known = bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as CardJobResult) : undefined;
      if (known && (await Promise.all(known.files.map((f) => store.has(f.path)))).every(Boolean)) {
        note({ id, hash, status: 'cached' });
        return { ...known, reused: true };
      }
    }
    const needs = jobNeeds(job.data, kit);
    if (needs instanceof QuoteCardError) {
      note({ id, hash, status: 'failed', message: needs.message });
      return fail(job, { stage: 'render', reason: 'error' }, needs, true);
    }
    const outcome = await pool.draw({ ...unpackTask(job.data.task), fonts: needs.fonts, ...targets(job.data) });
    if (!outcome.ok) {
      note({ id, hash, status: 'failed', message: outcome.message });
      return fail(job, { stage: outcome.stage ?? 'render', reason: outcome.reason }, outcome.message, outcome.reason === 'error' && outcome.stage !== 'write');
    }
    const stored: CardJobResult['files'] = [];
    try {
      for (const [k, file] of files.entries()) {
        if (outcome.written) {
          stored.push({ format: file.format, path: file.path, bytes: outcome.written[k]?.bytes ?? 0 });
          continue;
        }
        const data = file.format === 'png' ? (outcome.png ?? new Uint8Array(0)) : Buffer.from(outcome.svg ?? '', 'utf8');
        await store.put(file.path, data);
        stored.push({ format: file.format, path: file.path, bytes: data.byteLength });
      }
      const result: CardJobResult = { width: outcome.width, height: outcome.height, alt: outcome.alt, truncated: outcome.truncated, warnings: outcome.warnings, files: stored };
      // the drawing process wrote the note with the files, or it is stored here after them
      if (!outcome.written) await store.put(resultName(hash), Buffer.from(JSON.stringify(result)));
      note({ id, hash, status: 'rendered' });
      return result;
    } catch (error) {
      const message = `Could not store the card's files: ${(error as Error).message}`;
      note({ id, hash, status: 'failed', message });
      return fail(job, { stage: 'write', reason: 'error' }, message, false);
    }
  };

  // bullmq (and ioredis) load on first use, not when quotecard is imported (an optional peer dependency)
  const { Worker } = await loadBullmq();
  const worker = new Worker<CardJobData, CardJobResult>(opts.name, draw, {
    connection: { ...opts.connection },
    // one card more than it draws at once: the next is taken while the others draw, so no drawing process
    // waits for Redis between cards
    concurrency: opts.concurrency + 1,
    lockDuration: opts.stalledAfter,
    stalledInterval: opts.stalledAfter,
    // a card whose worker died twice under it is tried on, within its attempts, rather than failed as stalled
    maxStalledCount: 2,
    autorun: false,
  });
  // connection errors surface as failed commands and reconnects; the event would otherwise be unhandled
  worker.on('error', () => undefined);
  try {
    await connected(worker.waitUntilReady(), opts.connection);
  } catch (error) {
    await worker.close(true).catch(() => undefined);
    await pool.close();
    throw error instanceof QuoteCardError ? error : unreachable(opts.connection, error);
  }
  const running = worker.run();
  running.catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        try {
          await worker.close();
          await running.catch(() => undefined);
        } finally {
          await pool.close();
        }
      })();
      return closing;
    },
  };
}
