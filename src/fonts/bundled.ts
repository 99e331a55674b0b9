/**
 * The fonts that ship in the package's `fonts/` folder. Read lazily on first use, once per process,
 * found from this module's own URL (works from the ESM and the CJS build, and from src/ in tests).
 * The same buffers are handed out every time: satori caches parsed fonts by buffer identity.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FontError } from '../errors.js';
import type { Face } from './face.js';

/** Family names of the bundled faces, as templates refer to them. */
export const SERIF_FAMILY = 'Quotecard Serif';
export const SANS_FAMILY = 'Quotecard Sans';

const FILES: ReadonlyArray<Omit<Face, 'data'>> = [
  { name: SERIF_FAMILY, weight: 400, style: 'normal', source: 'fonts/NotoSerifDisplay-Regular.ttf' },
  { name: SERIF_FAMILY, weight: 700, style: 'normal', source: 'fonts/NotoSerifDisplay-Bold.ttf' },
  { name: SERIF_FAMILY, weight: 400, style: 'italic', source: 'fonts/NotoSerifDisplay-Italic.ttf' },
  { name: SANS_FAMILY, weight: 400, style: 'normal', source: 'fonts/NotoSans-Regular.ttf' },
  { name: SANS_FAMILY, weight: 700, style: 'normal', source: 'fonts/NotoSans-Bold.ttf' },
];

let cache: readonly Face[] | undefined;

/** The package's `fonts/` folder: `../fonts` from dist/, `../../fonts` from src/fonts/. */
function fontsDir(): URL {
  for (const relative of ['../fonts/', '../../fonts/']) {
    const dir = new URL(relative, import.meta.url);
    if (existsSync(fileURLToPath(new URL('OFL.txt', dir)))) return dir;
  }
  throw new FontError('fonts-not-found', 'Bundled fonts not found (is the package installed whole?)', {
    field: 'fonts',
    allowed: "the package's fonts/ folder beside dist/",
    received: `nothing at ${new URL('../fonts/', import.meta.url).href}`,
  });
}

/** Read one face of `fonts/` (its `source` is "fonts/<file>"). */
export function readBundledFace(face: Omit<Face, 'data'>): Face {
  const bytes = readFileSync(fileURLToPath(new URL(face.source.replace(/^fonts\//, ''), fontsDir())));
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { ...face, data };
}

/** The bundled faces, read on first call and the same objects after. */
export function bundledFaces(): readonly Face[] {
  cache ??= Object.freeze(FILES.map(readBundledFace));
  return cache;
}
