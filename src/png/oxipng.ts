/**
 * `compression: 'small'`: a card's PNG recompressed losslessly by oxipng (libdeflate's stronger
 * deflate, row filters tried per image), as WebAssembly from the @jsquash/oxipng package, loaded the
 * first time it is asked for. Much smaller files for much more time (docs/performance.md): for files
 * served many times, not for drawing in a hurry. The pixels are unchanged (tests decode both); the same
 * PNG in gives the same bytes out.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { packageRequire } from '../shared/package-require.js';

type Optimise = (data: Uint8Array, level: number, interlace: boolean, optimiseAlpha: boolean) => Uint8Array;

/** oxipng's optimisation level, 2 of 0–6: the higher levels cost several times the time for little more. */
const LEVEL = 2;

let loading: Promise<Optimise> | undefined;

function loadOxipng(): Promise<Optimise> {
  loading ??= (async () => {
    const script = packageRequire().resolve('@jsquash/oxipng/codec/pkg/squoosh_oxipng.js');
    const codec = (await import(pathToFileURL(script).href)) as { default: (wasm: Uint8Array) => Promise<unknown>; optimise: Optimise };
    await codec.default(readFileSync(script.replace(/squoosh_oxipng\.js$/, 'squoosh_oxipng_bg.wasm')));
    return codec.optimise;
  })();
  return loading;
}

/** `png` made smaller without changing a pixel. */
export async function shrinkPng(png: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const optimise = await loadOxipng();
  // copied out of the WebAssembly memory by its bindings: a plain ArrayBuffer of its own
  return optimise(png, LEVEL, false, false) as Uint8Array<ArrayBuffer>;
}
