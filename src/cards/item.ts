/**
 * The item handed to `renderCard()` / `quoteCard()` / `postCard()`: a Quote or a Post as `extract()`
 * makes them, or built by hand. Checked by rules (fields of the caller's own are kept), then every
 * text that will be drawn is cleaned and capped. Returns a copy (the input is never changed) and the
 * warnings for anything cut.
 */
import { array, boolean, invalid, isPlainObject, object, oneOf, optional, Place, rule, string } from '../shared/check.js';
import type { Item, Post, Quote } from '../types.js';
import { cleanText } from './text-hygiene.js';

/** Longest text drawn, in graphemes; longer text is cut at a word boundary with a warning. */
export const MAX_GRAPHEMES = 1000;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cut `text` to at most `max` graphemes, at the last word boundary, ending in "…". */
export function capGraphemes(text: string, max = MAX_GRAPHEMES): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 };
  let count = 0;
  let end = text.length;
  for (const { index } of segmenter.segment(text)) {
    if (count === max) {
      end = index;
      break;
    }
    count++;
  }
  if (end === text.length) return { text, cut: 0 };
  const head = text.slice(0, end);
  const space = head.search(/\s\S*$/u);
  const kept = (space > end * 0.6 ? head.slice(0, space) : head).trimEnd();
  let total = count;
  for (const _ of segmenter.segment(text.slice(end))) total++;
  return { text: `${kept}…`, cut: total - count };
}

/** Whether text has anything to see: not only spaces, marks, format characters or selectors. */
export function hasVisible(text: string | undefined): text is string {
  return text !== undefined && /[^\s\p{M}\p{Cf}\p{Variation_Selector}]/u.test(text);
}

const speakerRule = object(
  {
    name: optional(string()),
    role: optional(string()),
    mention: optional(string()),
    kind: optional(oneOf(['person', 'organization', 'description'])),
  },
  'an object { name?, role?, mention?, kind? }',
  'keep',
);

const quoteRule = object(
  {
    kind: oneOf(['quote']),
    text: string(),
    speaker: optional(speakerRule),
    partial: optional(boolean(), false),
  },
  'a Quote { kind: "quote", text, speaker?, … }',
  'keep',
);

const authorRule = object(
  {
    name: optional(string()),
    handle: optional(string()),
    avatar: optional(rule<Uint8Array>('a Uint8Array of image bytes', (v) => v instanceof Uint8Array)),
    verified: optional(boolean()),
    avatarUrl: optional(string()),
  },
  'an object { name?, handle?, avatar?, verified? }',
  'keep',
);

const postRule = object(
  {
    kind: oneOf(['post']),
    network: oneOf(['twitter', 'bluesky', 'mastodon', 'threads', 'instagram']),
    status: oneOf(['full', 'link-only', 'unavailable']),
    id: optional(string()),
    url: optional(string()),
    author: optional(authorRule),
    text: optional(string()),
    date: optional(string()),
    links: optional(array(string(), 'an array of URL strings'), () => []),
  },
  'a Post { kind: "post", network, status, … }',
  'keep',
);

/** Clean a drawn text field, collecting what was removed. */
function drawn(text: string | undefined, field: string, warnings: string[]): string | undefined {
  if (text === undefined) return undefined;
  const clean = cleanText(text, field);
  warnings.push(...clean.warnings);
  return clean.text;
}

function capped(text: string, what: string, warnings: string[]): string {
  const { text: kept, cut } = capGraphemes(text);
  if (cut) warnings.push(`${what} text cut: ${cut} characters past the ${MAX_GRAPHEMES}-character limit were dropped.`);
  return kept;
}

function cleanQuote(quote: Quote, warnings: string[]): Quote {
  const raw = drawn(quote.text, 'quote.text', warnings);
  if (!hasVisible(raw)) throw invalid(new Place('field', 'quote.text'), 'non-empty text', quote.text);
  const given = quote.speaker;
  let speaker: Quote['speaker'];
  const name = drawn(given?.name, 'quote.speaker.name', warnings);
  if (given && hasVisible(name)) {
    speaker = { name: name.trim() };
    const role = drawn(given.role, 'quote.speaker.role', warnings)?.trim();
    if (role) speaker.role = role;
    if (given.mention) speaker.mention = given.mention;
    if (given.kind) speaker.kind = given.kind;
  } else if (given?.mention) {
    // an unresolved "he": the mention is kept, and the card names no one
    speaker = { mention: given.mention, ...(given.kind ? { kind: given.kind } : {}) };
  }
  return { ...quote, text: capped(raw.trim(), 'Quote', warnings), speaker };
}

function cleanPost(post: Post, warnings: string[]): Post {
  let status = post.status;
  const author = post.author && {
    name: drawn(post.author.name, 'post.author.name', warnings),
    handle: drawn(post.author.handle, 'post.author.handle', warnings)?.replace(/^@/, ''),
    avatar: post.author.avatar,
    verified: post.author.verified === true,
  };
  const raw = drawn(post.text, 'post.text', warnings);
  const text = raw === undefined ? undefined : capped(raw, 'Post', warnings);
  if (status === 'full' && !text?.trim()) {
    warnings.push('Post has status "full" but no text: drawn as a link-only card.');
    status = 'link-only';
  }
  return { ...post, status, author, text };
}

/** Check an item (optionally of one kind) and return a safe copy plus warnings. */
export function checkItem(item: unknown, expected?: Item['kind']): { item: Item; warnings: string[] } {
  if (!isPlainObject(item)) throw invalid(new Place('argument', 'item'), 'a Quote or a Post object', item);
  const kinds = expected ? [expected] : ['quote', 'post'];
  if (typeof item.kind !== 'string' || !kinds.includes(item.kind)) {
    throw invalid(new Place('field', 'item.kind'), kinds.map((k) => `"${k}"`).join(' | '), item.kind);
  }
  const warnings: string[] = [];
  if (item.kind === 'quote') return { item: cleanQuote(quoteRule.check(item, new Place('field', 'quote')) as Quote, warnings), warnings };
  return { item: cleanPost(postRule.check(item, new Place('field', 'post')) as Post, warnings), warnings };
}
