/**
 * The item handed to `renderCard()` / `quoteCard()` / `postCard()`: a Quote or a Post as `extract()`
 * makes them, or built by hand. Checked by rules (fields of the caller's own are kept), then every
 * text that will be drawn is cleaned and capped. Returns a copy (the input is never changed) and the
 * warnings for anything cut.
 */
import { array, boolean, invalid, isPlainObject, object, oneOf, optional, Place, rule, string } from '../shared/check.js';
import { defaultStatus } from '../shared/post-defaults.js';
import type { Item, Post, Quote } from '../types.js';
import { cleanText } from './text-hygiene.js';
import { boundText, LABEL_UNITS, TEXT_UNITS } from './text-bound.js';

/** Links of a post kept (they mark which words of its text are links; a post has a handful). */
const MAX_LINKS = 100;
/** Longest post date kept, in UTF-16 units. */
const MAX_DATE = 100;

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
    status: optional(oneOf(['full', 'link-only', 'unavailable'])),
    id: optional(string()),
    url: optional(string()),
    author: optional(authorRule),
    text: optional(string()),
    date: optional(string()),
    links: optional(array(string(), 'an array of URL strings'), () => []),
  },
  'a Post { kind: "post", network, status?, text?, … }',
  'keep',
);

/**
 * Clean a drawn label (a name, role, handle), collecting what was removed: first cut by length to
 * LABEL_UNITS (with a warning), so cleaning and fitting never walk more than a card can show.
 */
function drawn(text: string | undefined, field: string, warnings: string[], limit = LABEL_UNITS): string | undefined {
  if (text === undefined) return undefined;
  const bounded = boundText(text, limit);
  if (bounded.dropped) warnings.push(`${field} cut: ${bounded.dropped} characters past the ${limit}-character limit were dropped.`);
  const clean = cleanText(bounded.text, field);
  warnings.push(...clean.warnings);
  return clean.text;
}

/** A quote's or post's text, cut by length to TEXT_UNITS, cleaned, then cut to MAX_GRAPHEMES at a word; one warning for both cuts. */
function body(text: string, field: string, what: string, warnings: string[]): { raw: string; cut: (s: string) => string } {
  const bounded = boundText(text, TEXT_UNITS);
  const clean = cleanText(bounded.text, field);
  warnings.push(...clean.warnings);
  return {
    raw: clean.text,
    cut(s) {
      const { text: kept, cut } = capGraphemes(s);
      // white space the length cut left at the end, trimmed away, was dropped with the rest
      const atCut = bounded.dropped && s !== clean.text ? clean.text.length - clean.text.trimEnd().length : 0;
      const dropped = cut + bounded.dropped + atCut;
      if (dropped) warnings.push(`${what} text cut: ${dropped} characters past the ${MAX_GRAPHEMES}-character limit were dropped.`);
      return dropped && !cut ? `${kept.trimEnd()}…` : kept;
    },
  };
}

function cleanQuote(quote: Quote, warnings: string[]): Quote {
  const text = body(quote.text, 'quote.text', 'Quote', warnings);
  const raw = text.raw;
  if (!hasVisible(raw)) throw invalid(new Place('field', 'quote.text'), 'non-empty text', quote.text);
  const given = quote.speaker;
  let speaker: Quote['speaker'];
  const name = drawn(given?.name, 'quote.speaker.name', warnings);
  if (given && hasVisible(name)) {
    speaker = { name: name.trim() };
    const role = drawn(given.role, 'quote.speaker.role', warnings)?.trim();
    if (role) speaker.role = role;
    if (given.mention) speaker.mention = boundText(given.mention, LABEL_UNITS).text;
    if (given.kind) speaker.kind = given.kind;
  } else if (given?.mention) {
    // an unresolved "he": the mention is kept, and the card names no one
    speaker = { mention: boundText(given.mention, LABEL_UNITS).text, ...(given.kind ? { kind: given.kind } : {}) };
  }
  return { ...quote, text: text.cut(raw.trim()), speaker };
}

/** A post as its rule gives it back: `status` may be left out (`PostInput`), `links` are filled in. */
type CheckedPost = Omit<Post, 'status'> & { status?: Post['status'] };

function cleanPost(post: CheckedPost, warnings: string[]): Post {
  const author = post.author && {
    name: drawn(post.author.name, 'post.author.name', warnings),
    handle: drawn(post.author.handle, 'post.author.handle', warnings)?.replace(/^@/, ''),
    avatar: post.author.avatar,
    verified: post.author.verified === true,
  };
  const given = post.text === undefined ? undefined : body(post.text, 'post.text', 'Post', warnings);
  const text = given === undefined ? undefined : given.cut(given.raw);
  const url = post.url === undefined ? undefined : drawn(post.url, 'post.url', warnings);
  // a date as written ("19 Nov 2019", "2019-11-19T10:00:00Z") is drawn on one line when it is not ISO 8601
  const date = post.date === undefined ? undefined : drawn(post.date, 'post.date', warnings, MAX_DATE);
  let links = post.links;
  if (links.length > MAX_LINKS) {
    warnings.push(`post.links: ${links.length - MAX_LINKS} links past the first ${MAX_LINKS} were left out.`);
    links = links.slice(0, MAX_LINKS);
  }
  links = links.map((l) => boundText(l, LABEL_UNITS).text);
  let status = post.status ?? defaultStatus(text);
  if (status === 'full' && !text?.trim()) {
    warnings.push('Post has status "full" but no text: drawn as a link-only card.');
    status = 'link-only';
  }
  return { ...post, status, author, text, links, ...(url !== undefined ? { url } : {}), ...(date !== undefined ? { date } : {}) };
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
  return { item: cleanPost(postRule.check(item, new Place('field', 'post')) as CheckedPost, warnings), warnings };
}
