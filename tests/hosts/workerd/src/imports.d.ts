// What wrangler's Data rule (wrangler.jsonc) gives for the emoji pack's import: its bytes.
declare module '*.pack' {
  const bytes: ArrayBuffer;
  export default bytes;
}
