/** The extract stage: article → quotes with speakers, and embedded posts. */
export { extract, extractFromArticle } from './extract.js';
export { DEFAULT_MIN_WORDS, extractOptions } from './extract-options.js';
export { quoteKey } from './quote-text.js';
export { pickForCards, type RankedItem, type RankOptions, rankItems } from './rank.js';
