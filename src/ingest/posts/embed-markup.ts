/**
 * Which elements are social-post embeds, and reading one into a post draft.
 * Ingest asks `embedReader(el)` of each element it walks; a reader means "this element is a post".
 */
import type { Element } from 'domhandler';
import { isBlueskyEmbed, readBlueskyEmbed } from './bluesky-embed.js';
import { isInstagramEmbed, readInstagramEmbed } from './instagram-embed.js';
import { isMastodonEmbed, readMastodonEmbed } from './mastodon-embed.js';
import { isPlaceholderEmbed, readPlaceholderEmbed } from './placeholder-embed.js';
import type { EmbedRead } from './post-draft.js';
import { isReferenceEmbed, readReferenceEmbed } from './reference-embed.js';
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
  [isReferenceEmbed, readReferenceEmbed],
  [isPlaceholderEmbed, readPlaceholderEmbed],
];

/** Whether an embed's own words are boilerplate to leave unread (a consent placeholder's): its link stands instead. */
export function isOpaqueEmbed(read: EmbedReader): boolean {
  return read === readPlaceholderEmbed;
}

/** Element names that may be embeds without any class or data attribute of their own. */
const BARE_EMBEDS = new Set(['twitter-widget', 'amp-twitter', 'amp-instagram', 'iframe', 'a']);

/** The reader for `el` when it is a post embed, else undefined. Cheap: attribute checks only. */
export function embedReader(el: Element): EmbedReader | undefined {
  const a = el.attribs;
  if (!a.class && !BARE_EMBEDS.has(el.name) && !a['data-bluesky-uri'] && !a['data-text-post-permalink'] && !a['data-instgrm-permalink'] && !a['data-tweetid']) {
    return undefined;
  }
  for (const [test, read] of READERS) if (test(el)) return read;
  return undefined;
}
