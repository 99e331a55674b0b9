/**
 * The command's inputs → articles: files are read, folders walked (article extensions only), globs
 * expanded (tinyglobby, loaded only when a glob is given) and "-" read from standard input. A path
 * that does not exist or a glob that matches nothing is bad usage; a file that cannot be read is a
 * failure the summary lists. Ids are paths relative to the working folder, with "/" separators.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { invalid, Place } from '../shared/check.js';
import { isHtml } from '../ingest/is-html.js';
import type { BatchArticle, BatchFailure } from '../types.js';

/** Extensions read from folders and globs' matches alike. */
export const ARTICLE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.txt', '.md'];
const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml'];

/** Whether an argument is a glob pattern rather than a path. */
export const isGlob = (arg: string) => /[*?[\]{}]/.test(arg);

async function walk(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full)));
    else if (entry.isFile() && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(full);
  }
  return found.sort();
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern.split(sep).join('/'), { cwd, absolute: true, onlyFiles: true, dot: false });
  return matches.sort();
}

/** Paths of every article the arguments name, in order, without repeats. */
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
    } else if (info) {
      paths.push(full);
    } else if (isGlob(arg)) {
      const matches = await expandGlob(arg, cwd);
      if (!matches.length) throw invalid(new Place('argument', 'inputs'), 'files, folders or globs that match at least one file', arg);
      paths.push(...matches);
    } else {
      throw invalid(new Place('argument', 'inputs'), 'existing files, folders, globs or -', arg);
    }
  }
  return [...new Set(paths)];
}

/** Read standard input to the end as UTF-8. */
export async function readStream(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
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
      const body = await readStream(stdin);
      articles.push(isHtml(body) ? { id: 'stdin', html: body } : { id: 'stdin', text: body });
      continue;
    }
    const id = relative(cwd, path).split(sep).join('/') || path;
    try {
      const body = await readFile(path, 'utf8');
      articles.push(HTML_EXTENSIONS.includes(extname(path).toLowerCase()) ? { id, html: body } : { id, text: body });
    } catch (error) {
      failures.push({ article: id, stage: 'extract', reason: 'error', message: `Could not read the file: ${(error as Error).message}` });
    }
  }
  return { articles, failures };
}
