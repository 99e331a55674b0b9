/** @jsx h */ /** @jsxFrag Fragment */
/** Pieces the templates share: fitted text drawn line by line, the source line, the logo. */
import type { Node, TemplateContext } from '../types.js';
import { type Direction, hasRtl as hasRtlText, textDirection } from './direction.js';
import { h } from './jsx-runtime.js';
import { type Frame, px } from './layout.js';
import type { RichToken } from './rich-text.js';
import { markFeatures, numberGroupsForDrawing } from './rtl-drawing.js';
import { type FitResult, fitText } from './text-fit.js';
import { ELEMENT, LINE_HEIGHT } from './tokens.js';

/** A side text is set against, on the page (not relative to the text's direction). */
export type Align = 'left' | 'center' | 'right';

/** How a block of text is set. */
export interface TextStyle {
  family: string;
  weight?: number;
  color: string;
  /** Where lines sit in the box. @default 'left' */
  align?: Align;
  /** The paragraph direction. @default the direction of the text's first strong character, else ltr */
  direction?: Direction;
  letterSpacing?: number;
}

/** `justifyContent` that puts a line of `direction` on `align`'s side of its box. */
export function justify(align: Align | undefined, direction: Direction): 'flex-start' | 'center' | 'flex-end' {
  if (align === 'center') return 'center';
  return (align === 'right') === (direction === 'rtl') ? 'flex-start' : 'flex-end';
}

/**
 * Fitted text as explicit lines: satori never re-wraps it, so the box is exactly lines × line height.
 * Plain left-to-right text is one text node with the lines joined by newlines (satori lays out one
 * node instead of one per line, which is much of its time on a card). Otherwise each line is its own
 * node, set in the paragraph's direction (satori orders its words by it) and aligned to a side.
 * Accent runs are drawn as spans only in lines without right-to-left text: satori does not reorder
 * words across inline elements, so such a line is drawn as one run in the text colour.
 */
export function TextLines(props: { fit: FitResult; style: TextStyle; width: number; runs?: RichToken[][]; accent?: string; marginTop?: number }): Node {
  const { fit, style } = props;
  const direction = style.direction ?? textDirection(fit.text);
  const text = {
    lineHeight: `${fit.lineHeight}px`,
    fontSize: fit.fontSize,
    fontFamily: style.family,
    fontWeight: style.weight ?? 400,
    color: style.color,
    whiteSpace: 'pre',
    ...(style.letterSpacing ? { letterSpacing: style.letterSpacing } : {}),
  } as const;
  const box = { display: 'flex', width: props.width, height: fit.height, flexShrink: 0, ...(props.marginTop ? { marginTop: props.marginTop } : {}) } as const;
  const align = style.align ?? 'left';
  const plain = fit.lines.map((line, i) => isPlain(line, direction, props.runs?.[i]));
  if (plain.every(Boolean)) {
    return <div style={{ ...box, ...text, direction, textAlign: align, justifyContent: justify(align, direction) }}>{fit.lines.join('\n')}</div>;
  }
  // A run of plain lines is one text node as well; the other lines get a node each, with their accent spans.
  const rows: Node[] = [];
  let i = 0;
  while (i < fit.lines.length) {
    const line = fit.lines[i] as string;
    if (plain[i]) {
      let end = i + 1;
      while (plain[end]) end++;
      rows.push(
        <div style={{ display: 'flex', height: fit.lineHeight * (end - i), ...text, direction, textAlign: align, justifyContent: justify(align, direction) }}>
          {fit.lines.slice(i, end).join('\n')}
        </div>,
      );
      i = end;
    } else {
      rows.push(
        <div style={{ display: 'flex', height: fit.lineHeight, ...text, direction, justifyContent: justify(style.align, direction), ...markFeatures(line) }}>
          {lineContent(line, direction, props.runs?.[i], props.accent)}
        </div>,
      );
      i++;
    }
  }
  return <div style={{ ...box, flexDirection: 'column' }}>{rows}</div>;
}

/** A left-to-right line with no right-to-left text, no marks needing care and no accent runs: plain text. */
function isPlain(line: string, direction: Direction, runs: RichToken[] | undefined): boolean {
  if (direction !== 'ltr') return false;
  if (runs?.some((run) => run.kind !== 'text')) return false;
  return !hasRtlText(line) && !markFeatures(line).fontFeatureSettings;
}

/** A line's children: its accent runs as spans when satori can order them, else the line as one string. */
function lineContent(line: string, direction: Direction, runs: RichToken[] | undefined, accent: string | undefined): Node[] | string {
  const bidi = direction === 'rtl' || hasRtlText(line);
  if (runs && !bidi) return runs.map((run) => (run.kind === 'text' ? <span>{run.text}</span> : <span style={{ color: accent }}>{run.text}</span>));
  const text = numberGroupsForDrawing(line, direction);
  const only = runs?.length === 1 ? runs[0] : undefined;
  return only && only.kind !== 'text' ? [<span style={{ color: accent }}>{text}</span>] : text;
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
  const image = props.ctx.image(bytes, 'theme.logo', 'Theme logo skipped');
  if (!image) return null;
  const width = px(props.height * Math.min(6, image.width / image.height));
  return <img alt="" src={image.src} width={width} height={props.height} style={{ width, height: props.height, objectFit: 'contain' }} />;
}

/**
 * The source line: SITE · date, and the theme's logo at the far end. Nothing when none is known. Set on
 * the right (a right-to-left card) it reads from the right: site, then date, the logo at the left end.
 */
export function SourceLine(props: { ctx: TemplateContext; frame: Frame; width: number; date?: string; align?: Align; marginTop?: number }): Node | null {
  const { ctx, frame } = props;
  const site = ctx.site?.trim();
  const logo = ctx.theme.logo ? <Logo ctx={ctx} height={px(ELEMENT.logo * frame.type)} /> : null;
  if (!site && !props.date && !logo) return null;
  const size = frame.text.meta;
  const sans = ctx.theme.fonts.sans;
  const lineHeight = Math.round(size * LINE_HEIGHT.ui);
  const separator = site && props.date ? '  ·  ' : '';
  const right = props.align === 'right';
  const room = props.width * (logo && props.align !== 'center' ? 0.7 : 1);
  const date = props.date ?? '';
  // The separator goes next to the site: on the tail's right end when the line is set from the right.
  const dateDirection = right ? textDirection(date) : 'ltr';
  const tail = right && dateDirection === 'ltr' ? `${date}${separator}` : `${separator}${date}`;
  const tailWidth = ctx.measure.width(tail, { family: sans, fontSize: size, weight: 400 });
  const siteFit = site ? fitLabel(ctx, site.toLocaleUpperCase(ctx.locale), size, Math.max(size * 4, room - tailWidth), 1, sans, 700, 'Site name') : undefined;
  const text = { display: 'flex', height: lineHeight, lineHeight: `${lineHeight}px`, fontSize: size, fontFamily: sans, whiteSpace: 'pre' } as const;
  const siteLine = siteFit?.lines[0] ?? '';
  return (
    <div
      style={{
        display: 'flex',
        width: props.width,
        alignItems: 'center',
        justifyContent: props.align === 'center' ? 'center' : 'space-between',
        flexDirection: props.align === 'center' ? 'column' : right ? 'row-reverse' : 'row',
        gap: px(16 * frame.unit),
        flexShrink: 0,
        ...(props.marginTop ? { marginTop: props.marginTop } : {}),
      }}
    >
      <div style={{ display: 'flex', flexDirection: right ? 'row-reverse' : 'row' }}>
        {siteFit ? <div style={{ ...text, fontWeight: 700, color: ctx.theme.foreground, letterSpacing: 0, direction: textDirection(siteLine) }}>{siteLine}</div> : null}
        {tail ? <div style={{ ...text, fontWeight: 400, color: ctx.theme.muted, direction: dateDirection }}>{tail}</div> : null}
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
