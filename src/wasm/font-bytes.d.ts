/** The package's fonts/ folder as base64 by file name, generated into the WebAssembly build (tsup.config.ts). */
declare module 'quotecard:font-bytes' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
