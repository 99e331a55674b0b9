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
  const full = text
    .slice(0, SLUG_MAX * 8)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= SLUG_MAX) return full || fallback;
  // cut at the last word boundary that keeps most of the room, never mid-word when one is near
  const cut = full.lastIndexOf('-', SLUG_MAX);
  return (cut >= SLUG_MAX / 2 ? full.slice(0, cut) : full.slice(0, SLUG_MAX)).replace(/-+$/g, '') || fallback;
}

/**
 * An article's slug: from its title; for a title with no Latin letters (Chinese, Arabic…), from the last
 * words of its URL's path, then from its file name, then "article-" and a short hash of its id — never
 * a bare "article" that every such article would share.
 */
export function articleSlug(title: string | undefined, url: string | undefined, name: string, hashOfId: string): string {
  const fromTitle = title ? slugify(title, '') : '';
  if (fromTitle) return fromTitle;
  const path = url ? urlPath(url) : '';
  const fromUrl = path ? slugify(path.replace(/\.(?:s?html?|php|aspx?)$/i, ''), '') : '';
  if (fromUrl && /[a-z]{2}/.test(fromUrl)) return fromUrl;
  const fromName = slugify(name.replace(/\.[a-z0-9]{1,5}$/i, ''), '');
  if (fromName && fromName !== 'stdin' && fromName !== 'index') return fromName;
  return `article-${hashOfId.slice(0, 8)}`;
}

/** The last segment of a URL's path that holds letters (`/2024/11/12/bridge-opens.html` → "bridge-opens.html"). */
function urlPath(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segments = path.split('/').filter((seg) => /[A-Za-z]/.test(seg));
  const last = (segments[segments.length - 1] ?? '').slice(0, 500);
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray "%" is no reason to lose the slug
  }
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
