/**
 * SVG → PNG with resvg's WebAssembly build, the same resvg (2.6.2) and options as the native one in
 * src/render/rasterize.ts, so cards match within the snapshots' tolerance, and the same PNG encoder
 * (palette when the card has few colours) over fflate's deflate instead of zlib's. `compression: 'small'`
 * draws the same bytes as 'fast' here (oxipng is read from disk in Node). Each render's WebAssembly memory
 * is freed as soon as its pixels are copied out.
 */
import { Resvg } from '@resvg/resvg-wasm';
import { RenderError } from '../errors.js';
import { assertSelfContained } from '../images/resource-policy.js';
import { encodePng } from '../png/png-encoder.js';
import { inlineSvgImages } from '../render/inline-svg-images.js';
import { dropOffCanvasImages } from '../render/offcanvas-images.js';
import { dropNoopImageClips } from '../render/svg-clips.js';
import { initWasm } from './wasm-init.js';

/** Rasterize a satori SVG of `width`×`height` to PNG bytes. */
export async function rasterizeWasm(svg: string, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  assertSelfContained(svg);
  await initWasm();
  let resvg: InstanceType<typeof Resvg> | undefined;
  let image: ReturnType<InstanceType<typeof Resvg>['render']> | undefined;
  let drawn: { pixels: Uint8Array; width: number; height: number };
  try {
    resvg = new Resvg(inlineSvgImages(dropNoopImageClips(dropOffCanvasImages(svg, width, height))), {
      fitTo: { mode: 'width', value: width },
      imageRendering: 0,
      shapeRendering: 2,
      textRendering: 1,
    });
    image = resvg.render();
    drawn = { pixels: image.pixels, width: image.width, height: image.height };
  } catch (error) {
    throw new RenderError('raster-failed', "resvg could not draw the card's SVG", {
      field: 'svg',
      allowed: 'SVG as satori makes it',
      received: String(error),
      cause: error,
    });
  } finally {
    image?.free();
    resvg?.free();
  }
  return encodePng(drawn.pixels, drawn.width, drawn.height, { premultiplied: true });
}
