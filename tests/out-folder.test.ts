/**
 * One writer per output folder: `out` naming a file or unwritable is a typed error before any card is
 * drawn (exit 2 from the command); a second run on a locked folder stops with `out-locked`, a lock whose
 * holder is gone is taken over; a run killed halfway keeps its finished cards for the next run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderArticles } from '../src/batch/index.js';
import { Checkpoint, finishedSoFar } from '../src/batch/checkpoint.js';
import { folderError, LOCK_FILE } from '../src/batch/out-folder.js';
import { OutputError } from '../src/errors.js';
import type { ManifestArticle, ManifestCard } from '../src/types.js';
import { article, articleText, tempDir } from './batch-articles.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cli = join(process.cwd(), 'src/cli/main.ts');
const reject = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('an output folder that cannot be used is refused before any card is drawn', () => {
  test('out naming a file: out-not-folder; the command exits 2 with the message', async () => {
    const dir = tempDir();
    const file = join(dir, 'cards');
    writeFileSync(file, 'not a folder');
    const error = await reject(renderArticles([article(1)], { out: file, concurrency: 1 }));
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).code).toBe('out-not-folder');
    expect((error as OutputError).message).toBe(`Output path is not a folder. Allowed: a folder, or a path where one can be made. Received: ${file} (a file).`);
    const nested = await reject(renderArticles([article(1)], { out: join(file, 'inside'), concurrency: 1 }));
    expect((nested as OutputError).code).toBe('out-not-folder');
    writeFileSync(join(dir, 'a.txt'), articleText(1));
    const r = spawnSync(process.execPath, ['--import', tsx, cli, 'a.txt', '--out', 'cards'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Output path is not a folder');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('permission refused or a read-only file system: out-unwritable naming the cause', () => {
    for (const code of ['EACCES', 'EROFS', 'EPERM']) {
      const error = folderError('/srv/cards', Object.assign(new Error(code), { code }));
      expect(error.code).toBe('out-unwritable');
      expect(error.received).toBe(`/srv/cards (${code})`);
    }
  });

  test.skipIf(process.getuid?.() === 0)('a folder without write permission (as a user other than root)', async () => {
    const out = join(tempDir(), 'ro');
    mkdirSync(out, { mode: 0o555 });
    const error = await reject(renderArticles([article(1)], { out, concurrency: 1 }));
    expect((error as OutputError).code).toBe('out-unwritable');
  });
});

describe('one run at a time per output folder', () => {
  const lock = (out: string, info: object) => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, LOCK_FILE), JSON.stringify(info));
  };

  test('a folder another live run holds: out-locked naming it, nothing drawn; the lock is left alone', async () => {
    const out = join(tempDir(), 'out');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      lock(out, { pid: holder.pid, host: hostname(), started: '2026-12-02T10:00:00.000Z' });
      const error = await reject(renderArticles([article(1)], { out, concurrency: 1 }));
      expect((error as OutputError).code).toBe('out-locked');
      expect((error as OutputError).received).toBe(`${out}, locked by process ${holder.pid} on ${hostname()} since 2026-12-02T10:00:00.000Z`);
      expect(readdirSync(out)).toEqual([LOCK_FILE]);
    } finally {
      holder.kill();
    }
  });

  test('two runs at once in one process: the second stops with out-locked, the first finishes and removes its lock', async () => {
    const out = join(tempDir(), 'out');
    const first = renderArticles([article(1), article(2)], { out, concurrency: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const second = await reject(renderArticles([article(3)], { out, concurrency: 1, incremental: false }));
    expect((second as OutputError).code).toBe('out-locked');
    const result = await first;
    expect(result.stats.failed).toBe(0);
    expect(result.manifest.articles.map((a) => a.id)).toEqual(['articles/district-1.txt', 'articles/district-2.txt']);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  test('a lock whose process is gone, or unreadable and over a minute old, is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const out = join(tempDir(), 'out');
    lock(out, { pid: dead, host: hostname(), started: '2026-12-02T10:00:00.000Z' });
    expect((await renderArticles([article(1)], { out, concurrency: 1 })).stats.failed).toBe(0);

    writeFileSync(join(out, LOCK_FILE), 'garbage');
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(out, LOCK_FILE), old, old);
    expect((await renderArticles([article(1)], { out, concurrency: 1 })).stats.cached).toBe(1);

    writeFileSync(join(out, LOCK_FILE), 'garbage'); // fresh: a run may be writing it right now
    expect(((await reject(renderArticles([article(1)], { out, concurrency: 1 }))) as OutputError).code).toBe('out-locked');
  });

  test('a lock held on another host is never taken over', async () => {
    const out = join(tempDir(), 'out');
    lock(out, { pid: 1, host: `not-${hostname()}`, started: '2026-12-02T10:00:00.000Z' });
    expect(((await reject(renderArticles([article(1)], { out, concurrency: 1 }))) as OutputError).code).toBe('out-locked');
  });
});

describe('a run killed halfway keeps its finished cards', () => {
  const card = (id: string): ManifestCard => ({ id, status: 'rendered' }) as ManifestCard;

  test('checkpoints: every N settled cards one write, never two at once', async () => {
    let writes = 0;
    let running = 0;
    let overlap = false;
    const c = new Checkpoint(3, async () => {
      running++;
      if (running > 1) overlap = true;
      await new Promise((r) => setTimeout(r, 5));
      writes++;
      running--;
    });
    for (let i = 0; i < 10; i++) c.tick();
    await c.idle();
    expect(writes).toBe(3);
    expect(overlap).toBe(false);
  });

  test('an article with cards still to come is written without its hash, so the next run plans it again', () => {
    const done: ManifestArticle = { id: 'a', slug: 'a', hash: 'h1', found: { quotes: 1, posts: 0, unsure: 0 }, warnings: [], cards: [card('a1')] };
    const partial: ManifestArticle = { id: 'b', slug: 'b', hash: 'h2', found: { quotes: 2, posts: 0, unsure: 0 }, warnings: [], cards: [] };
    partial.cards[1] = card('b2');
    const written = finishedSoFar([done, partial], new Map([[done, 1], [partial, 2]]));
    expect(written[0]).toEqual(done);
    expect(written[1]).toMatchObject({ id: 'b', hash: '', cards: [card('b2')] });
  });

  test('killed with SIGKILL after its first checkpoint, the next run draws only what was left', { timeout: 240_000 }, async () => {
    const cwd = tempDir('qc-kill-');
    for (let n = 1; n <= 40; n++) writeFileSync(join(cwd, `a${n}.txt`), articleText(n, 2));
    const out = join(cwd, 'out');
    const child = spawn(process.execPath, ['--import', tsx, cli, '.', '--out', 'out', '--size', 'og,square', '--theme', 'light,dark', '-c', '2', '-q'], { cwd });
    const manifest = join(out, 'manifest.json');
    const started = Date.now();
    while (!existsSync(manifest) && Date.now() - started < 200_000) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const kept = (JSON.parse(readFileSync(manifest, 'utf8')) as { articles: ManifestArticle[] }).articles.flatMap((a) => a.cards).length;
    expect(kept).toBeGreaterThanOrEqual(100);
    expect(kept).toBeLessThan(320);

    const inputs = Array.from({ length: 40 }, (_, i) => ({ id: `a${i + 1}.txt`, text: articleText(i + 1, 2) }));
    const again = await renderArticles(inputs, { out, size: ['og', 'square'], theme: ['light', 'dark'], concurrency: 2 });
    expect(again.stats.cards).toBe(320);
    expect(again.stats.failed).toBe(0);
    expect(again.stats.cached).toBeGreaterThanOrEqual(kept - 4); // a card or so may be mid-write at the kill
    expect(again.stats.rendered + again.stats.cached).toBe(320);
    // every card on disk once: no orphaned files of the killed run beside the manifest's
    const pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(320);
  });
});
