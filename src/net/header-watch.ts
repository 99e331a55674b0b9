/**
 * Looking at the first bytes of an image body while it arrives, so that a body which is not an image
 * stops being read after its magic bytes, and a pixel bomb is refused as soon as its header is in —
 * before the rest of it is read. It looks again each time the bytes so far have doubled (and once at the
 * window's edge), so the work stays linear in the window however small the chunks are; past the window
 * the whole body is checked once at the end.
 */
import { FetchError } from '../errors.js';
import { type ImageHeader, imageHeader, sniffImageType } from '../images/image-header.js';
import type { ByteCollector } from './byte-collector.js';

/** Headers are looked for in the first bytes only. */
const HEADER_WINDOW = 1 << 20;
/** Bytes after which missing magic bytes mean "not an image" (the longest signature test, WebP's, needs 12). */
const MAGIC_LENGTH = 12;

/** Refuse an image whose header states more than `maxPixels`. */
export function checkPixels(header: ImageHeader, url: string, maxPixels: number): void {
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    throw new FetchError('pixels', url, 'the image has too many pixels', {
      allowed: `at most ${maxPixels} pixels`,
      received: `${header.width}×${header.height} (${pixels} pixels)`,
    });
  }
}

/** The header of one image body, watched for as its bytes arrive. */
export class HeaderWatch {
  /** The header, once it has been read (its pixels already checked). */
  header: ImageHeader | undefined;
  readonly #url: string;
  readonly #maxPixels: number;
  #nextLook = 1;
  #done = false;

  constructor(url: string, maxPixels: number) {
    this.#url = url;
    this.#maxPixels = maxPixels;
  }

  /**
   * Look at the bytes so far when a look is due. `false`: the magic bytes are not an image's, so reading
   * on is pointless. Throws `FetchError` (`pixels`) for a header over the cap.
   */
  see(collected: ByteCollector): boolean {
    const total = collected.total;
    if (this.#done || (total < this.#nextLook && total < HEADER_WINDOW)) return true;
    this.#nextLook = total * 2;
    const head = collected.head(HEADER_WINDOW);
    if (head.byteLength >= MAGIC_LENGTH && !sniffImageType(head)) {
      this.#done = true;
      return false;
    }
    this.header = imageHeader(head);
    if (this.header) checkPixels(this.header, this.#url, this.#maxPixels);
    this.#done = this.header !== undefined || total >= HEADER_WINDOW;
    return true;
  }
}
