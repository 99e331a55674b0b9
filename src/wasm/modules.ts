/**
 * `quotecard/wasm/modules` where the host compiles nothing ahead of time (Node, browsers, other bundlers):
 * each module is undefined, so `initWasm(modules)` loads it the default way. In Next's edge runtime and in
 * workerd, which refuse to compile WebAssembly from bytes but compile a `.wasm` import when they build, the
 * `edge-light` and `workerd` conditions give files written by scripts/wasm-modules.ts that import the three
 * modules beside the build instead.
 *
 *   import * as modules from 'quotecard/wasm/modules';
 *   await initWasm(modules);
 */

/** satori's layout engine, compiled by the host (Next's edge runtime, workerd); undefined elsewhere. */
export const yoga: WebAssembly.Module | undefined = undefined;
/** resvg, compiled by the host; undefined elsewhere. */
export const resvg: WebAssembly.Module | undefined = undefined;
/** HarfBuzz, satori's text shaper, compiled by the host; undefined elsewhere. */
export const harfbuzz: WebAssembly.Module | undefined = undefined;
