export { extract } from './extract/extract.js';
export { pickForCards, rankItems } from './extract/rank.js';
export { Fragment, h } from './cards/jsx-runtime.js';
export { darkTheme, lightTheme } from './cards/theme.js';
export { renderCard } from './render/render-card.js';
export { postCard, quoteCard } from './render/trees.js';
export { SIZES } from './render/size.js';
export { FontError, InputError, LimitError, QuoteCardError, RenderError } from './errors.js';
export type * from './types.js';
