/**
 * Validation of the item handed to `renderCard()` / `quoteCard()` / `postCard()`: a Quote or a Post as
 * `extract()` makes them, or built by hand. Returns a checked copy (the input is never changed) and
 * the warnings for anything cut.
 */
import { InputError } from '../errors.js';
import type { Item, Post, Quote } from '../types.js';
import { isPlainObject } from '../plain-object.js';
import { cleanText } from './text-hygiene.js';

/** Longest text drawn, in graphemes; longer text is cut at a word boundary with a warning. */
export const MAX_GRAPHEMES = 1000;

const NETWORKS = ['twitter', 'bluesky', 'mastodon', 'threads', 'instagram'] as const;
const STATUSES = ['full', 'link-only', 'unavailable'] as const;

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

function string(value: unknown, field: string, allowed = 'a string'): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw InputError.invalid(field, allowed, value, 'field');
  return value;
}

/** A text field that will be drawn: type-checked, then cleaned of bidi controls, invisibles and zalgo. */
function drawn(value: unknown, field: string, warnings: string[]): string | undefined {
  const raw = string(value, field);
  if (raw === undefined) return undefined;
  const clean = cleanText(raw, field);
  warnings.push(...clean.warnings);
  return clean.text;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw InputError.invalid(field, allowed.map((a) => `"${a}"`).join(' | '), value, 'field');
}

function checkQuote(quote: Record<string, unknown>, warnings: string[]): Quote {
  const raw = drawn(quote.text, 'quote.text', warnings);
  if (!hasVisible(raw)) {
    throw InputError.invalid('quote.text', 'non-empty text', quote.text, 'field');
  }
  const { text, cut } = capGraphemes(raw.trim());
  if (cut) warnings.push(`Quote text cut: ${cut} characters past the ${MAX_GRAPHEMES}-character limit were dropped.`);
  let speaker: Quote['speaker'];
  if (quote.speaker !== undefined) {
    if (!isPlainObject(quote.speaker)) throw InputError.invalid('quote.speaker', 'an object { name, role?, mention? }', quote.speaker, 'field');
    const name = drawn(quote.speaker.name, 'quote.speaker.name', warnings);
    if (hasVisible(name)) {
      speaker = { name: name.trim() };
      const role = drawn(quote.speaker.role, 'quote.speaker.role', warnings)?.trim();
      if (role) speaker.role = role;
      const mention = string(quote.speaker.mention, 'quote.speaker.mention');
      if (mention) speaker.mention = mention;
    }
  }
  return {
    ...(quote as unknown as Quote),
    kind: 'quote',
    text,
    speaker,
    partial: quote.partial === true,
  };
}

function checkPost(post: Record<string, unknown>, warnings: string[]): Post {
  const network = oneOf(post.network, 'post.network', NETWORKS);
  let status = oneOf(post.status, 'post.status', STATUSES);
  const links = post.links ?? [];
  if (!Array.isArray(links) || links.some((l) => typeof l !== 'string')) {
    throw InputError.invalid('post.links', 'an array of URL strings', links, 'field');
  }
  let author: Post['author'];
  if (post.author !== undefined) {
    if (!isPlainObject(post.author)) throw InputError.invalid('post.author', 'an object { name?, handle?, avatar?, verified? }', post.author, 'field');
    const avatar = post.author.avatar;
    if (avatar !== undefined && !(avatar instanceof Uint8Array)) {
      throw InputError.invalid('post.author.avatar', 'a Uint8Array of image bytes', avatar, 'field');
    }
    author = {
      name: drawn(post.author.name, 'post.author.name', warnings),
      handle: drawn(post.author.handle, 'post.author.handle', warnings)?.replace(/^@/, ''),
      avatar,
      verified: post.author.verified === true,
    };
  }
  let text = drawn(post.text, 'post.text', warnings);
  if (text !== undefined) {
    const capped = capGraphemes(text);
    if (capped.cut) warnings.push(`Post text cut: ${capped.cut} characters past the ${MAX_GRAPHEMES}-character limit were dropped.`);
    text = capped.text;
  }
  if (status === 'full' && !text?.trim()) {
    warnings.push('Post has status "full" but no text: drawn as a link-only card.');
    status = 'link-only';
  }
  return {
    ...(post as unknown as Post),
    kind: 'post',
    network,
    status,
    id: string(post.id, 'post.id'),
    url: string(post.url, 'post.url'),
    date: string(post.date, 'post.date'),
    author,
    text,
    links: [...links] as string[],
  };
}

/** Check an item and return a safe copy plus warnings. */
export function checkItem(item: unknown, expected?: Item['kind']): { item: Item; warnings: string[] } {
  if (!isPlainObject(item)) throw InputError.invalid('item', 'a Quote or a Post object', item, 'argument');
  if (expected && item.kind !== expected) throw InputError.invalid('item.kind', `"${expected}"`, item.kind, 'field');
  const warnings: string[] = [];
  if (item.kind === 'quote') return { item: checkQuote(item, warnings), warnings };
  if (item.kind === 'post') return { item: checkPost(item, warnings), warnings };
  throw InputError.invalid('item.kind', '"quote" | "post"', item.kind, 'field');
}
