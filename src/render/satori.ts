/**
 * satori, loaded on the first card rather than on import: a program that only extracts (or the main
 * process of a batch, whose workers draw) never loads its code and WebAssembly.
 * Required as CommonJS from either build (faster to load than satori's ESM build; package-require.ts):
 * satori's CJS file exports `{ default: satori }`.
 */
import type satoriType from 'satori';
import { RenderError } from '../errors.js';
import { packageRequire } from '../shared/package-require.js';

export type Satori = typeof satoriType;

let loading: Promise<Satori> | undefined;

/** The satori function, imported once. */
export function loadSatori(): Promise<Satori> {
  loading ??= Promise.resolve().then(() => {
    let mod: { default: unknown };
    try {
      mod = packageRequire()('satori') as { default: unknown };
    } catch (error) {
      // Most likely a bundle of this build run without node_modules (the Node build loads its dependencies at run time)
      throw new RenderError('layout-failed', 'satori could not be loaded', {
        field: 'satori',
        allowed:
          "quotecard's dependencies installed beside it: in a bundle, quotecard left external (esbuild: --external:quotecard; Next.js: serverExternalPackages: ['quotecard']), or import 'quotecard/wasm', which bundles whole (docs/hosts.md)",
        received: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        cause: error,
      });
    }
    const candidate = mod.default;
    return (typeof candidate === 'function' ? candidate : (candidate as { default: Satori }).default) as Satori;
  });
  return loading;
}

/** The element type satori takes. */
export type SatoriNode = Parameters<Satori>[0];
/** satori's options. */
export type SatoriOptions = Parameters<Satori>[1];
