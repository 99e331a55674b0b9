/**
 * `startWorker()`: a BullMQ worker that takes card jobs and draws each on a process of its own (the
 * batch's `CardPool`, so a card that crashes the rasterizer ends only that process), then puts its files
 * in the store and returns what the manifest needs.
 *
 * A try that fails — the process died, the card ran past `timeout`, the store refused the files — is a
 * `RenderError` ("card-failed"): BullMQ tries the job again after an exponential backoff, and after the
 * job's `attempts` it ends failed with that reason. An error the card itself raises (a `strict` card
 * with missing glyphs, a size past the limits) would only fail again: its job ends failed at once.
 * A worker that stops answering (killed, frozen) loses its jobs' locks after `stalledAfter` ms and
 * another worker takes them up. A try that stored the files and was stopped before it reported is
 * not drawn again: the next try finds them, with the worker's note of what drawing told.
 * `close()` lets the cards in hand finish, then stops.
 */
import type { Job } from 'bullmq';
import { CardPool, type WorkerEntry } from '../batch/worker-pool.js';
import { QuoteCardError, RenderError } from '../errors.js';
import type { QueueWorker, WorkerOptions } from '../types.js';
import { type CardJobData, type CardJobFailure, type CardJobResult, resultName, unpackTask } from './card-job.js';
import { fileStore } from './card-store.js';
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
  const pool = new CardPool({ threads: opts.concurrency, timeout: opts.timeout, fonts: [], recycleAfter: 0, worker: entry });
  const note = opts.onCard ?? (() => undefined);

  const fail = async (job: Job<CardJobData>, failure: CardJobFailure, message: string, final: boolean): Promise<never> => {
    await job.updateProgress(failure);
    if (final) job.discard();
    throw new RenderError('card-failed', message, { field: job.data.id });
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
    const outcome = await pool.draw(unpackTask(job.data.task));
    if (!outcome.ok) {
      note({ id, hash, status: 'failed', message: outcome.message });
      return fail(job, { stage: outcome.stage ?? 'render', reason: outcome.reason }, outcome.message, outcome.reason === 'error' && outcome.stage !== 'write');
    }
    const stored: CardJobResult['files'] = [];
    try {
      for (const file of files) {
        const data = file.format === 'png' ? (outcome.png ?? new Uint8Array(0)) : Buffer.from(outcome.svg ?? '', 'utf8');
        await store.put(file.path, data);
        stored.push({ format: file.format, path: file.path, bytes: data.byteLength });
      }
      const result: CardJobResult = { width: outcome.width, height: outcome.height, alt: outcome.alt, truncated: outcome.truncated, warnings: outcome.warnings, files: stored };
      await store.put(resultName(hash), Buffer.from(JSON.stringify(result)));
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
    concurrency: opts.concurrency,
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
