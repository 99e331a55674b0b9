/**
 * The shape a card is laid out for, and the frame every template starts from: paddings scaled from
 * the width, story cards kept out of the bands the app's interface covers. Arbitrary sizes take the
 * layout of the preset nearest in aspect ratio.
 */
import type { TemplateContext } from '../types.js';
import { STORY_SAFE, UI_TEXT } from './tokens.js';

/** The layouts: wide (og), square, tall (portrait), story. */
export type Shape = 'wide' | 'square' | 'tall' | 'story';

const ASPECTS: ReadonlyArray<[Shape, number]> = [
  ['wide', 1200 / 630],
  ['square', 1],
  ['tall', 1080 / 1350],
  ['story', 1080 / 1920],
];

/** The shape for a size: the preset's own, else the one nearest in aspect ratio. */
export function shapeOf(size: TemplateContext['size']): Shape {
  const byName = { og: 'wide', square: 'square', portrait: 'tall', story: 'story' } as const;
  if (size.name) return byName[size.name];
  const ratio = Math.log(size.width / size.height);
  let best: Shape = 'wide';
  let distance = Number.POSITIVE_INFINITY;
  for (const [shape, aspect] of ASPECTS) {
    const d = Math.abs(ratio - Math.log(aspect));
    if (d < distance) {
      distance = d;
      best = shape;
    }
  }
  return best;
}

/** How much bigger type is set on each shape than on og, at the same width. */
const TYPE_BOOST: Readonly<Record<Shape, number>> = { wide: 1, square: 1.18, tall: 1.22, story: 1.3 };

/** The frame of one card. */
export interface Frame {
  width: number;
  height: number;
  shape: Shape;
  /** px per design px: the width over the shape's design width (1200 for og, 1080 otherwise). */
  unit: number;
  /** Multiplier for type scales (unit × the shape's boost). */
  type: number;
  /** Padding left and right. */
  padX: number;
  /** Padding at the top (story: below the safe band). */
  padTop: number;
  /** Padding at the bottom (story: above the safe band). */
  padBottom: number;
  /** Sizes of the secondary text in px. */
  text: { name: number; meta: number; small: number };
}

/** Round to a whole px, at least `min`. */
export const px = (value: number, min = 1) => Math.max(min, Math.round(value));

/** The frame for the context's size. */
export function frameOf(size: TemplateContext['size']): Frame {
  const shape = shapeOf(size);
  const design = shape === 'wide' ? 1200 : 1080;
  // Very flat or very narrow sizes: scale by the side that limits the layout.
  const aspect = ASPECTS.find(([s]) => s === shape)?.[1] ?? 1;
  const unit = Math.min(size.width / design, (size.height / (design / aspect)) * 1.15);
  const type = unit * TYPE_BOOST[shape];
  const padX = px((shape === 'wide' ? 72 : 84) * unit);
  const safe = shape === 'story' ? size.height * STORY_SAFE : 0;
  const padY = (shape === 'wide' ? 60 : 84) * unit;
  const text = {
    name: px(UI_TEXT.name * 1200 * type, 6),
    meta: px(UI_TEXT.meta * 1200 * type, 6),
    small: px(UI_TEXT.small * 1200 * type, 6),
  };
  return { width: size.width, height: size.height, shape, unit, type, padX, padTop: px(safe + padY), padBottom: px(safe + padY), text };
}
