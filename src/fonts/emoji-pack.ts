/**
 * The emoji pack (emoji/twemoji.pack, made by `npm run pack:emoji`): every Twemoji SVG in one file instead
 * of the twemoji-svg package's thousands of files (sizes in docs/fonts.md). Layout:
 *
 *   "QCEMOJI1" · index length (uint32, big-endian) · index (UTF-8 JSON) · chunks (raw DEFLATE, in order)
 *
 * The index is `{ chunks: [[compressed, unpacked], …], emoji: { "1f600": [chunk, offset, length], … } }`.
 * SVGs are grouped into chunks of about 256 KB, so the first emoji of a process unpacks one chunk, not
 * the whole pack. A pack can come from a user (`initWasm({ emoji })`), so every number
 * is checked before use and unpacking stops at the size the index declares.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';
import type { EmojiLookup } from './emoji-names.js';

/** The first bytes of a pack. */
export const PACK_MAGIC = 'QCEMOJI1';
/** The most an index or a chunk may unpack to. */
const MAX_PART = 8 * 1024 * 1024;
/** The most emoji a pack may list. */
const MAX_EMOJI = 100_000;

/** What `readEmojiPack` returns: a lookup and how many emoji the pack holds. */
export interface EmojiPack {
  lookup: EmojiLookup;
  size: number;
}

const isCount = (n: unknown, max: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;

function bad(received: string): InputError {
  return new InputError('invalid-input', 'Not a quotecard emoji pack', {
    field: 'emoji',
    allowed: "the package's emoji/twemoji.pack, as bytes",
    received,
  });
}

function readIndex(bytes: Uint8Array): { chunks: [number, number][]; emoji: Record<string, [number, number, number]>; start: number } {
  const magic = new TextDecoder().decode(bytes.subarray(0, PACK_MAGIC.length));
  if (magic !== PACK_MAGIC) throw bad(`${bytes.length} bytes not starting with "${PACK_MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = PACK_MAGIC.length + 4;
  const length = bytes.length >= at ? view.getUint32(PACK_MAGIC.length) : -1;
  if (length < 0 || length > MAX_PART || at + length > bytes.length) throw bad(`an index of ${length} bytes in ${bytes.length}`);
  let index: unknown;
  try {
    index = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + length)));
  } catch {
    throw bad('an index that is not JSON');
  }
  const { chunks, emoji } = (index ?? {}) as { chunks?: unknown; emoji?: unknown };
  if (!Array.isArray(chunks) || !chunks.every((c) => Array.isArray(c) && c.length === 2 && isCount(c[0], MAX_PART) && isCount(c[1], MAX_PART))) {
    throw bad('an index without a list of chunks');
  }
  const total = chunks.reduce((n: number, c: [number, number]) => n + c[0], 0);
  if (at + length + total !== bytes.length) throw bad(`chunks of ${total} bytes after the index, ${bytes.length - at - length} present`);
  if (!emoji || typeof emoji !== 'object' || Object.keys(emoji).length > MAX_EMOJI) throw bad('an index without its emoji');
  return { chunks, emoji: emoji as Record<string, [number, number, number]>, start: at + length };
}

/** Read a pack's index; chunks are unpacked when an emoji in them is first asked for. */
export function readEmojiPack(bytes: Uint8Array): EmojiPack {
  const { chunks, emoji, start } = readIndex(bytes);
  const offsets: number[] = [];
  let offset = start;
  for (const [compressed] of chunks) {
    offsets.push(offset);
    offset += compressed;
  }
  const unpacked = new Map<number, Uint8Array | null>();
  const chunk = (i: number): Uint8Array | null => {
    let data = unpacked.get(i);
    if (data !== undefined) return data;
    const [compressed, size] = chunks[i] as [number, number];
    const from = offsets[i] as number;
    try {
      data = new Uint8Array(inflateRawSync(bytes.subarray(from, from + compressed), { maxOutputLength: size }));
      if (data.length !== size) data = null;
    } catch {
      data = null; // a damaged chunk: its emoji are drawn blank and reported like any emoji Twemoji lacks
    }
    unpacked.set(i, data);
    return data;
  };
  const decoder = new TextDecoder();
  const lookup: EmojiLookup = (name) => {
    if (!Object.hasOwn(emoji, name)) return undefined;
    const entry = emoji[name];
    if (!Array.isArray(entry) || !isCount(entry[0], chunks.length - 1)) return undefined;
    const data = chunk(entry[0]);
    const [, from, length] = entry;
    if (!data || !isCount(from, data.length) || !isCount(length, data.length - from)) return undefined;
    return decoder.decode(data.subarray(from, from + length));
  };
  return { lookup, size: Object.keys(emoji).length };
}
