/**
 * Bluesky embeds: `blockquote.bluesky-embed` with `data-bluesky-uri` (at://did/app.bsky.feed.post/rkey)
 * and `data-bluesky-cid`, the post's words in a <p>, then "— Name (<a>@handle</a>) <a>date at time</a>".
 */
import type { Element } from 'domhandler';
import { attr, elementText, findElement, hasClass } from './element-text.js';
import { parseEmbedDate } from './post-date.js';
import { compact } from '../../shared/compact.js';
import { authorOf, type EmbedRead, readSignature } from './post-draft.js';
import { linksIn } from './post-links.js';
import { parseStatusUrl } from './status-url.js';

/** Whether the element is a Bluesky embed blockquote. */
export function isBlueskyEmbed(el: Element): boolean {
  return el.name === 'blockquote' && (hasClass(el, 'bluesky-embed') || Boolean(el.attribs['data-bluesky-uri']));
}

/** Read a `blockquote.bluesky-embed`. */
export function readBlueskyEmbed(el: Element): EmbedRead {
  const warnings: string[] = [];
  const uri = attr(el, 'data-bluesky-uri') ?? '';
  const fromUri = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9]+)$/.exec(uri);
  const body = findElement(el, (e) => e.name === 'p');
  const bodyText = body ? elementText(body) : undefined;
  const whole = elementText(el, body ? (e) => e === body : undefined);
  const anchors = [...(bodyText?.anchors ?? []), ...whole.anchors];
  const postAnchor = [...whole.anchors].reverse().find((a) => parseStatusUrl(a.href)?.network === 'bluesky');
  const ref = postAnchor ? parseStatusUrl(postAnchor.href) : undefined;
  const signature = readSignature(whole.text.split('\n').pop() ?? '', true);
  const id = ref?.id ?? fromUri?.[2];
  const actor = fromUri?.[1];
  if (!id) warnings.push('A Bluesky embed has neither a post URI nor a post link; its id is unknown.');
  const handle = signature?.handle ?? ref?.handle;
  const url = ref?.url ?? (id && (handle ?? actor) ? `https://bsky.app/profile/${handle ?? actor}/post/${id}` : undefined);
  // "[image or embed]" is a placeholder link back to the post itself, not the author's words.
  const words = (bodyText?.text ?? '').replace(/\[image or embed\]/gi, '').trim();
  const links = anchors
    .filter((a) => a.text.toLowerCase() !== '[image or embed]' && !/bsky\.app\/profile\/[^/]+(?:\?|$)/.test(a.href))
    .filter((a) => parseStatusUrl(a.href)?.id !== id && /^https?:\/\//.test(a.href))
    .map((a) => a.href);
  const date = parseEmbedDate(postAnchor?.text ?? '') ?? (signature ? parseEmbedDate(signature.rest) : undefined);
  const post = compact({
    kind: 'post' as const,
    network: 'bluesky' as const,
    status: words ? ('full' as const) : ('link-only' as const),
    id,
    url,
    author: authorOf(signature?.name, handle),
    text: words || undefined,
    date,
    links: links.length > 0 ? links : linksIn(words),
  });
  return { post, placeholder: url, warnings };
}
