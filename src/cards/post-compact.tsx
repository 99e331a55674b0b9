/** @jsx h */ /** @jsxFrag Fragment */
/**
 * Compact post cards. A link-only post (only its address or id is known) gets an honest card: the
 * network's mark, the @handle, the post's address and "View post on X" — no invented text. An
 * unavailable post gets a tombstone: the mark in muted ink and "This post is unavailable".
 */
import type { Node, Post, TemplateContext } from '../types.js';
import { h } from './jsx-runtime.js';
import { frameOf, px } from './layout.js';
import { NetworkMark, markColor } from './network-marks.js';
import { TextLines, fitLabel } from './parts.js';
import { Backdrop, Panel } from './panel.js';
import { displayLink } from './rich-text.js';
import { ELEMENT, NETWORK_NAMES } from './tokens.js';

/** The post's address as known: its URL, or an X permalink built from its id. */
export function postAddress(post: Post): string | undefined {
  if (post.url?.trim()) return post.url.trim();
  if (post.network === 'twitter' && post.id && /^\d+$/.test(post.id)) return `https://x.com/i/status/${post.id}`;
  return undefined;
}

/** The link-only or unavailable card's tree. */
export function compactPostTemplate(post: Post, ctx: TemplateContext): Node {
  const frame = frameOf(ctx.size);
  const { theme } = ctx;
  const { fonts } = theme;
  // A compact card has few words: on the tall shapes they are set larger, to hold the space.
  const boost = frame.shape === 'wide' ? 1 : frame.shape === 'story' ? 1.5 : 1.35;
  const text = { name: px(frame.text.name * boost), meta: px(frame.text.meta * boost), small: px(frame.text.small * boost) };
  const pad = px((frame.shape === 'wide' ? 48 : 72) * frame.type);
  const inner = frame.width - 2 * frame.padX - 2 * pad;
  const gap = px(18 * frame.type * boost);
  const network = NETWORK_NAMES[post.network];
  const lost = post.status === 'unavailable';
  const handle = post.author?.handle?.trim();
  const name = post.author?.name?.trim();
  const address = postAddress(post);

  const titleText = lost ? 'This post is unavailable' : handle ? `@${handle}` : name || `A post on ${network}`;
  const title = fitLabel(ctx, titleText, px(text.name * 1.35), inner, 2, fonts.sans, 700, 'Title');
  const lines: Node[] = [];
  const line = (text: string, size: number, color: string, weight: number, label: string, maxLines = 1) => {
    const fit = fitLabel(ctx, text, size, inner, maxLines, fonts.sans, weight, label);
    lines.push(<TextLines fit={fit} width={inner} marginTop={gap} style={{ family: fonts.sans, weight, color, align: 'center' }} />);
  };
  if (lost) {
    line('It may have been deleted, or its author limits who can see it.', text.meta, theme.muted, 400, 'Tombstone note', 3);
    const who = handle ? `@${handle}` : name;
    if (who) line(who, text.small, theme.muted, 700, 'Author', 1);
    if (address) line(displayLink(address, 60), text.small, theme.muted, 400, 'Post address', 2);
  } else {
    if (handle && name) line(name, text.meta, theme.muted, 400, 'Author name');
    if (address) line(displayLink(address, 60), text.meta, theme.muted, 400, 'Post address', 2);
    line(`View post on ${network}`, text.meta, theme.accent, 700, 'Call to action');
  }
  const markSize = px(ELEMENT.markLarge * frame.type * (frame.shape === 'wide' ? 0.8 : boost));
  return (
    <Backdrop ctx={ctx} frame={frame}>
      <Panel ctx={ctx} frame={frame} pad={pad} center>
        <NetworkMark network={post.network} size={markSize} color={lost ? theme.muted : markColor(post.network, theme)} />
        <TextLines fit={title} width={inner} marginTop={px(28 * frame.type * boost)} style={{ family: fonts.sans, weight: 700, color: lost ? theme.muted : theme.foreground, align: 'center' }} />
        {lines}
      </Panel>
    </Backdrop>
  );
}
