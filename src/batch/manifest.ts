/**
 * `manifest.json` in the output folder: read back for the incremental cache (a missing or unreadable
 * one means "draw everything", with a warning), and written atomically (temp file, then rename) so an
 * interrupted run never leaves half a manifest behind.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Manifest, ManifestCard } from '../types.js';
import { outPath } from './slug.js';

/** File name of the manifest inside the output folder. */
export const MANIFEST_FILE = 'manifest.json';
/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = 1;

/** The manifest in `out`, or why there is none usable (`undefined` with no note when it does not exist). */
export async function readManifest(out: string): Promise<{ manifest?: Manifest; note?: string }> {
  const file = outPath(out, MANIFEST_FILE);
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<Manifest>;
    if (data.schemaVersion !== SCHEMA_VERSION || !Array.isArray(data.articles)) {
      return { note: `Existing ${MANIFEST_FILE} has schema version ${String(data.schemaVersion)}, not ${SCHEMA_VERSION}: every card is drawn again.` };
    }
    return { manifest: data as Manifest };
  } catch (error) {
    return { note: `Existing ${MANIFEST_FILE} could not be read (${(error as Error).message}): every card is drawn again.` };
  }
}

/** Write the manifest (pretty-printed, keys in a fixed order) atomically. */
export async function writeManifest(out: string, manifest: Manifest): Promise<string> {
  const file = outPath(out, MANIFEST_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temp, file);
  return file;
}

/** Whether every file of a card still exists in `out` with the size the manifest recorded. */
export function cardFilesExist(out: string, card: ManifestCard): boolean {
  if (card.status === 'failed' || !card.files.length) return false;
  return card.files.every((f) => {
    try {
      return statSync(outPath(out, f.path)).size === f.bytes;
    } catch {
      return false;
    }
  });
}
