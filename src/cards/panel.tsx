/** @jsx h */ /** @jsxFrag Fragment */
/** The backdrop and raised panel every post card is drawn on. */
import type { Node, TemplateContext } from '../types.js';
import { h } from './jsx-runtime.js';
import { type Frame, px } from './layout.js';

/**
 * A rounded box with a hairline outline, drawn as two filled shapes (an outer box in the outline colour
 * and the inner box inset by the outline's width) rather than with CSS `border`: satori draws a rounded
 * border as a stroke clipped to the box, and resvg draws every clip as a layer the size of the canvas.
 */
export function Outlined(props: { outline: string; fill: string; line: number; radius: number; outer: Record<string, unknown>; inner: Record<string, unknown>; children?: unknown }): Node {
  return (
    <div style={{ display: 'flex', padding: props.line, backgroundColor: props.outline, borderRadius: props.radius, boxSizing: 'border-box', flexShrink: 0, ...props.outer }}>
      <div style={{ display: 'flex', flexGrow: 1, backgroundColor: props.fill, borderRadius: Math.max(0, props.radius - props.line), ...props.inner }}>
        {props.children as Node[]}
      </div>
    </div>
  );
}

/** The width of hairlines (panel and pill outlines) on a card of this frame. */
export function hairline(frame: Frame): number {
  return Math.max(1, Math.round(2 * frame.unit));
}

/** The panel every post card is drawn on. */
export function Panel(props: { ctx: TemplateContext; frame: Frame; pad: number; children?: unknown; center?: boolean }): Node {
  const { theme } = props.ctx;
  return (
    <Outlined
      outline={theme.border}
      fill={theme.surface}
      line={hairline(props.frame)}
      radius={px(theme.radius * props.frame.unit * 1.2, 0)}
      outer={{ width: props.frame.width - 2 * props.frame.padX }}
      inner={{ flexDirection: 'column', alignItems: props.center ? 'center' : 'stretch', padding: props.pad }}
    >
      {props.children}
    </Outlined>
  );
}

/** The background the panel sits on. */
export function Backdrop(props: { ctx: TemplateContext; frame: Frame; children?: unknown }): Node {
  const { frame } = props;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        width: frame.width,
        height: frame.height,
        paddingTop: frame.padTop,
        paddingBottom: frame.padBottom,
        backgroundColor: props.ctx.theme.background,
        boxSizing: 'border-box',
      }}
    >
      {props.children as Node}
    </div>
  );
}

