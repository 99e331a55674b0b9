/**
 * WOFF2 support for measuring. satori 0.63 decodes WOFF2 itself (in its layout engine) to draw it, but
 * opentype.js, which quotecard measures with, cannot read WOFF2. The tables measuring needs (cmap,
 * hmtx, kerning in GPOS/kern) are never transformed by WOFF2 except hmtx, so this unpacks the Brotli
 * stream (node:zlib) and rebuilds a metrics-only TrueType/OpenType font: every table but the glyph
 * outlines, which are replaced by empty `glyf`/`loca` tables. Layout per the W3C WOFF2 spec, §4–5.
 */
import { brotliDecompressSync } from 'node:zlib';
import { checkDeclaredSize } from './font-limits.js';
import { FontProblem } from './font-problem.js';

/** The 63 table tags WOFF2 encodes by index (spec §4.2, Table 1). */
const KNOWN_TAGS = (
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX ' +
  'vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat ' +
  'fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
)
  .match(/.{4}\s?/g)
  ?.map((tag) => tag.slice(0, 4)) as string[];

interface Entry {
  tag: string;
  transformed: boolean;
  /** Bytes of this table in the decompressed stream. */
  length: number;
  origLength: number;
}

/** Why a WOFF2 file cannot be read; `checkFontBytes` words it for the font entry it came from. */
export class Woff2Problem extends FontProblem {
  constructor(problem: string) {
    super(problem, 'WOFF2 font');
  }
}

function readBase128(view: DataView, at: { pos: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    if (at.pos >= view.byteLength) throw new Woff2Problem('its table directory is cut short');
    const byte = view.getUint8(at.pos++);
    if (i === 0 && byte === 0x80) throw new Woff2Problem('its table directory has a malformed length');
    if (value & 0xfe000000) throw new Woff2Problem('its table directory has a length that overflows');
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return value;
  }
  throw new Woff2Problem('its table directory has a length longer than 5 bytes');
}

function readDirectory(view: DataView): { flavor: number; entries: Entry[]; streamStart: number; compressed: number } {
  if (view.byteLength < 48) throw new Woff2Problem('it is shorter than the 48-byte WOFF2 header');
  const flavor = view.getUint32(4);
  if (flavor === 0x74746366) throw new Woff2Problem('it is a font collection, which satori cannot draw');
  if (view.getUint32(8) !== view.byteLength) {
    throw new Woff2Problem(`its header says ${view.getUint32(8)} bytes but ${view.byteLength} were given (cut short or padded)`);
  }
  const numTables = view.getUint16(12);
  if (numTables === 0) throw new Woff2Problem('it has no tables');
  const compressed = view.getUint32(20);
  const at = { pos: 48 };
  const entries: Entry[] = [];
  for (let i = 0; i < numTables; i++) {
    if (at.pos >= view.byteLength) throw new Woff2Problem('its table directory is cut short');
    const flags = view.getUint8(at.pos++);
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 63) {
      if (at.pos + 4 > view.byteLength) throw new Woff2Problem('its table directory is cut short');
      tag = String.fromCharCode(view.getUint8(at.pos), view.getUint8(at.pos + 1), view.getUint8(at.pos + 2), view.getUint8(at.pos + 3));
      at.pos += 4;
    }
    const version = flags >> 6;
    const origLength = readBase128(view, at);
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const length = transformed ? readBase128(view, at) : origLength;
    entries.push({ tag: tag ?? '????', transformed, length, origLength });
  }
  if (at.pos + compressed > view.byteLength) throw new Woff2Problem('its compressed data is cut short');
  return { flavor, entries, streamStart: at.pos, compressed };
}

/** Rebuild `hmtx` from its transformed form (spec §5.4): advances kept, side bearings zero when dropped. */
function untransformHmtx(data: Uint8Array, numHMetrics: number, numGlyphs: number): Uint8Array {
  const src = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const flags = src.getUint8(0);
  const out = new DataView(new ArrayBuffer(numHMetrics * 4 + (numGlyphs - numHMetrics) * 2));
  let lsbAt = 1 + numHMetrics * 2;
  for (let i = 0; i < numHMetrics; i++) {
    out.setUint16(i * 4, src.getUint16(1 + i * 2));
    if (!(flags & 1)) out.setInt16(i * 4 + 2, src.getInt16(lsbAt + i * 2));
  }
  if (!(flags & 1)) lsbAt += numHMetrics * 2;
  for (let i = 0; i < numGlyphs - numHMetrics; i++) {
    if (!(flags & 2)) out.setInt16(numHMetrics * 4 + i * 2, src.getInt16(lsbAt + i * 2));
  }
  return new Uint8Array(out.buffer);
}

/** Assemble an sfnt from tables (checksums left 0: opentype.js does not verify them). */
function writeSfnt(flavor: number, tables: Map<string, Uint8Array>): ArrayBuffer {
  const tags = [...tables.keys()].sort();
  let size = 12 + tags.length * 16;
  for (const tag of tags) size += ((tables.get(tag)?.byteLength ?? 0) + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, flavor);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = 12 + tags.length * 16;
  tags.forEach((tag, i) => {
    const table = tables.get(tag) as Uint8Array;
    for (let c = 0; c < 4; c++) view.setUint8(12 + i * 16 + c, tag.charCodeAt(c));
    view.setUint32(12 + i * 16 + 8, offset);
    view.setUint32(12 + i * 16 + 12, table.byteLength);
    out.set(table, offset);
    offset += (table.byteLength + 3) & ~3;
  });
  return out.buffer;
}

/** A WOFF2 font rebuilt for measuring, and the most it declares it unpacks to. */
export interface Woff2Metrics {
  /** The metrics-only sfnt. */
  metrics: ArrayBuffer;
  /** The largest of its header's totalSfntSize, its tables' origLength sum and its Brotli stream's declared length. */
  unpacked: number;
}

/**
 * The Brotli stream, unpacked to exactly the `expected` bytes its table directory declares: node:zlib
 * stops as soon as the output passes that, so data that would unpack to more costs no more than the
 * font says it does.
 */
function unpackStream(bytes: ArrayBuffer, streamStart: number, compressed: number, expected: number): Uint8Array {
  let stream: Uint8Array;
  try {
    stream = brotliDecompressSync(new Uint8Array(bytes, streamStart, compressed), { maxOutputLength: Math.max(1, expected) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Woff2Problem(`its Brotli-compressed data unpacks to more than the ${expected} bytes its table directory declares`);
    }
    throw new Woff2Problem('its Brotli-compressed data is damaged or cut short');
  }
  if (stream.byteLength < expected) throw new Woff2Problem('its decompressed data is shorter than its table directory says');
  return stream;
}

/**
 * A metrics-only sfnt for the WOFF2 `bytes`; throws `Woff2Problem` saying what is wrong, or
 * `FontLimitProblem` (before anything is unpacked) when it declares more than `MAX_FONT_BYTES` unpacked.
 */
export function woff2Metrics(bytes: ArrayBuffer): Woff2Metrics {
  const view = new DataView(bytes);
  const { flavor, entries, streamStart, compressed } = readDirectory(view);
  const streamLength = entries.reduce((sum, e) => sum + e.length, 0);
  const unpacked = Math.max(view.getUint32(16), entries.reduce((sum, e) => sum + e.origLength, 0), streamLength);
  checkDeclaredSize(unpacked, 'its header and table directory declare');
  const stream = unpackStream(bytes, streamStart, compressed, streamLength);
  const tables = new Map<string, Uint8Array>();
  const transformedHmtx: { data?: Uint8Array } = {};
  let pos = 0;
  for (const entry of entries) {
    const data = stream.subarray(pos, pos + entry.length);
    pos += entry.length;
    if (entry.tag === 'glyf' || entry.tag === 'loca') continue;
    if (entry.tag === 'hmtx' && entry.transformed) transformedHmtx.data = data;
    else tables.set(entry.tag, data);
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const maxp = tables.get('maxp');
  if (!head || head.byteLength < 54 || !hhea || hhea.byteLength < 36 || !maxp || maxp.byteLength < 6 || !tables.get('cmap')) {
    throw new Woff2Problem('it lacks a required table (head, hhea, maxp or cmap)');
  }
  const numGlyphs = new DataView(maxp.buffer, maxp.byteOffset).getUint16(4);
  const numHMetrics = new DataView(hhea.buffer, hhea.byteOffset).getUint16(34);
  if (transformedHmtx.data) tables.set('hmtx', untransformHmtx(transformedHmtx.data, numHMetrics, numGlyphs));
  if (!tables.has('CFF ')) {
    const longLoca = new DataView(head.buffer, head.byteOffset).getInt16(50) === 1;
    tables.set('loca', new Uint8Array((numGlyphs + 1) * (longLoca ? 4 : 2)));
    tables.set('glyf', new Uint8Array(0));
  }
  return { metrics: writeSfnt(flavor, tables), unpacked };
}
