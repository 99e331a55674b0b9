/**
 * The built-in card store: a folder, shared by the workers of every machine (NFS, SMB, a mounted
 * bucket). A file is written to a temporary name beside it and renamed into place, so a worker killed
 * mid-write leaves no half file under the real name, and two workers storing the same card leave one
 * whole copy. Names are checked to stay inside the folder. A worker on this store has its drawing
 * processes write a card's files themselves, the same way (`folderOf`): the bytes need not cross into the
 * worker's own process, which shares the cores with them.
 */
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { folderError } from '../batch/out-folder.js';
import { outPath } from '../batch/slug.js';
import type { CardStore } from '../types.js';

let serial = 0;

/** The notes' folder inside the store's folder (`resultName()`'s prefix). */
const NOTES = '.quotecard';

/** The folder of each built-in store. */
const folders = new WeakMap<CardStore, string>();

/** The folder `store` keeps its files in, when it is a built-in file-system store. */
export function folderOf(store: CardStore): string | undefined {
  return folders.get(store);
}

/** Where the built-in store in `folder` keeps a card's note (`resultName(hash)`), its folder made when missing. */
export function noteFile(folder: string, hash: string): string {
  const notes = join(folder, NOTES);
  if (!madeNotes.has(notes)) {
    mkdirSync(notes, { recursive: true });
    madeNotes.add(notes);
  }
  return outPath(notes, `${hash}.json`);
}
const madeNotes = new Set<string>();

/** A name beside `file` to write it under first, unique to this process. */
export function tempName(file: string): string {
  return `${file}.${process.pid}.${++serial}.tmp`;
}

/** A store in `folder` (created when missing; an `OutputError` when it cannot be). */
export function fileStore(folder: string): CardStore {
  const root = resolve(folder);
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw folderError(root, error as NodeJS.ErrnoException);
  }
  // the workers' notes go in a hidden folder of their own; every other name is a plain file in the folder
  const path = (name: string) => {
    const note = /^\.quotecard\/(.+)$/.exec(name)?.[1];
    return note === undefined ? outPath(root, name) : outPath(join(root, NOTES), note);
  };
  // each folder is made once (the folder itself and the notes' folder)
  const made = new Set<string>([root]);
  const store: CardStore = {
    async has(name) {
      try {
        return (await stat(path(name))).isFile();
      } catch {
        return false;
      }
    },
    async put(name, data) {
      const file = path(name);
      if (!made.has(dirname(file))) {
        await mkdir(dirname(file), { recursive: true });
        made.add(dirname(file));
      }
      const temp = tempName(file);
      try {
        await writeFile(temp, data).catch(async () => {
          // its folder removed meanwhile: made again, and written once more
          await mkdir(dirname(file), { recursive: true });
          await writeFile(temp, data);
        });
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw folderError(root, error as NodeJS.ErrnoException);
      }
    },
    async get(name) {
      try {
        return new Uint8Array(await readFile(path(name)));
      } catch {
        return undefined;
      }
    },
  };
  folders.set(store, root);
  return store;
}
