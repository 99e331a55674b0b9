/**
 * `renderCard()` in Node: the shared card pipeline with satori's default build, native resvg-js and our
 * PNG encoder, and posts hydrated over Node's own network stack (the address policy needs its DNS).
 */
import { hydrateChecked } from '../net/hydrate.js';
import { SYSTEM_TRANSPORT } from '../net/transport.js';
import type { CardResult, ItemInput, RenderOptions } from '../types.js';
import { type CardEdges, drawCard } from './card-pipeline.js';
import { rasterize } from './rasterize.js';
import { loadSatori } from './satori.js';

export { MAX_SVG_LENGTH } from './card-pipeline.js';

const NODE_EDGES: CardEdges = Object.freeze<CardEdges>({
  satori: loadSatori,
  rasterize,
  hydrate: (post, options) => hydrateChecked(post, options, SYSTEM_TRANSPORT),
});

/** Draw one card. */
export function renderCard(item: ItemInput, options?: RenderOptions): Promise<CardResult> {
  return drawCard(NODE_EDGES, item, options);
}
