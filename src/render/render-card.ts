/**
 * `renderCard()`: one Quote or Post → SVG (satori) → PNG (resvg + our encoder), with alt text and
 * every warning. The same item and options give byte-identical SVG and PNG.
 */
import { cardTree } from '../cards/card-tree.js';
import { FontError, LimitError, RenderError } from '../errors.js';
import { glyphWarning, missingGlyphs } from '../fonts/missing-glyphs.js';
import { hydrateChecked } from '../net/hydrate.js';
import { SYSTEM_TRANSPORT } from '../net/transport.js';
import { checkOptions } from '../shared/check.js';
import type { CardResult, Item, Post, RenderOptions } from '../types.js';
import { type CheckedOptions, renderOptions } from './options.js';
import { rasterize } from './rasterize.js';
import { loadSatori, type SatoriNode, type SatoriOptions } from './satori.js';
import { treeText } from './tree-text.js';

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
  throw new LimitError('too-large', "The card's SVG is too large", {
    field: 'svg',
    allowed: `at most ${MAX_SVG_LENGTH} characters (fewer emoji or less text)`,
    received: `${svg.length} characters`,
  });
}

/** Draw one card. */
export async function renderCard(item: Item, options?: RenderOptions): Promise<CardResult> {
  const checked = checkOptions(renderOptions, options);
  // satori is loaded before the card is laid out, so on the first card its WebAssembly (layout,
  // shaping) compiles on V8's background threads while the layout runs
  const loading = loadSatori();
  loading.catch(() => {}); // a failed load is reported below, not as an unhandled rejection
  const { input, notes } = await hydrated(item, checked);
  const satori = await loading;
  const card = cardTree(input, checked);
  const { width, height } = checked.size;
  const warnings = [...notes, ...card.warnings];

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

  const png = checked.format === 'png' ? await rasterize(svg, width, height, checked.compression) : undefined;
  return { svg, ...(png ? { png } : {}), width, height, alt: card.alt, truncated: card.truncated, warnings };
}
