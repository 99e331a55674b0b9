/**
 * `renderCard()` in quotecard/wasm: the shared card pipeline (src/render/card-pipeline.ts) with satori's
 * standalone build and resvg's WebAssembly build. `hydrate` is refused: fetching a post safely needs
 * Node's DNS (the address policy), which Workers and browsers do not have.
 */
import satori from 'satori/standalone';
import { InputError } from '../errors.js';
import { type CardEdges, drawCard } from '../render/card-pipeline.js';
import type { Satori } from '../render/satori.js';
import type { CardResult, ItemInput, RenderOptions } from '../types.js';
import { rasterizeWasm } from './rasterize.js';
import { initWasm } from './wasm-init.js';

/** The error of a function or option quotecard/wasm does not have. */
export function nodeOnly(name: string, why: string): InputError {
  return new InputError('node-only', `${name} needs Node (${why}); import it from "quotecard" in Node`, {
    field: name,
    allowed: 'what quotecard/wasm draws without a file system or DNS (docs/hosts.md)',
    received: name,
  });
}

const WASM_EDGES = Object.freeze<CardEdges>({
  satori: async () => {
    await initWasm();
    return satori as unknown as Satori;
  },
  rasterize: (svg, width, height) => rasterizeWasm(svg, width, height),
  hydrate: async () => {
    throw nodeOnly('hydrate', "fetching a post checks its addresses with Node's DNS");
  },
});

/** Draw one card. */
export function renderCard(item: ItemInput, options?: RenderOptions): Promise<CardResult> {
  return drawCard(WASM_EDGES, item, options);
}
