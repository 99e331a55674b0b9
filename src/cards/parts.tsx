/** @jsx h */ /** @jsxFrag Fragment */
/** Pieces the templates share: fitted text drawn line by line, the source line, the logo. */
import type { Node, TemplateContext } from '../types.js';
import { QuoteCardError } from '../errors.js';
import { checkImage, toDataUrl } from '../images/data-url.js';
import { h } from './jsx-runtime.js';
import { type Frame, px } from './layout.js';
import type { RichToken } from './rich-text.js';
import { type FitResult, fitText } from './text-fit.js';
import { ELEMENT, LINE_HEIGHT } from './tokens.js';

/** How a block of text is set. */
export interface TextStyle {
  family: string;
  weight?: number;
  color: string;
  align?: 'left' | 'center';
  letterSpacing?: number;
}

/** Fitted text as explicit lines: satori never re-wraps it, so the box is exactly lines × line height. */
export function TextLines(props: { fit: FitResult; style: TextStyle; width: number; runs?: RichToken[][]; accent?: string }): Node {
  const { fit, style } = props;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width: props.width, height: fit.height, flexShrink: 0 }}>
      {fit.lines.map((line, i) => (
        <div
          style={{
            display: 'flex',
            height: fit.lineHeight,
            lineHeight: `${fit.lineHeight}px`,
            fontSize: fit.fontSize,
            fontFamily: style.family,
            fontWeight: style.weight ?? 400,
            color: style.color,
            whiteSpace: 'pre',
            justifyContent: style.align === 'center' ? 'center' : 'flex-start',
            ...(style.letterSpacing ? { letterSpacing: style.letterSpacing } : {}),
          }}
        >
          {props.runs?.[i]
            ? props.runs[i].map((run) => (run.kind === 'text' ? <span>{run.text}</span> : <span style={{ color: props.accent }}>{run.text}</span>))
            : line}
        </div>
      ))}
    </div>
  );
}

/**
 * Fit a single-size piece of UI text (a name, a role, an address) into at most `maxLines` lines of
 * `width`. A cut label is warned about but does not mark the card truncated: that flag is about the
 * quote or post text itself.
 */
export function fitLabel(ctx: TemplateContext, text: string, size: number, width: number, maxLines: number, family: string, weight: number, label: string): FitResult {
  const lineHeight = LINE_HEIGHT.ui;
  const quiet = { measure: ctx.measure, warn: ctx.warn, markTruncated: () => {} };
  return fitText({ text, family, weight, sizes: [size], width, height: Math.round(size * lineHeight) * maxLines, lineHeight, maxLines, label }, quiet);
}

/** The theme's logo as an image `height` px tall, or nothing when there is none or it cannot be read. */
export function Logo(props: { ctx: TemplateContext; height: number }): Node | null {
  const bytes = props.ctx.theme.logo;
  if (!bytes) return null;
  let src: string;
  let ratio: number;
  try {
    const header = checkImage(bytes, { field: 'theme.logo' });
    src = toDataUrl(bytes, { field: 'theme.logo' });
    ratio = header.height > 0 ? Math.min(6, header.width / header.height) : 1;
  } catch (error) {
    if (!(error instanceof QuoteCardError)) throw error;
    props.ctx.warn(`Theme logo skipped: ${error.message}`);
    return null;
  }
  const width = px(props.height * ratio);
  return <img alt="" src={src} width={width} height={props.height} style={{ width, height: props.height, objectFit: 'contain' }} />;
}

/** The source line: SITE · date, and the theme's logo at the far end. Nothing when none is known. */
export function SourceLine(props: { ctx: TemplateContext; frame: Frame; width: number; date?: string; align?: 'left' | 'center' }): Node | null {
  const { ctx, frame } = props;
  const site = ctx.site?.trim();
  const logo = ctx.theme.logo ? <Logo ctx={ctx} height={px(ELEMENT.logo * frame.type)} /> : null;
  if (!site && !props.date && !logo) return null;
  const size = frame.text.meta;
  const sans = ctx.theme.fonts.sans;
  const lineHeight = Math.round(size * LINE_HEIGHT.ui);
  const separator = site && props.date ? '  ·  ' : '';
  const room = props.width * (logo && props.align !== 'center' ? 0.7 : 1);
  const tail = `${separator}${props.date ?? ''}`;
  const tailWidth = ctx.measure.width(tail, { family: sans, fontSize: size, weight: 400 });
  const siteFit = site ? fitLabel(ctx, site.toLocaleUpperCase(ctx.locale), size, Math.max(size * 4, room - tailWidth), 1, sans, 700, 'Site name') : undefined;
  const text = { display: 'flex', height: lineHeight, lineHeight: `${lineHeight}px`, fontSize: size, fontFamily: sans, whiteSpace: 'pre' } as const;
  return (
    <div
      style={{
        display: 'flex',
        width: props.width,
        alignItems: 'center',
        justifyContent: props.align === 'center' ? 'center' : 'space-between',
        flexDirection: props.align === 'center' ? 'column' : 'row',
        gap: px(16 * frame.unit),
        flexShrink: 0,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'row' }}>
        {siteFit ? <div style={{ ...text, fontWeight: 700, color: ctx.theme.foreground, letterSpacing: 0 }}>{siteFit.lines[0]}</div> : null}
        {tail ? <div style={{ ...text, fontWeight: 400, color: ctx.theme.muted }}>{tail}</div> : null}
      </div>
      {logo}
    </div>
  );
}

/** A short accent rule. */
export function Rule(props: { ctx: TemplateContext; frame: Frame }): Node {
  return (
    <div
      style={{
        display: 'flex',
        width: px(ELEMENT.ruleLength * props.frame.type),
        height: px(ELEMENT.ruleThickness * props.frame.type),
        backgroundColor: props.ctx.theme.accent,
        flexShrink: 0,
      }}
    />
  );
}
