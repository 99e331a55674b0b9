/**
 * SVG → PNG with resvg's WebAssembly build, the same resvg (2.6.2) and options as the native one in
 * src/render/rasterize.ts, so cards match within the snapshots' tolerance, and the same PNG encoder
 * (palette when the card has few colours) over fflate's deflate instead of zlib's. `compression: 'small'`
 * draws the same bytes as 'fast' here (oxipng is read from disk in Node). Each render's WebAssembly memory
 * is freed as soon as its pixels are copied out.
 */
import { Resvg } from '@resvg/resvg-wasm';
import { encodePng } from '../png/png-encoder.js';
import { rasterFailed, resvgOptions, resvgSvg } from '../render/resvg-input.js';
import { initWasm } from './wasm-init.js';

/** Rasterize a satori SVG of `width`×`height` to PNG bytes. */
export async function rasterizeWasm(svg: string, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const input = resvgSvg(svg, width, height);
  await initWasm();
  let resvg: InstanceType<typeof Resvg> | undefined;
  let image: ReturnType<InstanceType<typeof Resvg>['render']> | undefined;
  let drawn: { pixels: Uint8Array; width: number; height: number };
  try {
    resvg = new Resvg(input, resvgOptions(width));
    image = resvg.render();
    drawn = { pixels: image.pixels, width: image.width, height: image.height };
  } catch (error) {
    throw rasterFailed(error);
  } finally {
    image?.free();
    resvg?.free();
  }
  return encodePng(drawn.pixels, drawn.width, drawn.height, { premultiplied: true });
}
