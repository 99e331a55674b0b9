import { renderCard as drawWithResvg } from './render/render-card.js';
import type { CardResponse, RenderCard } from './types.js';
import { cardResponseWith } from './web/card-response.js';

export { extract } from './extract/extract.js';
export { pickForCards, rankItems } from './extract/rank.js';
export { Fragment, h } from './cards/jsx-runtime.js';
export { darkTheme, lightTheme } from './cards/theme.js';
export { SIZES } from './cards/size.js';
export { postCard, quoteCard } from './cards/card-tree.js';
export { galleryHtml, renderArticles } from './batch/index.js';
export { cleanQueue, enqueueArticles, startWorker } from './queue/index.js';
export { hydratePost } from './net/hydrate.js';
export { safeFetch } from './net/safe-fetch.js';
export { DEFAULT_ALLOW_HOSTS } from './net/host-allowlist.js';
export { FetchError, FontError, InputError, LimitError, OutputError, QuoteCardError, RenderError } from './errors.js';
export type { ErrorCode, FetchErrorCode } from './errors.js';
export type * from './types.js';
export type { RankOptions, RankedItem } from './extract/rank.js';

/** Draw one card with the native resvg build; `RenderCard`'s overloads say when `png` is there. */
export const renderCard: RenderCard = drawWithResvg as RenderCard;

/** One card as a web `Response` with cache headers and an ETag, drawn by `renderCard`. */
export const cardResponse: CardResponse = /* @__PURE__ */ cardResponseWith(renderCard);
