/**
 * Body finding and page metadata scored on real pages (../shared/data/pages/readability, see its README):
 * each page comes with the body Mozilla's Readability extracts from it and that body's metadata. Per page,
 * the words of `extract()`'s text are compared with the words of Readability's body as multisets:
 * recall (how much of Readability's body is kept) and precision (how much of what is kept is in it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { splitSiteSuffix } from '../../src/ingest/page-meta.js';

/** One readability page. */
export interface ReadabilityPage {
  name: string;
  html: string;
  /** Readability's body as plain text. */
  body: string;
  /** Paragraphs (<p>) in Readability's body. */
  paragraphs: number;
  meta: { title?: string | null; siteName?: string | null; lang?: string | null; publishedTime?: string | null };
}

/** The shared pages folder, or `given` (undefined when absent). */
export function pagesFolder(given?: string): string {
  return given ?? join(process.cwd(), '../shared/data/pages');
}

/** Every page under `folder`/readability, or undefined when the folder is absent. */
export function readReadabilityPages(folder: string): ReadabilityPage[] | undefined {
  const root = join(folder, 'readability');
  if (!existsSync(root)) return undefined;
  const pages: ReadabilityPage[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'source.html')) || !existsSync(join(dir, 'expected.html'))) continue;
    const expected = parseDocument(readFileSync(join(dir, 'expected.html'), 'utf8'));
    const metaFile = join(dir, 'expected-metadata.json');
    pages.push({
      name,
      html: readFileSync(join(dir, 'source.html'), 'utf8'),
      body: DomUtils.textContent(expected),
      paragraphs: DomUtils.getElementsByTagName('p', expected).filter((p) => DomUtils.textContent(p).trim().length > 0).length,
      meta: existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : {},
    });
  }
  return pages;
}

/** Words (letters and digits, lower case), split by Intl.Segmenter so that Japanese and Chinese count too. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of new Intl.Segmenter('und', { granularity: 'word' }).segment(text.normalize('NFKC').toLowerCase())) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Recall and precision of `found`'s words against `expected`'s, as multisets. */
export function overlap(expected: string, found: string): { recall: number; precision: number } {
  const want = new Map<string, number>();
  const e = wordsOf(expected);
  for (const w of e) want.set(w, (want.get(w) ?? 0) + 1);
  const f = wordsOf(found);
  let common = 0;
  for (const w of f) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      common++;
      want.set(w, n - 1);
    }
  }
  return { recall: e.length ? common / e.length : 1, precision: f.length ? common / f.length : e.length ? 0 : 1 };
}

/** Two titles or site names are the same when they read alike (case, white space, quotation marks and dashes aside). */
export function sameLabel(a: string | undefined | null, b: string | undefined | null): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[“”„«»"]/gu, '"')
      .replace(/[‘’']/gu, "'")
      .replace(/[‐‑‒–—―]/gu, '-')
      .replace(/\s+/gu, ' ')
      .trim();
  return !!a && !!b && norm(a) === norm(b);
}

/**
 * Whether a found title is Readability's, or Readability's without the site's name after it (quotecard
 * leaves the suffix out on purpose: "How to Build a Terrarium | eHow" → "How to Build a Terrarium").
 */
export function sameTitle(expected: string, site: string | undefined | null, found: string | undefined): boolean {
  return sameLabel(expected, found) || sameLabel(splitSiteSuffix(expected, site ?? undefined).title, found);
}
