/**
 * Whether an image's body is whole, checked without decoding pixels: a header can be right while the
 * rest is cut off or corrupt, and then resvg silently draws nothing. PNG: every chunk's CRC, IHDR first,
 * IDAT present, IEND last, and the image data inflates (bounded by what the header allows). JPEG: a
 * scan (SOS) and the end marker. GIF: the trailer. WebP: the RIFF size matches.
 */
import { inflateSync } from 'node:zlib';
import { crc32 } from '../png/crc32.js';
import { concatBytes } from '../shared/base64.js';
import type { ImageHeader } from './image-header.js';

const u32 = (b: Uint8Array, i: number) => (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;

function pngIntact(bytes: Uint8Array, header: ImageHeader): boolean {
  const idat: Uint8Array[] = [];
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) return false;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== u32(bytes, at + 8 + length)) return false;
    if (first && type !== 'IHDR') return false;
    first = false;
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at = end;
  }
  if (!idat.length || at + 12 > bytes.length) return false;
  try {
    // Never more than 16-bit RGBA plus a filter byte per row: the header's size bounds the output.
    const limit = header.height * (1 + header.width * 8) + 1;
    return inflateSync(concatBytes(idat), { maxOutputLength: limit }).length > 0;
  } catch {
    return false;
  }
}

function jpegIntact(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0) end--; // some encoders pad after the end marker
  if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return false;
  for (let i = 2; i + 1 < end; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0xda) return true;
  return false;
}

/** Whether `bytes`, whose header reads as `header`, is a whole image. */
export function imageIntact(bytes: Uint8Array, header: ImageHeader): boolean {
  switch (header.type) {
    case 'png':
      return pngIntact(bytes, header);
    case 'jpeg':
      return jpegIntact(bytes);
    case 'gif':
      return bytes[bytes.length - 1] === 0x3b;
    case 'webp':
      return bytes.length >= 12 && ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16) | ((bytes[7] ?? 0) << 24)) + 8 <= bytes.length;
  }
}
