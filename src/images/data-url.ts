/**
 * The only way image bytes reach satori and resvg: a `data:` URL this library made, after the magic
 * bytes say PNG, JPEG, GIF or WebP and the header's pixel count is under the cap. Never a path, never
 * an http URL, never SVG (which could carry `<image href="/etc/…">`).
 */
import { InputError, LimitError } from '../errors.js';
import { IMAGE_MIME, type ImageHeader, imageHeader } from './image-header.js';
import { imageIntact } from './image-integrity.js';

/** The most pixels an image may have before anything decodes it: 4096×4096. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

/** Options for `toDataUrl`. */
export interface DataUrlOptions {
  /** Name of the input in error messages, e.g. "author.avatar". @default 'image' */
  field?: string;
  /** Most pixels (width × height, from the header) allowed. @default 16777216 */
  maxPixels?: number;
}

/** Check that `bytes` are a whole PNG, JPEG, GIF or WebP within the pixel cap; return its header. */
export function checkImage(bytes: unknown, options: DataUrlOptions = {}): ImageHeader {
  const field = options.field ?? 'image';
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(bytes instanceof Uint8Array)) throw InputError.invalid(field, 'PNG, JPEG, GIF or WebP bytes (Uint8Array)', bytes, 'input');
  const header = imageHeader(bytes);
  if (!header) {
    throw InputError.invalid(field, 'PNG, JPEG, GIF or WebP bytes with a readable header', bytes, 'input');
  }
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    const received = `${header.width}×${header.height} (${pixels} pixels)`;
    throw new LimitError(
      `Image too large for input "${field}". Allowed: at most ${maxPixels} pixels. Received: ${received}.`,
      { field, allowed: `at most ${maxPixels} pixels`, received },
    );
  }
  if (!imageIntact(bytes, header)) {
    // A right header on a cut-off or corrupt body: resvg would silently draw nothing.
    throw InputError.invalid(field, 'PNG, JPEG, GIF or WebP bytes with a readable header', bytes, 'input');
  }
  return header;
}

/** Checked image bytes as a `data:` URL, with the header the check read (one check, not two). */
export function imageDataUrl(bytes: Uint8Array, options: DataUrlOptions = {}): { url: string; header: ImageHeader } {
  const header = checkImage(bytes, options);
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return { url: `data:${IMAGE_MIME[header.type]};base64,${base64}`, header };
}

/** `data:image/…;base64,…` for checked image bytes. Throws `InputError` (not an image) or `LimitError` (pixel cap). */
export function toDataUrl(bytes: Uint8Array, options: DataUrlOptions = {}): string {
  return imageDataUrl(bytes, options).url;
}
