/**
 * Instagram embeds: `blockquote.instagram-media[data-instgrm-permalink]`. Version 14 shows only
 * "View this post on Instagram" and "A post shared by Name (@handle)"; older captioned embeds
 * (`data-instgrm-captioned`) also carry the caption in a <p> and the date in <time datetime>.
 */
import type { Element } from 'domhandler';
import { attr, elementText, findElement, hasClass } from './element-text.js';
import { parseEmbedDate } from './post-date.js';
import { compact } from '../../shared/compact.js';
import { authorOf, type EmbedRead } from './post-draft.js';
import { linksIn } from './post-links.js';
import { parseStatusUrl } from './status-url.js';

/** Whether the element is an Instagram embed. */
export function isInstagramEmbed(el: Element): boolean {
  return el.name === 'blockquote' && (hasClass(el, 'instagram-media') || Boolean(el.attribs['data-instgrm-permalink']));
}

/** The byline in any of the languages Instagram renders it in ends in "(@handle)". */
const BYLINE = /^(?:A post shared by|Una publicación compartida de|Une publication partagée par|Ein Beitrag geteilt von|Uma publicação compartilhada por)\s+(.*?)\s*\(@([A-Za-z0-9._]{1,30})\)/i;
const CHROME = /^(?:View this (?:post|photo|video|reel) on Instagram|View more on Instagram|Ver esta publicación en Instagram)$/i;

/** Read an Instagram embed. */
export function readInstagramEmbed(el: Element): EmbedRead {
  const read = elementText(el);
  const ref = [attr(el, 'data-instgrm-permalink') ?? '', ...read.anchors.map((a) => a.href)]
    .map(parseStatusUrl)
    .find((r) => r?.network === 'instagram');
  let name: string | undefined;
  let handle = ref?.handle;
  const caption: string[] = [];
  for (const line of read.text.split('\n')) {
    const t = line.trim();
    const by = BYLINE.exec(t);
    if (by) {
      name = by[1] || undefined;
      handle = by[2];
    } else if (t && !CHROME.test(t)) caption.push(t);
  }
  const time = findElement(el, (e) => e.name === 'time');
  const date = parseEmbedDate(attr(time ?? el, 'datetime') ?? '') ?? undefined;
  const captioned = el.attribs['data-instgrm-captioned'] !== undefined;
  const text = captioned ? caption.join('\n').trim() : '';
  const warnings = ref ? [] : ['An Instagram embed has no post permalink; its id is unknown.'];
  const post = compact({
    kind: 'post' as const,
    network: 'instagram' as const,
    status: text ? ('full' as const) : ('link-only' as const),
    id: ref?.id,
    url: ref?.url,
    author: authorOf(name, handle),
    text: text || undefined,
    date,
    links: text ? linksIn(text) : [],
  });
  return { post, placeholder: ref?.url, warnings };
}
