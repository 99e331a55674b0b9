/**
 * Fonts for other scripts from optional @fontsource packages, used when the caller has them installed
 * (quotecard does not depend on them). Each package ships one WOFF file per unicode-range subset and
 * weight (`files/<id>-<subset>-<weight>-normal.woff`) and a `unicode.json` of the subsets' ranges;
 * the subset covering a character is read on first need, once per process. See docs/fonts.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRequire } from '../shared/package-require.js';
import type { Face, FontWeight } from './face.js';
import { faceMetrics } from './face.js';
import type { SatoriLocale } from './satori-locale.js';
import { scriptFaces } from './script-fonts.js';

/** A package quotecard looks for: its id and the satori code its fonts are tagged with. */
export interface OptionalPackage {
  id: string;
  lang?: SatoriLocale;
}

/** Looked for in this order (CJK first: their subsets also hold CJK punctuation). */
export const OPTIONAL_PACKAGES: readonly OptionalPackage[] = [
  { id: 'noto-sans-jp', lang: 'ja-JP' },
  { id: 'noto-sans-sc', lang: 'zh-CN' },
  { id: 'noto-sans-tc', lang: 'zh-TW' },
  { id: 'noto-sans-hk', lang: 'zh-HK' },
  { id: 'noto-sans-kr', lang: 'ko-KR' },
  { id: 'noto-sans-arabic', lang: 'ar-AR' },
  { id: 'noto-sans-hebrew', lang: 'he-IL' },
  { id: 'noto-sans-devanagari', lang: 'devanagari' },
  { id: 'noto-sans-bengali', lang: 'bn-IN' },
  { id: 'noto-sans-tamil', lang: 'ta-IN' },
  { id: 'noto-sans-malayalam', lang: 'ml-IN' },
  { id: 'noto-sans-kannada', lang: 'kannada' },
  { id: 'noto-sans-thai', lang: 'th-TH' },
  { id: 'noto-sans-armenian' },
  { id: 'noto-sans-georgian' },
  { id: 'noto-sans-khmer' },
  { id: 'noto-sans-myanmar' },
  { id: 'noto-sans-symbols-2' },
  { id: 'noto-sans-math' },
];

interface Subset {
  name: string;
  ranges: Array<[number, number]>;
}

interface Installed {
  pkg: OptionalPackage;
  dir: string;
  family: string;
  weights: FontWeight[];
  subsets: Subset[];
}

const installed = new Map<string, Installed | null>();
const loaded = new Map<string, Face[] | null>();
/** Optional faces in the order they were first loaded (satori appends them to its font list in order too). */
const loadOrder: Face[] = [];

/** Parse a CSS unicode-range list: "U+0600-06FF,U+200C,U+4??". */
export function parseUnicodeRange(list: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of list.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) continue;
    const lo = Number.parseInt(m[1].replace(/\?/g, '0'), 16);
    const hi = Number.parseInt(m[2] ?? m[1].replace(/\?/g, 'f'), 16);
    ranges.push([lo, hi]);
  }
  return ranges;
}

function readPackage(pkg: OptionalPackage): Installed | null {
  const require = packageRequire();
  try {
    const unicodeFile = require.resolve(`@fontsource/${pkg.id}/unicode.json`);
    const dir = dirname(unicodeFile);
    const unicode = JSON.parse(readFileSync(unicodeFile, 'utf8')) as Record<string, string>;
    const meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { family?: string; weights?: number[] };
    const weights = (meta.weights ?? [400]).filter((w) => w === 400 || w === 700) as FontWeight[];
    const subsets = Object.entries(unicode).map(([name, range]) => ({ name: name.replace(/^\[(\d+)\]$/, '$1'), ranges: parseUnicodeRange(range) }));
    return { pkg, dir, family: meta.family ?? pkg.id, weights: weights.length ? weights : [400], subsets };
  } catch {
    return null;
  }
}

/** The package if installed (looked up once per process). */
export function installedPackage(pkg: OptionalPackage): Installed | null {
  let info = installed.get(pkg.id);
  if (info === undefined) {
    info = readPackage(pkg);
    installed.set(pkg.id, info);
  }
  return info;
}

function loadSubset(info: Installed, subset: Subset): Face[] | null {
  const key = `${info.pkg.id}/${subset.name}`;
  let faces = loaded.get(key);
  if (faces !== undefined) return faces;
  faces = [];
  for (const weight of info.weights) {
    const file = join(info.dir, 'files', `${info.pkg.id}-${subset.name}-${weight}-normal.woff`);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const face: Face = {
      name: `${info.family} ${subset.name}`,
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      weight,
      style: 'normal',
      source: `@fontsource/${info.pkg.id}`,
    };
    if (info.pkg.lang) face.lang = info.pkg.lang;
    try {
      faceMetrics(face);
      faces.push(face);
    } catch {
      // An unreadable file in an optional package is skipped; the glyph check then reports the characters.
    }
  }
  if (!faces.length) faces = null;
  else loadOrder.push(...faces);
  loaded.set(key, faces);
  return faces;
}

/**
 * Faces that draw `codePoint` when the plan's own fonts do not: the bundled right-to-left script fonts
 * (Arabic, Hebrew; see script-fonts.ts), else all weights of one subset of an installed optional
 * package, else undefined. `prefer` puts packages for those satori codes first (e.g. "zh-CN" before
 * "ja-JP" for Han).
 */
export function optionalFaces(codePoint: number, prefer: readonly string[] = []): Face[] | undefined {
  const bundled = scriptFaces(codePoint, (faces) => loadOrder.push(...faces));
  if (bundled) return [...bundled];
  const order = prefer.length
    ? [...OPTIONAL_PACKAGES].sort((a, b) => rank(a, prefer) - rank(b, prefer))
    : OPTIONAL_PACKAGES;
  for (const pkg of order) {
    const info = installedPackage(pkg);
    if (!info) continue;
    for (const subset of info.subsets) {
      if (!subset.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)) continue;
      const faces = loadSubset(info, subset);
      const first = faces?.[0];
      if (first && faceMetrics(first).glyph(codePoint)) return faces ?? undefined;
    }
  }
  return undefined;
}

function rank(pkg: OptionalPackage, prefer: readonly string[]): number {
  const i = pkg.lang ? prefer.indexOf(pkg.lang) : -1;
  return i < 0 ? prefer.length : i;
}

/** Optional faces (bundled script faces included) loaded so far, in load order. */
export function loadedOptionalFaces(): readonly Face[] {
  return loadOrder;
}
