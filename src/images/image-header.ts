/**
 * What an image is and how big it is, read from its first bytes without decoding it: PNG (IHDR),
 * JPEG (the SOFn segment), GIF (logical screen) and WebP (VP8, VP8L, VP8X). Pure: bytes in, facts out.
 * Anything else — SVG, HTML, truncated or corrupt headers — is `undefined`.
 */

/** The image formats quotecard accepts. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp';

/** What the header of an image says. */
export interface ImageHeader {
  /** Format, from the magic bytes. */
  type: ImageType;
  /** Width in px, as the header states it. */
  width: number;
  /** Height in px, as the header states it. */
  height: number;
}

/** MIME type of each format. */
export const IMAGE_MIME: Readonly<Record<ImageType, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (bytes.length < at + length) return '';
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u16le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u24le(bytes: Uint8Array, at: number): number {
  return u16le(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
}

function u32be(bytes: Uint8Array, at: number): number {
  return u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
}

/** The format the magic bytes name, or `undefined` when they name none of the four. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return undefined;
}

function pngSize(bytes: Uint8Array): [number, number] | undefined {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  return [u32be(bytes, 16), u32be(bytes, 20)];
}

function gifSize(bytes: Uint8Array): [number, number] | undefined {
  if (bytes.length < 10) return undefined;
  return [u16le(bytes, 6), u16le(bytes, 8)];
}

/** Start-of-frame markers that carry the frame size (C4 DHT, C8 JPG and CC DAC are not frames). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array): [number, number] | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    let marker = bytes[at + 1] ?? 0;
    while (marker === 0xff && at + 2 < bytes.length) {
      at += 1; // fill bytes before a marker
      marker = bytes[at + 1] ?? 0;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan data before any frame
    const length = u16be(bytes, at + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return [u16be(bytes, at + 7), u16be(bytes, at + 5)];
    }
    at += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array): [number, number] | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) return [u24le(bytes, 24) + 1, u24le(bytes, 27) + 1];
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = u16le(bytes, 21) + u16le(bytes, 23) * 0x10000;
    return [(bits & 0x3fff) + 1, (Math.floor(bits / 0x4000) & 0x3fff) + 1];
  }
  if (chunk === 'VP8 ' && bytes.length >= 30 && startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) {
    return [u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff];
  }
  return undefined;
}

/**
 * Format and pixel size from the header alone. `undefined` when the bytes are not PNG, JPEG, GIF or
 * WebP, when the header is cut short, or when it states a zero width or height.
 */
export function imageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const type = sniffImageType(bytes);
  if (!type) return undefined;
  const size =
    type === 'png' ? pngSize(bytes) : type === 'jpeg' ? jpegSize(bytes) : type === 'gif' ? gifSize(bytes) : webpSize(bytes);
  if (!size || size[0] < 1 || size[1] < 1) return undefined;
  return { type, width: size[0], height: size[1] };
}
