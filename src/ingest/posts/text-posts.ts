/**
 * Posts that stand in the article's plain text rather than in embed markup:
 *  - the flattened embed copy-pasted pages carry: the post's words, then "— Name (@handle) Month D, YYYY";
 *  - a bare permalink standing alone on its line or paragraph (how WordPress auto-embeds);
 *  - `[tweet …]` and `[embed]…[/embed]` shortcodes;
 *  - tombstones: "This Tweet was deleted by the Tweet author.", "This Post is unavailable."
 *
 * How far back a flattened post reaches: the line directly above the signature is the post's last
 * paragraph when it ends in a t.co / pic.twitter.com link or is no longer than the network allows
 * (Twitter 280, Bluesky 300, Mastodon 500 characters, links counted as 23). When that line holds
 * nothing but links (a media-only last line), the one line above it joins under the same test.
 * Earlier paragraphs are never taken: in flattened text they cannot be told from the article's own.
 */
import type { Block, Network, Post } from '../../types.js';
import { findEmbedDate } from './post-date.js';
import { compact } from '../../shared/compact.js';
import { authorOf, readSignature } from './post-draft.js';
import { endsWithShortLink, isShortOrMediaLink, linksIn, TOMBSTONE, tweetText } from './post-links.js';
import { parseStatusUrl, tweetIdFrom, tweetUrl } from './status-url.js';

/** Extra facts about the text that only markup knows. */
export interface TextPostContext {
  /** Offset ranges already covered by markup embeds: nothing inside them is looked at again. */
  taken?: { start: number; end: number }[];
  /** For each block (same index as `blocks`), the hrefs of the links it holds. */
  blockLinks?: string[][];
}

/** A line of a block, trimmed, with its offsets. */
interface Unit {
  text: string;
  start: number;
  end: number;
  block: number;
  /** Whether the line is all of its block. */
  whole: boolean;
}

const LIMIT: Record<Network, number> = { twitter: 280, bluesky: 300, mastodon: 500, threads: 500, instagram: 2200 };

/** Find the posts written in the text itself. Posts come back in text order. */
export function findTextPosts(text: string, blocks: Block[], context: TextPostContext = {}): { posts: Post[]; warnings: string[] } {
  const units = unitsOf(text, blocks, context.taken ?? []);
  const used = new Set<number>();
  const posts: Post[] = [];
  const warnings: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const found = flattened(units, i, used, context.blockLinks);
    if (found) {
      posts.push(found.post);
      if (found.warning) warnings.push(found.warning);
    }
  }
  for (let i = 0; i < units.length; i++) {
    if (used.has(i)) continue;
    const unit = units[i] as Unit;
    posts.push(...standalone(unit, context.blockLinks?.[unit.block] ?? []));
  }
  posts.sort((a, b) => a.start - b.start);
  return { posts, warnings };
}

/** Split blocks into trimmed lines, leaving out those inside `taken`. */
function unitsOf(text: string, blocks: Block[], taken: { start: number; end: number }[]): Unit[] {
  const units: Unit[] = [];
  const ranges = [...taken].sort((a, b) => a.start - b.start);
  let r = 0;
  blocks.forEach((block, index) => {
    while (r < ranges.length && (ranges[r]?.end ?? 0) <= block.start) r++;
    const range = ranges[r];
    if (range && range.start < block.end && range.end > block.start) return;
    const body = text.slice(block.start, block.end);
    let offset = block.start;
    const lines = body.split('\n');
    for (const line of lines) {
      const lead = line.length - line.trimStart().length;
      const trimmed = line.trim();
      if (trimmed) {
        units.push({ text: trimmed, start: offset + lead, end: offset + lead + trimmed.length, block: index, whole: lines.length === 1 });
      }
      offset += line.length + 1;
    }
  });
  return units;
}

/** A flattened embed whose signature line is `units[i]`. */
function flattened(units: Unit[], i: number, used: Set<number>, blockLinks?: string[][]): { post: Post; warning?: string } | undefined {
  const unit = units[i] as Unit;
  const sig = readSignature(unit.text);
  if (!sig?.handle) return undefined;
  const date = findEmbedDate(sig.rest);
  if (!date) return undefined;
  const network: Network = sig.handle.includes('@') ? 'mastodon' : sig.handle.includes('.') ? 'bluesky' : 'twitter';
  if (network === 'twitter' && !/^[A-Za-z0-9_]{1,15}$/.test(sig.handle)) return undefined;
  const body: number[] = [];
  const fits = (k: number) => {
    const u = units[k];
    if (!u || used.has(k) || readSignature(u.text)) return false;
    return endsWithShortLink(u.text) || weighted(u.text) <= LIMIT[network];
  };
  if (fits(i - 1)) {
    body.unshift(i - 1);
    const onlyLinks = (units[i - 1]?.text ?? '').split(/\s+/).every(isShortOrMediaLink);
    if (onlyLinks && fits(i - 2)) body.unshift(i - 2);
  }
  for (const k of [...body, i]) used.add(k);
  const raw = body.map((k) => units[k]?.text ?? '').join('\n');
  const first = units[body[0] ?? i] as Unit;
  const ref = [...(blockLinks?.[unit.block] ?? []), ...linksIn(sig.rest)]
    .map(parseStatusUrl)
    .find((r) => r && r.network === network && (!r.handle || r.handle.toLowerCase() === (sig.handle ?? '').toLowerCase()));
  const gone = TOMBSTONE.test(raw);
  const words = gone ? '' : network === 'twitter' ? tweetText(raw) : raw.replace(/\[image or embed\]/gi, '').trim();
  const post: Post = compact({
    kind: 'post' as const,
    network,
    status: gone ? ('unavailable' as const) : words ? ('full' as const) : ('link-only' as const),
    id: ref?.id,
    url: ref?.url,
    author: authorOf(sig.name, sig.handle),
    text: words || undefined,
    date,
    links: gone ? [] : linksIn(raw),
    start: first.start,
    end: unit.end,
  });
  const warning = body.length === 0 && !gone
    ? `A post signature "${unit.text.slice(0, 60)}" has no post text above it that fits; kept as link-only.`
    : undefined;
  return { post, warning };
}

/** Bare permalinks, shortcodes and tombstones on one line. */
function standalone(unit: Unit, links: string[]): Post[] {
  const out: Post[] = [];
  const t = unit.text;
  const bare = /^<?(https?:\/\/\S+?)>?$/.exec(t)?.[1];
  const anchored = unit.whole && links.length === 1 && !/\s/.test(t) ? links[0] : undefined;
  const ref = parseStatusUrl(bare ?? '') ?? parseStatusUrl(anchored ?? '');
  if (ref) {
    out.push(linkOnly(ref.network, ref.id, ref.url, ref.handle, unit.start, unit.end));
    return out;
  }
  if (TOMBSTONE.test(t)) {
    out.push({ kind: 'post', network: 'twitter', status: 'unavailable', links: [], start: unit.start, end: unit.end });
    return out;
  }
  if (!t.includes('[')) return out;
  for (const m of t.matchAll(/\[tweet\s+([^\]\n]{1,300})\]|\[embed\]\s*(https?:\/\/[^\s[\]]{1,300})\s*\[\/embed\]/gi)) {
    const start = unit.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (m[2]) {
      const r = parseStatusUrl(m[2]);
      if (r) out.push(linkOnly(r.network, r.id, r.url, r.handle, start, end));
      continue;
    }
    const args = m[1] ?? '';
    const url = /https?:\/\/[^\s'"\]]+/.exec(args)?.[0];
    const r = url ? parseStatusUrl(url) : undefined;
    const id = r?.id ?? tweetIdFrom(/(?:^|\s)(?:id=["']?)?(\d{1,20})["']?(?=\s|$)/.exec(args)?.[1] ?? '');
    if (id) out.push(linkOnly('twitter', id, r?.url ?? tweetUrl(id), r?.handle, start, end));
  }
  return out;
}

function linkOnly(network: Network, id: string, url: string, handle: string | undefined, start: number, end: number): Post {
  return compact({ kind: 'post' as const, network, status: 'link-only' as const, id, url, author: authorOf(undefined, handle), links: [], start, end });
}

/** Length as the networks count it: every URL counts 23. */
function weighted(s: string): number {
  return s.replace(/https?:\/\/\S+|pic\.(?:twitter|x)\.com\/\S+/gi, '12345678901234567890123').length;
}
