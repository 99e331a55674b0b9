/**
 * SVG → PNG with resvg-js: system fonts off (text is already paths, so the result is the same on every
 * machine and resvg skips scanning the system's fonts), our own PNG encoder, and native memory handed
 * back after every card.
 *
 * resvg-js keeps each render's pixmap in native memory until V8 collects the JS wrapper, and V8 does
 * not see that memory, so a plain loop of renders grows to gigabytes. Copying the pixels out
 * (`render().pixels`) puts their size on V8's books, which makes it collect often, and the wrappers'
 * finalizers run on the event loop, so each render ends by yielding to it once (`setImmediate`).
 * Together these keep the resident set flat over thousands of cards without the caller's help.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { RenderError } from '../errors.js';
import { packageRequire } from '../shared/package-require.js';
import { encodePng } from '../png/png-encoder.js';
import { shrinkPng } from '../png/oxipng.js';
import { rasterFailed, resvgOptions, resvgSvg } from './resvg-input.js';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;

/** What to do when the native rasterizer cannot be loaded. */
const NATIVE_FIX =
  "@resvg/resvg-js with its platform package (npm installs it as an optional dependency: not with --omit=optional, and on the platform that runs it); in a bundle, quotecard left external (Next.js: serverExternalPackages: ['quotecard']; esbuild: --external:quotecard); or quotecard/wasm, which needs no native binary (docs/hosts.md)";

/** resvg-js (a native addon, CommonJS), loaded on the first PNG rather than on import. */
function loadResvg(): ResvgModule {
  if (resvg) return resvg;
  try {
    resvg = packageRequire()('@resvg/resvg-js') as ResvgModule;
  } catch (error) {
    throw new RenderError('raster-failed', 'The native rasterizer (@resvg/resvg-js) could not be loaded', {
      field: 'format',
      allowed: NATIVE_FIX,
      received: error instanceof Error ? error.message.split('\n')[0] : String(error),
      cause: error,
    });
  }
  return resvg;
}

/** Rasterize a satori SVG of `width`×`height` to PNG bytes; `small` recompresses them losslessly (slower). */
export async function rasterize(svg: string, width: number, height: number, compression: 'fast' | 'small' = 'fast'): Promise<Uint8Array<ArrayBuffer>> {
  const input = resvgSvg(svg, width, height);
  let pixels: Uint8Array;
  let actualHeight: number;
  let actualWidth: number;
  const { Resvg } = loadResvg();
  try {
    const image = new Resvg(input, { ...resvgOptions(width), font: { loadSystemFonts: false } }).render();
    pixels = image.pixels;
    actualWidth = image.width;
    actualHeight = image.height;
  } catch (error) {
    throw rasterFailed(error);
  }
  const png = encodePng(pixels, actualWidth, actualHeight, { premultiplied: true });
  await nextTurn();
  if (compression === 'fast') return png;
  try {
    return await shrinkPng(png);
  } catch (error) {
    throw new RenderError('compress-failed', "oxipng could not recompress the card's PNG", {
      field: 'compression',
      allowed: 'a PNG quotecard encoded',
      received: String(error),
      cause: error,
    });
  }
}
