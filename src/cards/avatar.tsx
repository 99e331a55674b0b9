/** @jsx h */ /** @jsxFrag Fragment */
/**
 * A post author's avatar: their picture in a circle when bytes are given (PNG, JPEG, GIF or WebP,
 * sniffed), else a disc with their initials in a colour picked by a hash of the handle (the same
 * author always gets the same colour).
 */
import type { Node, PostAuthor, TemplateContext } from '../types.js';
import { h } from './jsx-runtime.js';
import { AVATAR_COLORS, ON_COLOR } from './tokens.js';

/** FNV-1a over UTF-16 units: a small, stable hash. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Scripts whose letters join: two initials would be drawn as one joined word, so they get one. */
const JOINING = /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}]/u;

/** One or two initials: first letters of the first and last words of the name, else of the handle. */
export function initials(author: PostAuthor | undefined): string {
  const words = (author?.name ?? '').split(/\s+/u).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '')).filter(Boolean);
  const first = (w: string | undefined) => (w ? ([...w][0] ?? '') : '');
  const one = first(words[0]);
  if (words.length) return (one + (words.length > 1 && !JOINING.test(one) ? first(words[words.length - 1]) : '')).toLocaleUpperCase();
  const handle = (author?.handle ?? '').replace(/^@/, '').replace(/[^\p{L}\p{N}]/gu, '');
  return first(handle).toLocaleUpperCase() || '?';
}

/** The disc colour for an author. */
export function discColor(author: PostAuthor | undefined): string {
  const key = (author?.handle ?? author?.name ?? '').toLowerCase();
  return AVATAR_COLORS[hashString(key) % AVATAR_COLORS.length] as string;
}

/** The avatar, `size` px round. */
export function Avatar(props: { author: PostAuthor | undefined; size: number; ctx: TemplateContext }): Node {
  const { author, size, ctx } = props;
  const bytes = author?.avatar;
  if (bytes && bytes.byteLength > 0) {
    const image = ctx.image(bytes, 'post.author.avatar', 'Avatar skipped, an initials disc is drawn instead');
    if (image) {
      return <img alt="" src={image.src} width={size} height={size} style={{ width: size, height: size, borderRadius: size / 2, objectFit: 'cover', flexShrink: 0 }} />;
    }
  }
  const letters = initials(author);
  const fontSize = Math.round(size * (letters.length > 1 ? 0.38 : 0.46));
  return (
    <div
      style={{
        display: 'flex',
        width: size,
        height: size,
        borderRadius: size / 2,
        backgroundColor: discColor(author),
        color: ON_COLOR,
        alignItems: 'center',
        justifyContent: 'center',
        fontFamily: ctx.theme.fonts.sans,
        fontWeight: 700,
        fontSize,
        lineHeight: `${fontSize}px`,
        flexShrink: 0,
      }}
    >
      {letters}
    </div>
  );
}
