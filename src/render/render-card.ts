/**
 * `renderCard()`: one Quote or Post → SVG (satori) → PNG (resvg + our encoder), with alt text and
 * every warning. The same item and options give byte-identical SVG and PNG.
 */
import { FontError, LimitError, RenderError } from '../errors.js';
import { glyphWarning, missingGlyphs } from '../fonts/index.js';
import { hydrateChecked } from '../net/hydrate.js';
import { SYSTEM_TRANSPORT } from '../net/transport.js';
import type { CardResult, Item, Post, RenderOptions } from '../types.js';
import { applyHeapGrowth } from './heap-growth.js';
import { type CheckedOptions, checkOptions } from './options.js';
import { prepareChecked } from './prepare.js';
import { rasterize } from './rasterize.js';
import { loadSatori, type SatoriNode, type SatoriOptions } from './satori.js';
import { treeText } from './tree-text.js';
import { capYoungGeneration } from './young-generation.js';

/** With `hydrate` on, a post is first filled in from the network (failures become warnings). */
async function hydrated(item: unknown, options: CheckedOptions): Promise<{ input: unknown; notes: string[] }> {
  const post = item as Post | undefined;
  if (!options.hydrate || post?.kind !== 'post') return { input: item, notes: [] };
  const { post: filled, warnings } = await hydrateChecked(post, options.hydrate, SYSTEM_TRANSPORT);
  return { input: filled, notes: warnings };
}

/** Largest SVG handed on to resvg or returned, in characters (satori inlines every emoji image it draws). */
export const MAX_SVG_LENGTH = 16_000_000;

function checkSvgSize(svg: string): void {
  if (svg.length <= MAX_SVG_LENGTH) return;
  const received = `${svg.length} characters`;
  throw new LimitError(`The card's SVG is too large. Allowed: at most ${MAX_SVG_LENGTH} characters (fewer emoji or less text). Received: ${received}.`, {
    field: 'svg',
    allowed: `at most ${MAX_SVG_LENGTH} characters`,
    received,
  });
}

/** Draw one card. */
export async function renderCard(item: Item, options?: RenderOptions): Promise<CardResult> {
  const checked = checkOptions(options);
  // satori is loaded before the card is laid out: on the first card its WebAssembly (layout, shaping)
  // then compiles on V8's background threads while the layout below runs (~30 ms sooner in a fresh process)
  const loading = loadSatori();
  loading.catch(() => {}); // a failed load is reported below, not as an unhandled rejection
  const { input, notes } = await hydrated(item, checked);
  const satori = await loading;
  // V8's new space is capped at each stage (young-generation.ts): on a first card it doubles within a stage
  capYoungGeneration();
  const card = prepareChecked(input, checked);
  capYoungGeneration();
  const { width, height } = card.options.size;
  const warnings = [...notes, ...card.warnings];

  const missing = missingGlyphs(treeText(card.tree), card.fonts);
  if (missing.length) {
    const message = glyphWarning(missing);
    if (card.options.strict) {
      throw new FontError(message, { field: 'fonts', allowed: 'fonts covering every character', received: message });
    }
    warnings.push(message);
  }
  if (card.truncated && card.options.strict) {
    throw new LimitError(
      `Text does not fit the card. Allowed: text that fits at the smallest type size (strict mode). Received: ${card.warnings.join(' ') || 'text cut to fit'}.`,
      { field: 'text', allowed: 'text that fits', received: 'text cut to fit' },
    );
  }

  applyHeapGrowth();
  capYoungGeneration();
  let svg: string;
  try {
    svg = await satori(card.tree as unknown as SatoriNode, {
      width,
      height,
      fonts: card.fonts.satoriFonts as SatoriOptions['fonts'],
      loadAdditionalAsset: card.fonts.loadAdditionalAsset,
    });
  } catch (error) {
    throw new RenderError(`satori could not lay out the card. Allowed: a tree satori supports. Received: ${String(error)}.`, {
      field: 'template',
      cause: error,
    });
  }
  capYoungGeneration();
  for (const note of card.fonts.takeNotes?.() ?? []) if (!warnings.includes(note)) warnings.push(note);
  checkSvgSize(svg);

  const png = card.options.format === 'png' ? await rasterize(svg, width, height, card.options.compression) : undefined;
  capYoungGeneration();
  return {
    svg,
    ...(png ? { png } : {}),
    width,
    height,
    alt: card.alt,
    truncated: card.truncated,
    warnings,
  };
}
