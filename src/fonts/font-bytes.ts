/**
 * Checks font bytes at the boundary: the format from the magic bytes, a table directory that fits the
 * data, and that opentype.js (the parser satori uses) can read it. The result is cached per bytes
 * object, so passing the same buffer again costs a WeakMap lookup.
 */
import { FontError } from '../errors.js';
import { parseFont } from './face.js';
import { Woff2Problem, woff2Metrics } from './woff2-metrics.js';

/** Font formats satori 0.63 draws. */
export type FontFormat = 'TTF' | 'OTF' | 'WOFF' | 'WOFF2';

/** Checked bytes: a private copy satori gets, and for WOFF2 a metrics-only font opentype.js can read. */
export interface FontBytes {
  format: FontFormat;
  data: ArrayBuffer;
  metrics?: ArrayBuffer;
}

const ALLOWED = 'TTF, OTF, WOFF or WOFF2 font bytes';

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

/**
 * Check `data` (what `fonts[i].data` held) and return the cached result.
 * Throws `FontError` naming `field`, what is allowed and what was received.
 */
export function checkFontBytes(data: Uint8Array | ArrayBuffer, field: string): FontBytes {
  const hit = checked.get(data);
  if (hit) return hit;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const received = describeBytes(bytes);
  const fail = (problem: string, cause?: unknown): never => {
    throw new FontError('font-unreadable', `Invalid font in "${field}": ${problem}`, { field, allowed: ALLOWED, received, cause });
  };
  if (bytes.byteLength === 0) fail('the data is empty');
  const format = formatOf(bytes);
  if (format === 'TTC') return fail('font collections (.ttc/.otc) are not supported; pass one face');
  if (!format) return fail('the bytes are not a font (unknown signature)');
  // A private copy (Buffer#slice would share memory): later changes to the caller's bytes cannot reach satori.
  const copy = new Uint8Array(bytes).buffer;
  const view = new DataView(copy);
  let metrics: ArrayBuffer | undefined;
  if (format === 'WOFF2') {
    try {
      metrics = woff2Metrics(copy);
    } catch (error) {
      fail(error instanceof Woff2Problem ? error.problem : 'its data could not be unpacked', error);
    }
  } else {
    const problem = directoryProblem(format, view);
    if (problem) fail(problem);
  }
  try {
    const font = parseFont(metrics ?? copy);
    if (!(font.numGlyphs > 0)) fail('it has no glyphs');
  } catch (error) {
    if (error instanceof FontError) throw error;
    fail(`opentype.js could not parse it (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const result: FontBytes = metrics ? { format, data: copy, metrics } : { format, data: copy };
  checked.set(data, result);
  return result;
}
