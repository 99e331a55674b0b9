/**
 * The fonts for one render: the bundled faces plus the caller's validated `fonts`, as satori's `fonts`
 * option, a measurer, satori's `loadAdditionalAsset`, and the face set the glyph check reads. The
 * bundled part is built once per process; the same user fonts (same bytes objects) give the same
 * plan core — the same `satoriFonts` array and buffers, so satori reuses its parsed fonts and shaping
 * caches — and only a few small closures are made per call.
 */
import type { Measurer } from '../types.js';
import { createAssetLoader, type SatoriFont, satoriFont } from './asset-loader.js';
import { bundledFaces } from './bundled.js';
import type { Face } from './face.js';
import { FontSet } from './font-set.js';
import { createMeasurer } from './measurer.js';

/** Everything a render needs to know about fonts. */
export interface FontPlan {
  /** satori's `fonts` option: the same array object for the same fonts. */
  satoriFonts: SatoriFont[];
  /** Text widths as satori will draw them. */
  measurer: Measurer;
  /** All faces, bundled first, then the caller's, in order. */
  faces: readonly Face[];
  /** Resolution of characters to faces (for `missingGlyphs`). */
  set: FontSet;
  /** satori's `loadAdditionalAsset`: emoji images and optional script fonts. */
  loadAdditionalAsset: (languageCode: string, segment: string) => Promise<string | SatoriFont[]>;
  /** Problems met while serving assets to satori since the last call (then cleared). */
  takeNotes(): string[];
}

type PlanCore = Pick<FontPlan, 'satoriFonts' | 'measurer' | 'faces' | 'set'>;

const MAX_PLANS = 16;
const cores = new Map<string, PlanCore>();
const bufferIds = new WeakMap<ArrayBuffer, number>();
let nextId = 0;
let base: PlanCore | undefined;

function makeCore(faces: Face[]): PlanCore {
  const set = new FontSet(faces);
  return { satoriFonts: faces.map(satoriFont), measurer: createMeasurer(set), faces, set };
}

function keyOf(faces: readonly Face[]): string {
  let key = '';
  for (const face of faces) {
    let id = bufferIds.get(face.data);
    if (id === undefined) {
      id = ++nextId;
      bufferIds.set(face.data, id);
    }
    key += `${id}:${face.name}:${face.weight}:${face.style}:${face.lang ?? ''};`;
  }
  return key;
}

function core(user: readonly Face[]): PlanCore {
  base ??= makeCore([...bundledFaces()]);
  if (!user.length) return base;
  const key = keyOf(user);
  let found = cores.get(key);
  if (found) {
    cores.delete(key);
  } else {
    found = makeCore([...base.faces, ...user]);
    if (cores.size >= MAX_PLANS) {
      const oldest = cores.keys().next().value;
      if (oldest !== undefined) cores.delete(oldest);
    }
  }
  cores.set(key, found);
  return found;
}

/** The fonts for one render: the bundled faces and `extra`, the faces of the checked `fonts` option. */
export function fontPlan(extra: readonly Face[] = []): FontPlan {
  const planCore = core(extra);
  const notes: string[] = [];
  return {
    ...planCore,
    loadAdditionalAsset: createAssetLoader(planCore.set, (message) => {
      if (!notes.includes(message)) notes.push(message);
    }),
    takeNotes: () => notes.splice(0),
  };
}
