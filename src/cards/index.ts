/** The cards stage: element trees for quotes and posts, themes, text fitting and alt text. */
export { altText } from './alt-text.js';
export { quoteDisplayText } from './display-text.js';
export { formatDate } from './date-format.js';
export { type Direction, strongDirection, textDirection } from './direction.js';
export { Fragment, h } from './jsx-runtime.js';
export { type Frame, type Shape, frameOf, shapeOf } from './layout.js';
export { breakLines, textWidth } from './line-break.js';
export { postTemplate } from './post-card.js';
export { quoteTemplate } from './quote-card.js';
export { type RichToken, displayLink, isMediaLink, stripMediaLinks, tokenize } from './rich-text.js';
export { type FitRequest, type FitResult, fitText } from './text-fit.js';
export { darkTheme, lightTheme, resolveTheme } from './theme.js';
export { LINE_HEIGHT, TYPE_SCALE } from './tokens.js';
