/**
 * The only way image bytes reach satori and resvg: a `data:` URL this library made, after the magic
 * bytes say PNG, JPEG, GIF or WebP, the header's pixel count is under the cap and the body is whole.
 * Never a path, never an http URL, never SVG (which could carry `<image href="/etc/…">`).
 */
import { describe, InputError, LimitError, type QuoteCardError } from '../errors.js';
import { IMAGE_MIME, type ImageHeader, imageHeader } from './image-header.js';
import { imageIntact } from './image-integrity.js';
import { toBase64 } from '../shared/base64.js';

/** The most pixels an image may have before anything decodes it: 4096×4096. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

/** Options for `toDataUrl`. */
export interface DataUrlOptions {
  /** Name of the input in error messages, e.g. "post.author.avatar". @default 'image' */
  field?: string;
  /** Most pixels (width × height, from the header) allowed. @default 16777216 */
  maxPixels?: number;
}

const READABLE = 'PNG, JPEG, GIF or WebP bytes with a readable header';

/** Checked image bytes as a `data:` URL with the header the check read, or the error saying why not. */
export function imageDataUrl(bytes: unknown, options: DataUrlOptions = {}): { url: string; header: ImageHeader } | { error: QuoteCardError } {
  const field = options.field ?? 'image';
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const refuse = (allowed: string) => ({
    error: new InputError('invalid-input', `Invalid value for input "${field}"`, { field, allowed, received: describe(bytes) }),
  });
  if (!(bytes instanceof Uint8Array)) return refuse('PNG, JPEG, GIF or WebP bytes (Uint8Array)');
  const header = imageHeader(bytes);
  if (!header) return refuse(READABLE);
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    const received = `${header.width}×${header.height} (${pixels} pixels)`;
    return { error: new LimitError('too-large', `Image too large for input "${field}"`, { field, allowed: `at most ${maxPixels} pixels`, received }) };
  }
  // A right header on a cut-off or corrupt body: resvg would silently draw nothing.
  if (!imageIntact(bytes, header)) return refuse(READABLE);
  const base64 = toBase64(bytes);
  return { url: `data:${IMAGE_MIME[header.type]};base64,${base64}`, header };
}

/** `data:image/…;base64,…` for checked image bytes. Throws `InputError` (not an image) or `LimitError` (pixel cap). */
export function toDataUrl(bytes: Uint8Array, options: DataUrlOptions = {}): string {
  const result = imageDataUrl(bytes, options);
  if ('error' in result) throw result.error;
  return result.url;
}
