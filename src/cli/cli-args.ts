/**
 * `quotecard` arguments → a plan: show help, show the version, or run a batch. Parsing is Node's
 * `util.parseArgs`; the values are then checked by the batch's own option rules (`checkBatchOptions`,
 * with `flagName` naming them as flags), so every mistake is an `InputError` naming the flag, what is
 * allowed and what was received (the CLI prints it and exits 2).
 */
import { parseArgs } from 'node:util';
import { describe, InputError } from '../errors.js';
import { invalid, Place } from '../shared/check.js';
import { type CheckedBatchOptions, checkBatchOptions } from '../batch/batch-options.js';
import { QUOTE_MARKS } from '../cards/quote-marks.js';
import type { Size } from '../types.js';

/** What the command line asks for. */
export type CliPlan =
  | { action: 'help' }
  | { action: 'version' }
  | {
      action: 'run';
      /** Files, folders, globs and "-" as given. */
      inputs: string[];
      /** The batch options the flags ask for, checked (without onProgress; `out` as given). */
      options: CheckedBatchOptions;
      /** Print a JSON summary instead of text. */
      json: boolean;
      /** Print only errors. */
      quiet: boolean;
    };

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  size: { type: 'string', short: 's' },
  theme: { type: 'string', short: 't' },
  format: { type: 'string', short: 'f' },
  max: { type: 'string', short: 'm' },
  'min-confidence': { type: 'string' },
  concurrency: { type: 'string', short: 'c' },
  timeout: { type: 'string' },
  site: { type: 'string' },
  locale: { type: 'string' },
  'quote-marks': { type: 'string' },
  compression: { type: 'string' },
  'base-url': { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** How a batch option is named on the command line, for messages: `size[1]` → `--size`. */
export function flagName(path: string): string {
  const key = path.replace(/[.[].*$/, '');
  if (key === 'baseUrl') return '--base-url';
  if (key === 'minConfidence') return '--min-confidence';
  if (key === 'theme' && /\.quoteMarks$/.test(path)) return '--quote-marks';
  if (key === 'incremental') return '--force';
  return `--${key}`;
}

function problem(flag: string, allowed: string, received: unknown) {
  return invalid(new Place('option', flag), allowed, received);
}

/** A comma-separated list, or undefined when the flag is absent. */
export function list(flag: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!parts.length) throw problem(`--${flag}`, 'a comma-separated list', value);
  return parts;
}

/** Each theme named on the command line with `--quote-marks` laid over it (light when none is named). */
export function withQuoteMarks(themes: string[] | undefined, quoteMarks: string | undefined): unknown[] | undefined {
  if (quoteMarks === undefined) return themes;
  if (!(QUOTE_MARKS as readonly string[]).includes(quoteMarks)) throw problem('--quote-marks', QUOTE_MARKS.join(' | '), quoteMarks);
  return (themes ?? ['light']).map((name) => ({ name, quoteMarks }));
}

/** `1000x500` as pixels; anything else is left for the batch's own check to name. */
export function size(value: string): Size {
  const match = /^(\d{1,5})x(\d{1,5})$/i.exec(value);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : (value as Size);
}

/** A whole number as a number; anything else is left as written for the batch's check to name. */
export function count(value: string | undefined): number | string | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : value;
}

/** A decimal number as a number; anything else is left as written for the batch's check to name. */
export function decimal(value: string | undefined): number | string | undefined {
  return value !== undefined && /^\s*\d*\.?\d+\s*$/.test(value) ? Number(value) : value;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as milliseconds: `500`, `500ms`, `90s`, `15m`, `2h`, `7d`; undefined when it is none of these. */
export function duration(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(value);
  return match ? Math.round(Number(match[1]) * (UNIT_MS[(match[2] ?? 'ms').toLowerCase()] as number)) : undefined;
}

/** Parse `argv` (without node and the script) and check the values with the batch's own rules. */
export function parseCliArgs(argv: readonly string[]): CliPlan {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) {
      throw new InputError('unknown-option', `Unknown option "${unknown[1]}"`, { field: unknown[1], allowed: 'the options listed by --help', received: describe(unknown[1]) });
    }
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing) throw problem(missing[1] as string, 'a value after the option', 'nothing');
    throw new InputError('invalid-input', 'Invalid command line', { field: 'argv', allowed: 'see quotecard --help', received: message });
  }
  const { values, positionals } = parsed;
  if (values.help) return { action: 'help' };
  if (values.version) return { action: 'version' };
  if (!positionals.length) throw invalid(new Place('argument', 'inputs'), 'one or more files, folders, globs, or - for standard input', 'none');
  if (values.out === undefined) throw problem('--out', 'an output folder', 'nothing');
  if (values.json && values.quiet) throw problem('--json', 'either --json or --quiet, not both', '--json --quiet');
  const options: Record<string, unknown> = { out: values.out };
  const given: Record<string, unknown> = {
    size: list('size', values.size)?.map(size),
    theme: withQuoteMarks(list('theme', values.theme), values['quote-marks']),
    format: list('format', values.format),
    max: count(values.max),
    minConfidence: decimal(values['min-confidence']),
    concurrency: count(values.concurrency),
    timeout: count(values.timeout),
    site: values.site,
    locale: values.locale,
    compression: values.compression,
    baseUrl: values['base-url'],
    incremental: values.force ? false : undefined,
  };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) options[key] = value;
  return { action: 'run', inputs: positionals, options: checkBatchOptions(options, flagName), json: values.json ?? false, quiet: values.quiet ?? false };
}
