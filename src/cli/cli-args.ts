/**
 * `quotecard` arguments → a plan: show help, show the version, or run a batch. Parsing is Node's
 * `util.parseArgs`; every mistake is an `InputError` naming the option, what is allowed and what was
 * received (the CLI prints it and exits 2).
 */
import { parseArgs } from 'node:util';
import { InputError } from '../errors.js';
import type { BatchOptions, Size } from '../types.js';

/** What the command line asks for. */
export type CliPlan =
  | { action: 'help' }
  | { action: 'version' }
  | {
      action: 'run';
      /** Files, folders, globs and "-" as given. */
      inputs: string[];
      /** Batch options (without onProgress). */
      options: Omit<BatchOptions, 'onProgress'>;
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
  concurrency: { type: 'string', short: 'c' },
  timeout: { type: 'string' },
  site: { type: 'string' },
  compression: { type: 'string' },
  'base-url': { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const PRESETS = ['og', 'square', 'portrait', 'story'];

function items(flag: string, value: string | undefined, allowed: string): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!parts.length) throw InputError.invalid(`--${flag}`, allowed, value);
  return parts;
}

function parseSize(value: string): Size {
  if (PRESETS.includes(value)) return value as Size;
  const match = /^(\d{1,5})x(\d{1,5})$/i.exec(value);
  if (match) return { width: Number(match[1]), height: Number(match[2]) };
  throw InputError.invalid('--size', `${PRESETS.join(', ')} or WIDTHxHEIGHT, comma-separated`, value);
}

function count(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw InputError.invalid(`--${flag}`, `a whole number ≥ ${min}`, value);
  }
  return n;
}

function oneOf<T extends string>(flag: string, list: string[] | undefined, allowed: readonly T[]): T[] | undefined {
  for (const v of list ?? []) if (!allowed.includes(v as T)) throw InputError.invalid(`--${flag}`, `${allowed.join(', ')}, comma-separated`, v);
  return list as T[] | undefined;
}

/** Parse `argv` (without node and the script). */
export function parseCliArgs(argv: readonly string[]): CliPlan {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw InputError.invalid('option', 'the options listed by --help', unknown[1], 'command-line');
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing) throw InputError.invalid(missing[1] as string, 'a value after the option', 'nothing');
    throw new InputError(`Invalid command line. Allowed: see quotecard --help. Received: ${message}`, { field: 'argv' });
  }
  const { values, positionals } = parsed;
  if (values.help) return { action: 'help' };
  if (values.version) return { action: 'version' };
  if (!positionals.length) throw InputError.invalid('inputs', 'one or more files, folders, globs, or - for standard input', 'none', 'argument');
  if (values.out === undefined || !values.out.trim()) throw InputError.invalid('--out', 'an output folder', values.out ?? 'nothing');
  if (values.json && values.quiet) throw InputError.invalid('--json', 'either --json or --quiet, not both', '--json --quiet');
  const sizes = items('size', values.size, 'a comma-separated list of sizes')?.map(parseSize);
  const themes = oneOf('theme', items('theme', values.theme, 'light, dark'), ['light', 'dark'] as const);
  const formats = oneOf('format', items('format', values.format, 'png, svg'), ['png', 'svg'] as const);
  const options: Omit<BatchOptions, 'onProgress'> = { out: values.out };
  if (sizes) options.size = sizes;
  if (themes) options.theme = themes;
  if (formats) options.format = formats;
  const max = count('max', values.max, 0);
  if (max !== undefined) options.max = max;
  const concurrency = count('concurrency', values.concurrency, 1);
  if (concurrency !== undefined) options.concurrency = concurrency;
  const timeout = count('timeout', values.timeout, 1);
  if (timeout !== undefined) options.timeout = timeout;
  if (values.site !== undefined) options.site = values.site;
  if (values.compression !== undefined) {
    if (values.compression !== 'fast' && values.compression !== 'small') throw InputError.invalid('--compression', 'fast or small', values.compression);
    options.compression = values.compression;
  }
  if (values['base-url'] !== undefined) options.baseUrl = values['base-url'];
  if (values.force) options.incremental = false;
  return { action: 'run', inputs: positionals, options, json: values.json ?? false, quiet: values.quiet ?? false };
}
