/**
 * CRC-32 (ISO 3309, as PNG chunks use it), for the PNG encoder and the PNG integrity check. Node's native
 * `zlib.crc32` is used where it exists (Node 20.15 and 22.2 on); this package supports every Node 20, so
 * the table-driven form stays as the fallback.
 */
import * as zlib from 'node:zlib';

type NativeCrc32 = (data: Uint8Array, value?: number) => number;
const native = (zlib as { crc32?: NativeCrc32 }).crc32;

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 of `bytes[start, end)` as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (native) return native(bytes.subarray(start, end)) >>> 0;
  return tableCrc32(bytes, start, end);
}

/** The table-driven CRC-32 (exported for the test that checks it against the native one). */
export function tableCrc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = -1;
  for (let i = start; i < end; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
