/**
 * The emoji pack (emoji/twemoji.pack): the committed file holds exactly the installed twemoji-svg's SVGs
 * (a Twemoji update is `npm run pack:emoji`), and a damaged or hostile pack is refused or read within
 * its declared sizes, never trusted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/errors.js';
import { PACK_MAGIC, readEmojiPack } from '../src/fonts/emoji-pack.js';
import { buildEmojiPack, twemojiSvgFolder } from '../scripts/emoji-pack-build.js';

const PACK = readFileSync(new URL('../emoji/twemoji.pack', import.meta.url));

/** A pack of the given index and chunk bytes. */
function pack(index: unknown, ...chunks: Uint8Array[]): Uint8Array {
  const json = Buffer.from(JSON.stringify(index));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([Buffer.from(PACK_MAGIC), length, json, ...chunks]);
}

describe('the committed emoji pack', () => {
  test('is what npm run pack:emoji makes from the installed twemoji-svg, byte for byte', () => {
    expect(Buffer.compare(Buffer.from(buildEmojiPack().bytes), PACK)).toBe(0);
  });

  test('holds every Twemoji SVG, each as the file has it', () => {
    const { lookup, size } = readEmojiPack(PACK);
    const dir = twemojiSvgFolder();
    const files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
    expect(size).toBe(files.length);
    for (const file of files) expect(lookup(file.slice(0, -4))).toBe(readFileSync(join(dir, file), 'utf8'));
    expect(lookup('not-an-emoji')).toBeUndefined();
    expect(lookup('__proto__')).toBeUndefined();
  });

  test('is a fifth of the SVGs it holds, or less', () => {
    const dir = twemojiSvgFolder();
    const svgBytes = readdirSync(dir).reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    expect(PACK.length).toBeLessThan(svgBytes / 5);
  });
});

describe('a damaged or hostile pack', () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
  const chunk = deflateRawSync(svg);

  test('a good hand-made pack reads', () => {
    const { lookup } = readEmojiPack(pack({ chunks: [[chunk.length, svg.length]], emoji: { '1f600': [0, 0, svg.length] } }, chunk));
    expect(lookup('1f600')).toBe(svg.toString());
  });

  test.each([
    ['not a pack', Buffer.from('<svg/>')],
    ['cut inside the header', Buffer.from(PACK_MAGIC)],
    ['an index longer than the file', Buffer.concat([Buffer.from(PACK_MAGIC), Buffer.from([0xff, 0xff, 0xff, 0xff])])],
    ['an index that is not JSON', Buffer.concat([Buffer.from(PACK_MAGIC), Buffer.from([0, 0, 0, 1]), Buffer.from('{')])],
    ['chunks that do not add up to the file', pack({ chunks: [[chunk.length + 5, svg.length]], emoji: {} }, chunk)],
    ['a chunk declared past the size limit', pack({ chunks: [[chunk.length, 2 ** 40]], emoji: {} }, chunk)],
    ['no emoji table', pack({ chunks: [] })],
  ])('%s is an InputError naming the field', (_name, bytes) => {
    expect(() => readEmojiPack(bytes)).toThrow(InputError);
    try {
      readEmojiPack(bytes);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input', field: 'emoji' });
    }
  });

  test('a chunk that unpacks to more than declared gives no SVG, and unpacking stops at the declared size', () => {
    const big = deflateRawSync(Buffer.alloc(50_000_000, 0x20));
    const { lookup } = readEmojiPack(pack({ chunks: [[big.length, 100]], emoji: { '1f600': [0, 0, 100] } }, big));
    const started = performance.now();
    expect(lookup('1f600')).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('entries pointing outside their chunk, or at a chunk that does not exist, give no SVG', () => {
    const { lookup } = readEmojiPack(
      pack({ chunks: [[chunk.length, svg.length]], emoji: { a: [0, 0, svg.length + 1], b: [1, 0, 1], c: [0, -1, 2], d: 'x' } }, chunk),
    );
    for (const name of ['a', 'b', 'c', 'd']) expect(lookup(name)).toBeUndefined();
  });

  test('a damaged chunk gives no SVG instead of throwing', () => {
    const broken = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const { lookup } = readEmojiPack(pack({ chunks: [[broken.length, 10]], emoji: { a: [0, 0, 10] } }, broken));
    expect(lookup('a')).toBeUndefined();
  });
});
