/**
 * The public syndication endpoint Twitter's own embeds use: `tweet-result?id=…&token=…` answers a
 * tweet's JSON without an API key. This file builds the URL and reads the answer into post fields.
 * Pure: no fetch here (see hydrate.ts).
 *
 * The fields read: `text` with `display_text_range` (code points; the leading part is a reply's
 * @mentions), `entities.urls` (t.co → display and expanded URL), `entities.media` (the trailing t.co
 * of attachments), `created_at`, `user.{name, screen_name, profile_image_url_https, verified,
 * is_blue_verified, verified_type}`, `mediaDetails[]` (or the older `photos[]`). A deleted or
 * withheld tweet answers `{"__typename": "TweetTombstone"}` or HTTP 404.
 */
import { decodeHTML } from 'entities';
import { compact } from '../shared/compact.js';
import { tidyLines } from '../shared/text-lines.js';
import type { PostAuthor, PostMedia } from '../types.js';

/** The endpoint. */
export const SYNDICATION_URL = 'https://cdn.syndication.twimg.com/tweet-result';

/** What the syndication JSON says about a tweet, as post fields. */
export interface TweetFacts {
  text: string;
  links: string[];
  date?: string;
  author: PostAuthor;
  media: PostMedia[];
}

/** A read answer: the tweet, a tombstone, or something unusable. */
export type TweetResult =
  | { kind: 'tweet'; tweet: TweetFacts }
  | { kind: 'gone'; reason: string }
  | { kind: 'invalid'; reason: string };

/** A tweet id: digits only, as the network writes it. */
export const TWEET_ID = /^[0-9]{1,20}$/;

/** The token embeds send with an id: (id / 1e15 × π) in base 36, zeros and the point dropped. */
export function syndicationToken(id: string): string {
  return ((Number(id) / 1e15) * Math.PI).toString(36).replace(/[0.]/g, '');
}

/** The URL asking `apiUrl` for tweet `id`. */
export function tweetResultUrl(id: string, apiUrl = SYNDICATION_URL): string {
  const url = new URL(apiUrl);
  url.searchParams.set('id', id);
  url.searchParams.set('lang', 'en');
  url.searchParams.set('token', syndicationToken(id));
  return url.href;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(record).filter((v): v is Json => v !== undefined) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function https(value: unknown): string | undefined {
  const s = text(value);
  return s && /^https:\/\/[^\s]+$/i.test(s) ? s : undefined;
}

function size(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Read the JSON the endpoint answered (with HTTP 200) for tweet `id`. */
export function readTweetResult(json: unknown, id: string): TweetResult {
  const data = record(json);
  if (!data) return { kind: 'invalid', reason: 'the answer is not a JSON object' };
  if (data.__typename === 'TweetTombstone' || record(data.tombstone)) {
    return { kind: 'gone', reason: 'the network says the tweet was deleted or is withheld' };
  }
  const raw = text(data.text);
  const user = record(data.user);
  if (raw === undefined || !user) return { kind: 'invalid', reason: 'the answer has no tweet text or author' };
  if (typeof data.id_str === 'string' && data.id_str !== id) {
    return { kind: 'invalid', reason: `the answer is for tweet ${data.id_str}, not ${id}` };
  }
  const entities = record(data.entities) ?? {};
  const { words, links } = tweetWords(raw, data.display_text_range, entities);
  const created = typeof data.created_at === 'string' ? Date.parse(data.created_at) : Number.NaN;
  return {
    kind: 'tweet',
    tweet: {
      text: words,
      links,
      date: Number.isNaN(created) ? undefined : new Date(created).toISOString().slice(0, 10),
      author: authorOf(user),
      media: mediaOf(data),
    },
  };
}

/** The words a reader sees: reply mentions and attachment links dropped, t.co links shown as written. */
function tweetWords(raw: string, range: unknown, entities: Json): { words: string; links: string[] } {
  const chars = Array.from(raw);
  const from = Array.isArray(range) && typeof range[0] === 'number' ? range[0] : 0;
  const prefix = chars.slice(0, from).join('');
  let words = /^(?:\s*@\w{1,15})*\s*$/.test(prefix) ? chars.slice(from).join('') : raw;
  const links: string[] = [];
  const urls = list(entities.urls).sort((a, b) => indexOf(a) - indexOf(b));
  for (const u of urls) {
    const short = text(u.url);
    const target = text(u.expanded_url);
    if (!short) continue;
    words = words.split(short).join(text(u.display_url) ?? target ?? short);
    if (target) links.push(target);
  }
  const media = list(entities.media);
  for (const m of media) {
    const short = text(m.url);
    if (short) words = words.split(short).join('');
  }
  const shown = text(media[0]?.display_url);
  if (shown) links.push(/^https?:\/\//i.test(shown) ? shown : `https://${shown}`);
  words = tidyLines(decodeHTML(words));
  return { words, links };
}

function indexOf(entity: Json): number {
  const at = Array.isArray(entity.indices) ? entity.indices[0] : undefined;
  return typeof at === 'number' ? at : 0;
}

function authorOf(user: Json): PostAuthor {
  const avatar = https(user.profile_image_url_https);
  const author: PostAuthor = {};
  const name = text(user.name);
  const handle = text(user.screen_name);
  if (name) author.name = name;
  if (handle) author.handle = handle;
  author.verified = user.verified === true || user.is_blue_verified === true || typeof user.verified_type === 'string';
  // `_normal` is 48 px; the same image is served at 400×400.
  if (avatar) author.avatarUrl = avatar.replace(/_normal(\.[a-z]+)$/i, '_400x400$1');
  return author;
}

const MEDIA_TYPES: Record<string, PostMedia['type']> = { photo: 'photo', video: 'video', animated_gif: 'gif' };

function mediaOf(data: Json): PostMedia[] {
  const details = list(data.mediaDetails);
  if (details.length > 0) {
    return details.flatMap((m): PostMedia[] => {
      const url = https(m.media_url_https);
      const type = MEDIA_TYPES[String(m.type)];
      if (!url || !type) return [];
      const info = record(m.original_info) ?? {};
      return [compact({ type, url, width: size(info.width), height: size(info.height), alt: text(m.ext_alt_text) })];
    });
  }
  return list(data.photos).flatMap((p): PostMedia[] => {
    const url = https(p.url);
    return url ? [compact({ type: 'photo' as const, url, width: size(p.width), height: size(p.height) })] : [];
  });
}

