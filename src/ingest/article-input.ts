/**
 * Checking what `ingest()` receives: a string, or an `ArticleInput` object with either `html` or `text`
 * and optional string overrides. Anything else is an `InputError` naming the field.
 */
import { LimitError } from '../errors.js';
import { convert, invalid, isPlainObject, object, optional, Place, string } from '../shared/check.js';
import { languageTag } from './language-tag.js';
import { isHtml } from './is-html.js';

/** The input sorted out: what to read, how, and the values that override the page's own. */
export interface CheckedInput {
  /** How the source is read. */
  format: 'html' | 'text';
  /** The HTML or text. */
  source: string;
  /** Caller-given values that win over the page's meta tags. */
  overrides: { url?: string; site?: string; title?: string; publishedAt?: string; lang?: string };
}

const SHAPE = 'a string, or an object { html?, text?, url?, site?, title?, publishedAt?, lang? } with html or text';

/** Largest plain-text article accepted, in UTF-16 code units (~20 MB). */
export const MAX_ARTICLE_LENGTH = 20_000_000;
/**
 * Largest HTML page accepted: parsing costs about a second per 10 MB, and real article pages, scripts
 * and all, are under 2 MB (the largest of the shared real pages is 1.7 MB).
 */
export const MAX_HTML_LENGTH = 10_000_000;

/** Refuse an article past the size limit before any parsing starts. */
function checkLength(source: string, field: string, max = MAX_ARTICLE_LENGTH): string {
  if (source.length <= max) return source;
  throw new LimitError('too-large', `Article too large in "${field}"`, {
    field,
    allowed: `at most ${max} characters${max === MAX_HTML_LENGTH ? ' of HTML' : ''}`,
    received: `${source.length} characters`,
  });
}

const articleRule = object(
  {
    html: optional(string()),
    text: optional(string()),
    url: optional(string()),
    site: optional(string()),
    title: optional(string()),
    publishedAt: optional(string()),
    lang: optional(convert('a BCP-47 language tag such as "fr" or "de-CH"', (v, _at, fail) => {
      const tag = typeof v === 'string' ? languageTag(v) : undefined;
      if (!tag) throw fail();
      return tag;
    })),
  },
  SHAPE,
);

/** Check and sort out the input; throws `InputError` for anything that is not an article, `LimitError` past the size limit. */
export function checkInput(input: unknown): CheckedInput {
  if (typeof input === 'string') {
    const html = isHtml(checkLength(input, 'input'));
    if (html) checkLength(input, 'input', MAX_HTML_LENGTH);
    return { format: html ? 'html' : 'text', source: input, overrides: {} };
  }
  if (!isPlainObject(input)) throw invalid(new Place('argument', 'input'), SHAPE, input);
  const { html, text, ...overrides } = articleRule.check(input, new Place('article field', ''));
  if (html !== undefined && text !== undefined) {
    throw invalid(new Place('article field', 'text'), 'either html or text, not both (html was given too)', text);
  }
  if (html !== undefined) return { format: 'html', source: checkLength(html, 'html', MAX_HTML_LENGTH), overrides };
  if (text !== undefined) return { format: 'text', source: checkLength(text, 'text'), overrides };
  throw invalid(new Place('article field', 'html'), 'a string in html (or text)', undefined);
}
