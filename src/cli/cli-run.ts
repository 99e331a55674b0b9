/**
 * The `quotecard` command as a function: arguments and streams in, exit code out (0 every card made,
 * 1 some failed, 2 bad usage). A thin layer over `renderArticles()`: it reads the inputs, shows
 * progress and prints the summary; everything else is the library's.
 */
import { resolve } from 'node:path';
import { batchEntries } from '../batch/batch-input.js';
import { runBatch } from '../batch/render-articles.js';
import { libraryVersion } from '../batch/library-version.js';
import { QuoteCardError } from '../errors.js';
import { NO_BODY } from '../ingest/index.js';
import { invalid, Place } from '../shared/check.js';
import type { BatchFailure, BatchResult } from '../types.js';
import { parseCliArgs } from './cli-args.js';
import { QUEUE_COMMANDS, type QueueCommand, runQueueCli } from './cli-queue.js';
import { inputPaths, readArticles } from './cli-inputs.js';
import { HELP } from './help.js';
import { type ProgressStream, progressReporter } from './progress-bar.js';

/** The process around the command, passed in so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  stdin: AsyncIterable<Buffer | string>;
  stdout: ProgressStream;
  stderr: ProgressStream;
  /** Call `stop` on SIGTERM or SIGINT (`quotecard worker` stops when it is called). */
  onSignal?: (stop: (signal: string) => void) => void;
}

/** Exit codes. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function failureLine(f: BatchFailure): string {
  const what = f.card ? `card ${f.card}` : 'article';
  return `  ${f.article}: ${what}: ${f.reason} during ${f.stage}: ${f.message}\n`;
}

function summaryText(result: BatchResult, readFailures: number): string {
  const { stats } = result;
  const made = stats.rendered + stats.cached;
  const failed = stats.failed + result.failures.filter((f) => !f.card).length + readFailures;
  const unsure = result.manifest.articles.reduce((sum, a) => sum + a.found.unsure, 0);
  const unsureArticles = result.manifest.articles.filter((a) => a.found.unsure > 0).length;
  return (
    `Made ${made} of ${stats.cards} cards for ${stats.articles} articles in ${stats.seconds.toFixed(1)} s ` +
    `(${stats.rendered} drawn, ${stats.cached} unchanged${failed ? `, ${failed} failed` : ''}).\n` +
    (unsure
      ? `Left out ${unsure} ${unsure === 1 ? 'quote' : 'quotes'} in ${unsureArticles} ${unsureArticles === 1 ? 'article' : 'articles'}: speaker not sure enough for a card (see --min-confidence).\n`
      : '') +
    noBodyLines(result) +
    noCardLine(result) +
    warningLine(result) +
    `Output: ${result.paths.out} (manifest.json${result.paths.gallery ? ', index.html' : ''})\n`
  );
}

/** How many articles that were read got no card (each with its reason in the manifest and the gallery). */
function noCardLine(result: BatchResult): string {
  const n = result.manifest.articles.filter((a) => a.noCards).length;
  if (!n) return '';
  return `No card for ${n} ${n === 1 ? 'article' : 'articles'} (why: index.html, or articles[].noCards in manifest.json).\n`;
}

/** How many warnings the articles and cards carry (they are in manifest.json), so none goes unseen. */
function warningLine(result: BatchResult): string {
  const n = result.manifest.articles.reduce((sum, a) => sum + a.warnings.length + a.cards.reduce((k, c) => k + c.warnings.length, 0), 0);
  return n ? `${n} ${n === 1 ? 'warning' : 'warnings'} in manifest.json (articles[].warnings, cards[].warnings).\n` : '';
}

/** The articles whose pages held no body, by id: they made no cards, and the summary says so instead of staying silent. */
function noBodyLines(result: BatchResult): string {
  const ids = result.manifest.articles.filter((a) => a.warnings.some((w) => w.startsWith(NO_BODY))).map((a) => a.id);
  if (ids.length === 0) return '';
  return `${NO_BODY} in ${ids.length} ${ids.length === 1 ? 'article' : 'articles'}:\n${ids.map((id) => `  ${id}\n`).join('')}`;
}

/** Run the command. Never throws: errors are printed and turned into exit codes. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = argv[0];
  if ((QUEUE_COMMANDS as readonly string[]).includes(command ?? '')) return runQueueCli(command as QueueCommand, argv.slice(1), io);
  let plan: ReturnType<typeof parseCliArgs>;
  try {
    plan = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`quotecard: ${(error as Error).message}\nRun "quotecard --help" for usage.\n`);
    return EXIT.usage;
  }
  if (plan.action === 'help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (plan.action === 'version') {
    io.stdout.write(`${libraryVersion()}\n`);
    return EXIT.ok;
  }
  try {
    const paths = await inputPaths(plan.inputs, io.cwd);
    const { articles, failures: readFailures } = await readArticles(paths, io.cwd, io.stdin);
    if (!articles.length && !readFailures.length) {
      throw invalid(new Place('argument', 'inputs'), 'article files (.html, .htm, .xhtml, .txt, .md)', plan.inputs.join(' '));
    }
    const mode = plan.quiet || plan.json ? 'none' : io.stderr.isTTY ? 'bar' : 'lines';
    const reporter = progressReporter(mode, io.stderr);
    const out = resolve(io.cwd, plan.options.out);
    const result = await runBatch(batchEntries(articles), { ...plan.options, out, onProgress: reporter.onProgress });
    reporter.finish();
    const failures = [...readFailures, ...result.failures];
    const code = failures.length ? EXIT.failed : EXIT.ok;
    if (plan.json) {
      const summary = { ok: code === EXIT.ok, exitCode: code, stats: result.stats, failures, paths: result.paths, warnings: result.manifest.warnings };
      io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } else if (!plan.quiet) {
      io.stdout.write(summaryText(result, readFailures.length));
      for (const warning of result.manifest.warnings) io.stderr.write(`quotecard: warning: ${warning}\n`);
    }
    if (failures.length && !plan.json) {
      io.stderr.write(`quotecard: ${failures.length} failed:\n${failures.map(failureLine).join('')}`);
    }
    return code;
  } catch (error) {
    // Errors of ours before any card is drawn are about the arguments (a size too large, a bad input path).
    const usage = error instanceof QuoteCardError;
    const message = usage ? error.message : String((error as Error)?.stack ?? error);
    io.stderr.write(`quotecard: ${message}\n${usage ? 'Run "quotecard --help" for usage.\n' : ''}`);
    return usage ? EXIT.usage : EXIT.failed;
  }
}
