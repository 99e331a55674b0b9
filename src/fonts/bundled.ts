/**
 * The fonts that ship in the package's `fonts/` folder, read in Node lazily on first use, once per
 * process, each from its static asset URL (src/assets.ts), so bundlers and Next's file tracing carry them.
 * The same buffers are handed out every time: satori caches parsed fonts by buffer identity.
 */
import { readFileSync } from 'node:fs';
import { assetUrl } from '../assets.js';
import { FontError } from '../errors.js';
import { BUNDLED_FACES, type BundledFace, faceWithBytes } from './bundled-faces.js';
import type { Face } from './face.js';

export { SANS_FAMILY, SERIF_FAMILY } from './bundled-faces.js';

let cache: readonly Face[] | undefined;

/** Read one bundled face from the package. */
export function readBundledFace(face: BundledFace): Face {
  const url = assetUrl(face.source);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(url);
  } catch (error) {
    throw new FontError('fonts-not-found', `Bundled font ${face.source} not found (is the package installed whole, or bundled without its files?)`, {
      field: 'fonts',
      allowed:
        "the package's fonts/ folder beside dist/: leave quotecard out of the server bundle (Next.js: serverExternalPackages: ['quotecard']; esbuild: --external:quotecard), or use quotecard/wasm, which embeds its fonts (docs/hosts.md)",
      received: `nothing readable at ${url.href}`,
      cause: error,
    });
  }
  return faceWithBytes(face, bytes);
}

/** The bundled faces, read on first call and the same objects after. */
export function bundledFaces(): readonly Face[] {
  cache ??= Object.freeze(BUNDLED_FACES.map(readBundledFace));
  return cache;
}
