// What wrangler's module rules give for these imports: .wasm a compiled module, .pack (the Data rule) bytes.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*.pack' {
  const bytes: ArrayBuffer;
  export default bytes;
}
