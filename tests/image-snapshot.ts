/**
 * Image snapshot comparison shared by the snapshot tests: a PNG is compared with the committed file in
 * tests/__image_snapshots__/ (pixelmatch, threshold 0.1, at most 0.5% of pixels may differ). A missing
 * file, or UPDATE_SNAPSHOTS=1, writes it: look at each new PNG before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

export const SNAPSHOT_DIR = fileURLToPath(new URL('./__image_snapshots__/', import.meta.url));
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const MAX_DIFF = 0.005;

/** Compare `png` with the snapshot `name`.png (or write it when missing or updating). */
export function expectImageSnapshot(name: string, png: Uint8Array): void {
  const file = `${SNAPSHOT_DIR}${name}.png`;
  if (UPDATE || !existsSync(file)) {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    writeFileSync(file, png);
    return;
  }
  expectMatchesSnapshot(name, png);
}

/** Compare `png` with the committed snapshot `name`.png, never writing it (another build's drawing of the same card). */
export function expectMatchesSnapshot(name: string, png: Uint8Array): void {
  const file = `${SNAPSHOT_DIR}${name}.png`;
  const actual = PNG.sync.read(Buffer.from(png));
  const expected = PNG.sync.read(readFileSync(file));
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const differing = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
  expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(MAX_DIFF);
}
