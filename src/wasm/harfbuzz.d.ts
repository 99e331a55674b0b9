/**
 * Satori's HarfBuzz loader, which the WebAssembly build exposes from satori's standalone build
 * (scripts/wasm-graph.ts): `moduleArg` is emscripten's module argument; the promise settles when HarfBuzz
 * is ready for satori (it stays pending if `instantiateWasm` never hands over an instance).
 */
declare module 'quotecard:harfbuzz' {
  /** A WebAssembly import object and instance (the project's type libraries do not declare these). */
  export type WasmImports = Record<string, Record<string, unknown>>;
  export type WasmInstance = { readonly exports: Record<string, unknown> };
  export interface HarfBuzzModuleArg {
    instantiateWasm(imports: WasmImports, receive: (instance: WasmInstance) => void): object;
  }
  export function loadHarfBuzz(moduleArg: HarfBuzzModuleArg): Promise<void>;
}
