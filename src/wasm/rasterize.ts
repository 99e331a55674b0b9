/**
 * SVG → PNG with resvg's WebAssembly build, the same resvg (2.6.2) and options as the native one in
 * src/render/rasterize.ts, so cards match within the snapshots' tolerance. The PNG is resvg's own encoding
 * (our encoder needs node:zlib's deflate); `compression: 'small'` draws the same bytes as 'fast' here
 * (oxipng is read from disk in Node). Each render's WebAssembly memory is freed as soon as it is copied.
 */
import { Resvg } from '@resvg/resvg-wasm';
import { RenderError } from '../errors.js';
import { assertSelfContained } from '../images/resource-policy.js';
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
  try {
    resvg = new Resvg(inlineSvgImages(dropNoopImageClips(dropOffCanvasImages(svg, width, height))), {
      fitTo: { mode: 'width', value: width },
      imageRendering: 0,
      shapeRendering: 2,
      textRendering: 1,
    });
    image = resvg.render();
    // copied out of the WebAssembly memory by resvg's bindings: a plain ArrayBuffer of its own
    return image.asPng() as Uint8Array<ArrayBuffer>;
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
}
