/**
 * Checks font bytes at the boundary, in two steps. Inspecting reads the format from the magic bytes,
 * a table directory that fits the data, and what the font costs (its size, what it declares it unpacks
 * to, what its cmap makes opentype.js walk; see font-limits.ts), each checked before the step it bounds
 * runs; it unpacks but parses nothing, so a list of fonts can be costed in full before any is parsed.
 * Checking then has opentype.js (the parser satori uses) read it. Both results are cached per bytes
 * object, so passing the same buffer again costs a WeakMap lookup.
 */
import { FontError } from '../errors.js';
import { checkCmap } from './cmap-check.js';
import { parseFont } from './face.js';
import { FONT_SIZE_ALLOWED, FontLimitProblem, MAX_FONT_BYTES } from './font-limits.js';
import { FontProblem } from './font-problem.js';
import { sfntTables, type TableReader } from './sfnt-tables.js';
import { woffTables } from './woff-tables.js';
import { woff2Metrics } from './woff2-metrics.js';

/** Font formats satori 0.63 draws. */
export type FontFormat = 'TTF' | 'OTF' | 'WOFF' | 'WOFF2';

/** Checked bytes: a private copy satori gets, and for WOFF2 a metrics-only font opentype.js can read. */
export interface FontBytes {
  format: FontFormat;
  data: ArrayBuffer;
  metrics?: ArrayBuffer;
  /** Bytes it takes unpacked (as given for TTF and OTF; the most it declares for WOFF and WOFF2). */
  unpacked: number;
  /** Character codes opentype.js walks to read its cmap. */
  cmapCodes: number;
}

const ALLOWED = 'TTF, OTF, WOFF or WOFF2 font bytes';

const inspected = new WeakMap<object, FontBytes>();
const checked = new WeakMap<object, FontBytes>();

/** "12 bytes starting 00 01 02 03" — how the bytes look, for messages. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) return '0 bytes';
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${bytes.byteLength} byte${bytes.byteLength === 1 ? '' : 's'} starting ${head}`;
}

function formatOf(bytes: Uint8Array): FontFormat | 'TTC' | undefined {
  if (bytes.byteLength < 4) return undefined;
  const tag = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
  if (tag === '\u0000\u0001\u0000\u0000' || tag === 'true') return 'TTF';
  if (tag === 'OTTO') return 'OTF';
  if (tag === 'wOFF') return 'WOFF';
  if (tag === 'wOF2') return 'WOFF2';
  if (tag === 'ttcf') return 'TTC';
  return undefined;
}

/** The table records must lie inside the data (opentype.js reads lazily and would fail later, mid-render). */
function directoryProblem(format: FontFormat, view: DataView): string | undefined {
  if (format === 'WOFF') {
    if (view.byteLength < 44) return 'it is shorter than the 44-byte WOFF header';
    if (view.getUint32(8) !== view.byteLength) return `its header says ${view.getUint32(8)} bytes but ${view.byteLength} were given (cut short or padded)`;
  }
  const woff = format === 'WOFF';
  if (view.byteLength < 12) return 'it is shorter than a font header';
  const count = view.getUint16(woff ? 12 : 4);
  if (count === 0) return 'it has no tables';
  const start = woff ? 44 : 12;
  const size = woff ? 20 : 16;
  if (start + count * size > view.byteLength) return 'its table directory is cut short';
  for (let i = 0; i < count; i++) {
    const record = start + i * size;
    const offset = view.getUint32(record + (woff ? 4 : 8));
    const length = view.getUint32(record + (woff ? 8 : 12));
    if (offset + length > view.byteLength) return 'it is cut short: a table lies past the end of the data';
  }
  return undefined;
}

/** The tables the cmap check reads, and the unpacked size, of checked bytes of `format`; throws `FontProblem` or `FontLimitProblem`. */
function unpack(format: FontFormat, copy: ArrayBuffer): { read: TableReader; unpacked: number; metrics?: ArrayBuffer } {
  if (format === 'WOFF2') {
    const { metrics, unpacked } = woff2Metrics(copy);
    return { read: sfntTables(metrics), unpacked, metrics };
  }
  const problem = directoryProblem(format, new DataView(copy));
  if (problem) throw new FontProblem(problem);
  if (format === 'WOFF') return woffTables(copy, ['cmap', 'maxp']);
  return { read: sfntTables(copy), unpacked: copy.byteLength };
}

/** Glyphs the font says it has (maxp), Infinity when it has no readable maxp (opentype.js then refuses it). */
function glyphCount(read: TableReader): number {
  const maxp = read('maxp');
  return maxp && maxp.byteLength >= 6 ? new DataView(maxp.buffer, maxp.byteOffset).getUint16(4) : Number.POSITIVE_INFINITY;
}

/** The `FontError` for `data` at `field`: `problem`, what is allowed, how the bytes look. */
function unreadable(data: Uint8Array | ArrayBuffer, field: string, problem: string, cause?: unknown): FontError {
  const received = describeBytes(data instanceof Uint8Array ? data : new Uint8Array(data));
  return new FontError('font-unreadable', `Invalid font in "${field}": ${problem}`, { field, allowed: ALLOWED, received, cause });
}

/**
 * Inspect `data` (what `fonts[i].data` held) without parsing it, and return the cached result. Throws
 * `FontError` naming `field`, what is allowed and what was received: `font-unreadable`, or
 * `font-too-large` when the font is past a limit of font-limits.ts.
 */
export function inspectFontBytes(data: Uint8Array | ArrayBuffer, field: string): FontBytes {
  const hit = inspected.get(data);
  if (hit) return hit;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const fail = (problem: string, cause?: unknown): never => {
    throw unreadable(bytes, field, problem, cause);
  };
  const tooLarge = (problem: string, allowed: string, measure?: string): never => {
    const received = describeBytes(bytes);
    throw new FontError('font-too-large', `Font too large in "${field}": ${problem}`, { field, allowed, received: measure ? `${received}, ${measure}` : received });
  };
  if (bytes.byteLength === 0) fail('the data is empty');
  const format = formatOf(bytes);
  if (format === 'TTC') return fail('font collections (.ttc/.otc) are not supported; pass one face');
  if (!format) return fail('the bytes are not a font (unknown signature)');
  if (bytes.byteLength > MAX_FONT_BYTES) tooLarge(`it is ${bytes.byteLength} bytes`, FONT_SIZE_ALLOWED);
  // A private copy (Buffer#slice would share memory): later changes to the caller's bytes cannot reach satori.
  const copy = new Uint8Array(bytes).buffer;
  let result: FontBytes;
  try {
    const { read, unpacked, metrics } = unpack(format, copy);
    const cmapCodes = checkCmap(read('cmap') ?? new Uint8Array(0), glyphCount(read));
    result = metrics ? { format, data: copy, metrics, unpacked, cmapCodes } : { format, data: copy, unpacked, cmapCodes };
  } catch (error) {
    if (error instanceof FontLimitProblem) return tooLarge(error.problem, error.allowed ?? FONT_SIZE_ALLOWED, error.measure);
    return fail(error instanceof FontProblem ? error.problem : 'its data could not be unpacked', error);
  }
  inspected.set(data, result);
  return result;
}

/**
 * Check `data` (what `fonts[i].data` held): inspect it, then parse it with opentype.js, and return the
 * cached result. Throws as `inspectFontBytes` does, and `FontError` when opentype.js cannot read it.
 */
export function checkFontBytes(data: Uint8Array | ArrayBuffer, field: string): FontBytes {
  const hit = checked.get(data);
  if (hit) return hit;
  const result = inspectFontBytes(data, field);
  let glyphs: number;
  try {
    glyphs = parseFont(result.metrics ?? result.data).numGlyphs;
  } catch (error) {
    throw unreadable(data, field, `opentype.js could not parse it (${error instanceof Error ? error.message : String(error)})`, error);
  }
  if (!(glyphs > 0)) throw unreadable(data, field, 'it has no glyphs');
  checked.set(data, result);
  return result;
}
