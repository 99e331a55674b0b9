/**
 * Base64 and UTF-8 for bytes, the same in Node and in hosts without `Buffer` (Workers, browsers): Node's
 * `Buffer` is used where it exists (faster); elsewhere `btoa`/`atob`, decoding as leniently as `Buffer`
 * does (base64url letters accepted, whitespace and other characters skipped, padding optional).
 */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
/** Bytes per `String.fromCharCode` call (well under engines' argument limits). */
const CHUNK = 0x8000;

/** Base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The bytes of base64 (or base64url) `text`. */
export function fromBase64(text: string): Uint8Array {
  if (NodeBuffer) return NodeBuffer.from(text, 'base64');
  let clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '');
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  const binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The UTF-8 text of base64 `text` (malformed sequences become U+FFFD, as with `Buffer`). */
export function base64Text(text: string): string {
  return new TextDecoder().decode(fromBase64(text));
}

/** `parts` joined into one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
