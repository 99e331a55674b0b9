/**
 * The command's inputs → articles: files are read, folders walked (article extensions only), globs
 * expanded (tinyglobby, loaded only when a glob is given) and "-" read from standard input. A path
 * that does not exist or a glob that matches nothing is bad usage; a file that cannot be read is a
 * failure the summary lists. Ids are paths relative to the working folder, with "/" separators.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { InputError, LimitError } from '../errors.js';
import { invalid, Place } from '../shared/check.js';
import { isHtml } from '../ingest/is-html.js';
import { MAX_ARTICLE_LENGTH } from '../ingest/article-input.js';
import type { BatchArticle, BatchFailure } from '../types.js';

/** Extensions read from folders and globs' matches alike. */
export const ARTICLE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.txt', '.md'];
const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];

/** Largest article file read: an article's 20,000,000 characters as UTF-8 at worst three bytes each. */
const MAX_FILE_BYTES = MAX_ARTICLE_LENGTH * 3;

/** Whether an argument is a glob pattern rather than a path. */
export const isGlob = (arg: string) => /[*?[\]{}]/.test(arg);

/** What a path is when it is neither a regular file nor a folder, for the message. */
function oddKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Article files in a folder, recursively: links followed (to files, and to folders not walked already), FIFOs and devices skipped. */
async function walk(folder: string, seen: Set<string> = new Set()): Promise<string[]> {
  const real = await realpath(folder);
  if (seen.has(real)) return [];
  seen.add(real);
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(folder, entry.name);
    const info = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry;
    if (info?.isDirectory()) found.push(...(await walk(full, seen)));
    else if (info?.isFile() && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(full);
  }
  return found.sort();
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern.split(sep).join('/'), { cwd, absolute: true, onlyFiles: true, dot: false });
  return matches.sort();
}

/**
 * Paths of every article the arguments name, in order, each file once however many paths (links, a
 * folder and a file inside it) reach it. A FIFO, device or socket named as an input is bad usage: it
 * could block forever or never end.
 */
export async function inputPaths(args: readonly string[], cwd: string): Promise<string[]> {
  const paths: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      paths.push('-');
      continue;
    }
    const full = resolve(cwd, arg);
    const info = await stat(full).catch(() => undefined);
    if (info?.isDirectory()) {
      paths.push(...(await walk(full)));
    } else if (info?.isFile()) {
      paths.push(full);
    } else if (info) {
      throw invalid(new Place('argument', 'inputs'), 'regular files, folders, globs or -', `${arg} (${oddKind(info)})`);
    } else if (isGlob(arg)) {
      const matches = await expandGlob(arg, cwd);
      if (!matches.length) throw invalid(new Place('argument', 'inputs'), 'files, folders or globs that match at least one file', arg);
      for (const match of matches) if ((await stat(match).catch(() => undefined))?.isFile()) paths.push(match);
    } else {
      throw invalid(new Place('argument', 'inputs'), 'existing files, folders, globs or -', arg);
    }
  }
  return onePerFile(paths);
}

/** The paths without a second path to a file already listed (by its real path); the first path to each is kept. */
async function onePerFile(paths: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const path of paths) {
    const key = path === '-' ? '-' : await realpath(path).catch(() => path);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(path);
  }
  return kept;
}

/** Read standard input to the end as UTF-8, up to the size of an article file. */
export async function readStream(stream: AsyncIterable<Buffer | string>, max = MAX_FILE_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > max) throw new LimitError('too-large', 'standard input is over the limit of an article', { field: 'stdin', allowed: `at most ${max} bytes`, received: `more than ${max} bytes` });
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Read every path into an article; unreadable files become failures. */
export async function readArticles(
  paths: readonly string[],
  cwd: string,
  stdin: AsyncIterable<Buffer | string>,
): Promise<{ articles: BatchArticle[]; failures: BatchFailure[] }> {
  const articles: BatchArticle[] = [];
  const failures: BatchFailure[] = [];
  for (const path of paths) {
    if (path === '-') {
      try {
        const body = await readStream(stdin);
        articles.push(isHtml(body) ? { id: 'stdin', html: body } : { id: 'stdin', text: body });
      } catch (error) {
        failures.push({ article: 'stdin', stage: 'extract', reason: 'error', message: `Could not read standard input: ${(error as Error).message}` });
      }
      continue;
    }
    const id = relative(cwd, path).split(sep).join('/') || path;
    try {
      // checked again at reading: a path may have been replaced by a FIFO, or grown, since it was listed
      const info = await stat(path);
      if (!info.isFile()) throw new InputError('invalid-input', 'not a regular file', { field: path, allowed: 'a regular file', received: oddKind(info) });
      if (info.size > MAX_FILE_BYTES) throw new LimitError('too-large', 'the file is over the limit of an article file', { field: path, allowed: `at most ${MAX_FILE_BYTES} bytes`, received: `${info.size} bytes` });
      const body = await readFile(path, 'utf8');
      articles.push(HTML_EXTENSIONS.includes(extname(path).toLowerCase()) ? { id, html: body } : { id, text: body });
    } catch (error) {
      failures.push({ article: id, stage: 'extract', reason: 'error', message: `Could not read the file: ${(error as Error).message}` });
    }
  }
  return { articles, failures };
}
