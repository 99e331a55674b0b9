/** fflate 0.7.3's types exist but its "exports" map hides them from node16 resolution: the two calls used. */
declare module 'fflate' {
  export function inflateSync(data: Uint8Array, out?: Uint8Array): Uint8Array;
  export function unzlibSync(data: Uint8Array, out?: Uint8Array): Uint8Array;
}
