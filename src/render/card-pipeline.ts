/**
 * The card pipeline both entries share: one Quote or Post → checked options → element tree → SVG
 * (satori) → PNG, with alt text and every warning. What differs between Node and WebAssembly hosts —
 * loading satori, rasterizing, fetching a post — comes in as `CardEdges`; this module imports nothing
 * that needs Node. The same item, options and edges give byte-identical SVG and PNG.
 */
import { cardTree } from '../cards/card-tree.js';
import { FontError, LimitError, RenderError } from '../errors.js';
import { glyphWarning, type GlyphSource, missingGlyphs } from '../fonts/missing-glyphs.js';
import { packageForScript } from '../fonts/script-packages.js';
import { checkOptions } from '../shared/check.js';
import type { CardResult, ItemInput, Post, RenderOptions } from '../types.js';
import { type CheckedOptions, renderOptions } from './options.js';
import type { Satori, SatoriNode, SatoriOptions } from './satori.js';
import { treeText } from './tree-text.js';

/** What a host supplies to the pipeline. */
export interface CardEdges {
  /** The satori function, loaded (and its WebAssembly compiled) on first call. */
  satori(): Promise<Satori>;
  /** A satori SVG of `width`×`height` → PNG bytes. */
  rasterize(svg: string, width: number, height: number, compression: CheckedOptions['compression']): Promise<Uint8Array<ArrayBuffer>>;
  /** Fill a post in from the network (failures become warnings), for the `hydrate` option. */
  hydrate(post: Post, options: NonNullable<CheckedOptions['hydrate']>): Promise<{ post: Post; warnings: string[] }>;
}

/** With `hydrate` on, a post is first filled in from the network (failures become warnings). */
async function hydrated(edges: CardEdges, item: unknown, options: CheckedOptions): Promise<{ input: unknown; notes: string[] }> {
  const post = item as Post | undefined;
  if (!options.hydrate || post?.kind !== 'post') return { input: item, notes: [] };
  const { post: filled, warnings } = await edges.hydrate(post, options.hydrate);
  return { input: filled, notes: warnings };
}

/** Largest SVG handed on to resvg or returned, in characters (satori inlines every emoji image it draws). */
export const MAX_SVG_LENGTH = 16_000_000;

function checkSvgSize(svg: string): void {
  if (svg.length <= MAX_SVG_LENGTH) return;
  throw new LimitError('too-large', "The card's SVG is too large", {
    field: 'svg',
    allowed: `at most ${MAX_SVG_LENGTH} characters (fewer emoji or less text)`,
    received: `${svg.length} characters`,
  });
}

/** Share of a quote's or post's own characters no font has past which the card is not made: it would be blank. */
const UNDRAWABLE_SHARE = 0.5;
/** …and at least this many of them (a stray symbol in a two-letter string is a warning, not a refusal). */
const UNDRAWABLE_LETTERS = 3;
/** How much of the text (UTF-16 units) that share is read from. */
const UNDRAWABLE_SAMPLE = 4_000;

/**
 * A quote or post whose own text is mostly characters no loaded font has would be a card of blank boxes
 * and a speaker's name: it is refused with a `FontError` naming the script and the package that draws it.
 */
function refuseUndrawable(item: unknown, fonts: GlyphSource): void {
  const raw = (item as { text?: unknown } | undefined)?.text;
  if (typeof raw !== 'string') return;
  // the share is read from the text's opening (what a card can show at most), so a huge text costs no more
  const text = raw.slice(0, UNDRAWABLE_SAMPLE);
  const missing = missingGlyphs(text, fonts).filter((g) => g.script !== 'Emoji');
  if (missing.length === 0) return; // the usual case, answered by missingGlyphs' fast path
  const visible = Array.from(text).filter((c) => /[\p{L}\p{N}\p{M}]/u.test(c)).length;
  const undrawable = new Set(missing.flatMap((g) => g.chars.flatMap((c) => Array.from(c))));
  const count = Array.from(text).filter((c) => undrawable.has(c) && /[\p{L}\p{N}\p{M}]/u.test(c)).length;
  if (count < UNDRAWABLE_LETTERS || count < visible * UNDRAWABLE_SHARE) return;
  const scripts = missing.map((g) => g.script).filter((s) => s !== 'Common' && s !== 'Punctuation');
  const packages = [...new Set(scripts.map(packageForScript).filter((p): p is string => p !== undefined))];
  throw new FontError('script-unsupported', `No loaded font draws the ${item && (item as { kind?: string }).kind === 'post' ? 'post' : 'quote'}'s text (${scripts.join(', ')})`, {
    field: 'fonts',
    allowed: packages.length ? `fonts for it: install ${packages.join(' or ')}, or pass one in options.fonts (docs/fonts.md)` : 'a font for it in options.fonts (docs/fonts.md)',
    received: `${count} of ${visible} letters no font has`,
  });
}

/** Draw one card with the host's `edges`. */
export async function drawCard(edges: CardEdges, item: ItemInput, options?: RenderOptions): Promise<CardResult> {
  const checked = checkOptions(renderOptions, options);
  // satori is loaded before the card is laid out, so on the first card its WebAssembly (layout,
  // shaping) compiles on V8's background threads while the layout runs
  const loading = edges.satori();
  loading.catch(() => {}); // a failed load is reported below, not as an unhandled rejection
  const { input, notes } = await hydrated(edges, item, checked);
  const satori = await loading;
  const card = cardTree(input, checked);
  const { width, height } = checked.size;
  const warnings = [...notes, ...card.warnings];

  refuseUndrawable(input, card.fonts);
  const missing = missingGlyphs(treeText(card.tree), card.fonts);
  if (missing.length) {
    const message = glyphWarning(missing);
    if (checked.strict) {
      const count = missing.reduce((n, m) => n + m.chars.length, 0);
      throw new FontError('glyphs-missing', message, {
        field: 'fonts',
        allowed: 'fonts that cover every character (strict mode)',
        received: `${count} character${count === 1 ? '' : 's'} no font has`,
      });
    }
    warnings.push(message);
  }
  if (card.truncated && checked.strict) {
    throw new LimitError('text-truncated', 'Text does not fit the card', {
      field: 'text',
      allowed: 'text that fits at the smallest type size (strict mode)',
      received: card.warnings.join(' ') || 'text cut to fit',
    });
  }

  let svg: string;
  try {
    svg = await satori(card.tree as unknown as SatoriNode, {
      width,
      height,
      fonts: card.fonts.satoriFonts as SatoriOptions['fonts'],
      loadAdditionalAsset: card.fonts.loadAdditionalAsset,
    });
  } catch (error) {
    throw new RenderError('layout-failed', 'satori could not lay out the card', {
      field: 'template',
      allowed: 'a tree satori supports',
      received: String(error),
      cause: error,
    });
  }
  for (const note of card.fonts.takeNotes?.() ?? []) if (!warnings.includes(note)) warnings.push(note);
  checkSvgSize(svg);

  const png = checked.format === 'png' ? await edges.rasterize(svg, width, height, checked.compression) : undefined;
  return { svg, ...(png ? { png } : {}), width, height, alt: card.alt, truncated: card.truncated, warnings };
}
