/**
 * Bundled fonts for right-to-left scripts: Noto Naskh Arabic (Arabic, Persian, Urdu) and Noto Sans Hebrew,
 * regular and bold, in `fonts/`. They are not part of every render: like the optional @fontsource fonts,
 * a script's faces are read and handed to satori (through `loadAdditionalAsset`) only when a card's text
 * has a character of that script, so Latin cards parse nothing more. Each script has one family, used
 * for serif and sans text alike; read once per process, the same buffers every time.
 */
import { readBundledFace } from './bundled.js';
import type { BundledFace } from './bundled-faces.js';
import type { Face } from './face.js';
import { faceMetrics } from './face.js';

/** Family names of the bundled script faces (a custom template may ask for them by name). */
export const ARABIC_FAMILY = 'Quotecard Arabic';
export const HEBREW_FAMILY = 'Quotecard Hebrew';

interface ScriptFonts {
  /** Code points the faces are meant for (the rest of the subset — ZWJ, ◌ — is shared with others). */
  covers: RegExp;
  files: readonly BundledFace[];
}

const SCRIPTS: readonly ScriptFonts[] = [
  {
    covers: /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u,
    files: [
      { name: ARABIC_FAMILY, weight: 400, style: 'normal', source: 'fonts/NotoNaskhArabic-Regular.ttf' },
      { name: ARABIC_FAMILY, weight: 700, style: 'normal', source: 'fonts/NotoNaskhArabic-Bold.ttf' },
    ],
  },
  {
    covers: /[\u0590-\u05ff\ufb1d-\ufb4f]/u,
    files: [
      { name: HEBREW_FAMILY, weight: 400, style: 'normal', source: 'fonts/NotoSansHebrew-Regular.ttf' },
      { name: HEBREW_FAMILY, weight: 700, style: 'normal', source: 'fonts/NotoSansHebrew-Bold.ttf' },
    ],
  },
];

const loaded = new Map<ScriptFonts, readonly Face[]>();

/**
 * The bundled faces (both weights) of the script `codePoint` belongs to, read on first need, when they
 * draw it; undefined for other characters. `onLoad` hears of faces read for the first time.
 */
export function scriptFaces(codePoint: number, onLoad?: (faces: readonly Face[]) => void): readonly Face[] | undefined {
  if (codePoint < 0x0590 || (codePoint > 0x08ff && codePoint < 0xfb1d) || codePoint > 0xfeff) return undefined;
  const char = String.fromCodePoint(codePoint);
  const script = SCRIPTS.find((s) => s.covers.test(char));
  if (!script) return undefined;
  let faces = loaded.get(script);
  if (!faces) {
    faces = Object.freeze(script.files.map(readBundledFace));
    loaded.set(script, faces);
    onLoad?.(faces);
  }
  const first = faces[0];
  return first && faceMetrics(first).glyph(codePoint) ? faces : undefined;
}
