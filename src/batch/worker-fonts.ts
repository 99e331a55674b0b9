/**
 * Fonts for the worker processes. A child process has no `workerData`, and fonts are too large for
 * its environment or for every task, so the pool writes them once to a private temporary file (V8's
 * serializer keeps their bytes and fields as they are) and each worker reads them when it starts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FontInput } from '../types.js';

/** Fonts written for the workers, and how to remove them. */
export interface FontHandoff {
  path: string;
  remove(): void;
}

/** Write `fonts` where the workers can read them (a folder only this user can read). */
export function handFontsOver(fonts: readonly FontInput[]): FontHandoff {
  const dir = mkdtempSync(join(tmpdir(), 'quotecard-fonts-'));
  const path = join(dir, 'fonts.bin');
  writeFileSync(path, serialize(fonts), { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The fonts the pool handed over, or none when `path` is not set. */
export function takeFonts(path: string | undefined): FontInput[] {
  if (!path) return [];
  const fonts = deserialize(readFileSync(path)) as unknown;
  return Array.isArray(fonts) ? (fonts as FontInput[]) : [];
}
