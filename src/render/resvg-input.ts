/**
 * What both rasterizers (native resvg-js in src/render/rasterize.ts, resvg-wasm in src/wasm/rasterize.ts)
 * hand resvg: the SVG checked and prepared the same way, with the same drawing options, so their cards
 * match; and the one error either reports when resvg fails.
 */
import { RenderError } from '../errors.js';
import { assertSelfContained } from '../images/resource-policy.js';
import { inlineSvgImages } from './inline-svg-images.js';
import { dropOffCanvasImages } from './offcanvas-images.js';
import { dropNoopImageClips } from './svg-clips.js';

/** A satori SVG of `width`×`height`, refused if it refers outside itself, prepared for resvg. */
export function resvgSvg(svg: string, width: number, height: number): string {
  assertSelfContained(svg);
  return inlineSvgImages(dropNoopImageClips(dropOffCanvasImages(svg, width, height)));
}

/** resvg's options for a card `width` wide: crisp images, geometric shapes, legible text. */
export function resvgOptions(width: number) {
  return { fitTo: { mode: 'width' as const, value: width }, imageRendering: 0 as const, shapeRendering: 2 as const, textRendering: 1 as const };
}

/** The error of a resvg that could not draw the SVG. */
export function rasterFailed(error: unknown): RenderError {
  return new RenderError('raster-failed', "resvg could not draw the card's SVG", {
    field: 'svg',
    allowed: 'SVG as satori makes it',
    received: String(error),
    cause: error,
  });
}
