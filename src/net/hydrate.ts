/**
 * `hydratePost`: the opt-in network step. A link-only tweet is filled in from the syndication
 * endpoint embeds use; the avatar and the first photo are downloaded into bytes for the card. Every
 * failure — refused host, timeout, deleted tweet, HTML where an image should be — becomes a warning
 * and the post as the article gave it; only bad options throw (`InputError`).
 */
import type { HydrateOptions, Post, PostAuthor, PostInput, PostMedia } from '../types.js';
import { FetchError } from '../errors.js';
import { checkOptions, invalid, Place } from '../shared/check.js';
import { defaultStatus } from '../shared/post-defaults.js';
import type { CheckedFetchOptions } from './fetch-options.js';
import { type CheckedHydrateOptions, hydrateOptions } from './hydrate-options.js';
import { fetchChecked } from './safe-fetch.js';
import { SYSTEM_TRANSPORT, type Transport } from './transport.js';
import { readTweetResult, TWEET_ID, type TweetFacts, tweetResultUrl } from './tweet-result.js';

/** A post after hydration, and what could not be done. */
export interface Hydrated {
  /** A new post (the input is never changed); the input's own values when nothing could be fetched. */
  post: Post;
  /** Each failed or skipped step, in words a person can act on. */
  warnings: string[];
}

/** Fill in a post from the network, within the limits in `options`. Never rejects except with `InputError` for bad arguments. */
export async function hydratePost(post: PostInput, options: HydrateOptions = {}): Promise<Hydrated> {
  return hydrateChecked(post, checkOptions(hydrateOptions, options), SYSTEM_TRANSPORT);
}

/** `hydratePost` with checked options and an explicit transport. */
export async function hydrateChecked(input: PostInput, options: CheckedHydrateOptions, transport: Transport): Promise<Hydrated> {
  if (typeof input !== 'object' || input === null || input.kind !== 'post' || typeof input.network !== 'string') {
    throw invalid(new Place('argument', 'post'), 'a Post ({ kind: "post", network, status?, text?, … })', input);
  }
  // a post written by hand may leave out its status and links; its offsets stay as given (none are read here)
  const post = { ...input, status: input.status ?? defaultStatus(input.text), links: input.links ?? [] } as Post;
  const warnings: string[] = [];
  try {
    const filled = await fillFromNetwork(post, options, transport, warnings);
    return { post: await download(filled, options, transport, warnings), warnings };
  } catch (error) {
    warnings.push(`Hydrating ${label(post)} failed (${reason(error)}); the card is drawn from what the article gives.`);
    return { post, warnings };
  }
}

function label(post: Post): string {
  if (post.network === 'twitter' && post.id) return `tweet ${post.id}`;
  return post.url ? `the ${post.network} post ${post.url}` : `a ${post.network} post`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fetchOptions(options: CheckedHydrateOptions, expect: 'image' | 'json'): CheckedFetchOptions {
  return { ...options, expect };
}

/** Ask the syndication endpoint when the tweet is link-only or its avatar is unknown. */
async function fillFromNetwork(post: Post, options: CheckedHydrateOptions, transport: Transport, warnings: string[]): Promise<Post> {
  if (post.status === 'unavailable') return post;
  if (post.network !== 'twitter') {
    if (post.status === 'link-only') warnings.push(`Hydration covers tweets only; ${label(post)} stays link-only.`);
    return post;
  }
  const needed = post.status === 'link-only' || (!post.author?.avatar && !post.author?.avatarUrl);
  if (!needed) return post;
  if (!post.id || !TWEET_ID.test(post.id)) {
    warnings.push(`${label(post)} has no usable tweet id${post.id ? ` (${JSON.stringify(post.id)})` : ''}; it was not hydrated.`);
    return post;
  }
  let json: unknown;
  try {
    json = (await fetchChecked(tweetResultUrl(post.id, options.apiUrl), fetchOptions(options, 'json'), transport)).json;
  } catch (error) {
    if (error instanceof FetchError && error.code === 'status' && error.status === 404) return gone(post, 'the network answers 404 (deleted, withheld or private)', warnings);
    warnings.push(`Could not hydrate ${label(post)}: ${reason(error)} The card is drawn from what the article gives.`);
    return post;
  }
  const result = readTweetResult(json, post.id);
  if (result.kind === 'gone') return gone(post, result.reason, warnings);
  if (result.kind === 'invalid') {
    warnings.push(`Could not hydrate ${label(post)}: ${result.reason}. The card is drawn from what the article gives.`);
    return post;
  }
  return merge(post, result.tweet);
}

function gone(post: Post, why: string, warnings: string[]): Post {
  if (post.status === 'full') {
    warnings.push(`${label(post)} is no longer available (${why}); the card shows it as the article quoted it.`);
    return post;
  }
  warnings.push(`${label(post)} is unavailable: ${why}.`);
  return { ...post, status: 'unavailable' };
}

/** A link-only post takes the tweet's words; a full post keeps the article's and only gains what it lacks. */
function merge(post: Post, tweet: TweetFacts): Post {
  const fresh = post.status === 'link-only';
  const author: PostAuthor = fresh ? { ...post.author, ...tweet.author } : { ...tweet.author, ...post.author };
  const next: Post = { ...post, author, links: fresh ? tweet.links : [...post.links] };
  if (fresh) {
    next.status = 'full';
    if (tweet.text) next.text = tweet.text;
    else delete next.text;
  }
  if (tweet.date && (fresh || !post.date)) next.date = tweet.date;
  if (!post.media && tweet.media.length > 0) next.media = tweet.media.map((m) => ({ ...m }));
  if (!next.url && author.handle && post.id) next.url = `https://twitter.com/${author.handle}/status/${post.id}`;
  return next;
}

/** Download the avatar and the first media image into bytes; a failure leaves them out, with a warning. */
async function download(post: Post, options: CheckedHydrateOptions, transport: Transport, warnings: string[]): Promise<Post> {
  const avatarUrl = post.author?.avatar ? undefined : post.author?.avatarUrl;
  const first = options.media ? post.media?.[0] : undefined;
  const mediaUrl = first && !first.image ? first.url : undefined;
  const get = async (url: string | undefined, what: string): Promise<Uint8Array | undefined> => {
    if (!url) return undefined;
    try {
      return (await fetchChecked(url, fetchOptions(options, 'image'), transport)).bytes;
    } catch (error) {
      warnings.push(`Could not download the ${what} of ${label(post)}: ${reason(error)} The card goes without it.`);
      return undefined;
    }
  };
  const [avatar, image] = await Promise.all([get(avatarUrl, 'avatar'), get(mediaUrl, 'first image')]);
  if (!avatar && !image) return post;
  const next: Post = { ...post };
  if (avatar) next.author = { ...post.author, avatar };
  if (image && post.media && first) next.media = [{ ...first, image } as PostMedia, ...post.media.slice(1)];
  return next;
}
