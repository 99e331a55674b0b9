/**
 * Recognising social-post permalinks: a URL (or a bare id) → network, id, handle and a clean permalink.
 * Pure string work; no fetching.
 */
import type { Network } from '../../types.js';

/** What a post URL says about the post it points to. */
export interface StatusRef {
  /** The network the URL belongs to. */
  network: Network;
  /** The network's post id, as a string. */
  id: string;
  /** Author handle without "@", when the URL carries one (Mastodon: "user@host"). */
  handle?: string;
  /** The permalink without query, fragment or tracking tails. */
  url: string;
}

const TWITTER = /^https?:\/\/(?:www\.|mobile\.|m\.)?(twitter\.com|x\.com)\/(?:#!\/)?([A-Za-z0-9_]{1,15}|i\/web|i)\/status(?:es)?\/(\d{1,20})(?=$|[/?#])/i;
const BLUESKY = /^https?:\/\/(?:www\.)?bsky\.app\/profile\/([A-Za-z0-9.:_-]{1,253})\/post\/([A-Za-z0-9]{1,64})(?=$|[/?#])/i;
const THREADS = /^https?:\/\/(?:www\.)?threads\.(?:net|com)\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]{1,64})(?=$|[/?#])/i;
const INSTAGRAM = /^https?:\/\/(?:www\.)?instagram\.com\/(?:([A-Za-z0-9._]{1,30})\/)?(p|reel|tv)\/([A-Za-z0-9_-]{1,64})(?=$|[/?#])/i;
/** https://host/@user/123, https://host/@user@other.host/123, https://host/users/user/statuses/123 */
const MASTODON = /^https?:\/\/([a-z0-9.-]{1,253}\.[a-z]{2,})\/(?:web\/)?(?:@([A-Za-z0-9_]{1,30})(?:@([a-z0-9.-]{1,253}))?|users\/([A-Za-z0-9_]{1,30})\/statuses)\/(\d{1,20})(?=$|[/?#])/i;
/** Hosts whose /@user/123 URLs are not Mastodon statuses. */
const NOT_MASTODON = /(^|\.)(medium\.com|youtube\.com|tiktok\.com|twitter\.com|x\.com|threads\.net|threads\.com|instagram\.com|bsky\.app|facebook\.com)$/i;

/** Read a permalink of any supported network; undefined when the URL is not a post permalink. */
export function parseStatusUrl(raw: string): StatusRef | undefined {
  const url = raw.trim();
  if (url.length > 2000) return undefined;
  let m = TWITTER.exec(url);
  if (m) {
    const host = (m[1] ?? 'twitter.com').toLowerCase();
    const user = m[2] ?? 'i';
    const id = m[3] ?? '';
    const handle = /^i(\/web)?$/i.test(user) ? undefined : user;
    return { network: 'twitter', id, handle, url: `https://${host}/${handle ?? 'i/web'}/status/${id}` };
  }
  m = BLUESKY.exec(url);
  if (m) {
    const actor = m[1] ?? '';
    const id = m[2] ?? '';
    return { network: 'bluesky', id, handle: actor.startsWith('did:') ? undefined : actor, url: `https://bsky.app/profile/${actor}/post/${id}` };
  }
  m = THREADS.exec(url);
  if (m) {
    const handle = m[1] ?? '';
    const id = m[2] ?? '';
    return { network: 'threads', id, handle, url: `https://www.threads.net/@${handle}/post/${id}` };
  }
  m = INSTAGRAM.exec(url);
  if (m) {
    const id = m[3] ?? '';
    return { network: 'instagram', id, handle: m[1], url: `https://www.instagram.com/${(m[2] ?? 'p').toLowerCase()}/${id}/` };
  }
  m = MASTODON.exec(url);
  if (m) {
    const host = (m[1] ?? '').toLowerCase();
    if (NOT_MASTODON.test(host)) return undefined;
    const user = m[2] ?? m[4] ?? '';
    const home = m[3]?.toLowerCase() ?? host;
    const id = m[5] ?? '';
    const path = m[4] ? `users/${user}/statuses` : `@${user}${m[3] ? `@${home}` : ''}`;
    return { network: 'mastodon', id, handle: `${user}@${home}`, url: `https://${host}/${path}/${id}` };
  }
  return undefined;
}

/** The id of a tweet given as digits, or undefined. */
export function tweetIdFrom(value: string): string | undefined {
  const t = value.trim();
  return /^\d{1,20}$/.test(t) ? t : undefined;
}

/** Permalink for a tweet known only by id (and maybe handle). */
export function tweetUrl(id: string, handle?: string): string {
  return `https://twitter.com/${handle ?? 'i/web'}/status/${id}`;
}
