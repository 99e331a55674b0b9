/**
 * The output folder, made ready before any card is drawn: created when missing, refused with a typed
 * error when it names a file or cannot be written, and locked so that one run at a time writes it.
 *
 * The lock is `.quotecard.lock` inside the folder, created exclusively and holding the process id, host
 * and start time. A second run finds it and stops with `out-locked`, unless the holder is gone: a lock of
 * this host whose process no longer exists, or one unreadable and older than a minute, is taken over.
 * Runs on other hosts sharing the folder cannot be checked, so their lock holds until they remove it.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OutputError } from '../errors.js';

/** File name of the lock inside the output folder. */
export const LOCK_FILE = '.quotecard.lock';
/** Age after which a lock that cannot be read (a run killed while writing it) counts as abandoned. */
const UNREADABLE_LOCK_MS = 60_000;

/** What the lock file holds. */
interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** A held lock: `release()` removes the file if it is still this run's. */
export interface OutLock {
  release(): Promise<void>;
}

/** Create `out` if needed and take its lock; an `OutputError` (before anything is drawn) when it cannot be used. */
export async function prepareOut(out: string): Promise<OutLock> {
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    throw folderError(out, error as NodeJS.ErrnoException);
  }
  if (!statSync(out).isDirectory()) throw folderError(out, { code: 'ENOTDIR' } as NodeJS.ErrnoException);
  return takeLock(out);
}

/** The typed error for a folder `mkdir` or `open` refused: a file in the way, or no permission to write. */
export function folderError(out: string, error: NodeJS.ErrnoException): OutputError {
  const code = error.code ?? 'unknown';
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new OutputError('out-not-folder', 'Output path is not a folder', { field: 'out', allowed: 'a folder, or a path where one can be made', received: `${out} (a file)` });
  }
  return new OutputError('out-unwritable', 'Output folder cannot be written', { field: 'out', allowed: 'a folder this process may create and write', received: `${out} (${code})` });
}

async function takeLock(out: string, attempt = 0): Promise<OutLock> {
  const file = join(out, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw folderError(out, error as NodeJS.ErrnoException);
    const holder = readLock(file);
    if (attempt === 0 && abandoned(file, holder)) {
      await unlink(file).catch(() => undefined);
      return takeLock(out, attempt + 1);
    }
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.started}` : 'a run whose lock file cannot be read';
    throw new OutputError('out-locked', 'Output folder is in use by another quotecard run', {
      field: 'out',
      allowed: `a folder no other run is writing (wait for it, or remove ${LOCK_FILE} if that run is gone)`,
      received: `${out}, locked by ${who}`,
    });
  }
  try {
    await handle.writeFile(`${JSON.stringify(mine)}\n`);
  } finally {
    await handle.close();
  }
  return {
    async release() {
      try {
        const now = JSON.parse(await readFile(file, 'utf8')) as LockInfo;
        if (now.pid === mine.pid && now.host === mine.host && now.started === mine.started) await unlink(file);
      } catch {
        // already gone, or taken over by a run that judged this one gone: not ours to remove
      }
    },
  };
}

function readLock(file: string): LockInfo | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.started === 'string' ? (data as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's holder is gone: its process no longer runs on this host, or the lock is unreadable and old. */
function abandoned(file: string, holder: LockInfo | undefined): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(file).mtimeMs > UNREADABLE_LOCK_MS;
    } catch {
      return true;
    }
  }
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
