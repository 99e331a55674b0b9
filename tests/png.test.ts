import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { crc32, tableCrc32 } from '../src/png/crc32.js';
import { quantize } from '../src/png/palette.js';
import { encodePng, unpremultiply } from '../src/png/png-encoder.js';

const decode = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));
const colourType = (bytes: Uint8Array) => bytes[25];

function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number]) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 4);
  return data;
}

const cases = [
  { name: 'flat colour', w: 64, h: 32, f: () => [250, 248, 243, 255] as [number, number, number, number], type: 3, exact: true },
  { name: 'a 200-step ramp (text anti-aliasing)', w: 200, h: 10, f: (x: number) => [x, x, 255 - x, 255] as [number, number, number, number], type: 3, exact: true },
  { name: 'translucent pixels', w: 20, h: 20, f: (x: number) => [200, 10, 10, x * 10] as [number, number, number, number], type: 3, exact: true },
  { name: '600 colours (reduced to 256)', w: 600, h: 4, f: (x: number) => [x % 256, (x * 3) % 256, Math.floor(x / 3), 255] as [number, number, number, number], type: 3, exact: false },
  { name: 'photographic (truecolour)', w: 128, h: 128, f: (x: number, y: number) => [x * 2, y * 2, (x * y) % 256, 255] as [number, number, number, number], type: 2, exact: true },
];

describe('encodePng', () => {
  test.each(cases)('$name', ({ w, h, f, type, exact }) => {
    const pixels = image(w, h, f);
    const png = encodePng(pixels, w, h);
    expect(colourType(png)).toBe(type);
    const back = decode(png);
    expect([back.width, back.height]).toEqual([w, h]);
    let worst = 0;
    for (let i = 0; i < pixels.length; i++) worst = Math.max(worst, Math.abs((back.data[i] as number) - (pixels[i] as number)));
    if (exact) expect(worst).toBe(0);
    else expect(worst).toBeLessThanOrEqual(24);
  });

  test('same pixels give the same bytes', () => {
    const pixels = image(300, 50, (x, y) => [(x * 7) % 256, (y * 5) % 256, 40, 255]);
    expect(Buffer.from(encodePng(pixels, 300, 50)).equals(Buffer.from(encodePng(pixels, 300, 50)))).toBe(true);
  });

  test('nothing carries over from one image to the next (reused buffers)', () => {
    const big = image(300, 200, (x, y) => [(x * 3) % 256, (y * 7) % 256, 200, 255]);
    const small = image(40, 30, (x, y) => [y % 2 ? 10 : 250, x, 3, 255 - x]);
    const alone = Buffer.from(encodePng(small, 40, 30));
    encodePng(big, 300, 200);
    expect(Buffer.from(encodePng(small, 40, 30)).equals(alone)).toBe(true);
    expect(Buffer.from(decode(alone).data).equals(Buffer.from(small))).toBe(true);
  });

  test('rows equal to the row above (margins, line gaps) decode exactly', () => {
    const banded = image(50, 40, (x, y) => (y % 10 < 6 ? [240, 240, 230, 255] : [x * 5, 0, 0, 255]));
    expect(Buffer.from(decode(encodePng(banded, 50, 40)).data).equals(Buffer.from(banded))).toBe(true);
  });

  test('a wrong buffer length is refused', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(
      'The PNG encoder was given pixels of the wrong size. Allowed: 16 bytes of RGBA for 2×2. Received: 10 bytes.',
    );
  });

  test.each([
    { name: 'indexed', w: 16, h: 4 },
    { name: 'truecolour', w: 128, h: 64 },
  ])('premultiplied input ($name) is stored as straight alpha', ({ w, h }) => {
    const premultiplied = image(w, h, (x, y) => {
      const a = (x * 16 + y) % 256;
      return [Math.round((((x * 37) % 256) * a) / 255), Math.round((((y * 11) % 256) * a) / 255), Math.round((90 * a) / 255), a];
    });
    const back = decode(encodePng(premultiplied, w, h, { premultiplied: true }));
    const expected = unpremultiply(premultiplied);
    expect(Buffer.from(back.data).equals(Buffer.from(expected))).toBe(true);
  });

  test('premultiplied pixels become straight alpha', () => {
    expect([...unpremultiply(Uint8Array.of(128, 64, 0, 128, 0, 0, 0, 0, 9, 9, 9, 255))]).toEqual([255, 128, 0, 128, 0, 0, 0, 0, 9, 9, 9, 255]);
  });
});

describe('the pixel scan', () => {
  const rgba = (c: number): [number, number, number, number] => [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, 255];
  const cases = [
    { name: 'one pixel', w: 1, h: 1, f: () => [9, 8, 7, 255] as [number, number, number, number], type: 3 },
    { name: 'odd widths', w: 19, h: 7, f: (x: number, y: number) => rgba(((x * 5) >> 2) + y * 3), type: 3 },
    { name: 'long runs and a run that ends on the last pixel', w: 1203, h: 9, f: (x: number, y: number) => rgba(x < 600 ? 1 : x === 1202 ? 2 + y : 3), type: 3 },
    { name: 'rows equal to the row above', w: 300, h: 40, f: (x: number, y: number) => rgba(y % 10 < 6 ? 5 : (x >> 3) % 7), type: 3 },
    { name: 'exactly 256 colours', w: 256, h: 3, f: (x: number) => rgba(x * 7919), type: 3 },
    { name: 'a large photographic image after small ones', w: 2400, h: 1600, f: (x: number, y: number) => [(x >> 4) % 200, (y >> 5) % 100, 60, 255] as [number, number, number, number], type: 2 },
  ];
  test.each(cases)('$name: decodes to the same pixels', ({ w, h, f, type }) => {
    const pixels = image(w, h, f);
    const png = encodePng(pixels, w, h);
    expect(colourType(png)).toBe(type);
    expect(Buffer.from(decode(png).data).equals(Buffer.from(pixels))).toBe(true);
  });
});

describe('quantize', () => {
  test('few colours keep an exact palette', () => {
    const colours = Uint32Array.of(1, 2, 3);
    const { palette, map } = quantize(colours, Uint32Array.of(5, 5, 5), 256);
    expect([...palette]).toEqual([1, 2, 3]);
    expect([...map]).toEqual([0, 1, 2]);
  });
  test('many colours map to at most max entries, each to a near one', () => {
    const colours = Uint32Array.from({ length: 1000 }, (_, i) => ((i % 256) | ((i >> 2) << 8) | (255 << 24)) >>> 0);
    const counts = new Uint32Array(1000).fill(1);
    const { palette, map } = quantize(colours, counts, 16);
    expect(palette.length).toBe(16);
    expect(Math.max(...map)).toBeLessThan(16);
  });
});

describe('crc32', () => {
  const ascii = (text: string) => new TextEncoder().encode(text);
  const cases = [
    { name: 'empty', bytes: new Uint8Array(0), expected: 0 },
    { name: 'the standard check value', bytes: ascii('123456789'), expected: 0xcbf43926 },
    { name: 'an IEND chunk type', bytes: ascii('IEND'), expected: 0xae426082 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      expect(crc32(c.bytes)).toBe(c.expected);
      expect(tableCrc32(c.bytes)).toBe(c.expected);
    });
  }

  test('a range of a larger buffer', () => {
    const bytes = ascii('xx123456789yy');
    expect(crc32(bytes, 2, 11)).toBe(0xcbf43926);
    expect(tableCrc32(bytes, 2, 11)).toBe(0xcbf43926);
  });

  test('the native and the table-driven forms agree on random bytes', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24);
    for (const [start, end] of [[0, 70_000], [3, 65_539], [100, 100]]) expect(crc32(bytes, start, end)).toBe(tableCrc32(bytes, start, end));
  });
});

