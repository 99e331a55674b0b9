/**
 * The PNG encoder's pixel scan as WebAssembly (asm/scan.ts, SIMD): numbers a card's pixels into palette
 * scanlines 2–3× faster than the JavaScript scan, and needs no warm-up (the JavaScript scan runs
 * interpreted for the first card). Only for images of at most 256 colours — past that it answers
 * `undefined` and the JavaScript scan, which also reduces colours, takes over. Instantiated on first
 * use; its memory grows to the largest image seen.
 */
import { SCAN_WASM } from './scan-wasm-bytes.js';

/** The parts of the WebAssembly API used here (tsconfig has no DOM lib, where its types live). */
interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface ScanExports {
  memory: Memory;
  base(): number;
  scan(pixels: number, width: number, height: number, rows: number, colours: number, keys: number, slots: number): number;
}

const TABLE_SIZE = 8192;
const PAGE = 65536;

let module: ScanExports | null | undefined;

function load(): ScanExports | null {
  if (module !== undefined) return module;
  try {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const bytes = Buffer.from(SCAN_WASM, 'base64');
    module = new wasm.Instance(new wasm.Module(bytes), {}).exports as ScanExports;
  } catch {
    module = null; // no WebAssembly SIMD here: the JavaScript scan does the work
  }
  return module;
}

/** What the scan found: scanlines (a view into the module's memory, valid until the next scan) and colours. */
export interface WasmScan {
  rows: Uint8Array;
  colours: Uint32Array;
}

/**
 * Number `rgba` (width × height, 4 bytes a pixel) into PNG scanlines: filter byte 0, then each pixel's
 * colour number, colours numbered in the order first seen. `undefined` past 256 colours or without
 * WebAssembly.
 */
export function wasmScan(rgba: Uint8Array, width: number, height: number): WasmScan | undefined {
  const m = load();
  if (!m) return undefined;
  const keys = m.base();
  const slots = keys + TABLE_SIZE * 4;
  const colours = slots + TABLE_SIZE * 2;
  const pixels = colours + 256 * 4;
  const rows = pixels + rgba.length;
  const end = rows + (width + 1) * height;
  const have = m.memory.buffer.byteLength;
  if (end > have) m.memory.grow(Math.ceil((end - have) / PAGE));
  new Uint8Array(m.memory.buffer, pixels, rgba.length).set(rgba);
  const n = m.scan(pixels, width, height, rows, colours, keys, slots);
  if (n < 0) return undefined;
  return {
    rows: new Uint8Array(m.memory.buffer, rows, (width + 1) * height),
    colours: new Uint32Array(m.memory.buffer, colours, n).slice(),
  };
}
