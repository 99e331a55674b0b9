/**
 * A post read from an embed before ingest knows where it stands in the article text.
 */
import type { Post, PostAuthor } from '../../types.js';

/** A post without its offsets. */
export type PostDraft = Omit<Post, 'start' | 'end'>;

/** What reading one embed gave. */
export interface EmbedRead {
  /** The post. */
  post: PostDraft;
  /** Text to stand in the article where the embed produced no words of its own (e.g. an iframe): its URL. */
  placeholder?: string;
  /** What was doubtful while reading it. */
  warnings: string[];
}

/** An author object with only the fields that are known, or undefined when nothing is. */
export function authorOf(name?: string, handle?: string): PostAuthor | undefined {
  const author: PostAuthor = {};
  if (name) author.name = name;
  if (handle) author.handle = handle.replace(/^@/, '');
  return author.name || author.handle ? author : undefined;
}

const SIGNATURE_TAIL = String.raw`\s*([^\n]{0,80}?)\s*\(\s*@([A-Za-z0-9_.@-]{1,253})\s*\)\s*([^\n]{0,200})$`;
const SIGNATURE_DASHED = new RegExp(String.raw`^\s*(?:[—–]|--?)` + SIGNATURE_TAIL);
const SIGNATURE_ANY = new RegExp(String.raw`^\s*[—–-]{0,2}` + SIGNATURE_TAIL);

/**
 * Split an embed's signature "— Name (@handle) date" into its parts; the dash is required unless
 * `dashOptional` (inside embed markup the position already says it is the signature).
 * The handle may be a Twitter name, a Bluesky domain or a Mastodon user@host.
 */
export function readSignature(
  line: string,
  dashOptional = false,
): { name?: string; handle?: string; rest: string } | undefined {
  if (!line.includes('(@') && !line.includes('( @')) return undefined;
  const m = (dashOptional ? SIGNATURE_ANY : SIGNATURE_DASHED).exec(line);
  if (!m) return undefined;
  const name = (m[1] ?? '').trim();
  return { name: name || undefined, handle: m[2], rest: (m[3] ?? '').trim() };
}
