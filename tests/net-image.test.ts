import { describe, expect, test } from 'vitest';
import { InputError, LimitError } from '../src/errors.js';
import { toDataUrl } from '../src/images/data-url.js';
import { type ImageHeader, imageHeader, sniffImageType } from '../src/images/image-header.js';
import { makePng, pngHeader } from './fixtures/net/local-server.js';

const bytes = (...parts: Array<string | number[] | Uint8Array>): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

const gif = (w: number, h: number) => bytes('GIF89a', le16(w), le16(h), [0xf7, 0, 0], [0x3b]);
const jpegSegment = (marker: number, payload: number[]) => [0xff, marker, ...be16(payload.length + 2), ...payload];
const jpeg = (sof: number, w: number, h: number, before: number[] = []) =>
  bytes(
    [0xff, 0xd8],
    jpegSegment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    before,
    jpegSegment(sof, [8, ...be16(h), ...be16(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    jpegSegment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    [0xff, 0xd9],
  );
const webp = (chunk: string, payload: number[]) => bytes('RIFF', le32(4 + 8 + payload.length), 'WEBP', chunk, le32(payload.length), payload);
const vp8x = (w: number, h: number) => webp('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);
const vp8l = (w: number, h: number) => {
  const bits = (w - 1) | ((h - 1) << 14);
  return webp('VP8L', [0x2f, ...le32(bits >>> 0), 0]);
};
const vp8 = (w: number, h: number) => webp('VP8 ', [0x50, 0x2a, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0]);

const headerCases: Array<{ name: string; input: Uint8Array; expected: ImageHeader | undefined }> = [
  { name: 'PNG made by pngjs', input: makePng(3, 2), expected: { type: 'png', width: 3, height: 2 } },
  { name: 'PNG pixel-bomb header 20000×20000', input: pngHeader(20000, 20000), expected: { type: 'png', width: 20000, height: 20000 } },
  { name: 'PNG cut inside IHDR', input: pngHeader(10, 10).subarray(0, 20), expected: undefined },
  { name: 'PNG with zero width', input: pngHeader(0, 10), expected: undefined },
  { name: 'GIF89a', input: gif(640, 480), expected: { type: 'gif', width: 640, height: 480 } },
  { name: 'GIF87a', input: bytes('GIF87a', le16(1), le16(65535)), expected: { type: 'gif', width: 1, height: 65535 } },
  { name: 'JPEG baseline (SOF0)', input: jpeg(0xc0, 1200, 800), expected: { type: 'jpeg', width: 1200, height: 800 } },
  { name: 'JPEG progressive (SOF2)', input: jpeg(0xc2, 400, 400), expected: { type: 'jpeg', width: 400, height: 400 } },
  {
    name: 'JPEG with DQT and DHT (C4, not a frame) before SOF, and fill bytes',
    input: jpeg(0xc1, 33, 44, [...jpegSegment(0xdb, Array(65).fill(1)), ...jpegSegment(0xc4, Array(20).fill(0)), 0xff]),
    expected: { type: 'jpeg', width: 33, height: 44 },
  },
  { name: 'JPEG whose scan starts before any frame', input: bytes([0xff, 0xd8], jpegSegment(0xda, [1, 2, 3])), expected: undefined },
  { name: 'JPEG cut before its frame', input: jpeg(0xc0, 10, 10).subarray(0, 22), expected: undefined },
  { name: 'WebP VP8X', input: vp8x(20000, 16384), expected: { type: 'webp', width: 20000, height: 16384 } },
  { name: 'WebP VP8L', input: vp8l(16383, 2), expected: { type: 'webp', width: 16383, height: 2 } },
  { name: 'WebP VP8 (lossy)', input: vp8(320, 240), expected: { type: 'webp', width: 320, height: 240 } },
  { name: 'WebP VP8 without the start code', input: webp('VP8 ', [0, 0, 0, 1, 2, 3, 1, 0, 1, 0]), expected: undefined },
  { name: 'SVG', input: bytes('<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>'), expected: undefined },
  { name: 'HTML', input: bytes('<!doctype html><html></html>'), expected: undefined },
  { name: 'empty', input: new Uint8Array(0), expected: undefined },
  { name: 'RIFF that is not WebP', input: bytes('RIFF', le32(4), 'WAVEfmt '), expected: undefined },
];

describe('imageHeader', () => {
  for (const { name, input, expected } of headerCases) {
    test(name, () => {
      expect(imageHeader(input)).toEqual(expected);
      if (expected) expect(sniffImageType(input)).toBe(expected.type);
    });
  }
});

describe('toDataUrl', () => {
  const png = makePng(4, 4);
  const cases: Array<{ name: string; input: Uint8Array; options?: { field?: string; maxPixels?: number }; expected: string | { error: typeof InputError | typeof LimitError; message: string } }> = [
    { name: 'PNG', input: png, expected: `data:image/png;base64,${Buffer.from(png).toString('base64')}` },
    { name: 'GIF', input: gif(2, 2), expected: `data:image/gif;base64,${Buffer.from(gif(2, 2)).toString('base64')}` },
    { name: 'WebP', input: vp8(2, 2), expected: `data:image/webp;base64,${Buffer.from(vp8(2, 2)).toString('base64')}` },
    { name: 'JPEG', input: jpeg(0xc0, 2, 2), expected: `data:image/jpeg;base64,${Buffer.from(jpeg(0xc0, 2, 2)).toString('base64')}` },
    {
      name: 'SVG is refused',
      input: bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      options: { field: 'author.avatar' },
      expected: { error: InputError, message: 'Invalid value for input "author.avatar". Allowed: PNG, JPEG, GIF or WebP bytes with a readable header. Received: Uint8Array of 41 bytes.' },
    },
    {
      name: 'pixel bomb is refused before decoding',
      input: pngHeader(20000, 20000),
      expected: { error: LimitError, message: 'Image too large for input "image". Allowed: at most 16777216 pixels. Received: 20000×20000 (400000000 pixels).' },
    },
    {
      name: 'a lower cap',
      input: png,
      options: { maxPixels: 15 },
      expected: { error: LimitError, message: 'Image too large for input "image". Allowed: at most 15 pixels. Received: 4×4 (16 pixels).' },
    },
  ];
  for (const { name, input, options, expected } of cases) {
    test(name, () => {
      if (typeof expected !== 'string') {
        expect(() => toDataUrl(input, options)).toThrow(expected.error);
        expect(() => toDataUrl(input, options)).toThrow(expected.message);
      } else {
        expect(toDataUrl(input, options)).toBe(expected);
      }
    });
  }

  test('a Uint8Array view into a larger buffer encodes only its own bytes', () => {
    const outer = new Uint8Array(png.byteLength + 10);
    outer.set(png, 5);
    expect(toDataUrl(outer.subarray(5, 5 + png.byteLength))).toBe(toDataUrl(png));
  });
});
