/**
 * Which elements are social-post embeds, and reading one into a post draft.
 * Ingest asks `embedReader(el)` of each element it walks; a reader means "this element is a post".
 */
import type { Element } from 'domhandler';
import { isBlueskyEmbed, readBlueskyEmbed } from './bluesky-embed.js';
import { isInstagramEmbed, readInstagramEmbed } from './instagram-embed.js';
import { isMastodonEmbed, readMastodonEmbed } from './mastodon-embed.js';
import type { EmbedRead } from './post-draft.js';
import { isThreadsEmbed, readThreadsEmbed } from './threads-embed.js';
import { isRenderedTweet, isTweetBlockquote, readRenderedTweet, readTweetBlockquote } from './twitter-embed.js';

/** Reads one kind of embed. */
export type EmbedReader = (el: Element) => EmbedRead;

const READERS: [test: (el: Element) => boolean, read: EmbedReader][] = [
  [isTweetBlockquote, readTweetBlockquote],
  [isRenderedTweet, readRenderedTweet],
  [isBlueskyEmbed, readBlueskyEmbed],
  [isMastodonEmbed, readMastodonEmbed],
  [isThreadsEmbed, readThreadsEmbed],
  [isInstagramEmbed, readInstagramEmbed],
];

/** The reader for `el` when it is a post embed, else undefined. Cheap: attribute checks only. */
export function embedReader(el: Element): EmbedReader | undefined {
  if (!el.attribs.class && el.name !== 'twitter-widget' && !el.attribs['data-bluesky-uri'] && !el.attribs['data-text-post-permalink'] && !el.attribs['data-instgrm-permalink']) {
    return undefined;
  }
  for (const [test, read] of READERS) if (test(el)) return read;
  return undefined;
}
