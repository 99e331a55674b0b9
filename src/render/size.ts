/**
 * Card sizes: the presets a newsroom posts and explicit pixel sizes, checked against the limits that
 * keep resvg from exhausting memory or aborting the process (it does both on huge sizes).
 */
import { InputError, LimitError, describe } from '../errors.js';
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

const ALLOWED = '"og" | "square" | "portrait" | "story" | { width, height }';

/** A size resolved to pixels, with the preset name when one was used. */
export interface ResolvedSize {
  width: number;
  height: number;
  name?: SizeName;
}

function side(value: unknown, field: 'width' | 'height'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw InputError.invalid(`size.${field}`, `an integer from 1 to ${MAX_SIDE}`, value);
  }
  if (value < 1 || value > MAX_SIDE) {
    throw new LimitError(
      `Invalid value for option "size.${field}". Allowed: an integer from 1 to ${MAX_SIDE}. Received: ${describe(value)}.`,
      { field: `size.${field}`, allowed: `1..${MAX_SIDE}`, received: describe(value) },
    );
  }
  return value;
}

/** Resolve the `size` option (default og) to pixels, or throw a typed error naming what is wrong. */
export function resolveSize(size: unknown = 'og'): ResolvedSize {
  if (typeof size === 'string') {
    if (Object.hasOwn(SIZES, size)) return { ...SIZES[size as SizeName], name: size as SizeName };
    throw InputError.invalid('size', ALLOWED, size);
  }
  if (typeof size !== 'object' || size === null || Array.isArray(size)) throw InputError.invalid('size', ALLOWED, size);
  const extra = Object.keys(size).filter((k) => k !== 'width' && k !== 'height');
  if (extra.length) throw InputError.invalid('size', ALLOWED, size);
  const { width, height } = size as { width?: unknown; height?: unknown };
  const w = side(width, 'width');
  const h = side(height, 'height');
  if (w * h > MAX_PIXELS) {
    const received = `${w}×${h} = ${w * h} px`;
    throw new LimitError(
      `Invalid value for option "size". Allowed: at most ${MAX_PIXELS} pixels (16.7 MP). Received: ${received}.`,
      { field: 'size', allowed: `≤ ${MAX_PIXELS} px`, received },
    );
  }
  return { width: w, height: h };
}
