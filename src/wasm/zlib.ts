/**
 * The few synchronous `node:zlib` calls the card pipeline makes (WOFF tables, PNG integrity checks, the
 * PNG encoder), for the WebAssembly build, which resolves `node:zlib` here (scripts/wasm-graph.ts):
 * fflate's pure inflate into a buffer one byte past `maxOutputLength`, so data that would unpack to more
 * stops there, and fflate's deflate (it has no run-length strategy; the encoder's hint is ignored).
 * WOFF2's Brotli has no decoder here: such a font is refused as unreadable (docs/hosts.md).
 */
import { inflateSync as inflateRaw, unzlibSync, zlibSync } from 'fflate';
import { FontError, LimitError } from '../errors.js';

interface Limit {
  maxOutputLength?: number;
}

function bounded(run: (out?: Uint8Array) => Uint8Array, options: Limit | undefined): Uint8Array {
  const max = options?.maxOutputLength;
  if (max === undefined) return run();
  const out = run(new Uint8Array(max + 1));
  if (out.length > max) {
    throw new LimitError('too-large', 'Compressed data unpacks to more than it may', { field: 'data', allowed: `at most ${max} bytes`, received: 'more' });
  }
  return out;
}

/** Raw DEFLATE data, unpacked. */
export function inflateRawSync(data: Uint8Array, options?: Limit): Uint8Array {
  return bounded((out) => inflateRaw(data, out), options);
}

/** zlib-wrapped DEFLATE data, unpacked. */
export function inflateSync(data: Uint8Array, options?: Limit): Uint8Array {
  return bounded((out) => unzlibSync(data, out), options);
}

/** The strategy names the PNG encoder passes (fflate has one strategy). */
export const constants = { Z_RLE: 3 } as const;

/** zlib-wrapped DEFLATE of `data`. */
export function deflateSync(data: Uint8Array, options?: { level?: number; strategy?: number }): Uint8Array {
  const level = Math.min(9, Math.max(0, options?.level ?? 6)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return zlibSync(data, { level });
}

/** Brotli: not available in the WebAssembly build. */
export function brotliDecompressSync(_data: Uint8Array, _options?: Limit): Uint8Array {
  throw new FontError('font-unreadable', 'quotecard/wasm cannot unpack WOFF2 fonts (no Brotli decoder)', {
    field: 'fonts',
    allowed: 'TrueType, OpenType or WOFF fonts in quotecard/wasm',
    received: 'a WOFF2 font',
  });
}
