/**
 * The faces of one plan and which face draws which character, resolved the way satori 0.63 does:
 * the requested family's best face for the weight and style, then every other family in the order the
 * fonts were given (each at its best face), then optional script fonts in the order they were loaded.
 */
import { type Face, faceMetrics, pickFace } from './face.js';
import { loadedOptionalFaces, optionalFaces } from './optional-fonts.js';

/** A resolution order of faces for one (family, weight, style). */
export interface FaceChain {
  key: string;
  faces: Face[];
  /** Face per code point (undefined: none has it). */
  byCodePoint: Map<number, Face | undefined>;
  /** How many optional faces were known when `faces` was built. */
  optionalCount: number;
}

/** satori's key for a family: lower-cased name and language ("quotecard sans_unknown"). */
function familyKey(face: Face): string {
  return `${face.name.toLowerCase()}_${face.lang ?? 'unknown'}`;
}

function groupFamilies(faces: readonly Face[]): Map<string, Face[]> {
  const families = new Map<string, Face[]>();
  for (const face of faces) {
    const key = familyKey(face);
    const list = families.get(key);
    if (list) list.push(face);
    else families.set(key, [face]);
  }
  return families;
}

/** The faces of one plan. */
export class FontSet {
  readonly faces: readonly Face[];
  private readonly families: Map<string, Face[]>;
  private readonly chains = new Map<string, FaceChain>();
  private readonly anyFace = new Map<number, boolean>();

  constructor(faces: readonly Face[]) {
    this.faces = faces;
    this.families = groupFamilies(faces);
  }

  /** The resolution order for a CSS `font-family` list (comma-separated), weight and style. */
  chain(family: string, weight = 400, style: 'normal' | 'italic' = 'normal'): FaceChain {
    const key = `${family}\u0000${weight}\u0000${style}`;
    const optional = loadedOptionalFaces();
    let chain = this.chains.get(key);
    if (chain && chain.optionalCount === optional.length) return chain;
    const faces: Face[] = [];
    const names = family.split(',').map((n) => n.trim().replace(/^["']|["']$/g, '').toLowerCase());
    for (const name of names) {
      const face = pickFace(this.families.get(`${name}_unknown`) ?? [], weight, style);
      if (face) faces.push(face);
    }
    for (const list of [...this.families.values(), ...groupFamilies(optional).values()]) {
      const face = pickFace(list, weight, style);
      if (face && !faces.includes(face)) faces.push(face);
    }
    chain = { key, faces, byCodePoint: new Map(), optionalCount: optional.length };
    this.chains.set(key, chain);
    return chain;
  }

  /**
   * The face that draws `codePoint` in `chain`, loading an optional script font when none of the
   * plan's faces has it; undefined when no font can draw it.
   */
  faceFor(chain: FaceChain, codePoint: number, prefer?: readonly string[]): Face | undefined {
    if (chain.byCodePoint.has(codePoint)) return chain.byCodePoint.get(codePoint);
    let face = chain.faces.find((f) => faceMetrics(f).glyph(codePoint) !== 0);
    if (!face) {
      const extra = optionalFaces(codePoint, prefer);
      if (extra) {
        const family = chain.key.split('\u0000');
        face = pickFace(extra, Number(family[1]) || 400, family[2] === 'italic' ? 'italic' : 'normal');
      }
    }
    chain.byCodePoint.set(codePoint, face);
    return face;
  }

  /** Whether any of the plan's own faces (not optional ones) has `codePoint`. */
  has(codePoint: number): boolean {
    let found = this.anyFace.get(codePoint);
    if (found === undefined) {
      found = this.faces.some((f) => faceMetrics(f).glyph(codePoint) !== 0);
      this.anyFace.set(codePoint, found);
    }
    return found;
  }
}
