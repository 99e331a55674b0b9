/**
 * Twitter/X embeds in markup: the official `blockquote.twitter-tweet` (and `twitter-video`) as pages
 * carry it before widgets.js runs, and already-rendered embeds (`iframe.twitter-tweet-rendered`,
 * `twitter-widget`) that keep only the tweet id.
 *
 *   <blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">words <a href="https://t.co/x">pic.twitter.com/x</a></p>
 *   &mdash; Name (@handle) <a href="https://twitter.com/handle/status/123?ref_src=twsrc%5Etfw">November 19, 2019</a></blockquote>
 */
import type { Element } from 'domhandler';
import { parseEmbedDate } from './post-date.js';
import { compact } from '../../shared/compact.js';
import { authorOf, type EmbedRead, readSignature } from './post-draft.js';
import { type Anchor, attr, elementText, findElement, hasClass } from './element-text.js';
import { isShortOrMediaLink, normaliseLink, TOMBSTONE, tweetText } from './post-links.js';
import { parseStatusUrl, tweetIdFrom, tweetUrl } from './status-url.js';

/** Whether the element is a Twitter blockquote embed. */
export function isTweetBlockquote(el: Element): boolean {
  return el.name === 'blockquote' && (hasClass(el, 'twitter-tweet') || hasClass(el, 'twitter-video') || Boolean(el.attribs['data-tweetid']));
}

/** Whether the element is an embed widgets.js already rendered (only the id is left). */
export function isRenderedTweet(el: Element): boolean {
  if (el.name === 'twitter-widget') return true;
  return hasClass(el, 'twitter-tweet-rendered') && !isTweetBlockquote(el);
}

/** Read a `blockquote.twitter-tweet`. */
export function readTweetBlockquote(el: Element): EmbedRead {
  const warnings: string[] = [];
  const body = findElement(el, (e) => e.name === 'p');
  const bodyText = body ? elementText(body) : undefined;
  const whole = elementText(el, body ? (e) => e === body : undefined);
  const anchors = [...(bodyText?.anchors ?? []), ...whole.anchors];
  const statusAnchor = [...anchors].reverse().find((a) => parseStatusUrl(a.href)?.network === 'twitter');
  const ref = statusAnchor ? parseStatusUrl(statusAnchor.href) : undefined;
  const signatureLine = whole.text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
  const signature = readSignature(signatureLine, true);
  const words = bodyText?.text ?? textBeforeSignature(whole.text);
  const date = parseEmbedDate(statusAnchor?.text ?? '') ?? (signature ? parseEmbedDate(signature.rest) : undefined);
  const handle = signature?.handle ?? ref?.handle;
  const id = ref?.id ?? tweetIdFrom(attr(el, 'data-tweet-id') ?? attr(el, 'data-tweetid') ?? '');
  if (!id) warnings.push('A Twitter embed has no link to its tweet; its id and URL are unknown.');
  const base = {
    kind: 'post' as const,
    network: 'twitter' as const,
    id,
    url: ref?.url ?? (id ? tweetUrl(id, handle) : undefined),
    author: authorOf(signature?.name, handle),
  };
  if (TOMBSTONE.test(words.trim())) {
    return { post: compact({ ...base, status: 'unavailable' as const, links: [] }), warnings };
  }
  const text = tweetText(words);
  const links = postLinks(bodyText?.anchors ?? [], words);
  return {
    post: compact({ ...base, status: text ? ('full' as const) : ('link-only' as const), text: text || undefined, date, links }),
    warnings,
  };
}

/** Read an embed widgets.js rendered: an iframe or `twitter-widget` with `data-tweet-id`. */
export function readRenderedTweet(el: Element): EmbedRead {
  const holder = el.attribs['data-tweet-id'] ? el : findElement(el, (e) => Boolean(e.attribs['data-tweet-id']));
  const src = attr(holder ?? el, 'src') ?? '';
  const id = tweetIdFrom(attr(holder ?? el, 'data-tweet-id') ?? '') ?? /[?&]id=(\d{1,20})/.exec(src)?.[1];
  const handle = attr(holder ?? el, 'data-screen-name');
  const warnings = id ? [] : ['A rendered Twitter embed carries no tweet id; it was skipped.'];
  const url = id ? tweetUrl(id, handle) : undefined;
  const post = compact({ kind: 'post' as const, network: 'twitter' as const, status: 'link-only' as const, id, url, author: authorOf(undefined, handle), links: [] });
  return { post, placeholder: url, warnings };
}

/** Links of the tweet body, in order: t.co targets, media links as pic.twitter.com; hashtags and mentions left out. */
function postLinks(anchors: Anchor[], words: string): string[] {
  const links: string[] = [];
  for (const a of anchors) {
    if (/^(?:https?:\/\/)?pic\.(?:twitter|x)\.com\//i.test(a.text)) links.push(normaliseLink(a.text));
    else if (/^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/(?:hashtag\/|search\?|[A-Za-z0-9_]{1,15}(?:[?#]|$))/i.test(a.href)) continue;
    else if (/^https?:\/\//i.test(a.href)) links.push(a.href);
  }
  if (links.length === 0) {
    for (const token of words.split(/\s+/)) if (isShortOrMediaLink(token)) links.push(normaliseLink(token));
  }
  return links;
}

/** Without a <p>, the words are everything above the signature line, less bare links to the tweet itself. */
function textBeforeSignature(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  if (lines.length > 0 && readSignature(lines[lines.length - 1] ?? '', true)) lines.pop();
  return lines
    .map((line) => line.split(/\s+/).filter((token) => !parseStatusUrl(token)).join(' '))
    .join('\n')
    .trim();
}
