/**
 * Alt text for every card, in words a screen reader can use: the quote with its speaker and source,
 * or the post with its author, network and date (or what is known of a link-only or lost post).
 */
import type { Item, Post, Quote, TemplateContext } from '../types.js';
import { formatDate } from './date-format.js';
import { quoteDisplayText } from './display-text.js';
import { displayLink, stripMediaLinks } from './rich-text.js';
import { NETWORK_NAMES } from './tokens.js';
import { speakerLabel } from './speaker-label.js';

/** What alt text needs from the context. */
export type AltContext = Pick<TemplateContext, 'locale'> & Partial<Pick<TemplateContext, 'site' | 'date'>>;

function quoteAlt(quote: Quote, ctx: AltContext): string {
  let alt = `Quote card: “${quoteDisplayText(quote)}”`;
  const name = speakerLabel(quote.speaker);
  if (name) alt += ` — ${name}${quote.speaker?.role?.trim() ? `, ${quote.speaker.role.trim()}` : ''}.`;
  const source = [ctx.site?.trim(), formatDate(ctx.date, ctx.locale)].filter(Boolean).join(', ');
  if (source) alt += ` ${source}.`;
  return alt;
}

function author(post: Post): string | undefined {
  const name = post.author?.name?.trim();
  const handle = post.author?.handle?.trim();
  if (name && handle) return `${name} (@${handle})`;
  if (name) return name;
  return handle ? `@${handle}` : undefined;
}

function postAlt(post: Post, ctx: AltContext): string {
  const network = NETWORK_NAMES[post.network];
  const by = author(post);
  const date = formatDate(post.date, ctx.locale);
  if (post.status === 'unavailable') {
    return `Unavailable post on ${network}${by ? ` by ${by}` : ''}: this post is unavailable.`;
  }
  if (post.status === 'link-only') {
    const where = post.url ? ` at ${displayLink(post.url, 80)}` : '';
    return `Post${by ? ` by ${by}` : ''} on ${network}${date ? `, ${date}` : ''}; its text is not shown${where}.`;
  }
  const { text, media } = stripMediaLinks(post.text ?? '', post.links);
  const note = media ? ` (${media === 1 ? '1 attachment' : `${media} attachments`})` : '';
  return `Post${by ? ` by ${by}` : ''} on ${network}${date ? `, ${date}` : ''}: ${text.replace(/\s*\n\s*/g, ' ')}${note}`;
}

/** Alt text for the card of `item`. */
export function altText(item: Item, ctx: AltContext): string {
  return item.kind === 'quote' ? quoteAlt(item, ctx) : postAlt(item, ctx);
}
