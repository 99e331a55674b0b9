/**
 * Text fitting: the largest size on a type scale at which the text fits its box (width × the lines
 * that fit its height), measured with the card's fonts — never by rendering. Below the smallest size
 * the text is cut at a word boundary with "…", and the context hears about it.
 */
import type { Measurer, TemplateContext } from '../types.js';
import { type FontSpec, type Line, breakLines, breakOpportunities, textWidth } from './line-break.js';

/** What to fit where. */
export interface FitRequest {
  text: string;
  family: string;
  weight?: number;
  /** Candidate font sizes in px, largest first. */
  sizes: readonly number[];
  /** Box width in px. */
  width: number;
  /** Box height in px. */
  height: number;
  /** Line height as a ratio of the font size. */
  lineHeight: number;
  /** Never use more lines than this, even if the box is taller. */
  maxLines?: number;
  /** What the text is, for the warning ("Quote text", "Post text"). */
  label?: string;
}

/** The chosen setting. */
export interface FitResult {
  /** Font size in px. */
  fontSize: number;
  /** Line height in whole px (satori rounds line heights to whole pixels). */
  lineHeight: number;
  /** The text as drawn: the input, or its head cut with "…". */
  text: string;
  /** The lines, as the template should draw them. */
  lines: string[];
  /** Where each line starts in `text` (UTF-16 offsets). */
  starts: number[];
  /** Height of the text block: lines × line height. */
  height: number;
  /** Whether the text was cut. */
  truncated: boolean;
}

/**
 * Lines are broken against this share of the box width, so that small differences between our
 * measure and satori's shaping (kerning, rounding) never make a line wider than its box.
 */
export const WIDTH_SAFETY = 0.97;

const TRAILING_PUNCTUATION = /[\s,;:\-–—/]+$/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function setting(req: FitRequest, fontSize: number): { font: FontSpec; lineHeight: number; maxLines: number } {
  const lineHeight = Math.round(fontSize * req.lineHeight);
  const byHeight = Math.floor(req.height / lineHeight);
  const maxLines = Math.max(1, Math.min(byHeight, req.maxLines ?? byHeight));
  return { font: { family: req.family, fontSize, weight: req.weight }, lineHeight, maxLines };
}

/** The head of `line` (a slice of `text`) ending at a word boundary, plus "…", within `maxWidth`. */
function ellipsize(text: string, line: Line, maxWidth: number, font: FontSpec, measure: Measurer): string | undefined {
  const pieces = breakOpportunities(text.slice(line.start, line.end));
  for (let n = pieces.length; n >= 1; n--) {
    const head = pieces.slice(0, n).join('').replace(TRAILING_PUNCTUATION, '');
    if (head && textWidth(`${head}…`, font, measure) <= maxWidth) return `${head}…`;
  }
  // One unbreakable piece (a URL): cut it between graphemes.
  const chars = [...graphemes.segment(pieces[0] ?? '')].map((g) => g.segment);
  while (chars.length > 1) {
    chars.pop();
    const head = chars.join('');
    if (textWidth(`${head}…`, font, measure) <= maxWidth) return `${head}…`;
  }
  return undefined;
}

/** Cut the text to `maxLines` lines, the last ending with "…". */
function cut(req: FitRequest, lines: Line[], maxLines: number, font: FontSpec, measure: Measurer): { text: string; lines: string[]; starts: number[] } {
  const kept = lines.slice(0, maxLines);
  const maxWidth = req.width * WIDTH_SAFETY;
  while (kept.length) {
    const last = kept.pop() as Line;
    const end = ellipsize(req.text, last, maxWidth, font, measure);
    if (end !== undefined) {
      return { text: req.text.slice(0, last.start) + end, lines: [...kept.map((l) => l.text), end], starts: [...kept.map((l) => l.start), last.start] };
    }
  }
  return { text: '…', lines: ['…'], starts: [0] };
}

/** Fit `req.text` into its box; report a cut through `ctx`. */
export function fitText(req: FitRequest, ctx: Pick<TemplateContext, 'measure' | 'warn' | 'markTruncated'>): FitResult {
  const sizes = req.sizes.length ? req.sizes : [16];
  const maxWidth = req.width * WIDTH_SAFETY;
  for (const fontSize of sizes) {
    const { font, lineHeight, maxLines } = setting(req, fontSize);
    const lines = breakLines(req.text, maxWidth, font, ctx.measure, maxLines);
    if (lines.length <= maxLines) {
      const texts = lines.map((l) => l.text);
      const starts = lines.map((l) => l.start);
      return { fontSize, lineHeight, text: req.text, lines: texts, starts, height: texts.length * lineHeight, truncated: false };
    }
  }
  const fontSize = sizes[sizes.length - 1] as number;
  const { font, lineHeight, maxLines } = setting(req, fontSize);
  const lines = breakLines(req.text, maxWidth, font, ctx.measure, maxLines);
  const result = cut(req, lines, maxLines, font, ctx.measure);
  ctx.markTruncated();
  const dropped = req.text.length - (result.text.length - 1);
  ctx.warn(
    `${req.label ?? 'Text'} cut to fit the card: ${dropped} of ${req.text.length} characters dropped at the smallest type size (${fontSize}px, ${maxLines} lines).`,
  );
  return { fontSize, lineHeight, text: result.text, lines: result.lines, starts: result.starts, height: result.lines.length * lineHeight, truncated: true };
}
