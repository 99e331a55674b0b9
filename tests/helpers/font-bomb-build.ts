/**
 * Small font files built in code for tests/font-bombs.test.ts: a minimal TrueType font with a chosen
 * cmap, WOFF and WOFF2 wrappers with chosen declared sizes, and a Brotli stream of zeros of any size
 * that is a few bytes per 16 MiB, so each bomb is a few kilobytes however large it unpacks.
 */
import { deflateSync } from 'node:zlib';

/** One cmap group: character codes `start..end` mapped to glyphs from `glyph` on. */
export type CmapGroup = [start: number, end: number, glyph: number];

/** A format-12 cmap table (Windows, Unicode full repertoire) with `groups`. */
export function cmapFormat12(groups: readonly CmapGroup[]): Uint8Array {
  const out = new DataView(new ArrayBuffer(12 + 16 + groups.length * 12));
  out.setUint16(2, 1); // one encoding record
  out.setUint16(4, 3);
  out.setUint16(6, 10);
  out.setUint32(8, 12);
  out.setUint16(12, 12);
  out.setUint32(16, 16 + groups.length * 12);
  out.setUint32(24, groups.length);
  groups.forEach(([start, end, glyph], i) => {
    out.setUint32(28 + i * 12, start);
    out.setUint32(32 + i * 12, end);
    out.setUint32(36 + i * 12, glyph);
  });
  return new Uint8Array(out.buffer);
}

/** An sfnt (TrueType) file of `tables`, sorted by tag, each 4-byte aligned. */
export function sfnt(tables: Record<string, Uint8Array>): Uint8Array {
  const tags = Object.keys(tables).sort();
  let size = 12 + tags.length * 16;
  for (const tag of tags) size += ((tables[tag] as Uint8Array).byteLength + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  let offset = 12 + tags.length * 16;
  tags.forEach((tag, i) => {
    const table = tables[tag] as Uint8Array;
    for (let c = 0; c < 4; c++) view.setUint8(12 + i * 16 + c, tag.charCodeAt(c));
    view.setUint32(12 + i * 16 + 8, offset);
    view.setUint32(12 + i * 16 + 12, table.byteLength);
    out.set(table, offset);
    offset += (table.byteLength + 3) & ~3;
  });
  return out;
}

/** The tables of a minimal TrueType font: `glyphs` empty glyphs 600 units wide, the given cmap, a family `name`. */
export function fontTables(cmap: Uint8Array, glyphs = 2, name = 'Bomb'): Record<string, Uint8Array> {
  const head = new DataView(new ArrayBuffer(54));
  head.setUint32(0, 0x00010000);
  head.setUint32(12, 0x5f0f3cf5);
  head.setUint16(18, 1000);
  const hhea = new DataView(new ArrayBuffer(36));
  hhea.setUint32(0, 0x00010000);
  hhea.setInt16(4, 800);
  hhea.setInt16(6, -200);
  hhea.setUint16(10, 600);
  hhea.setUint16(34, glyphs);
  const maxp = new DataView(new ArrayBuffer(6));
  maxp.setUint32(0, 0x00005000);
  maxp.setUint16(4, glyphs);
  const hmtx = new DataView(new ArrayBuffer(glyphs * 4));
  for (let i = 0; i < glyphs; i++) hmtx.setUint16(i * 4, 600);
  const utf16 = Uint8Array.from(Array.from(name).flatMap((c) => [0, c.charCodeAt(0) & 0xff]));
  const nameTable = new DataView(new ArrayBuffer(6 + 12 + utf16.byteLength));
  nameTable.setUint16(2, 1);
  nameTable.setUint16(4, 18);
  nameTable.setUint16(6, 3);
  nameTable.setUint16(8, 1);
  nameTable.setUint16(10, 0x409);
  nameTable.setUint16(12, 1);
  nameTable.setUint16(14, utf16.byteLength);
  new Uint8Array(nameTable.buffer).set(utf16, 18);
  const post = new DataView(new ArrayBuffer(32));
  post.setUint32(0, 0x00030000);
  const bytes = (view: DataView) => new Uint8Array(view.buffer);
  return {
    cmap,
    glyf: new Uint8Array(0),
    head: bytes(head),
    hhea: bytes(hhea),
    hmtx: bytes(hmtx),
    loca: new Uint8Array((glyphs + 1) * 2),
    maxp: bytes(maxp),
    name: bytes(nameTable),
    post: bytes(post),
  };
}

/** A minimal TrueType font with a format-12 cmap of `groups`. */
export function ttfWithCmap(groups: readonly CmapGroup[], name?: string): Uint8Array {
  return sfnt(fontTables(cmapFormat12(groups), 2, name));
}

/** LSB-first bit writer over a buffer of known size, as Brotli and deflate pack their bits. */
class Bits {
  readonly bytes: Uint8Array;
  /** Position in bits. */
  pos = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }

  /** Append the low `count` bits of `value`, least significant first. */
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++, this.pos++) {
      if (Math.floor(value / 2 ** i) % 2) this.bytes[this.pos >> 3] = (this.bytes[this.pos >> 3] as number) | (1 << (this.pos & 7));
    }
  }

  /** Append a Huffman code of `length` bits, most significant first (deflate's order for codes). */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.write((code >> i) & 1, 1);
  }

  /** The bytes written, the last one padded with zero bits. */
  done(): Uint8Array {
    return this.bytes.subarray(0, Math.ceil(this.pos / 8));
  }
}

const MIB16 = 2 ** 24;

/**
 * A Brotli stream that unpacks to `size` zero bytes (a multiple of 16 MiB), about 4 bytes per 16 MiB:
 * one meta-block per 16 MiB, each a single-symbol prefix code for everything and one command that copies
 * at distance 1 (the first inserts the one literal zero). RFC 7932 §9.
 */
export function brotliZeros(size: number): Uint8Array {
  if (!(size > 0) || size % MIB16) throw new RangeError('size must be a positive multiple of 16 MiB');
  const bits = new Bits(16 + (size / MIB16) * 16);
  bits.write(1, 1); // WBITS 24: "1" then 7 in three bits
  bits.write(7, 3);
  const blocks = size / MIB16;
  for (let b = 0; b < blocks; b++) {
    const last = b === blocks - 1;
    bits.write(last ? 1 : 0, 1); // ISLAST
    if (last) bits.write(0, 1); // ISLASTEMPTY
    bits.write(2, 2); // MNIBBLES: 6
    bits.write(MIB16 - 1, 24); // MLEN - 1
    if (!last) bits.write(0, 1); // ISUNCOMPRESSED
    bits.write(0, 1); // NBLTYPESL = 1
    bits.write(0, 1); // NBLTYPESI = 1
    bits.write(0, 1); // NBLTYPESD = 1
    bits.write(0, 2); // NPOSTFIX
    bits.write(0, 4); // NDIRECT
    bits.write(0, 2); // context mode of the literal block type
    bits.write(0, 1); // NTREESL = 1
    bits.write(0, 1); // NTREESD = 1
    for (const [symbol, width] of [[0, 8], [b === 0 ? 399 : 391, 10], [16, 6]] as const) {
      bits.write(1, 2); // simple prefix code
      bits.write(0, 2); // one symbol, coded in zero bits
      bits.write(symbol, width);
    }
    // the command: insert code 1 (first block) or 0, copy code 23 (2118 + 24 extra bits), distance code 16 (1 + 1 extra bit)
    bits.write((b === 0 ? MIB16 - 1 : MIB16) - 2118, 24);
    bits.write(0, 1);
  }
  return bits.done();
}

/** An unsigned base-128 number as WOFF2 writes it (§4.1, UIntBase128). */
function base128(value: number): number[] {
  const out = [value % 128];
  for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) out.unshift((v % 128) | 0x80);
  return out;
}

/** A WOFF2 table as its directory declares it, and whether its transform is the null one. */
export interface Woff2Table {
  tag: 'cmap' | 'head' | 'hhea' | 'hmtx' | 'maxp' | 'name' | 'post' | 'glyf' | 'loca';
  origLength: number;
}

const TAG_INDEX: Record<Woff2Table['tag'], number> = { cmap: 0, head: 1, hhea: 2, hmtx: 3, maxp: 4, name: 5, post: 7, glyf: 10, loca: 11 };

/**
 * A WOFF2 file: a header declaring `totalSfntSize`, a directory of `tables` (null transforms) and
 * `stream` as its Brotli data, which may unpack to more or less than the tables declare.
 */
export function woff2(tables: readonly Woff2Table[], stream: Uint8Array, totalSfntSize: number): Uint8Array {
  const directory = tables.flatMap((t) => [TAG_INDEX[t.tag] | (t.tag === 'glyf' || t.tag === 'loca' ? 0xc0 : 0), ...base128(t.origLength)]);
  const length = 48 + directory.length + stream.byteLength;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x774f4632);
  view.setUint32(4, 0x00010000);
  view.setUint32(8, length);
  view.setUint16(12, tables.length);
  view.setUint32(16, totalSfntSize);
  view.setUint32(20, stream.byteLength);
  out.set(directory, 48);
  out.set(stream, 48 + directory.length);
  return out;
}

/** A WOFF table: its bytes as stored, and the length it declares once inflated. */
export interface WoffTable {
  tag: string;
  stored: Uint8Array;
  origLength: number;
}

/** A WOFF file of `tables` as given (stored zlib data or raw bytes), its header declaring `totalSfntSize`. */
export function woff(tables: readonly WoffTable[], totalSfntSize: number): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  let length = 44 + sorted.length * 20;
  for (const t of sorted) length += (t.stored.byteLength + 3) & ~3;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x774f4646);
  view.setUint32(4, 0x00010000);
  view.setUint32(8, length);
  view.setUint16(12, sorted.length);
  view.setUint32(16, totalSfntSize);
  let offset = 44 + sorted.length * 20;
  sorted.forEach((t, i) => {
    const at = 44 + i * 20;
    for (let c = 0; c < 4; c++) view.setUint8(at + c, t.tag.charCodeAt(c));
    view.setUint32(at + 4, offset);
    view.setUint32(at + 8, t.stored.byteLength);
    view.setUint32(at + 12, t.origLength);
    out.set(t.stored, offset);
    offset += (t.stored.byteLength + 3) & ~3;
  });
  return out;
}

/** The tables of `tables` as a WOFF would store them: zlib-compressed when that is smaller. */
export function woffTables(tables: Record<string, Uint8Array>): WoffTable[] {
  return Object.entries(tables).map(([tag, data]) => {
    const packed = deflateSync(data);
    return { tag, stored: packed.byteLength < data.byteLength ? new Uint8Array(packed) : data, origLength: data.byteLength };
  });
}

/**
 * Zlib data of `1 + 258 * runs` zero bytes in about `runs / 4` bytes (deflate's best ratio, 1032:1): one
 * dynamic-Huffman block coding a literal zero, then `runs` copies of 258 bytes at distance 1 in two bits
 * each (which are zero bits, so the body is left as the buffer's zeros), then end-of-block. RFC 1950/1951.
 */
export function zlibZeros(runs: number): Uint8Array {
  const bits = new Bits(2 + 32 + Math.ceil(runs / 4) + 4 + 4);
  bits.write(0x78, 8);
  bits.write(0x01, 8);
  bits.write(1, 1); // BFINAL
  bits.write(2, 2); // dynamic Huffman codes
  bits.write(29, 5); // HLIT: 286 literal/length codes
  bits.write(0, 5); // HDIST: 1 distance code
  bits.write(14, 4); // HCLEN: 18 code-length codes
  // code-length code lengths in their order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1: symbol 18 → 1 bit, 1 and 2 → 2 bits
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) bits.write(length, 3);
  // code lengths: literal 0 → 2, 1..255 → 0, 256 → 2, 257..284 → 0, 285 → 1; distance 0 → 1.
  // code-length codes: 18 = "0" (then 7 bits: zeros - 11), 1 = "10", 2 = "11"
  bits.code(3, 2);
  bits.code(0, 1);
  bits.write(138 - 11, 7);
  bits.code(0, 1);
  bits.write(117 - 11, 7);
  bits.code(3, 2);
  bits.code(0, 1);
  bits.write(28 - 11, 7);
  bits.code(2, 2);
  bits.code(2, 2);
  // literal/length codes: 285 = "0", 0 = "10", 256 = "11"; distance 0 = "0"
  bits.code(2, 2);
  bits.pos += runs * 2;
  bits.code(3, 2);
  const body = bits.done();
  const out = new Uint8Array(body.byteLength + 4);
  out.set(body);
  new DataView(out.buffer).setUint32(body.byteLength, (((1 + 258 * runs) % 65521) * 65536 + 1) >>> 0);
  return out;
}
