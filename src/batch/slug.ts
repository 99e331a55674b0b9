/**
 * Safe, stable file-name parts. A slug keeps only ASCII letters, digits and single hyphens, so no
 * title (`../../etc/passwd`, NUL bytes, a Windows drive, 5,000 characters) can name a path outside
 * the output folder; `outPath()` checks the final path again before anything is written.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { OutputError } from '../errors.js';

/** Longest slug kept, in characters. */
export const SLUG_MAX = 60;

/**
 * `"Mayor: ‘We’ll rebuild’ — Café Süd"` → `"mayor-we-ll-rebuild-cafe-sud"`. Accents are folded,
 * everything else outside [a-z0-9] becomes one hyphen; an empty result becomes `fallback`.
 */
export function slugify(text: string, fallback = 'article'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** A file name is safe when it is one plain path segment of slug characters, dots and hyphens. */
export function isSafeFileName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]*$/.test(name) && !name.includes('..') && name.length <= 200;
}

/**
 * The absolute path of `name` inside `outDir`. Throws when the name is not a safe file name or the
 * resolved path would not sit directly inside the folder.
 */
export function outPath(outDir: string, name: string): string {
  const root = resolve(outDir);
  const refuse = (problem: string) =>
    new OutputError('unsafe-path', `Refusing to write ${JSON.stringify(name)}: ${problem}`, {
      field: 'path',
      allowed: `a plain file name directly inside ${root}`,
      received: JSON.stringify(name),
    });
  if (!isSafeFileName(name)) throw refuse('not a safe file name');
  const full = resolve(root, name);
  const rel = relative(root, full);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) {
    throw refuse(`it resolves outside ${root}`);
  }
  return full;
}
