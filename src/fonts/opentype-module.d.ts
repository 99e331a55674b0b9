/** Minimal typing for the opentype.js build satori itself uses (it ships no types). */
declare module '@shuding/opentype.js' {
  const opentype: { parse(data: ArrayBuffer, options?: Record<string, unknown>): unknown };
  export default opentype;
}
