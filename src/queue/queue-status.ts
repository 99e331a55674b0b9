/**
 * How a queue stands: its jobs by state and the cards finished over the last minute (BullMQ scores
 * its completed set by finish time, so that is one count), and the queue's manifest collected into a
 * folder — what `quotecard status` and `quotecard collect` print and write.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GALLERY_FILE, galleryHtml } from '../batch/gallery.js';
import { writeManifest } from '../batch/manifest.js';
import { prepareOut } from '../batch/out-folder.js';
import { outPath } from '../batch/slug.js';
import type { Manifest } from '../types.js';
import { openQueue } from './queue-connection.js';
import { queueManifest } from './queue-manifest.js';
import type { RedisConnection } from './redis-url.js';

/** The window of `cardsPerSecond`, in ms. */
export const RATE_WINDOW_MS = 60_000;

/** Jobs by state, and the pace. */
export interface QueueStatus {
  waiting: number;
  active: number;
  /** Waiting to be tried again (backoff). */
  delayed: number;
  done: number;
  failed: number;
  /** Cards finished per second over the last minute. */
  cardsPerSecond: number;
}

/** The queue's counts now. */
export async function queueStatus(name: string, connection: RedisConnection): Promise<QueueStatus> {
  const queue = await openQueue(name, connection);
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'paused', 'waiting-children');
    const client = await queue.client;
    const recent = Number(await client.runCommand('zcount', [queue.toKey('completed'), Date.now() - RATE_WINDOW_MS, '+inf']));
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0) + (counts['waiting-children'] ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      done: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      cardsPerSecond: recent / (RATE_WINDOW_MS / 1000),
    };
  } finally {
    await queue.close();
  }
}

/** Write the queue's manifest and gallery into `out`; `pending` counts the cards not settled yet. */
export async function collectQueue(
  name: string,
  connection: RedisConnection,
  out: string,
  baseUrl: string,
): Promise<{ manifest: Manifest; pending: number; paths: { out: string; manifest: string; gallery: string } }> {
  const folder = resolve(out);
  const lock = await prepareOut(folder);
  try {
    const queue = await openQueue(name, connection);
    try {
      const { manifest, pending } = await queueManifest(queue, baseUrl);
      const manifestPath = await writeManifest(folder, manifest);
      const gallery = outPath(folder, GALLERY_FILE);
      await writeFile(gallery, galleryHtml(manifest));
      return { manifest, pending, paths: { out: folder, manifest: manifestPath, gallery } };
    } finally {
      await queue.close();
    }
  } finally {
    await lock.release();
  }
}
