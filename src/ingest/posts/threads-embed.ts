/**
 * Threads embeds: `blockquote.text-post-media[data-text-post-permalink]` whose body is a "View on
 * Threads" card; the words load later from threads.net, so the post is link-only.
 */
import type { Element } from 'domhandler';
import { attr, elementText, hasClass } from './element-text.js';
import { compact } from '../../shared/compact.js';
import { authorOf, type EmbedRead } from './post-draft.js';
import { parseStatusUrl } from './status-url.js';

/** Whether the element is a Threads embed. */
export function isThreadsEmbed(el: Element): boolean {
  return el.name === 'blockquote' && (hasClass(el, 'text-post-media') || Boolean(el.attribs['data-text-post-permalink']));
}

/** Read a Threads embed. */
export function readThreadsEmbed(el: Element): EmbedRead {
  const permalink = attr(el, 'data-text-post-permalink') ?? '';
  const read = elementText(el);
  const ref = [permalink, ...read.anchors.map((a) => a.href)].map(parseStatusUrl).find((r) => r?.network === 'threads');
  const warnings = ref ? [] : ['A Threads embed has no post permalink; it was skipped.'];
  const post = compact({
    kind: 'post' as const,
    network: 'threads' as const,
    status: 'link-only' as const,
    id: ref?.id,
    url: ref?.url,
    author: authorOf(undefined, ref?.handle),
    links: [],
  });
  return { post, placeholder: ref?.url, warnings };
}
