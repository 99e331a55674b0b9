/** The emoji pack's bytes (src/fonts/emoji-pack.ts gives the layout), from the installed `twemoji-svg`. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { PACK_MAGIC } from '../src/fonts/emoji-pack.js';

/** Unpacked bytes per chunk before a new one starts. */
const CHUNK = 256 * 1024;

/** The folder of `twemoji-svg`'s SVG files. */
export function twemojiSvgFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('twemoji-svg/1f600'));
}

/** Every Twemoji SVG, by name in sorted order, packed. */
export function buildEmojiPack(): { bytes: Uint8Array; count: number; svgBytes: number } {
  const dir = twemojiSvgFolder();
  const files = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
  const emoji: Record<string, [number, number, number]> = {};
  const groups: Buffer[][] = [[]];
  let filled = 0;
  let svgBytes = 0;
  for (const file of files) {
    const svg = readFileSync(join(dir, file));
    if (filled >= CHUNK) {
      groups.push([]);
      filled = 0;
    }
    emoji[file.slice(0, -4)] = [groups.length - 1, filled, svg.length];
    groups[groups.length - 1]?.push(svg);
    filled += svg.length;
    svgBytes += svg.length;
  }
  const raw = groups.map((g) => Buffer.concat(g));
  const compressed = raw.map((r) => deflateRawSync(r, { level: 9 }));
  const index = Buffer.from(JSON.stringify({ chunks: raw.map((r, i) => [compressed[i]?.length, r.length]), emoji }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(index.length);
  const bytes = Buffer.concat([Buffer.from(PACK_MAGIC), length, index, ...compressed]);
  return { bytes, count: files.length, svgBytes };
}
