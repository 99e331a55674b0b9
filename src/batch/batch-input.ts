/**
 * The articles of a batch, checked: strings or `BatchArticle` objects, each with a unique id (given,
 * or "article-<n>" by position). What is not an article is an `InputError` naming its position.
 */
import { invalid, isPlainObject, Place } from '../shared/check.js';
import type { ArticleInput, BatchArticle } from '../types.js';

/** One article ready for `extract()`. */
export interface BatchEntry {
  id: string;
  /** What `extract()` gets: the string, or the article without its id. */
  input: string | ArticleInput;
  /** The last path segment of the id without its extension, for the slug when there is no title. */
  name: string;
}

const ALLOWED = 'a string (HTML or plain text) or { id?, html?, text?, url?, site?, title?, publishedAt?, lang? }';

/** Check the inputs of a batch and give each its id. */
export function batchEntries(inputs: Iterable<string | BatchArticle>): BatchEntry[] {
  if (inputs === null || typeof inputs !== 'object' || typeof (inputs as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw invalid(new Place('argument', 'inputs'), 'an array (or other iterable) of articles', inputs);
  }
  const seen = new Set<string>();
  const entries: BatchEntry[] = [];
  let position = 0;
  for (const raw of inputs) {
    position++;
    let id: string;
    let input: string | ArticleInput;
    if (typeof raw === 'string') {
      id = `article-${position}`;
      input = raw;
    } else if (isPlainObject(raw)) {
      const { id: given, ...rest } = raw as BatchArticle;
      if (given !== undefined && (typeof given !== 'string' || !given)) {
        throw invalid(new Place('field', `inputs[${position - 1}].id`), 'a non-empty string', given);
      }
      id = given ?? `article-${position}`;
      input = rest;
    } else {
      throw invalid(new Place('argument', `inputs[${position - 1}]`), ALLOWED, raw);
    }
    if (seen.has(id)) throw invalid(new Place('field', `inputs[${position - 1}].id`), 'an id no other article in the batch has', id);
    seen.add(id);
    const base = id.split(/[\\/]/).pop() ?? id;
    entries.push({ id, input, name: base.replace(/\.[a-z0-9]{1,5}$/i, '') });
  }
  return entries;
}
