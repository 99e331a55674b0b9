/** @jsx h */ /** @jsxFrag Fragment */
/** The backdrop and raised panel every post card is drawn on. */
import type { Node, TemplateContext } from '../types.js';
import { h } from './jsx-runtime.js';
import { type Frame, px } from './layout.js';

/** The panel every post card is drawn on. */
export function Panel(props: { ctx: TemplateContext; frame: Frame; pad: number; children?: unknown; center?: boolean }): Node {
  const { theme } = props.ctx;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: props.center ? 'center' : 'stretch',
        width: props.frame.width - 2 * props.frame.padX,
        padding: props.pad,
        backgroundColor: theme.surface,
        border: `${Math.max(1, Math.round(2 * props.frame.unit))}px solid ${theme.border}`,
        borderRadius: px(theme.radius * props.frame.unit * 1.2, 0),
        boxSizing: 'border-box',
        flexShrink: 0,
      }}
    >
      {props.children as Node[]}
    </div>
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

