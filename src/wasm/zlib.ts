/**
 * The few synchronous `node:zlib` calls the card pipeline makes (WOFF tables, PNG integrity checks), for
 * the WebAssembly build, which resolves `node:zlib` here (tsup.config.ts): fflate's pure inflate into a
 * buffer one byte past `maxOutputLength`, so data that would unpack to more stops there. WOFF2's Brotli
 * has no decoder here: such a font is refused as unreadable (docs/hosts.md).
 */
import { inflateSync as inflateRaw, unzlibSync } from 'fflate';
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

/** Brotli: not available in the WebAssembly build. */
export function brotliDecompressSync(_data: Uint8Array, _options?: Limit): Uint8Array {
  throw new FontError('font-unreadable', 'quotecard/wasm cannot unpack WOFF2 fonts (no Brotli decoder)', {
    field: 'fonts',
    allowed: 'TrueType, OpenType or WOFF fonts in quotecard/wasm',
    received: 'a WOFF2 font',
  });
}
