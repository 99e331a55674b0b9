/**
 * Mastodon embeds: `iframe.mastodon-embed` whose src is the status URL + "/embed", and the newer
 * `blockquote.mastodon-embed[data-embed-url]` holding "Post by @user@host" and "View on Mastodon".
 * Neither carries the post's words, so both are link-only.
 */
import type { Element } from 'domhandler';
import { attr, elementText, hasClass } from './element-text.js';
import { compact } from '../../shared/compact.js';
import { authorOf, type EmbedRead } from './post-draft.js';
import { parseStatusUrl } from './status-url.js';

/** Whether the element is a Mastodon embed. */
export function isMastodonEmbed(el: Element): boolean {
  return (el.name === 'iframe' || el.name === 'blockquote') && hasClass(el, 'mastodon-embed');
}

/** Read a Mastodon embed. */
export function readMastodonEmbed(el: Element): EmbedRead {
  const source = (attr(el, 'data-embed-url') ?? attr(el, 'src') ?? '').replace(/\/embed\/?(?=$|[?#])/, '');
  let ref = parseStatusUrl(source);
  let byline: string | undefined;
  if (el.name === 'blockquote') {
    const read = elementText(el);
    ref ??= read.anchors.map((a) => parseStatusUrl(a.href)).find((r) => r?.network === 'mastodon');
    byline = /Post by @([A-Za-z0-9_]+@[a-z0-9.-]+)/i.exec(read.text)?.[1];
  }
  const warnings = ref ? [] : [`A Mastodon embed points at "${source.slice(0, 80)}", which is not a status URL; it was skipped.`];
  const post = compact({
    kind: 'post' as const,
    network: 'mastodon' as const,
    status: 'link-only' as const,
    id: ref?.id,
    url: ref?.url,
    author: authorOf(undefined, byline ?? ref?.handle),
    links: [],
  });
  return { post, placeholder: ref?.url, warnings };
}
