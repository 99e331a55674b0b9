/**
 * The queue commands: `quotecard enqueue`, `worker`, `status`, `collect` and `clean` (docs/scale.md). Each
 * parses its own flags, checks them with the queue's option rules (named as flags in messages) and
 * calls the library; exit codes as for the batch: 0 done, 1 some card failed (or, for collect, some
 * card is not drawn yet), 2 bad usage. `worker` runs until SIGTERM or SIGINT, then lets its cards in
 * hand finish and exits 0.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { batchEntries } from '../batch/batch-input.js';
import { loadTemplates, moduleFonts, templatesUrl } from '../batch/template-module.js';
import { describe, InputError, QuoteCardError } from '../errors.js';
import { enqueueArticles } from '../queue/enqueue-articles.js';
import { cleanQueue } from '../queue/clean-queue.js';
import { checkCleanOptions, checkQueueOptions, checkWorkerOptions } from '../queue/queue-options.js';
import { collectQueue, queueStatus } from '../queue/queue-status.js';
import { redisConnection } from '../queue/redis-url.js';
import { runWorker } from '../queue/start-worker.js';
import { invalid, Place } from '../shared/check.js';
import type { BatchFailure, QueueProgress } from '../types.js';
import { count, decimal, duration, flagName, list, size, withQuoteMarks } from './cli-args.js';
import { inputPaths, readArticles } from './cli-inputs.js';
import { type ProgressStream, formatDuration, LINE_INTERVAL_MS, BAR_INTERVAL_MS } from './progress-bar.js';

/** The queue commands. */
export const QUEUE_COMMANDS = ['enqueue', 'worker', 'status', 'collect', 'clean'] as const;
export type QueueCommand = (typeof QUEUE_COMMANDS)[number];

/** What a queue command needs of its process. */
export interface QueueIo {
  cwd: string;
  stdin: AsyncIterable<Buffer | string>;
  stdout: ProgressStream;
  stderr: ProgressStream;
  /** Call `stop` on SIGTERM or SIGINT (the worker command). */
  onSignal?: (stop: (signal: string) => void) => void;
}

const COMMON = {
  queue: { type: 'string' },
  name: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const FLAGS = {
  enqueue: {
    ...COMMON,
    wait: { type: 'boolean', short: 'w' },
    out: { type: 'string', short: 'o' },
    'base-url': { type: 'string' },
    attempts: { type: 'string' },
    backoff: { type: 'string' },
    size: { type: 'string', short: 's' },
    theme: { type: 'string', short: 't' },
    format: { type: 'string', short: 'f' },
    max: { type: 'string', short: 'm' },
    'min-confidence': { type: 'string' },
    site: { type: 'string' },
    locale: { type: 'string' },
    'quote-marks': { type: 'string' },
    compression: { type: 'string' },
    templates: { type: 'string' },
    template: { type: 'string' },
  },
  worker: {
    ...COMMON,
    out: { type: 'string', short: 'o' },
    concurrency: { type: 'string', short: 'c' },
    timeout: { type: 'string' },
    'stalled-after': { type: 'string' },
    templates: { type: 'string' },
  },
  status: COMMON,
  collect: { ...COMMON, out: { type: 'string', short: 'o' }, 'base-url': { type: 'string' } },
  clean: { ...COMMON, done: { type: 'boolean' }, failed: { type: 'boolean' }, 'older-than': { type: 'string' }, obliterate: { type: 'boolean' }, force: { type: 'boolean' } },
} as const;

/** An option of the queue as its flag: `stalledAfter` → `--stalled-after`. */
function queueFlag(path: string): string {
  const key = path.replace(/[.[].*$/, '');
  if (key === 'theme' || key === 'minConfidence' || key === 'baseUrl') return flagName(path);
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function parse(command: QueueCommand, argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS[command] as (typeof FLAGS)['enqueue'], allowPositionals: command === 'enqueue', strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) {
      throw new InputError('unknown-option', `Unknown option "${unknown[1]}" for quotecard ${command}`, { field: unknown[1], allowed: `the options listed by quotecard --help under ${command}`, received: describe(unknown[1]) });
    }
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing) throw invalid(new Place('option', missing[1] as string), 'a value after the option', 'nothing');
    throw new InputError('invalid-input', `Invalid command line for quotecard ${command}`, { field: 'argv', allowed: 'see quotecard --help', received: message });
  }
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function failureLine(f: BatchFailure): string {
  return `  ${f.article}: ${f.card ? `card ${f.card}` : 'article'}: ${f.reason} during ${f.stage}: ${f.message}\n`;
}

/** Progress of the cards an enqueue waits for: a bar on a TTY, a line every five seconds otherwise. */
function waitReporter(stream: ProgressStream, mode: 'bar' | 'lines' | 'none') {
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  const text = (p: QueueProgress) => {
    const seconds = p.elapsedMs / 1000;
    const settled = p.done + p.failed;
    const rate = seconds > 0 ? p.done / seconds : 0;
    const left = rate > 0 && settled < p.cards ? ` · ${formatDuration((p.cards - settled) / rate)} left` : '';
    return `${settled}/${p.cards} cards${p.failed ? ` · ${p.failed} failed` : ''} · ${rate.toFixed(1)} cards/s${left}`;
  };
  return {
    onProgress(p: QueueProgress) {
      if (mode === 'none') return;
      const now = performance.now();
      const finished = p.done + p.failed >= p.cards;
      if (now - last < (mode === 'bar' ? BAR_INTERVAL_MS : LINE_INTERVAL_MS) && !finished) return;
      last = now;
      if (mode === 'bar') {
        const full = Math.round((p.cards ? (p.done + p.failed) / p.cards : 1) * 20);
        stream.write(`\r[${'#'.repeat(full)}${'-'.repeat(20 - full)}] ${text(p)}\u001b[K`);
        shown = true;
      } else {
        stream.write(`${text(p)}\n`);
      }
    },
    finish() {
      if (shown) stream.write('\n');
    },
  };
}

/** Run a queue command. Never throws: errors are printed and turned into exit codes. */
export async function runQueueCli(command: QueueCommand, argv: readonly string[], io: QueueIo): Promise<number> {
  let usage = true;
  try {
    const { values, positionals } = parse(command, argv);
    const v = values as Record<string, string | boolean | undefined>;
    if (v.queue === undefined) throw invalid(new Place('option', '--queue'), 'the queue\'s Redis URL: redis://host[:port][/db]', 'nothing');
    if (v.json && v.quiet) throw invalid(new Place('option', '--json'), 'either --json or --quiet, not both', '--json --quiet');
    const json = v.json === true;
    const quiet = v.quiet === true || json;
    const name = v.name as string | undefined;
    if (name !== undefined && !/^[\w.-]{1,64}$/.test(name)) throw invalid(new Place('option', '--name'), '1 to 64 letters, digits, "-", "_" or "."', name);

    if (command === 'enqueue') {
      if (!positionals.length) throw invalid(new Place('argument', 'inputs'), 'one or more files, folders, globs, or - for standard input', 'none');
      if (v.out !== undefined && !v.wait) throw invalid(new Place('option', '--out'), '--out together with --wait (the manifest is written when every card is done)', '--out without --wait');
      if (v.template !== undefined && v.templates === undefined) {
        throw invalid(new Place('option', '--template'), '--template together with --templates (the module that exports it, as the workers have it)', `--template ${v.template}`);
      }
      // the templates module the workers draw with: its fonts count in each card's hash, and the template must be one of its exports
      const kit = typeof v.templates === 'string' ? await loadTemplates(templatesUrl(v.templates, io.cwd), '--templates') : undefined;
      if (kit && typeof v.template === 'string' && !kit.templates.has(v.template)) {
        throw invalid(new Place('option', '--template'), `a template the --templates module exports: ${[...kit.templates.keys()].join(', ')}`, v.template);
      }
      const options = defined({
        queue: v.queue,
        name,
        wait: v.wait,
        out: typeof v.out === 'string' ? resolve(io.cwd, v.out) : undefined,
        baseUrl: v['base-url'],
        attempts: count(v.attempts as string | undefined),
        backoff: count(v.backoff as string | undefined),
        size: list('size', v.size as string | undefined)?.map(size),
        theme: withQuoteMarks(list('theme', v.theme as string | undefined), v['quote-marks'] as string | undefined),
        format: list('format', v.format as string | undefined),
        max: count(v.max as string | undefined),
        minConfidence: decimal(v['min-confidence'] as string | undefined),
        site: v.site,
        locale: v.locale,
        compression: v.compression,
        fonts: kit ? moduleFonts(kit, '--templates') : undefined,
        template: v.template,
      });
      checkQueueOptions(options, queueFlag);
      const paths = await inputPaths(positionals, io.cwd);
      const { articles, failures: readFailures } = await readArticles(paths, io.cwd, io.stdin);
      if (!articles.length && !readFailures.length) throw invalid(new Place('argument', 'inputs'), 'article files (.html, .htm, .xhtml, .txt, .md)', positionals.join(' '));
      batchEntries(articles);
      const reporter = waitReporter(io.stderr, quiet ? 'none' : io.stderr.isTTY ? 'bar' : 'lines');
      usage = false;
      const result = await enqueueArticles(articles, { ...(options as { queue: string }), onProgress: reporter.onProgress });
      reporter.finish();
      const failures = [...readFailures, ...result.failures];
      const code = failures.length ? 1 : 0;
      if (json) {
        const { manifest: _m, ...summary } = result;
        io.stdout.write(`${JSON.stringify({ ok: code === 0, exitCode: code, ...summary, failures }, null, 2)}\n`);
      } else if (!quiet) {
        io.stdout.write(`Enqueued ${result.cards} cards for ${result.articles} articles on ${name ?? 'quotecard'}: ${result.added} added, ${result.existing} already in the queue.\n`);
        if (result.manifest) {
          const cards = result.manifest.articles.flatMap((a) => a.cards);
          const made = cards.filter((c) => c.status !== 'failed').length;
          io.stdout.write(`Made ${made} of ${result.cards} cards.${result.paths ? ` Manifest: ${result.paths.manifest}` : ''}\n`);
        }
      }
      if (failures.length && !json) io.stderr.write(`quotecard: ${failures.length} failed:\n${failures.map(failureLine).join('')}`);
      return code;
    }

    if (command === 'worker') {
      if (v.out === undefined) throw invalid(new Place('option', '--out'), 'the folder the cards are stored in (shared by every worker)', 'nothing');
      const opts = checkWorkerOptions(
        defined({
          queue: v.queue,
          name,
          out: typeof v.out === 'string' ? resolve(io.cwd, v.out) : undefined,
          concurrency: count(v.concurrency as string | undefined),
          timeout: count(v.timeout as string | undefined),
          stalledAfter: count(v['stalled-after'] as string | undefined),
          templates: typeof v.templates === 'string' ? templatesUrl(v.templates, io.cwd) : undefined,
        }),
        queueFlag,
      );
      let made = 0;
      let failed = 0;
      usage = false;
      const worker = await runWorker({ ...opts, onCard: (e) => (e.status === 'failed' ? failed++ : made++) });
      const kit = opts.templates ? ` with the templates of ${opts.templates}` : '';
      if (!quiet) io.stderr.write(`quotecard worker: taking cards from ${opts.name} with ${opts.concurrency} processes into ${opts.out}${kit} (SIGTERM to stop)\n`);
      const signal = await new Promise<string>((stop) => io.onSignal?.(stop));
      if (!quiet) io.stderr.write(`quotecard worker: ${signal}: finishing the cards in hand…\n`);
      await worker.close();
      if (json) io.stdout.write(`${JSON.stringify({ ok: true, made, failedTries: failed, signal })}\n`);
      else if (!quiet) io.stderr.write(`quotecard worker: stopped after ${made} cards (${failed} failed tries).\n`);
      return 0;
    }

    if (command === 'clean') {
      const older = v['older-than'];
      const olderThan = typeof older === 'string' ? duration(older) : undefined;
      if (typeof older === 'string' && olderThan === undefined) throw invalid(new Place('option', '--older-than'), 'a duration: milliseconds, or 90s, 15m, 2h, 7d', older);
      const opts = defined({ queue: v.queue, name, done: v.done, failed: v.failed, olderThan, obliterate: v.obliterate, force: v.force });
      checkCleanOptions(opts, queueFlag);
      usage = false;
      const removed = await cleanQueue(opts as { queue: string });
      const queueName = name ?? 'quotecard';
      if (json) io.stdout.write(`${JSON.stringify({ ok: true, ...removed }, null, 2)}\n`);
      else if (!quiet && removed.obliterated) io.stdout.write(`Removed the queue ${queueName} and everything in it.\n`);
      else if (!quiet) io.stdout.write(`Removed from ${queueName}: ${removed.done} drawn and ${removed.failed} failed cards' jobs, ${removed.articles} articles.\n`);
      return 0;
    }

    const connection = redisConnection(v.queue as string, '--queue');
    if (command === 'status') {
      usage = false;
      const status = await queueStatus(name ?? 'quotecard', connection);
      if (json) io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      else io.stdout.write(`waiting ${status.waiting} · active ${status.active} · retrying ${status.delayed} · done ${status.done} · failed ${status.failed} · ${status.cardsPerSecond.toFixed(1)} cards/s (last minute)\n`);
      return 0;
    }

    if (v.out === undefined) throw invalid(new Place('option', '--out'), 'the folder to write manifest.json and index.html in', 'nothing');
    const baseUrl = v['base-url'];
    if (baseUrl !== undefined && typeof baseUrl !== 'string') throw invalid(new Place('option', '--base-url'), 'a URL', baseUrl);
    usage = false;
    const { manifest, pending, paths } = await collectQueue(name ?? 'quotecard', connection, resolve(io.cwd, v.out as string), baseUrl ?? '');
    const cards = manifest.articles.flatMap((a) => a.cards);
    const code = manifest.failures.length || pending ? 1 : 0;
    if (json) io.stdout.write(`${JSON.stringify({ ok: code === 0, exitCode: code, articles: manifest.articles.length, cards: cards.length, pending, failures: manifest.failures, paths }, null, 2)}\n`);
    else if (!quiet) io.stdout.write(`Collected ${cards.length} cards of ${manifest.articles.length} articles${pending ? `; ${pending} not drawn yet` : ''}. Manifest: ${paths.manifest}\n`);
    if (manifest.failures.length && !json) io.stderr.write(`quotecard: ${manifest.failures.length} failed:\n${manifest.failures.map(failureLine).join('')}`);
    return code;
  } catch (error) {
    const ours = error instanceof QuoteCardError;
    const message = ours ? error.message : String((error as Error)?.stack ?? error);
    const bad = ours && (usage || error instanceof InputError);
    io.stderr.write(`quotecard ${command}: ${message}\n${bad ? 'Run "quotecard --help" for usage.\n' : ''}`);
    return bad ? 2 : 1;
  }
}
