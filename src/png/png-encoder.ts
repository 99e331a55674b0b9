/**
 * PNG encoding of rendered pixels. Cards are flat colours and anti-aliased text, so most have a few
 * hundred colours at most: those become an indexed (palette) PNG, lossless when the card has ≤ 256
 * colours and otherwise reduced by median cut over the colour histogram (never visible on text ramps).
 * Photographic cards (an avatar with thousands of colours) fall back to a truecolour PNG.
 * Indexed output is less than half the size of resvg's RGBA PNG and faster to make.
 */
import { constants, deflateSync } from 'node:zlib';
import { RenderError } from '../errors.js';
import { crc32 } from './crc32.js';
import { quantize } from './palette.js';
import { concatBytes } from '../shared/base64.js';

/** Past this many distinct colours the image is photographic: encode truecolour. */
const MAX_HISTOGRAM = 4096;
const TABLE_BITS = 13;
const TABLE_SIZE = 1 << TABLE_BITS;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function header(width: number, height: number, colourType: 2 | 3 | 6): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bit depth
  data[9] = colourType;
  return chunk('IHDR', data);
}


/** Past this many colours an indexed PNG needs colour reduction. */
const PALETTE_SIZE = 256;

/** What one pass over the pixels found. */
interface Scan {
  /** Distinct colours, RGBA as little-endian uint32, in first-seen order. */
  colours: Uint32Array;
  /** Pixels per colour. */
  counts: Uint32Array;
  /** PNG scanlines (filter byte 0 + one index per pixel), final when colours ≤ 256. */
  rows: Uint8Array;
  /** Per-pixel colour numbers, only when there are more than 256 colours. */
  wide?: Uint16Array;
}

/** Node's Buffer, for its native compare of two rows; hosts without it (Workers, browsers) compare pixels. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** Whether pixel row `y` (> 0) is the same as the row above it. */
function sameAsRowAbove(buffer: Buffer | undefined, pixels: Uint32Array, width: number, y: number): boolean {
  const stride = width * 4;
  if (buffer) return buffer.compare(buffer, (y - 1) * stride, y * stride, y * stride, (y + 1) * stride) === 0;
  for (let i = y * width, end = i + width; i < end; i++) if (pixels[i] !== pixels[i - width]) return false;
  return true;
}

/** Buffers reused from card to card (encodePng is synchronous): less garbage per card. */
const scratch = { rows: new Uint8Array(0), slots: new Uint16Array(TABLE_SIZE), keys: new Uint32Array(TABLE_SIZE) };

/**
 * One pass over the pixels: runs of one colour are measured first, then numbered once through an
 * open-addressing table and written with a native fill when long (a card is mostly runs: an og card has
 * ~35,000 runs in 756,000 pixels). A row identical to the one above (a card's margins and line gaps) is
 * found by a native compare and copied. Past 256 colours the rest of the pass keeps 16-bit numbers for the
 * quantizer; past MAX_HISTOGRAM it gives up (photographic: truecolour). Counts weight the quantizer and are
 * taken over distinct rows.
 */
function scan(bytes: Uint8Array, pixels: Uint32Array, width: number, height: number): Scan | undefined {
  const { slots, keys } = scratch;
  slots.fill(0);
  const size = (width + 1) * height;
  if (scratch.rows.length < size) scratch.rows = new Uint8Array(size);
  const rows = scratch.rows.subarray(0, size);
  const colours = new Uint32Array(MAX_HISTOGRAM);
  const counts = new Uint32Array(MAX_HISTOGRAM);
  const buffer = NodeBuffer?.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let wide: Uint16Array | undefined;
  let n = 0;
  let last = -1;
  let current = 0;
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const dst = src + y + 1;
    rows[dst - 1] = 0; // filter type: none (the scratch buffer may hold an old card's bytes)
    if (y > 0 && sameAsRowAbove(buffer, pixels, width, y)) {
      if (wide) wide.copyWithin(src, src - width, src);
      else rows.copyWithin(dst, dst - width - 1, dst - 1);
      continue;
    }
    let x = 0;
    while (x < width) {
      const c = pixels[src + x] as number;
      let end = x + 1;
      while (end < width && pixels[src + end] === c) end++;
      if (c !== last) {
        let s = Math.imul(c, 0x9e3779b1) >>> (32 - TABLE_BITS);
        let found = slots[s] as number;
        while (found !== 0 && keys[s] !== c) {
          s = (s + 1) & (TABLE_SIZE - 1);
          found = slots[s] as number;
        }
        if (found === 0) {
          if (n === MAX_HISTOGRAM) return undefined;
          colours[n] = c;
          keys[s] = c;
          found = ++n;
          slots[s] = found;
          if (n === PALETTE_SIZE + 1 && !wide) {
            // Too many colours for exact indices: keep 16-bit numbers from here on (and for what came before).
            wide = new Uint16Array(width * height);
            for (let j = 0; j < src + x; j++) wide[j] = rows[j + Math.floor(j / width) + 1] as number;
          }
        }
        last = c;
        current = found - 1;
      }
      counts[current] = (counts[current] as number) + (end - x);
      if (wide) wide.fill(current, src + x, src + end);
      else if (end - x > 8) rows.fill(current, dst + x, dst + end);
      else for (let k = dst + x; k < dst + end; k++) rows[k] = current;
      x = end;
    }
  }
  return { colours: colours.subarray(0, n), counts: counts.subarray(0, n), rows, wide };
}

/** Premultiplied RGBA (resvg's pixels) → straight alpha, for one colour as a little-endian uint32. */
function straight(c: number): number {
  const a = c >>> 24;
  if (a === 255 || a === 0) return a === 0 ? 0 : c;
  const un = (v: number) => Math.min(255, Math.round((v * 255) / a));
  return (un(c & 0xff) | (un((c >>> 8) & 0xff) << 8) | (un((c >>> 16) & 0xff) << 16) | (a << 24)) >>> 0;
}

function indexed(width: number, height: number, found: Scan, premultiplied: boolean, level: number): Uint8Array<ArrayBuffer> {
  const colours = premultiplied ? found.colours.map(straight) : found.colours;
  const { palette, map } = quantize(colours, found.counts, PALETTE_SIZE);
  const count = palette.length;
  const plte = new Uint8Array(count * 3);
  const trns = new Uint8Array(count);
  let opaque = true;
  for (let i = 0; i < count; i++) {
    const c = palette[i] as number;
    plte[i * 3] = c & 0xff;
    plte[i * 3 + 1] = (c >>> 8) & 0xff;
    plte[i * 3 + 2] = (c >>> 16) & 0xff;
    trns[i] = c >>> 24;
    if (trns[i] !== 255) opaque = false;
  }
  const { rows, wide } = found;
  if (wide) {
    for (let y = 0; y < height; y++) {
      const src = y * width;
      const dst = src + y + 1;
      for (let x = 0; x < width; x++) rows[dst + x] = map[wide[src + x] as number] as number;
    }
  }
  const parts = [SIGNATURE, header(width, height, 3), chunk('PLTE', plte)];
  if (!opaque) parts.push(chunk('tRNS', trns));
  // Z_RLE: palette rows of a card are long runs; RLE deflate is several times faster than the default
  // strategy on them, for a few KB more
  parts.push(chunk('IDAT', deflateSync(rows, { level, strategy: constants.Z_RLE })), chunk('IEND', new Uint8Array(0)));
  return concatBytes(parts);
}

function truecolour(input: Uint8Array, width: number, height: number, premultiplied: boolean, level: number): Uint8Array<ArrayBuffer> {
  const pixels = premultiplied ? unpremultiply(input) : input;
  let opaque = true;
  for (let i = 3; i < pixels.length; i += 4) {
    if (pixels[i] !== 255) {
      opaque = false;
      break;
    }
  }
  const channels = opaque ? 3 : 4;
  const stride = width * channels + 1;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    rows[row] = 2; // "up" filter: photos compress better against the row above
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const d = row + 1 + x * channels;
      for (let k = 0; k < channels; k++) {
        const v = pixels[s + k] as number;
        const above = y === 0 ? 0 : (pixels[s - width * 4 + k] as number);
        rows[d + k] = (v - above) & 0xff;
      }
    }
  }
  return concatBytes([
    SIGNATURE,
    header(width, height, opaque ? 2 : 6),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** resvg hands out premultiplied RGBA; PNG stores straight alpha. Returns `rgba` itself when all opaque. */
export function unpremultiply(rgba: Uint8Array): Uint8Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  let out: Uint32Array | undefined;
  for (let i = 0; i < pixels.length; i++) {
    const c = pixels[i] as number;
    if (c >>> 24 === 255) continue;
    out ??= pixels.slice();
    out[i] = straight(c);
  }
  return out ? new Uint8Array(out.buffer) : rgba;
}

/** How to encode. */
export interface PngOptions {
  /** The pixels are premultiplied RGBA, as resvg hands them out. @default false */
  premultiplied?: boolean;
  /** zlib level. @default 6 */
  level?: number;
}

/**
 * Encode RGBA pixels as a PNG: indexed when the card's colours allow, else truecolour.
 * Deterministic: the same pixels give the same bytes.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, options: PngOptions = {}): Uint8Array<ArrayBuffer> {
  const { premultiplied = false, level = 6 } = options;
  if (rgba.length !== width * height * 4) {
    throw new RenderError('raster-failed', 'The PNG encoder was given pixels of the wrong size', {
      field: 'pixels',
      allowed: `${width * height * 4} bytes of RGBA for ${width}×${height}`,
      received: `${rgba.length} bytes`,
    });
  }
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  const found = scan(aligned, pixels, width, height);
  return found
    ? indexed(width, height, found, premultiplied, level)
    : truecolour(rgba, width, height, premultiplied, level);
}
