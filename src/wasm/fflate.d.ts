/** fflate 0.7.3's types exist but its "exports" map hides them from node16 resolution: the calls used. */
declare module 'fflate' {
  export function inflateSync(data: Uint8Array, out?: Uint8Array): Uint8Array;
  export function unzlibSync(data: Uint8Array, out?: Uint8Array): Uint8Array;
  export function zlibSync(data: Uint8Array, options?: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }): Uint8Array;
}
