/**
 * Validation of `QueueOptions`, `WorkerOptions` and `CleanOptions` at the boundary, with the batch's own rules for
 * every card option (sizes, themes, formats, limits), so a queue refuses what `renderArticles()`
 * refuses, with the same messages. Unknown keys are an error.
 */
import { availableParallelism } from 'node:os';
import { type CheckedBatchOptions, batchOptions, checkBatchOptions } from '../batch/batch-options.js';
import { TEMPLATE_NAME } from '../batch/template-module.js';
import {
  boolean,
  checkOptions,
  func,
  integer,
  invalid,
  isPlainObject,
  notOptions,
  object,
  optional,
  Place,
  rule,
  type ShapeOf,
  string,
  text,
} from '../shared/check.js';
import type { CardStore, FontInput, QueueProgress, WorkerOptions } from '../types.js';
import { type RedisConnection, redisConnection } from './redis-url.js';

/** The card options a queue takes, as `renderArticles()` checks them. */
const CARD_KEYS = ['size', 'theme', 'format', 'max', 'minConfidence', 'site', 'locale', 'fonts', 'strict', 'compression', 'minWords'] as const;
const cardShape = Object.fromEntries(CARD_KEYS.map((k) => [k, batchOptions.shape[k]])) as Pick<typeof batchOptions.shape, (typeof CARD_KEYS)[number]>;

/** Names a queue may have: BullMQ keys are `bull:<name>:…`, so no colon. */
const queueName = optional(
  rule<string>('1 to 64 letters, digits, "-", "_" or "."', (v) => typeof v === 'string' && /^[\w.-]{1,64}$/.test(v)),
  'quotecard',
);

/** A template's name: an export name of the workers' templates module. */
const templateName = rule<string>('the export name of a template function (letters, digits, "_" or "$"; not starting with a digit)', (v) => typeof v === 'string' && TEMPLATE_NAME.test(v));

const QUEUE_SHAPE = {
  queue: text('a Redis URL: redis://host[:port][/db]'),
  name: queueName,
  ...cardShape,
  template: optional(templateName),
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
  fonts: batchOptions.shape.fonts,
  templates: optional(text('the path or file: URL of an ES module that exports template functions')),
  timeout: optional(integer(1), 60_000),
  stalledAfter: optional(integer(500, 3_600_000), 30_000),
  onCard: optional(func<NonNullable<WorkerOptions['onCard']>>('a function (event) => void')),
};

const workerOptions = object(WORKER_SHAPE, 'an object with { queue } and one of { out, store }');

/** `WorkerOptions` checked; `fonts` undefined when not given (the templates module's `fonts` then). */
export type CheckedWorkerOptions = Omit<ShapeOf<typeof WORKER_SHAPE>, 'fonts'> & { fonts: FontInput[] | undefined; connection: RedisConnection };

/** Check `options` and fill in defaults; exactly one of `out` and `store`. */
export function checkWorkerOptions(options: unknown, show?: (path: string) => string): CheckedWorkerOptions {
  if (!isPlainObject(options)) throw notOptions(workerOptions.allowed, options);
  const checked = checkOptions(workerOptions, options, show);
  if ((checked.out === undefined) === (checked.store === undefined)) {
    throw notOptions('an object with { queue } and exactly one of { out, store } (where the cards go)', options);
  }
  return { ...checked, fonts: options.fonts === undefined ? undefined : checked.fonts, connection: redisConnection(checked.queue, show ? show('queue') : 'queue') };
}

const CLEAN_SHAPE = {
  queue: text('a Redis URL: redis://host[:port][/db]'),
  name: queueName,
  done: optional(boolean(), false),
  failed: optional(boolean(), false),
  olderThan: optional(integer(0), 0),
  obliterate: optional(boolean(), false),
  force: optional(boolean(), false),
};

const cleanOptions = object(CLEAN_SHAPE, 'an object with { queue } and done, failed or obliterate');

/** `CleanOptions` checked. */
export type CheckedCleanOptions = ShapeOf<typeof CLEAN_SHAPE> & { connection: RedisConnection };

/** Check `options`: `done` and/or `failed` (with `olderThan`), or `obliterate` (with `force`) alone. */
export function checkCleanOptions(options: unknown, show?: (path: string) => string): CheckedCleanOptions {
  if (!isPlainObject(options)) throw notOptions(cleanOptions.allowed, options);
  const checked = checkOptions(cleanOptions, options, show);
  const at = (key: string) => new Place('option', key, show);
  if (checked.obliterate && (checked.done || checked.failed || options.olderThan !== undefined)) {
    throw invalid(at('obliterate'), 'obliterate alone (it removes every job in every state): not with done, failed or olderThan', 'obliterate with done, failed or olderThan');
  }
  if (!checked.obliterate && !checked.done && !checked.failed) {
    throw invalid(at('done'), 'done, failed or both (the jobs to remove), or obliterate (the whole queue)', 'none of them');
  }
  if (checked.force && !checked.obliterate) throw invalid(at('force'), 'force together with obliterate', 'force without obliterate');
  return { ...checked, connection: redisConnection(checked.queue, show ? show('queue') : 'queue') };
}
