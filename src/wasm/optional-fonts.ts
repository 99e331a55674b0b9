/**
 * The WebAssembly build's optional fonts (tsup.config.ts resolves src/fonts/optional-fonts.ts here): the
 * bundled right-to-left script faces only. The @fontsource packages Node finds on disk cannot be looked
 * for without a file system; in Workers and browsers such fonts are passed in `options.fonts`.
 */
import type { Face } from '../fonts/face.js';
import { scriptFaces } from '../fonts/script-fonts.js';

/** No optional packages are looked for. */
export const OPTIONAL_PACKAGES: readonly never[] = [];

const loadOrder: Face[] = [];

/** The bundled script faces that draw `codePoint`, or undefined. */
export function optionalFaces(codePoint: number, _prefer: readonly string[] = []): Face[] | undefined {
  const bundled = scriptFaces(codePoint, (faces) => loadOrder.push(...faces));
  return bundled ? [...bundled] : undefined;
}

/** Script faces loaded so far, in load order. */
export function loadedOptionalFaces(): readonly Face[] {
  return loadOrder;
}
