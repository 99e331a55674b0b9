/**
 * The WebAssembly build's bundled fonts (scripts/wasm-graph.ts resolves src/fonts/bundled.ts here): the
 * same faces as in Node, their bytes embedded in the build as base64 (generated from fonts/ at build
 * time) and decoded on first use, once per process. Embedded bytes load without a file system or extra
 * configuration in workerd, browsers and Next's edge runtime alike (docs/hosts.md).
 */
import files from 'quotecard:font-bytes';
import { FontError } from '../errors.js';
import { BUNDLED_FACES, type BundledFace, faceWithBytes } from '../fonts/bundled-faces.js';
import type { Face } from '../fonts/face.js';
import { fromBase64 } from '../shared/base64.js';

export { SANS_FAMILY, SERIF_FAMILY } from '../fonts/bundled-faces.js';

let cache: readonly Face[] | undefined;

/** One embedded face. */
export function readBundledFace(face: BundledFace): Face {
  const file = face.source.replace(/^fonts\//, '');
  const base64 = files[file];
  if (base64 === undefined) {
    throw new FontError('fonts-not-found', 'Bundled font not embedded in this build', {
      field: 'fonts',
      allowed: Object.keys(files).join(', '),
      received: file,
    });
  }
  return faceWithBytes(face, fromBase64(base64));
}

/** The bundled faces, decoded on first call and the same objects after. */
export function bundledFaces(): readonly Face[] {
  cache ??= Object.freeze(BUNDLED_FACES.map(readBundledFace));
  return cache;
}
