import { describe, expect, test } from 'vitest';
import { imageHeader } from '../src/images/image-header.js';
import { imageIntact } from '../src/images/image-integrity.js';
import { encodePng } from '../src/png/png-encoder.js';

const png = encodePng(new Uint8Array(8 * 8 * 4).fill(120), 8, 8);
const flipped = png.slice();
flipped[45] = (flipped[45] as number) ^ 0xff; // inside IDAT: its CRC no longer matches
const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 2, 0, 2, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0xd9);
const gif = Uint8Array.of(...Buffer.from('GIF89a'), 2, 0, 2, 0, 0xf7, 0, 0, 0x3b);

describe('imageIntact', () => {
  test.each([
    { name: 'a whole PNG', bytes: png, intact: true },
    { name: 'a PNG cut before IEND', bytes: png.subarray(0, png.length - 12), intact: false },
    { name: 'a PNG cut inside IDAT', bytes: png.subarray(0, 50), intact: false },
    { name: 'a PNG with a corrupt IDAT byte', bytes: flipped, intact: false },
    { name: 'a whole JPEG', bytes: jpeg, intact: true },
    { name: 'a JPEG without its end marker', bytes: jpeg.subarray(0, jpeg.length - 2), intact: false },
    { name: 'a whole GIF', bytes: gif, intact: true },
    { name: 'a GIF without its trailer', bytes: gif.subarray(0, gif.length - 1), intact: false },
  ])('$name', ({ bytes, intact }) => {
    const header = imageHeader(bytes);
    expect(header).toBeDefined();
    expect(imageIntact(bytes, header as NonNullable<typeof header>)).toBe(intact);
  });
});
