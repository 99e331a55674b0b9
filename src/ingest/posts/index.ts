/** Social posts: embed markup readers, permalink parsing and posts written in plain text. */
export { elementText } from './element-text.js';
export { type EmbedReader, embedReader, isOpaqueEmbed } from './embed-markup.js';
export { findEmbedDate, parseEmbedDate } from './post-date.js';
export type { EmbedRead, PostDraft } from './post-draft.js';
export { linksIn, TOMBSTONE, tweetText } from './post-links.js';
export { withoutRepeatedPosts } from './post-repeats.js';
export { parseStatusUrl, type StatusRef } from './status-url.js';
export { findTextPosts, type TextPostContext } from './text-posts.js';
