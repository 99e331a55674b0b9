/** @jsx h */ /** @jsxFrag Fragment */
/**
 * The quote card: a large quotation mark in the accent, the quote in the serif display face as the
 * hero, the speaker's name (bold sans) and role under an accent rule, and the source line (site ·
 * date). Laid out per shape: og puts the mark in a column beside the quote; square and portrait stack
 * it above with bigger type; story centres everything between the bands the app's interface covers.
 */
import type { Node, Quote, TemplateContext } from '../types.js';
import { formatDate } from './date-format.js';
import { quoteDisplayText } from './display-text.js';
import { textDirection } from './direction.js';
import { h } from './jsx-runtime.js';
import { type Frame, frameOf, px } from './layout.js';
import { QuoteMark } from './network-marks.js';
import { markStyle } from './quote-marks.js';
import { type Align, Rule, SourceLine, TextLines, fitLabel } from './parts.js';
import { speakerLabel } from './speaker-label.js';
import { fitText } from './text-fit.js';
import { ELEMENT, LINE_HEIGHT, TYPE_SCALE } from './tokens.js';

interface Byline {
  node: Node | null;
  height: number;
}

/** Rule, name and role, fitted to `width` and set on the `align` side; no speaker → no name line. */
function byline(quote: Quote, ctx: TemplateContext, frame: Frame, width: number, align: Align, marginTop: number): Byline {
  const speaker = quote.speaker;
  const label = speakerLabel(speaker);
  if (!speaker || !label) return { node: null, height: 0 };
  const { fonts, foreground, muted } = ctx.theme;
  const name = fitLabel(ctx, label, frame.text.name, width, 1, fonts.sans, 700, 'Speaker name');
  const role = speaker.role?.trim() ? fitLabel(ctx, speaker.role.trim(), frame.text.meta, width, 2, fonts.sans, 400, 'Speaker role') : undefined;
  const ruleGap = px(22 * frame.type);
  const ruleHeight = px(ELEMENT.ruleThickness * frame.type);
  const roleGap = role ? px(4 * frame.type) : 0;
  return {
    height: ruleHeight + ruleGap + name.height + roleGap + (role?.height ?? 0),
    node: (
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: crossAlign(align), flexShrink: 0, marginTop }}>
        <Rule ctx={ctx} frame={frame} />
        <TextLines fit={name} width={width} marginTop={ruleGap} style={{ family: fonts.sans, weight: 700, color: foreground, align }} />
        {role ? <TextLines fit={role} width={width} marginTop={roleGap} style={{ family: fonts.sans, color: muted, align }} /> : null}
      </div>
    ),
  };
}

/** `alignItems` for children on the `align` side of a column (which has no direction of its own). */
const crossAlign = (align: Align) => (align === 'center' ? 'center' : align === 'right' ? 'flex-end' : 'flex-start');

/**
 * The quote card's tree. A right-to-left quote (its first strong letter Arabic, Hebrew…) mirrors the
 * layout: the quotation mark, mirrored, on the right; quote, name, role and source line set from the right.
 */
export function quoteTemplate(quote: Quote, ctx: TemplateContext): Node {
  const frame = frameOf(ctx.size);
  const { theme } = ctx;
  const wide = frame.shape === 'wide';
  const center = frame.shape === 'story';
  const text = quoteDisplayText(quote);
  const rtl = textDirection(text) === 'rtl';
  const align: Align = center ? 'center' : rtl ? 'right' : 'left';
  const innerWidth = frame.width - 2 * frame.padX;
  const style = markStyle(theme.quoteMarks, ctx.locale);
  const markWidth = style === 'none' ? 0 : px(ELEMENT.quoteMark * frame.type * (wide ? 1.15 : 1));
  const markHeight = px(markWidth * (20 / 26));
  const markColumn = wide && markWidth > 0 ? markWidth + px(40 * frame.unit) : 0;
  const textWidth = innerWidth - markColumn;
  const gap = px(ELEMENT.gap * frame.type);

  const date = formatDate(ctx.date, ctx.locale);
  const source = SourceLine({ ctx, frame, width: textWidth, date, align, marginTop: gap });
  const sourceHeight = source ? Math.round(frame.text.meta * LINE_HEIGHT.ui) + gap : 0;
  const bylineGap = px(36 * frame.type);
  const by = byline(quote, ctx, frame, textWidth, align, bylineGap);
  const bylineHeight = by.node ? by.height + bylineGap : 0;
  const markHeightInFlow = wide || markWidth === 0 ? 0 : markHeight + gap;
  const available = frame.height - frame.padTop - frame.padBottom - sourceHeight - bylineHeight - markHeightInFlow;

  const fit = fitText(
    {
      text,
      family: theme.fonts.serif,
      sizes: TYPE_SCALE.quote.map((s) => px(s * frame.type, 8)),
      width: textWidth,
      height: Math.max(available, 1),
      lineHeight: LINE_HEIGHT.quote,
      label: 'Quote text',
    },
    ctx,
  );

  const mark = markWidth > 0 ? <QuoteMark size={markWidth} color={theme.accent} mirrored={rtl} style={style} /> : null;
  const body = (
    <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', alignItems: crossAlign(align), width: textWidth }}>
      {wide ? null : mark}
      <TextLines fit={fit} width={textWidth} marginTop={wide || !mark ? 0 : gap} style={{ family: theme.fonts.serif, color: theme.foreground, align, direction: rtl ? 'rtl' : 'ltr' }} />
      {by.node}
    </div>
  );

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: rtl ? 'row-reverse' : 'row',
        width: frame.width,
        height: frame.height,
        backgroundColor: theme.background,
        paddingLeft: frame.padX,
        paddingRight: frame.padX,
        paddingTop: frame.padTop,
        paddingBottom: frame.padBottom,
        boxSizing: 'border-box',
        borderRadius: 0,
      }}
    >
      {wide && mark ? <div style={{ display: 'flex', width: markColumn, flexShrink: 0, justifyContent: rtl ? 'flex-end' : 'flex-start', paddingTop: px(10 * frame.unit) }}>{mark}</div> : null}
      <div style={{ display: 'flex', flexDirection: 'column', width: textWidth, height: frame.height - frame.padTop - frame.padBottom }}>
        {body}
        {source}
      </div>
    </div>
  );
}
