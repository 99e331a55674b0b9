/**
 * Placeholders that stand where a site holds an embed back until the reader consents (or where its
 * script never ran): a small box of boilerplate — "Allow Twitter content?", "This article contains
 * content provided by X", "Skip twitter post" — around one link to the post's permalink, often worded
 * "View original tweet on Twitter" or "View this post on Instagram". Each is a link-only post; its
 * boilerplate is not article text.
 *
 *   <div class="embed-consent">
 *     <p>Allow Twitter content?</p><p>This article contains content provided by Twitter…</p>
 *     <a href="https://twitter.com/cityhall/status/1196…">View original tweet on Twitter</a>
 *   </div>
 *
 * Only a box that is small (a few hundred characters, a bounded number of nodes), holds exactly one post
 * link, and says it is a placeholder (the link's wording, or a consent line) counts: a paragraph of prose
 * that links a tweet is prose.
 */
import type { AnyNode, Element } from 'domhandler';
import { compact } from '../../shared/compact.js';
import { elementText } from './element-text.js';
import type { EmbedRead } from './post-draft.js';
import { parseStatusUrl, type StatusRef } from './status-url.js';

/** The most nodes and characters a placeholder box holds. */
const MAX_NODES = 120;
const MAX_TEXT = 700;
const CONTAINERS = new Set(['div', 'figure', 'section', 'aside', 'p', 'span']);
const NETWORK = '(?:tweet|twitter|x|post|instagram|bluesky|threads|mastodon|facebook|tiktok)';
/** A link worded as a way out to the post: "View original tweet on Twitter", "View this post on X". */
const VIEW_LINK = new RegExp(String.raw`^(?:view|see|read|open|watch)\b.{0,40}\b${NETWORK}\b`, 'i');
/** A consent or fallback line of the box itself. */
const CONSENT = new RegExp(
  String.raw`\b(?:allow|accept|enable)\b.{0,40}\b(?:content|cookies)\b|\bcontent provided by\b|\bskip ${NETWORK}\b|\b${NETWORK} content\b|\bthis (?:content|embed|post) (?:is not|isn.t|cannot be) (?:available|shown|displayed)`,
  'i',
);
/** Elements whose presence makes the box something else (a real embed, media, a form). */
const NOT_A_PLACEHOLDER = new Set(['blockquote', 'iframe', 'video', 'audio', 'form', 'table', 'article', 'ul', 'ol']);

/** The post links of a small box, or undefined when the box is too big or holds other things. */
function smallBoxLinks(el: Element): { refs: Map<string, StatusRef>; hrefs: string[] } | undefined {
  const refs = new Map<string, StatusRef>();
  const hrefs: string[] = [];
  const stack: AnyNode[] = [...el.children];
  let nodes = 0;
  while (stack.length > 0) {
    if (++nodes > MAX_NODES) return undefined;
    const node = stack.pop() as AnyNode;
    if (node.type !== 'tag') continue;
    const child = node as Element;
    if (NOT_A_PLACEHOLDER.has(child.name)) return undefined;
    if (child.name === 'a' && child.attribs.href) {
      const ref = parseStatusUrl(child.attribs.href);
      if (ref) {
        refs.set(`${ref.network}:${ref.id}`, ref);
        hrefs.push(child.attribs.href);
      }
    }
    stack.push(...child.children);
  }
  return { refs, hrefs };
}

/** The one post a placeholder box stands for, or undefined when `el` is not one. */
function placeholderPost(el: Element): StatusRef | undefined {
  if (!CONTAINERS.has(el.name)) return undefined;
  const links = smallBoxLinks(el);
  if (links?.refs.size !== 1) return undefined;
  const { text, anchors } = elementText(el);
  if (text.length > MAX_TEXT) return undefined;
  const worded = anchors.some((a) => links.hrefs.includes(a.href) && VIEW_LINK.test(a.text));
  if (!worded && !CONSENT.test(text)) return undefined;
  return [...links.refs.values()][0];
}

/** Whether `el` is a consent or fallback placeholder around one post link. */
export function isPlaceholderEmbed(el: Element): boolean {
  return placeholderPost(el) !== undefined;
}

/** Read a placeholder into a link-only post; its boilerplate is replaced by the post's link. */
export function readPlaceholderEmbed(el: Element): EmbedRead {
  const ref = placeholderPost(el) as StatusRef;
  const post = compact({ kind: 'post' as const, network: ref.network, status: 'link-only' as const, id: ref.id, url: ref.url, author: ref.handle ? { handle: ref.handle } : undefined, links: [] });
  return { post, placeholder: ref.url, warnings: [] };
}
