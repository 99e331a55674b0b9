/**
 * The PNG encoder where there is no Node `Buffer` (Workers, browsers: quotecard/wasm uses it there): rows equal
 * to the row above are found by comparing pixels instead of Buffer's native compare, with the same bytes out.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { encodePng } from '../src/png/png-encoder.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A card-like image: flat bands (rows like the one above) with a few rows of varied pixels between them. */
function bands(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const varied = y % 9 === 4;
      data.set(varied ? [(x * 13) % 256, y % 256, 90, 255] : [250, 248, 243 - (y >> 4), 255], (y * width + x) * 4);
    }
  }
  return data;
}

test('without Buffer the encoder writes the bytes it writes with it', async () => {
  const pixels = bands(120, 80);
  const withBuffer = encodePng(pixels, 120, 80);
  vi.stubGlobal('Buffer', undefined);
  vi.resetModules();
  const fresh = await import('../src/png/png-encoder.js');
  const withoutBuffer = fresh.encodePng(pixels, 120, 80);
  vi.unstubAllGlobals();
  expect(withoutBuffer).toEqual(withBuffer);
  // a row that differs from the one above in its last pixel only is not taken for a copy
  const lastPixel = bands(50, 3);
  lastPixel.set([1, 2, 3, 255], (2 * 50 + 49) * 4);
  expect(fresh.encodePng(lastPixel, 50, 3)).toEqual(encodePng(lastPixel, 50, 3));
});
