/**
 * satori's `loadAdditionalAsset(languageCode, segment)`: called during layout for text no given font
 * has. For "emoji" it gets a Twemoji image (`data:` URI, drawn 1em wide); for a script code ("ar-AR",
 * "ja-JP|zh-CN|zh-TW|zh-HK", "devanagari", "unknown"…) it gets the optional script fonts that draw the
 * segment's characters (satori adds them to its font list for this and later renders).
 */
import { emojiImage } from './emoji.js';
import type { Face } from './face.js';
import type { FontSet } from './font-set.js';
import { optionalFaces } from './optional-fonts.js';

/** A font as satori's `fonts` option and `loadAdditionalAsset` take it. */
export interface SatoriFont {
  name: string;
  data: ArrayBuffer;
  weight: Face['weight'];
  style: Face['style'];
  lang?: string;
}

/** The satori font entry of a face (one object per face, so satori sees the same entry every time). */
const entries = new WeakMap<Face, SatoriFont>();
export function satoriFont(face: Face): SatoriFont {
  let entry = entries.get(face);
  if (!entry) {
    entry = { name: face.name, data: face.data, weight: face.weight, style: face.style };
    if (face.lang) entry.lang = face.lang;
    entries.set(face, entry);
  }
  return entry;
}

/** The loader satori calls; `note` records what could not be served. */
export function createAssetLoader(set: FontSet, note: (message: string) => void) {
  return async function loadAdditionalAsset(languageCode: string, segment: string): Promise<string | SatoriFont[]> {
    try {
      if (languageCode === 'emoji') return emojiImage(segment).uri;
      const prefer = languageCode.split('|');
      const faces = new Set<Face>();
      for (const char of segment) {
        const codePoint = char.codePointAt(0) ?? 0;
        if (set.has(codePoint)) continue;
        for (const face of optionalFaces(codePoint, prefer) ?? []) faces.add(face);
      }
      return [...faces].map(satoriFont);
    } catch (error) {
      note(`Could not load a font or image for "${segment}" (${languageCode}): ${error instanceof Error ? error.message : String(error)}.`);
      return [];
    }
  };
}
