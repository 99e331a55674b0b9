/**
 * quotecard/wasm: the public names of "quotecard", drawn with WebAssembly (satori's standalone build and
 * resvg-wasm) and no native binary or `node:` import, for Workers, edge runtimes and browsers. Chosen by
 * the `edge-light`, `workerd`, `worker` and `browser` export conditions. `initWasm` is its own addition.
 * What needs a file system, DNS or a TCP socket — `renderArticles`, `enqueueArticles`, `startWorker`, `cleanQueue`,
 * `hydratePost`, `safeFetch` — is present and rejects with `InputError` code "node-only" (docs/hosts.md).
 */
import type { renderArticles as nodeRenderArticles } from '../batch/render-articles.js';
import type { hydratePost as nodeHydratePost } from '../net/hydrate.js';
import type { safeFetch as nodeSafeFetch } from '../net/safe-fetch.js';
import type { cleanQueue as nodeCleanQueue, enqueueArticles as nodeEnqueueArticles, startWorker as nodeStartWorker } from '../queue/index.js';
import type { CardResponse, RenderCard } from '../types.js';
import { cardResponseWith } from '../web/card-response.js';
import { renderCard as drawWithWasm, nodeOnly } from './render-card.js';

export { extract } from '../extract/extract.js';
export { pickForCards, rankItems } from '../extract/rank.js';
export { Fragment, h } from '../cards/jsx-runtime.js';
export { darkTheme, lightTheme } from '../cards/theme.js';
export { SIZES } from '../cards/size.js';
export { postCard, quoteCard } from '../cards/card-tree.js';
export { initWasm, type WasmInput, type WasmModules } from './wasm-init.js';
export { galleryHtml } from '../batch/gallery.js';
export { DEFAULT_ALLOW_HOSTS } from '../net/host-allowlist.js';
export { FetchError, FontError, InputError, LimitError, OutputError, QuoteCardError, RenderError } from '../errors.js';
export type { ErrorCode, FetchErrorCode } from '../errors.js';
export type * from '../types.js';
export type { RankOptions, RankedItem } from '../extract/rank.js';

/** Not in quotecard/wasm: writes card files to a folder (rejects with `InputError` "node-only"). */
export const renderArticles: typeof nodeRenderArticles = async () => {
  throw nodeOnly('renderArticles', 'it reads articles from and writes cards to a file system');
};

/** Not in quotecard/wasm: puts card jobs on a Redis queue over TCP (rejects with `InputError` "node-only"). */
export const enqueueArticles: typeof nodeEnqueueArticles = async () => {
  throw nodeOnly('enqueueArticles', 'it talks to Redis over TCP and reads articles with Node');
};

/** Not in quotecard/wasm: draws a queue's cards in Node processes (rejects with `InputError` "node-only"). */
export const startWorker: typeof nodeStartWorker = async () => {
  throw nodeOnly('startWorker', 'it takes jobs from Redis over TCP and draws each card in a Node process of its own');
};

/** Not in quotecard/wasm: trims a Redis queue over TCP (rejects with `InputError` "node-only"). */
export const cleanQueue: typeof nodeCleanQueue = async () => {
  throw nodeOnly('cleanQueue', 'it talks to Redis over TCP');
};

/** Not in quotecard/wasm: rejects with `InputError` "node-only". */
export const hydratePost: typeof nodeHydratePost = async () => {
  throw nodeOnly('hydratePost', "fetching checks each address with Node's DNS");
};

/** Not in quotecard/wasm: rejects with `InputError` "node-only". */
export const safeFetch: typeof nodeSafeFetch = async () => {
  throw nodeOnly('safeFetch', "fetching checks each address with Node's DNS");
};

/** Draw one card with WebAssembly (satori standalone, resvg-wasm); `RenderCard`'s overloads say when `png` is there. */
export const renderCard: RenderCard = drawWithWasm as RenderCard;

/** One card as a web `Response` with cache headers and an ETag, drawn by `renderCard`. */
export const cardResponse: CardResponse = /* @__PURE__ */ cardResponseWith(renderCard);
