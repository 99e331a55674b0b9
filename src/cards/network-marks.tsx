/** @jsx h */ /** @jsxFrag Fragment */
/**
 * The networks' marks, drawn from simple SVG paths of our own (24×24 grid): an X glyph, a butterfly,
 * the Mastodon "m" in a speech bubble, the Threads "@"-like spiral, the Instagram camera outline.
 */
import type { Network, Node, Theme } from '../types.js';
import { h } from './jsx-runtime.js';
import type { MarkStyle } from './quote-marks.js';
import { NETWORK_COLORS, ON_COLOR } from './tokens.js';

/** The colour a network's mark is drawn in, on this theme. */
export function markColor(network: Network, theme: Theme): string {
  const color = NETWORK_COLORS[network];
  return color === 'foreground' ? theme.foreground : color;
}

function shapes(network: Network, color: string): Node[] {
  switch (network) {
    case 'twitter':
      return [
        <path d="M2.6 2.5h6.3l12.5 19h-6.3z" fill="none" stroke={color} stroke-width="1.7" stroke-linejoin="round" />,
        <path d="M20.3 2.5h-2.2L3.6 21.5h2.2z" fill={color} />,
      ];
    case 'bluesky':
      return [
        <path
          d="M12 10.6C10.6 7.7 6.9 3 4.3 3 2.6 3 2.5 5.1 2.8 7.2 3.3 10.2 5.6 11.4 8.6 11.1 5.1 11.9 3.8 14 5.6 16.3 8.2 19.4 10.6 16.6 12 13.4 13.4 16.6 15.8 19.4 18.4 16.3 20.2 14 18.9 11.9 15.4 11.1 18.4 11.4 20.7 10.2 21.2 7.2 21.5 5.1 21.4 3 19.7 3 17.1 3 13.4 7.7 12 10.6Z"
          fill={color}
        />,
      ];
    case 'mastodon':
      return [
        <path
          d="M12 2.5c5.6 0 8.8 1.2 8.8 6.1v4.1c0 4-3 5.1-7.6 5.1-1.9 0-3.4-.2-4.5-.5.2 2.1 2.2 3 5.6 2.6l.3 1.5c-5.9 1.1-8.9-.9-9.6-4.9-.6-1.7-.8-4-.8-7.9 0-4.9 3.2-6.1 7.8-6.1z"
          fill={color}
        />,
        <path d="M8.3 14.2V9.9a1.9 1.9 0 0 1 3.7 0v2.3M12 12.2V9.9a1.9 1.9 0 0 1 3.7 0v4.3" fill="none" stroke={ON_COLOR} stroke-width="1.9" stroke-linecap="round" />,
      ];
    case 'threads':
      return [
        <path
          d="M15.4 11.4c0-2.3-1.4-3.6-3.3-3.6-2 0-3.3 1.4-3.3 3.4 0 1.9 1.3 3.2 3.1 3.2 2.3 0 3.5-1.6 3.5-4.4v-.4c0 3.9 1.3 5.2 2.9 5.2 1.8 0 2.8-1.7 2.8-4.6C20.9 5.9 17.3 3 12.1 3 7 3 3.2 6.8 3.2 12S7 21 12.1 21c2.3 0 4.2-.6 5.8-1.8"
          fill="none"
          stroke={color}
          stroke-width="2.1"
          stroke-linecap="round"
          stroke-linejoin="round"
        />,
      ];
    case 'instagram':
      return [
        <path d="M7.8 3h8.4A4.8 4.8 0 0 1 21 7.8v8.4a4.8 4.8 0 0 1-4.8 4.8H7.8A4.8 4.8 0 0 1 3 16.2V7.8A4.8 4.8 0 0 1 7.8 3z" fill="none" stroke={color} stroke-width="2" />,
        <path d="M12 7.9a4.1 4.1 0 1 1 0 8.2 4.1 4.1 0 1 1 0-8.2z" fill="none" stroke={color} stroke-width="2" />,
        <path d="M17.2 5.6a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 1 1 0-2.4z" fill={color} />,
      ];
  }
}

/** The network's mark as an inline SVG `size` px square, in `color` (the brand colour by default). */
export function NetworkMark(props: { network: Network; size: number; color: string }): Node {
  return (
    <svg role="img" aria-label={`${props.network} logo`} width={props.size} height={props.size} viewBox="0 0 24 24" style={{ display: 'flex', flexShrink: 0 }}>
      {shapes(props.network, props.color)}
    </svg>
  );
}

/** A check mark in a filled scalloped disc: the verified badge. */
export function VerifiedBadge(props: { size: number; color: string }): Node {
  return (
    <svg role="img" aria-label="verified" width={props.size} height={props.size} viewBox="0 0 24 24" style={{ display: 'flex', flexShrink: 0 }}>
      <path
        d="M12 1.8l2.4 1.9 3-.4 1.1 2.9 2.9 1.1-.4 3 1.9 2.4-1.9 2.4.4 3-2.9 1.1-1.1 2.9-3-.4L12 22.2l-2.4-1.9-3 .4-1.1-2.9-2.9-1.1.4-3L1.1 12 3 9.6l-.4-3 2.9-1.1 1.1-2.9 3 .4z"
        fill={props.color}
      />
      <path d="M7.6 12.3l3 3 5.9-6.2" fill="none" stroke={ON_COLOR} stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/**
 * The quotation mark that opens a quote card, as a shape (exact size, whatever the fonts), in a 26×20
 * box: “ (curly), „ (low: the same strokes turned over, as German and Polish open a quote), « (guillemets) or 「
 * (corner). Mirrored for right-to-left quotes about the box's middle.
 */
export function QuoteMark(props: { size: number; color: string; mirrored?: boolean; style?: MarkStyle }): Node | null {
  const style = props.style ?? 'curly';
  if (style === 'none') return null;
  const flip = props.mirrored ? 'matrix(-1 0 0 1 26 0)' : undefined;
  const shapes =
    style === 'guillemets' ? (
      <path d="M11.2 4.2 4.4 10l6.8 5.8M20.6 4.2 13.8 10l6.8 5.8" fill="none" stroke={props.color} stroke-width="3.4" stroke-linecap="round" stroke-linejoin="round" />
    ) : style === 'corner' ? (
      <path d="M19 3.4H6.4v14" fill="none" stroke={props.color} stroke-width="3.4" stroke-linecap="square" stroke-linejoin="miter" />
    ) : (
      <g transform={style === 'low' ? 'matrix(-1 0 0 -1 26 20)' : undefined}>
        <path d={CURLY_BLOB} fill={props.color} />
        <path d={CURLY_BLOB} fill={props.color} transform="translate(13.4 0)" />
      </g>
    );
  return (
    <svg role="img" aria-label="quotation mark" width={props.size} height={props.size * (20 / 26)} viewBox="0 0 26 20" style={{ display: 'flex', flexShrink: 0 }}>
      {flip ? <g transform={flip}>{shapes}</g> : shapes}
    </svg>
  );
}

/** One comma-shaped stroke of “, 12.6 units wide. */
const CURLY_BLOB = 'M9.6 2.2C4.6 4 1 8.2 1 13.9c0 3.5 2.1 5.9 5.1 5.9 2.6 0 4.5-1.8 4.5-4.3 0-2.4-1.8-4.1-4.2-4.1-.5 0-.9.1-1.2.2.4-3.2 2.5-5.6 5.3-7.2z';
