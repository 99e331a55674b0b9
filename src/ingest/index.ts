/** The ingest stage: article (HTML or text) → plain text, blocks, metadata and embedded posts. */
export { checkInput, type CheckedInput } from './article-input.js';
export { isBoilerplate, isTeaserLine } from './boilerplate.js';
export { ingest, NO_BODY, NOT_TEXT } from './ingest.js';
export { isHtml } from './is-html.js';
export { isoDate } from './page-meta.js';
export { textBlocks } from './plain-text.js';
