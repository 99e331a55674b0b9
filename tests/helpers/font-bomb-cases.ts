/**
 * The font bombs of tests/font-bombs.test.ts, by name: each builds the `fonts` option of one call from a
 * few kilobytes of code-built font data that would unpack, or be walked, to gigabytes.
 */
import { brotliZeros, cmapFormat12, fontTables, sfnt, ttfWithCmap, woff, woff2, woffTables, zlibZeros } from './font-bomb-build.js';
import type { FontInput } from '../../src/types.js';

const GB2 = 2 ** 31;

/** A format-4 cmap table whose `segments` segments (plus the final 0xFFFF one) each map all of 0..0xFFFF. */
function cmapFormat4(segments: number): Uint8Array {
  const count = segments + 1;
  const length = 16 + count * 8;
  const out = new DataView(new ArrayBuffer(12 + length));
  out.setUint16(2, 1);
  out.setUint16(4, 3);
  out.setUint16(6, 1);
  out.setUint32(8, 12);
  out.setUint16(12, 4);
  out.setUint16(14, length);
  out.setUint16(18, count * 2);
  for (let i = 0; i < count; i++) {
    out.setUint16(26 + i * 2, 0xffff); // endCode
    out.setUint16(28 + count * 2 + i * 2, i === segments ? 0xffff : 0); // startCode
  }
  return new Uint8Array(out.buffer);
}

/** The tables of a small valid font whose cmap maps "A". */
const smallTables = () => fontTables(cmapFormat12([[0x41, 0x41, 1]]));

/** A TTF of 60,001 glyphs whose format-12 cmap maps every Unicode code point once, in 19 groups (400 KB). */
function allOfUnicode(name: string): Uint8Array {
  const groups: Array<[number, number, number]> = [];
  for (let start = 0; start < 0x110000; start += 60_000) groups.push([start, Math.min(0x110000, start + 60_000) - 1, 1]);
  return sfnt(fontTables(cmapFormat12(groups), 60_001, name));
}

/** The bombs: a name and the `fonts` option it builds. */
export const BOMBS: Record<string, () => FontInput[]> = {
  /** A 1.6 KB WOFF2 whose header and directory declare 2 GB, and whose Brotli data unpacks to 2 GB of zeros. */
  'WOFF2 declaring 2 GB': () => [{ name: 'Bomb', data: woff2([{ tag: 'cmap', origLength: GB2 - 28 }], brotliZeros(GB2), GB2) }],
  /** A WOFF2 whose directory declares a 1 KB font but whose Brotli data unpacks to 2 GB. */
  'WOFF2 unpacking past its declared size': () => {
    const tables = fontTables(new Uint8Array(0));
    const list = (['head', 'hhea', 'maxp', 'hmtx', 'name', 'post'] as const).map((tag) => ({ tag, origLength: (tables[tag] as Uint8Array).byteLength }));
    return [{ name: 'Bomb', data: woff2([...list, { tag: 'cmap', origLength: 64 }], brotliZeros(GB2), 1024) }];
  },
  /** A 2 MB WOFF with an extra table declared as 4 MiB that inflates to 2 GB (deflate at its 1032:1 ratio). */
  'WOFF table inflating past its declared size': () => {
    const extra = { tag: 'zzzz', stored: zlibZeros(Math.floor(GB2 / 258)), origLength: 4 * 2 ** 20 };
    return [{ name: 'Bomb', data: woff([...woffTables(smallTables()), extra], 4 * 2 ** 20 + 4096) }];
  },
  /** A 1 KB WOFF whose header and one table's entry declare 2 GB unpacked. */
  'WOFF declaring 2 GB': () => {
    const extra = { tag: 'zzzz', stored: zlibZeros(4), origLength: GB2 };
    return [{ name: 'Bomb', data: woff([...woffTables(smallTables()), extra], GB2 + 4096) }];
  },
  /** A 400-byte TTF whose format-12 cmap maps every character code 0..0xFFFFFFFF. */
  'cmap group 0..0xFFFFFFFF': () => [{ name: 'Bomb', data: ttfWithCmap([[0, 0xffffffff, 1]]) }],
  /** A 24 KB TTF whose format-12 cmap has 2,000 groups, each mapping all of Unicode 0..0x10FFFF. */
  '2,000 full-range cmap groups': () => [{ name: 'Bomb', data: ttfWithCmap(Array.from({ length: 2000 }, () => [0, 0x10ffff, 1] as [number, number, number])) }],
  /** A 260 KB TTF whose format-4 cmap has 32,766 segments, each mapping all of 0..0xFFFF. */
  '32,766 full-range cmap segments': () => [{ name: 'Bomb', data: sfnt(fontTables(cmapFormat4(32_766))) }],
  /** 40 MB of TTF: a real table directory, one 40 MB table. */
  '40 MB font': () => [{ name: 'Bomb', data: sfnt({ ...smallTables(), zzzz: new Uint8Array(40 * 2 ** 20) }) }],
  /** 64 distinct 400 KB fonts, each within every per-font limit, each mapping all of Unicode. */
  '64 fonts each mapping all of Unicode': () => Array.from({ length: 64 }, (_, i) => ({ name: i ? `Bomb ${i}` : 'Bomb', data: allOfUnicode(`Bomb ${i}`) })),
  /** 2,000 fonts in one call, each a distinct small valid TTF. */
  '2,000 fonts in one call': () => Array.from({ length: 2000 }, (_, i) => ({ name: `Bomb ${i}`, data: ttfWithCmap([[0x41, 0x41, 1]], `Bomb ${i}`) })),
};
