/**
 * satori, loaded on the first card rather than on import: a program that only extracts (or the main
 * process of a batch, whose workers draw) never pays for its ~35 MB of code and WebAssembly.
 * Works from the ESM and the CJS build: satori's CJS file exports `{ default: satori }`.
 */
import type satoriType from 'satori';

type Satori = typeof satoriType;

let loading: Promise<Satori> | undefined;

/** The satori function, imported once. */
export function loadSatori(): Promise<Satori> {
  loading ??= import('satori').then((mod) => {
    const candidate = mod.default as unknown;
    return (typeof candidate === 'function' ? candidate : (candidate as { default: Satori }).default) as Satori;
  });
  return loading;
}

/** The element type satori takes. */
export type SatoriNode = Parameters<Satori>[0];
/** satori's options. */
export type SatoriOptions = Parameters<Satori>[1];
