/**
 * WOFF tables, unpacked the way the parsers after quotecard would unpack them, but bounded. opentype.js
 * inflates each zlib-compressed table into a buffer of the length its directory entry declares; satori
 * allocates the header's totalSfntSize and inflates each table with no bound at all, so a few megabytes
 * of deflate data can become gigabytes there. Here the declared sizes are checked before anything is
 * inflated, then each table is inflated once (node:zlib, stopped as soon as it passes its declared
 * length): a table that inflates to more or less than it declares, or tables that do not fit the
 * declared total, are refused before either parser sees them. Layout per the W3C WOFF 1.0 spec, §4–5.
 */
import { inflateRawSync } from 'node:zlib';
import { checkDeclaredSize } from './font-limits.js';
import { FontProblem } from './font-problem.js';
import { type TableReader, tagAt } from './sfnt-tables.js';

/** A WOFF file's tables: the ones asked for, unpacked, and the most it declares it unpacks to. */
export interface WoffTables {
  read: TableReader;
  /** The larger of its header's totalSfntSize and what its tables take unpacked, laid out as satori lays them out. */
  unpacked: number;
}

/** Why a WOFF file cannot be read. */
class WoffProblem extends FontProblem {
  constructor(problem: string) {
    super(problem, 'WOFF font');
  }
}

interface Entry {
  tag: string;
  offset: number;
  compLength: number;
  origLength: number;
}

function entries(view: DataView): Entry[] {
  const list: Entry[] = [];
  for (let i = 0; i < view.getUint16(12); i++) {
    const at = 44 + i * 20;
    list.push({ tag: tagAt(view, at), offset: view.getUint32(at + 4), compLength: view.getUint32(at + 8), origLength: view.getUint32(at + 12) });
  }
  return list;
}

/** One table's bytes unpacked: stored as is when not smaller than it unpacks to (as both parsers read it), else inflated to exactly its origLength. */
function unpack(data: ArrayBuffer, entry: Entry): Uint8Array {
  if (entry.compLength >= entry.origLength) return new Uint8Array(data, entry.offset, entry.origLength);
  // Both parsers skip the 2-byte zlib header and inflate the raw deflate data after it.
  if (entry.compLength < 2) throw new WoffProblem(`its table "${entry.tag}" has damaged compressed data`);
  let table: Uint8Array;
  try {
    table = inflateRawSync(new Uint8Array(data, entry.offset + 2, entry.compLength - 2), { maxOutputLength: entry.origLength });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new WoffProblem(`its table "${entry.tag}" inflates to more than the ${entry.origLength} bytes its directory declares`);
    }
    throw new WoffProblem(`its table "${entry.tag}" has damaged compressed data`);
  }
  if (table.byteLength !== entry.origLength) {
    throw new WoffProblem(`its table "${entry.tag}" inflates to ${table.byteLength} bytes, not the ${entry.origLength} its directory declares`);
  }
  return table;
}

/**
 * Check the WOFF `data` (its header and directory already checked to lie inside it) and unpack the
 * tables `keep` names. Throws `FontLimitProblem` before inflating anything when it declares more than
 * `MAX_FONT_BYTES` unpacked, and `FontProblem` when a table does not unpack to what it declares.
 */
export function woffTables(data: ArrayBuffer, keep: readonly string[]): WoffTables {
  const view = new DataView(data);
  const list = entries(view);
  const totalSfntSize = view.getUint32(16);
  // satori's layout: the sfnt header and directory, then each table in directory order, 4-byte aligned.
  let end = 12 + list.length * 16;
  let needed = end;
  for (const entry of list) {
    needed = end + entry.origLength;
    end += (entry.origLength + 3) & ~3;
  }
  const unpacked = Math.max(totalSfntSize, needed);
  checkDeclaredSize(unpacked, 'its header and table directory declare');
  if (needed > totalSfntSize) throw new WoffProblem(`its tables take ${needed} bytes unpacked, more than the ${totalSfntSize} its header declares`);
  const kept = new Map<string, Uint8Array>();
  for (const entry of list) {
    const table = unpack(data, entry);
    if (keep.includes(entry.tag)) kept.set(entry.tag, table);
  }
  return { read: (tag) => kept.get(tag), unpacked };
}
