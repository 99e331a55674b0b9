/** @jsx h */ /** @jsxFrag Fragment */
/**
 * The post card: a panel like the network's own embed — avatar, display name, @handle, verified badge
 * and the network's mark; the text with line breaks kept and mentions, hashtags, cashtags and links in
 * the accent; media links as a note; the date. Link-only and unavailable posts get compact cards.
 */
import type { Node, Post, TemplateContext } from '../types.js';
import { Avatar } from './avatar.js';
import { formatDate } from './date-format.js';
import { textDirection } from './direction.js';
import { h } from './jsx-runtime.js';
import { type Frame, frameOf, px } from './layout.js';
import { NetworkMark, VerifiedBadge, markColor } from './network-marks.js';
import { TextLines, fitLabel } from './parts.js';
import { Backdrop, hairline, Outlined, Panel } from './panel.js';
import { compactPostTemplate } from './post-compact.js';
import { stripMediaLinks, tokenize, tokensByLine } from './rich-text.js';
import { fitText } from './text-fit.js';
import { ELEMENT, LINE_HEIGHT, TYPE_SCALE, VERIFIED_COLOR } from './tokens.js';

/** Avatar, name with badge, @handle, and the network's mark; mirrored (avatar on the right) when `rtl`. */
function header(post: Post, ctx: TemplateContext, frame: Frame, width: number, rtl: boolean): { node: Node; height: number } {
  const { fonts, foreground, muted } = ctx.theme;
  const avatar = px(ELEMENT.avatar * frame.type);
  const mark = px(ELEMENT.mark * frame.type);
  const gap = px(20 * frame.type);
  const nameWidth = width - avatar - mark - 2 * gap;
  const badge = post.author?.verified ? px(frame.text.name * 1.05) : 0;
  const handle = post.author?.handle?.trim();
  const display = post.author?.name?.trim() || (handle ? `@${handle}` : 'Unknown author');
  const name = fitLabel(ctx, display, frame.text.name, nameWidth - (badge ? badge + px(8 * frame.unit) : 0), 1, fonts.sans, 700, 'Author name');
  const sub = handle && post.author?.name?.trim() ? fitLabel(ctx, `@${handle}`, frame.text.meta, nameWidth, 1, fonts.sans, 400, 'Author handle') : undefined;
  const height = Math.max(avatar, name.height + (sub?.height ?? 0));
  const align = rtl ? 'right' : 'left';
  return {
    height,
    node: (
      <div style={{ display: 'flex', flexDirection: rtl ? 'row-reverse' : 'row', alignItems: 'center', width, height, flexShrink: 0, gap }}>
        <Avatar author={post.author} size={avatar} ctx={ctx} />
        <div style={{ display: 'flex', flexDirection: 'column', width: nameWidth, justifyContent: 'center', alignItems: rtl ? 'flex-end' : 'flex-start' }}>
          <div style={{ display: 'flex', flexDirection: rtl ? 'row-reverse' : 'row', alignItems: 'center', gap: px(8 * frame.unit) }}>
            <TextLines fit={name} width={Math.ceil(Math.min(nameWidth - badge, ctx.measure.width(name.lines[0] ?? '', { family: fonts.sans, fontSize: name.fontSize, weight: 700 }) + 2))} style={{ family: fonts.sans, weight: 700, color: foreground, align }} />
            {badge ? <VerifiedBadge size={badge} color={VERIFIED_COLOR} /> : null}
          </div>
          {sub ? <TextLines fit={sub} width={nameWidth} style={{ family: fonts.sans, color: muted, align }} /> : null}
        </div>
        <div style={{ display: 'flex', alignSelf: 'flex-start' }}>
          <NetworkMark network={post.network} size={mark} color={markColor(post.network, ctx.theme)} />
        </div>
      </div>
    ),
  };
}

/** Date and the media note; the date on the right when `rtl`. */
function footer(post: Post, ctx: TemplateContext, frame: Frame, width: number, label: string | undefined, rtl: boolean, marginTop: number): { node: Node | null; height: number } {
  const media = label ? 1 : 0;
  const date = formatDate(post.date, ctx.locale);
  if (!date && !media) return { node: null, height: 0 };
  const { fonts, muted, border } = ctx.theme;
  const size = frame.text.meta;
  const lineHeight = Math.round(size * LINE_HEIGHT.ui);
  const pillPadY = px(6 * frame.type);
  const pillPadX = px(16 * frame.type);
  const height = lineHeight + (media ? 2 * pillPadY : 0);
  const icon = px(size * 0.95);
  return {
    height,
    node: (
      <div style={{ display: 'flex', flexDirection: rtl ? 'row-reverse' : 'row', alignItems: 'center', justifyContent: 'space-between', width, height, flexShrink: 0, marginTop }}>
        <div style={{ display: 'flex', fontFamily: fonts.sans, fontSize: size, lineHeight: `${lineHeight}px`, color: muted, direction: textDirection(date ?? '') }}>{date ?? ''}</div>
        {media ? (
          <Outlined
            outline={border}
            fill={ctx.theme.surface}
            line={hairline(frame)}
            radius={height / 2}
            outer={{ height }}
            inner={{ flexDirection: 'row', alignItems: 'center', paddingLeft: pillPadX - hairline(frame), paddingRight: pillPadX - hairline(frame), fontFamily: fonts.sans, fontSize: size, lineHeight: `${lineHeight}px`, color: muted }}
          >
            <svg role="img" aria-label="attachment" width={icon} height={icon} viewBox="0 0 24 24" style={{ display: 'flex', marginRight: px(8 * frame.type) }}>
              <path d="M4.5 4h15A1.5 1.5 0 0 1 21 5.5v13a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5v-13A1.5 1.5 0 0 1 4.5 4z" fill="none" stroke={muted} stroke-width="2" />
              <path d="M3.8 17.5l5.2-5.6 4 4.2 2.6-2.6 4.6 4.6" fill="none" stroke={muted} stroke-width="2" stroke-linejoin="round" />
              <path d="M15.5 7.2a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 1 1 0-3.6z" fill={muted} />
            </svg>
            {label}
          </Outlined>
        ) : null}
      </div>
    ),
  };
}

/** "1 photo", "2 photos · 1 video" from the post's media, else "1 attachment" per media link; undefined for none. */
export function mediaNote(post: Pick<Post, 'media'>, mediaLinks: number): string | undefined {
  const counts = new Map<string, number>();
  for (const m of post.media ?? []) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  if (counts.size) {
    const names: Record<string, [string, string]> = { photo: ['photo', 'photos'], video: ['video', 'videos'], gif: ['GIF', 'GIFs'] };
    return [...counts].map(([type, n]) => `${n} ${(names[type] ?? [type, type])[n === 1 ? 0 : 1]}`).join(' · ');
  }
  if (!mediaLinks) return undefined;
  return mediaLinks === 1 ? '1 attachment' : `${mediaLinks} attachments`;
}

/** The post card's tree; a post whose text starts right to left (Arabic, Hebrew…) is laid out mirrored. */
export function postTemplate(post: Post, ctx: TemplateContext): Node {
  if (post.status !== 'full' || !post.text?.trim()) return compactPostTemplate(post, ctx);
  const frame = frameOf(ctx.size);
  const { theme } = ctx;
  const pad = px((frame.shape === 'wide' ? 40 : 56) * frame.type);
  const inner = frame.width - 2 * frame.padX - 2 * pad;
  const gap = px(ELEMENT.gap * frame.type);
  const { text, media } = stripMediaLinks(post.text, post.links);
  const tokens = tokenize(text);
  const drawn = tokens.map((t) => t.text).join('');
  const rtl = textDirection(drawn) === 'rtl';
  const head = header(post, ctx, frame, inner, rtl);
  const foot = footer(post, ctx, frame, inner, mediaNote(post, media), rtl, gap);
  const border = 2 * hairline(frame);
  const available = frame.height - frame.padTop - frame.padBottom - 2 * pad - border - head.height - gap - (foot.node ? foot.height + gap : 0);
  const fit = drawn
    ? fitText(
        {
          text: drawn,
          family: theme.fonts.sans,
          sizes: TYPE_SCALE.post.map((s) => px(s * frame.type, 8)),
          width: inner,
          height: Math.max(1, available),
          lineHeight: LINE_HEIGHT.post,
          label: 'Post text',
        },
        ctx,
      )
    : undefined;
  const runs = fit ? tokensByLine(tokens, fit.lines, fit.starts, drawn) : undefined;
  return (
    <Backdrop ctx={ctx} frame={frame}>
      <Panel ctx={ctx} frame={frame} pad={pad}>
        {head.node}
        {fit ? <TextLines fit={fit} width={inner} marginTop={gap} runs={runs} accent={theme.accent} style={{ family: theme.fonts.sans, color: theme.foreground, align: rtl ? 'right' : 'left', direction: rtl ? 'rtl' : 'ltr' }} /> : null}
        {foot.node}
      </Panel>
    </Backdrop>
  );
}
