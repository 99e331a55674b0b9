/**
 * Embeds that keep only a reference to their post: AMP's `amp-twitter` and `amp-instagram`, the iframes
 * the networks serve (platform.twitter.com, instagram.com/p/…/embed, bsky, threads), and elements carrying
 * `data-tweetid`, and a screenshot linked to its post ("TWEET OF THE DAY": a picture inside a link to a
 * status). Each is a link-only post; one that still holds the network's own blockquote is read from that
 * blockquote instead, with its text.
 *
 *   <amp-twitter data-tweetid="1196…" width="375" height="472"></amp-twitter>
 *   <iframe src="https://platform.twitter.com/embed/Tweet.html?id=1196…"></iframe>
 *   <iframe src="https://www.instagram.com/p/B5Ahd3tFe2x/embed/captioned/"></iframe>
 */
import type { Element } from 'domhandler';
import { compact } from '../../shared/compact.js';
import { attr, elementText, findElement } from './element-text.js';
import { isInstagramEmbed, readInstagramEmbed } from './instagram-embed.js';
import type { EmbedRead } from './post-draft.js';
import { parseStatusUrl, tweetIdFrom, tweetUrl } from './status-url.js';
import { isTweetBlockquote, readTweetBlockquote } from './twitter-embed.js';

const TWEET_FRAME = /^(?:https?:)?\/\/(?:platform\.)?(?:twitter|x)\.com\/embed\/Tweet\.html\?(?:[^#]*&)?id=(\d{1,20})/i;
const INSTAGRAM_FRAME = /^(?:https?:)?\/\/(?:www\.)?instagram\.com\/(?:[A-Za-z0-9._]{1,30}\/)?(p|reel|tv)\/([A-Za-z0-9_-]{1,64})\/embed/i;

/** The tweet id an element carries in data-tweetid / data-tweet-id (any element but the official blockquote). */
function tweetIdAttr(el: Element): string | undefined {
  return tweetIdFrom(attr(el, 'data-tweetid') ?? attr(el, 'data-tweet-id') ?? '');
}

/** Whether the element is an embed that keeps only its post's reference. */
export function isReferenceEmbed(el: Element): boolean {
  switch (el.name) {
    case 'amp-twitter':
    case 'amp-instagram':
      return true;
    case 'iframe': {
      const src = attr(el, 'src') ?? attr(el, 'data-src') ?? '';
      return TWEET_FRAME.test(src) || INSTAGRAM_FRAME.test(src);
    }
    case 'a':
      return isPictureOfPost(el);
    default:
      return !isTweetBlockquote(el) && Boolean(el.attribs['data-tweetid']);
  }
}

/** A link to a post's permalink whose only content is a picture (a screenshot of the post). */
function isPictureOfPost(el: Element): boolean {
  const href = el.attribs.href;
  if (!href || parseStatusUrl(href) === undefined) return false;
  return findElement(el, (e) => e.name === 'img' || e.name === 'picture') !== undefined && elementText(el).text.trim() === '';
}

/** Read a reference-only embed into a link-only post (or, when it holds the network's blockquote, a full one). */
export function readReferenceEmbed(el: Element): EmbedRead {
  const inner = findElement(el, (e) => e !== el && (isTweetBlockquote(e) || isInstagramEmbed(e)));
  if (inner) return isTweetBlockquote(inner) ? readTweetBlockquote(inner) : readInstagramEmbed(inner);
  if (el.name === 'a') {
    const ref = parseStatusUrl(el.attribs.href ?? '');
    if (ref) return { post: compact({ kind: 'post' as const, network: ref.network, status: 'link-only' as const, id: ref.id, url: ref.url, author: ref.handle ? { handle: ref.handle } : undefined, links: [] }), placeholder: ref.url, warnings: [] };
  }
  const src = attr(el, 'src') ?? attr(el, 'data-src') ?? '';
  const instagram = el.name === 'amp-instagram' ? attr(el, 'data-shortcode') : INSTAGRAM_FRAME.exec(src)?.[2];
  if (instagram) {
    const ref = parseStatusUrl(`https://www.instagram.com/p/${instagram}/`);
    if (ref) {
      return { post: compact({ kind: 'post' as const, network: 'instagram' as const, status: 'link-only' as const, id: ref.id, url: ref.url, links: [] }), placeholder: ref.url, warnings: [] };
    }
  }
  const id = tweetIdAttr(el) ?? TWEET_FRAME.exec(src)?.[1];
  if (!id) return { post: { kind: 'post', network: 'twitter', status: 'link-only', links: [] }, warnings: [`An ${el.name} embed carries no post id; it was skipped.`] };
  const url = tweetUrl(id);
  return { post: compact({ kind: 'post' as const, network: 'twitter' as const, status: 'link-only' as const, id, url, links: [] }), placeholder: url, warnings: [] };
}
