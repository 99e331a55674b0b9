/**
 * Checking what `ingest()` receives: a string, or an `ArticleInput` object with either `html` or `text`
 * and optional string overrides. Anything else is an `InputError` naming the field.
 */
import { InputError, LimitError } from '../errors.js';
import type { ArticleInput } from '../types.js';
import { isHtml } from './is-html.js';

/** The input sorted out: what to read, how, and the values that override the page's own. */
export interface CheckedInput {
  /** How the source is read. */
  format: 'html' | 'text';
  /** The HTML or text. */
  source: string;
  /** Caller-given values that win over the page's meta tags. */
  overrides: { url?: string; site?: string; title?: string; publishedAt?: string };
}

const KEYS = ['html', 'text', 'url', 'site', 'title', 'publishedAt'] as const;
const SHAPE = 'a string, or an object { html?, text?, url?, site?, title?, publishedAt? } with html or text';

/** Largest article accepted, in UTF-16 code units (~20 MB of text; real pages are well under 5 MB). */
export const MAX_ARTICLE_LENGTH = 20_000_000;

/** Refuse an article past the size limit before any parsing starts. */
function checkLength(source: string, field: string): string {
  if (source.length <= MAX_ARTICLE_LENGTH) return source;
  const received = `${source.length} characters`;
  throw new LimitError(`Article too large in "${field}". Allowed: at most ${MAX_ARTICLE_LENGTH} characters. Received: ${received}.`, {
    field,
    allowed: `at most ${MAX_ARTICLE_LENGTH} characters`,
    received,
  });
}

/** Check and sort out the input; throws `InputError` for anything that is not an article, `LimitError` past the size limit. */
export function checkInput(input: unknown): CheckedInput {
  if (typeof input === 'string') {
    return { format: isHtml(checkLength(input, 'input')) ? 'html' : 'text', source: input, overrides: {} };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw InputError.invalid('input', SHAPE, input, 'argument');
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw InputError.invalid(key, `one of the fields ${KEYS.join(', ')}`, record[key], 'article field');
    }
  }
  for (const key of KEYS) {
    const value = record[key];
    if (value !== undefined && typeof value !== 'string') throw InputError.invalid(key, 'a string', value, 'article field');
  }
  const article = record as ArticleInput;
  if (article.html !== undefined && article.text !== undefined) {
    throw InputError.invalid('text', 'either html or text, not both (html was given too)', article.text, 'article field');
  }
  if (article.html === undefined && article.text === undefined) {
    throw InputError.invalid('html', 'a string in html (or text)', undefined, 'article field');
  }
  const overrides: CheckedInput['overrides'] = {};
  if (article.url !== undefined) overrides.url = article.url;
  if (article.site !== undefined) overrides.site = article.site;
  if (article.title !== undefined) overrides.title = article.title;
  if (article.publishedAt !== undefined) overrides.publishedAt = article.publishedAt;
  return article.html !== undefined
    ? { format: 'html', source: checkLength(article.html, 'html'), overrides }
    : { format: 'text', source: checkLength(article.text ?? '', 'text'), overrides };
}
