/**
 * Input that is not text at all — an image, a PDF, an archive or a font read as if it were an article
 * (a PNG named `.html`) — recognised by its opening bytes or by how much of it is control characters
 * and undecodable bytes, so it is skipped with a warning instead of yielding "quotes" of binary noise.
 */

/** Opening bytes of formats that are never an article, as they read once decoded as UTF-8 (U+FFFD for a byte that is not UTF-8). */
const MAGIC: ReadonlyArray<[(head: string) => boolean, string]> = [
  [(h) => h.startsWith('\uFFFDPNG\r\n\u001a\n'), 'a PNG image'],
  [(h) => h.startsWith('GIF87a') || h.startsWith('GIF89a'), 'a GIF image'],
  [(h) => h.startsWith('RIFF') && h.slice(8, 12) === 'WEBP', 'a WebP image'],
  [(h) => h.startsWith('%PDF-'), 'a PDF document'],
  [(h) => h.startsWith('PK\u0003\u0004'), 'a ZIP archive (or a Word, Excel or EPUB file)'],
  [(h) => h.startsWith('\u001f\uFFFD\u0008'), 'gzip-compressed data'],
  [(h) => h.startsWith('wOFF') || h.startsWith('wOF2'), 'a web font'],
  [(h) => ['\u0000\u0001\u0000\u0000', 'OTTO', 'true', 'ttcf'].some((m) => h.startsWith(m)) && h.charCodeAt(4) === 0, 'a font'],
];

/** How much of the input's opening is looked at. */
const SAMPLE = 8192;
/** Share of the sample that may be control characters or undecodable bytes in text. */
const MAX_NOISE = 0.05;

/** What the input is when it is binary data ("a PNG image", "binary data"), else undefined. */
export function binaryKind(input: string): string | undefined {
  const head = input.slice(0, SAMPLE);
  for (const [is, kind] of MAGIC) if (is(head)) return kind;
  if (head.length < 16) return undefined;
  let noise = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    // C0 controls other than tab, line feed, form feed and carriage return; DEL; U+FFFD
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd) noise++;
  }
  return noise / head.length > MAX_NOISE ? 'binary data' : undefined;
}
