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

/** Largest article accepted, in UTF-16 code units (~20 MB of text; real pages are well under 5 MB). */
export const MAX_ARTICLE_LENGTH = 20_000_000;

/** Refuse an article past the size limit before any parsing starts. */
function checkLength(source: string, field: string): string {
  if (source.length <= MAX_ARTICLE_LENGTH) return source;
  throw new LimitError('too-large', `Article too large in "${field}"`, {
    field,
    allowed: `at most ${MAX_ARTICLE_LENGTH} characters`,
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
    return { format: isHtml(checkLength(input, 'input')) ? 'html' : 'text', source: input, overrides: {} };
  }
  if (!isPlainObject(input)) throw invalid(new Place('argument', 'input'), SHAPE, input);
  const { html, text, ...overrides } = articleRule.check(input, new Place('article field', ''));
  if (html !== undefined && text !== undefined) {
    throw invalid(new Place('article field', 'text'), 'either html or text, not both (html was given too)', text);
  }
  if (html !== undefined) return { format: 'html', source: checkLength(html, 'html'), overrides };
  if (text !== undefined) return { format: 'text', source: checkLength(text, 'text'), overrides };
  throw invalid(new Place('article field', 'html'), 'a string in html (or text)', undefined);
}
