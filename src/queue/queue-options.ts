/**
 * Validation of `QueueOptions` and `WorkerOptions` at the boundary, with the batch's own rules for
 * every card option (sizes, themes, formats, limits), so a queue refuses what `renderArticles()`
 * refuses, with the same messages. Unknown keys are an error.
 */
import { availableParallelism } from 'node:os';
import { type CheckedBatchOptions, batchOptions, checkBatchOptions } from '../batch/batch-options.js';
import {
  boolean,
  checkOptions,
  func,
  integer,
  isPlainObject,
  notOptions,
  object,
  optional,
  rule,
  type ShapeOf,
  string,
  text,
} from '../shared/check.js';
import type { CardStore, QueueProgress, WorkerOptions } from '../types.js';
import { type RedisConnection, redisConnection } from './redis-url.js';

/** The card options a queue takes, as `renderArticles()` checks them. */
const CARD_KEYS = ['size', 'theme', 'format', 'max', 'minConfidence', 'site', 'locale', 'strict', 'compression', 'minWords'] as const;
const cardShape = Object.fromEntries(CARD_KEYS.map((k) => [k, batchOptions.shape[k]])) as Pick<typeof batchOptions.shape, (typeof CARD_KEYS)[number]>;

/** Names a queue may have: BullMQ keys are `bull:<name>:…`, so no colon. */
const queueName = optional(
  rule<string>('1 to 64 letters, digits, "-", "_" or "."', (v) => typeof v === 'string' && /^[\w.-]{1,64}$/.test(v)),
  'quotecard',
);

const QUEUE_SHAPE = {
  queue: text('a Redis URL: redis://host[:port][/db]'),
  name: queueName,
  ...cardShape,
  attempts: optional(integer(1, 100), 3),
  backoff: optional(integer(0, 3_600_000), 1000),
  wait: optional(boolean(), false),
  out: optional(text('a folder path')),
  baseUrl: optional(string(), ''),
  onProgress: optional(func<(progress: QueueProgress) => void>('a function (progress) => void')),
};

const queueOptions = object(QUEUE_SHAPE, 'an object with at least { queue }');

/** `QueueOptions` checked, with the card options as the batch has them. */
export type CheckedQueueOptions = Omit<ShapeOf<typeof QUEUE_SHAPE>, (typeof CARD_KEYS)[number]> & {
  connection: RedisConnection;
  cards: Omit<CheckedBatchOptions, 'out'>;
};

/** Check `options` and fill in defaults; `show` names options as the CLI's flags. */
export function checkQueueOptions(options: unknown, show?: (path: string) => string): CheckedQueueOptions {
  if (!isPlainObject(options)) throw notOptions(queueOptions.allowed, options);
  const checked = checkOptions(queueOptions, options, show);
  const connection = redisConnection(checked.queue, show ? show('queue') : 'queue');
  const card: Record<string, unknown> = { out: '.' };
  for (const key of CARD_KEYS) if (options[key] !== undefined) card[key] = options[key];
  // one process draws each card: the batch's concurrency default would count this machine's cores for nothing
  const { out: _out, ...cards } = checkBatchOptions({ ...card, concurrency: 1 }, show);
  const rest: Record<string, unknown> = { ...checked };
  for (const key of CARD_KEYS) delete rest[key];
  return { ...(rest as Omit<ShapeOf<typeof QUEUE_SHAPE>, (typeof CARD_KEYS)[number]>), connection, cards };
}

const storeRule = rule<CardStore>('an object with has(name) and put(name, data) functions', (v) => {
  const s = v as Partial<CardStore> | null;
  return typeof s === 'object' && s !== null && typeof s.has === 'function' && typeof s.put === 'function';
});

const WORKER_SHAPE = {
  queue: text('a Redis URL: redis://host[:port][/db]'),
  name: queueName,
  out: optional(text('a folder path')),
  store: optional(storeRule),
  concurrency: optional(integer(1, 256), () => availableParallelism()),
  timeout: optional(integer(1), 60_000),
  stalledAfter: optional(integer(500, 3_600_000), 30_000),
  onCard: optional(func<NonNullable<WorkerOptions['onCard']>>('a function (event) => void')),
};

const workerOptions = object(WORKER_SHAPE, 'an object with { queue } and one of { out, store }');

/** `WorkerOptions` checked. */
export type CheckedWorkerOptions = ShapeOf<typeof WORKER_SHAPE> & { connection: RedisConnection };

/** Check `options` and fill in defaults; exactly one of `out` and `store`. */
export function checkWorkerOptions(options: unknown, show?: (path: string) => string): CheckedWorkerOptions {
  if (!isPlainObject(options)) throw notOptions(workerOptions.allowed, options);
  const checked = checkOptions(workerOptions, options, show);
  if ((checked.out === undefined) === (checked.store === undefined)) {
    throw notOptions('an object with { queue } and exactly one of { out, store } (where the cards go)', options);
  }
  return { ...checked, connection: redisConnection(checked.queue, show ? show('queue') : 'queue') };
}
