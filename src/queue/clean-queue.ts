/**
 * `cleanQueue()`: trim what a queue keeps in Redis, with BullMQ's own `clean` and `obliterate`.
 *
 * A queue keeps every finished job (its id is what makes enqueueing the same card again a no-op, its result
 * what `collect` reads) and every article's record, so it grows with every card until cleaned. `done` and
 * `failed` remove the jobs of drawn and of failed cards (finished at least `olderThan` ms ago), then the
 * articles none of whose cards' jobs is left — and, with `done`, the articles that had no card, enqueued
 * before the same cut-off. `obliterate` removes the queue and everything of it: BullMQ's keys, then the
 * article keys beside them. A queue that workers are drawing from is obliterated only with `force`.
 */
import type { Queue } from 'bullmq';
import { OutputError } from '../errors.js';
import type { CleanOptions, CleanResult } from '../types.js';
import { articleKeys, openQueue } from './queue-connection.js';
import type { StoredArticle } from './queue-manifest.js';
import { checkCleanOptions } from './queue-options.js';

const CHUNK = 1000;

/** Remove finished jobs (and the articles left without cards), or the whole queue. */
export async function cleanQueue(options: CleanOptions): Promise<CleanResult> {
  const opts = checkCleanOptions(options);
  const queue = await openQueue(opts.name, opts.connection);
  try {
    if (opts.obliterate) {
      await obliterate(queue, opts.force);
      return { done: 0, failed: 0, articles: 0, obliterated: true };
    }
    const before = Date.now() - opts.olderThan;
    // BullMQ's clean goes through the set in calls of at most 10,000 jobs each, so Redis is never held long
    const done = opts.done ? (await queue.clean(opts.olderThan, 0, 'completed')).length : 0;
    const failed = opts.failed ? (await queue.clean(opts.olderThan, 0, 'failed')).length : 0;
    const articles = await dropArticles(queue, opts.done ? before : undefined);
    return { done, failed, articles, obliterated: false };
  } finally {
    await queue.close();
  }
}

async function obliterate(queue: Queue, force: boolean): Promise<void> {
  try {
    await queue.obliterate({ force });
  } catch (error) {
    // BullMQ refuses a queue with active jobs, or one resumed meanwhile by another client
    const message = error instanceof Error ? error.message : String(error);
    const active = /active jobs/i.test(message) ? await queue.getActiveCount() : undefined;
    throw new OutputError('queue-busy', active === undefined ? `The queue "${queue.name}" was not removed` : `The queue "${queue.name}" has cards being drawn; it was not removed`, {
      field: 'obliterate',
      allowed: 'a queue no worker is drawing from (stop the workers first), or force: true (--force)',
      received: active === undefined ? `BullMQ: ${message}` : `${active} active ${active === 1 ? 'job' : 'jobs'}`,
      cause: error,
    });
  }
  // BullMQ removes its own keys; the articles, their order and the queue's counters are quotecard's
  const client = await queue.client;
  let cursor = '0';
  do {
    // BullMQ's ioredis client runs any Redis command by name (its arguments as one array)
    const [next, keys] = (await client.runCommand('scan', [cursor, 'MATCH', `${queue.toKey('')}*`, 'COUNT', CHUNK])) as [string, string[]];
    cursor = next;
    if (keys.length) await client.runCommand('unlink', keys);
  } while (cursor !== '0');
}

/**
 * Remove the articles none of whose cards' jobs is left, and those without cards enqueued before
 * `cardlessBefore` (when given). Reads every article's record once, in chunks.
 */
async function dropArticles(queue: Queue, cardlessBefore: number | undefined): Promise<number> {
  const client = await queue.client;
  const keys = articleKeys(queue);
  const drop: string[] = [];
  const total = await client.zcard(keys.order);
  for (let start = 0; start < total; start += CHUNK) {
    const ids = await client.zrange(keys.order, start, start + CHUNK - 1);
    if (!ids.length) break;
    const records = (await client.hmget(keys.records, ...ids)).map((text) => (text ? (JSON.parse(text) as StoredArticle) : undefined));
    const pipe = client.pipeline();
    for (const article of records) for (const card of article?.cards ?? []) pipe.runCommand('exists', [queue.toKey(card.hash)]);
    const replies = (await pipe.exec()) ?? [];
    let k = 0;
    ids.forEach((id, i) => {
      const article = records[i];
      const cards = article?.cards ?? [];
      const left = cards.filter(() => Number(replies[k++]?.[1]) === 1).length;
      const stale = cards.length ? left === 0 : cardlessBefore !== undefined && (article?.at ?? 0) <= cardlessBefore;
      if (!article || stale) drop.push(id);
    });
  }
  for (let i = 0; i < drop.length; i += CHUNK) {
    const chunk = drop.slice(i, i + CHUNK);
    await client.pipeline().runCommand('hdel', [keys.records, ...chunk]).runCommand('zrem', [keys.order, ...chunk]).exec();
  }
  return drop.length;
}
