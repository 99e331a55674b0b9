/**
 * A BullMQ queue on the Redis a `queue` URL names, opened only once that Redis answers: one that does
 * not within `QUEUE_CONNECT_MS` is an `OutputError` ("queue-unreachable") instead of a wait without end.
 * Once connected, a command waits through a Redis restart (ioredis reconnects), so a batch survives one.
 * Beside BullMQ's own keys the queue keeps the articles of its cards, for the manifest.
 */
import type { Queue } from 'bullmq';
import { OutputError } from '../errors.js';
import type { RedisConnection } from './redis-url.js';
import { loadBullmq } from './load-bullmq.js';

/** How long the first connection may take, in ms. */
export const QUEUE_CONNECT_MS = 5000;

/** The typed error for a Redis that does not answer. */
export function unreachable(connection: RedisConnection, cause?: unknown): OutputError {
  return new OutputError('queue-unreachable', 'The queue\'s Redis does not answer', {
    field: 'queue',
    allowed: 'a Redis server that accepts connections (redis-server 6.2 or later)',
    received: `${connection.host}:${connection.port} (no answer within ${QUEUE_CONNECT_MS / 1000} s)`,
    cause,
  });
}

/** Resolve `ready`, or reject with `queue-unreachable` after `QUEUE_CONNECT_MS`. */
export async function connected(ready: Promise<unknown>, connection: RedisConnection): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unreachable(connection)), QUEUE_CONNECT_MS);
  });
  try {
    await Promise.race([ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The queue `name`, connected. */
export async function openQueue(name: string, connection: RedisConnection): Promise<Queue> {
  // bullmq (and ioredis) load on first use, not when quotecard is imported (an optional peer dependency)
  const { Queue: BullQueue } = await loadBullmq();
  const queue = new BullQueue(name, { connection: { ...connection } });
  // errors of the connection surface as failed commands; the event would otherwise be unhandled
  queue.on('error', () => undefined);
  try {
    await connected(queue.waitUntilReady(), connection);
  } catch (error) {
    await queue.close().catch(() => undefined);
    throw error instanceof OutputError ? error : unreachable(connection, error);
  }
  return queue;
}

/** The keys the queue keeps its articles under, beside BullMQ's own (`bull:<name>:…`). */
export function articleKeys(queue: Queue): { records: string; order: string; seq: string; options: string } {
  return {
    records: queue.toKey('qc:articles'),
    order: queue.toKey('qc:order'),
    seq: queue.toKey('qc:seq'),
    options: queue.toKey('qc:options'),
  };
}
