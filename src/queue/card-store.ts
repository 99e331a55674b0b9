/**
 * The built-in card store: a folder, shared by the workers of every machine (NFS, SMB, a mounted
 * bucket). A file is written to a temporary name beside it and renamed into place, so a worker killed
 * mid-write leaves no half file under the real name, and two workers storing the same card leave one
 * whole copy. Names are checked to stay inside the folder.
 */
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { folderError } from '../batch/out-folder.js';
import { outPath } from '../batch/slug.js';
import type { CardStore } from '../types.js';

let serial = 0;

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
    return note === undefined ? outPath(root, name) : outPath(join(root, '.quotecard'), note);
  };
  return {
    async has(name) {
      try {
        return (await stat(path(name))).isFile();
      } catch {
        return false;
      }
    },
    async put(name, data) {
      const file = path(name);
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${++serial}.tmp`;
      try {
        await writeFile(temp, data);
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
}
