/**
 * Image bytes handed to a card (avatars, logos): the format sniffed from the first bytes, a data:
 * URI satori can draw, and the pixel size where the header says it (for the logo's aspect ratio).
 */

/** Formats a card can draw. */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml';

/** The format of `bytes`, or undefined when it is none of PNG, JPEG, GIF, WebP or SVG. */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) {
    return 'image/webp';
  }
  const head = ascii(bytes, 0, 512).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return undefined;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) out += String.fromCharCode(bytes[i] as number);
  return out;
}

/** Base64 without Buffer (works wherever the library runs). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A data: URI for `bytes` of the given type. */
export function dataUri(bytes: Uint8Array, type: ImageType): string {
  return `data:${type};base64,${base64(bytes)}`;
}

const u16 = (bytes: Uint8Array, i: number) => ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
const u32 = (bytes: Uint8Array, i: number) => u16(bytes, i) * 65536 + u16(bytes, i + 2);

/** Pixel size from the image header, when it says. */
export function imageSize(bytes: Uint8Array, type: ImageType): { width: number; height: number } | undefined {
  if (type === 'image/png' && bytes.length >= 24) return { width: u32(bytes, 16), height: u32(bytes, 20) };
  if (type === 'image/gif' && bytes.length >= 10) {
    return { width: (bytes[6] ?? 0) | ((bytes[7] ?? 0) << 8), height: (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8) };
  }
  if (type === 'image/jpeg') {
    let i = 2;
    while (i + 9 < bytes.length && bytes[i] === 0xff) {
      const marker = bytes[i + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: u16(bytes, i + 7), height: u16(bytes, i + 5) };
      }
      i += 2 + u16(bytes, i + 2);
    }
    return undefined;
  }
  if (type === 'image/svg+xml') {
    const tag = /<svg[^>]*>/i.exec(ascii(bytes, 0, 4096))?.[0] ?? '';
    const attr = (name: string) => Number.parseFloat(new RegExp(`\\s${name}\\s*=\\s*["']([\\d.]+)`, 'i').exec(tag)?.[1] ?? '');
    const box = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(tag);
    const width = attr('width') || Number(box?.[1]);
    const height = attr('height') || Number(box?.[2]);
    return width > 0 && height > 0 ? { width, height } : undefined;
  }
  return undefined;
}
