/**
 * Card sizes: the presets a newsroom posts and explicit pixel sizes, checked against the limits that
 * keep resvg from exhausting memory or aborting the process (it does both on huge sizes).
 */
import { describe, LimitError } from '../errors.js';
import { convert, either, isPlainObject, object, oneOf, type Place, type Rule } from '../shared/check.js';
import type { SizeName } from '../types.js';

/** The preset sizes in px. */
export const SIZES: Readonly<Record<SizeName, { width: number; height: number }>> = {
  og: { width: 1200, height: 630 },
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  story: { width: 1080, height: 1920 },
};

/** Largest width or height accepted, in px. */
export const MAX_SIDE = 4096;
/** Largest area accepted, in px (16.7 MP). */
export const MAX_PIXELS = 16_777_216;

/** A size resolved to pixels, with the preset name when one was used. */
export interface ResolvedSize {
  width: number;
  height: number;
  name?: SizeName;
}

const SIDE = `an integer from 1 to ${MAX_SIDE}`;

/** One side: an integer (else InputError), within 1..MAX_SIDE (else LimitError). */
const side: Rule<number> = convert(SIDE, (value, at, fail) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw fail();
  if (value < 1 || value > MAX_SIDE) {
    throw new LimitError('too-large', `Invalid value for ${at.noun} "${at.name}"`, { field: at.path, allowed: SIDE, received: describe(value) });
  }
  return value;
});

const pixels = object({ width: side, height: side }, '{ width, height }');

function withinPixels(size: { width: number; height: number }, at: Place): ResolvedSize {
  const area = size.width * size.height;
  if (area <= MAX_PIXELS) return { width: size.width, height: size.height };
  throw new LimitError('too-large', `Invalid value for ${at.noun} "${at.name}"`, {
    field: at.path,
    allowed: `at most ${MAX_PIXELS} pixels (16.7 MP)`,
    received: `${size.width}×${size.height} = ${area} px`,
  });
}

const ALLOWED = `${oneOf(Object.keys(SIZES)).allowed} | { width, height }`;

/** The `size` option: a preset name or `{ width, height }`, resolved to pixels. */
export const sizeRule: Rule<ResolvedSize> = either(
  ALLOWED,
  [(v) => typeof v === 'string' && Object.hasOwn(SIZES, v), convert(ALLOWED, (v) => ({ ...SIZES[v as SizeName], name: v as SizeName }))],
  [isPlainObject, convert(ALLOWED, (v, at) => withinPixels(pixels.check(v, at), at))],
);

/** A checked size's name in file names: the preset, or "1000x500". */
export function sizeName(size: ResolvedSize): string {
  return size.name ?? `${size.width}x${size.height}`;
}

