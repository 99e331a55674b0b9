/**
 * The faces that ship in the package's `fonts/` folder, as data: family names and files. How their bytes
 * are read differs by build — from files in Node (src/fonts/bundled.ts), embedded in quotecard/wasm
 * (src/wasm/bundled-fonts.ts) — and each build caches them once per process through `bundledFacesOf`.
 */
import type { AssetPath } from '../assets.js';
import type { Face } from './face.js';

/** Family names of the bundled faces, as templates refer to them. */
export const SERIF_FAMILY = 'Quotecard Serif';
export const SANS_FAMILY = 'Quotecard Sans';

/** A bundled face before its bytes are read; `source` is its file in the package. */
export type BundledFace = Omit<Face, 'data'> & { source: AssetPath };

/** The faces every card may use. */
export const BUNDLED_FACES: readonly BundledFace[] = [
  { name: SERIF_FAMILY, weight: 400, style: 'normal', source: 'fonts/NotoSerifDisplay-Regular.ttf' },
  { name: SERIF_FAMILY, weight: 700, style: 'normal', source: 'fonts/NotoSerifDisplay-Bold.ttf' },
  { name: SERIF_FAMILY, weight: 400, style: 'italic', source: 'fonts/NotoSerifDisplay-Italic.ttf' },
  { name: SANS_FAMILY, weight: 400, style: 'normal', source: 'fonts/NotoSans-Regular.ttf' },
  { name: SANS_FAMILY, weight: 700, style: 'normal', source: 'fonts/NotoSans-Bold.ttf' },
];

/** `bytes` as a face's own ArrayBuffer (satori caches parsed fonts by buffer identity). */
export function faceWithBytes(face: BundledFace, bytes: Uint8Array): Face {
  return { ...face, data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}
