/**
 * The queue on a real Redis (redis-server on 127.0.0.1, started here): cards enqueued are drawn once
 * by a worker into its store and the manifest is assembled from the jobs; enqueueing the same articles
 * again adds nothing; a card that crashes its process is tried `attempts` times, then ends failed with
 * its reason while the other cards are made; a job retaken from a worker killed after it stored the card
 * finds the files and is not drawn again; options are checked as the batch checks them.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enqueueArticles, startWorker } from '../src/queue/index.js';
import { checkWorkerOptions } from '../src/queue/queue-options.js';
import { runWorker } from '../src/queue/start-worker.js';
import { InputError, OutputError } from '../src/errors.js';
import type { Manifest } from '../src/types.js';
import { article, articleText, tempDir } from './batch-articles.js';
import { misbehavingWorker } from './helpers/misbehaving-worker.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const pngs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.png'));

describe('enqueue and one worker', () => {
  test('20 cards are each drawn once, the manifest is complete, and enqueueing again is a no-op', async () => {
    const out = tempDir('qc-queue-');
    const articles = Array.from({ length: 10 }, (_, i) => article(i + 1, 2));
    const drawn: string[] = [];
    const worker = await startWorker({ queue: redis.url, name: 'small', out, concurrency: 2, onCard: (e) => drawn.push(`${e.status}:${e.hash}`) });
    try {
      const first = await enqueueArticles(articles, { queue: redis.url, name: 'small', wait: true, out });
      expect(first).toMatchObject({ articles: 10, cards: 20, added: 20, existing: 0, failures: [] });
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.schemaVersion).toBe(1);
      expect(manifest.articles.map((a) => a.id)).toEqual(articles.map((a) => a.id));
      const cards = manifest.articles.flatMap((a) => a.cards);
      expect(cards).toHaveLength(20);
      expect(cards.every((c) => c.status === 'rendered' && c.files.length === 1 && c.alt.length > 0)).toBe(true);
      expect(pngs(out).sort()).toEqual(cards.map((c) => c.files[0]?.path).sort());
      for (const c of cards) expect(readFileSync(join(out, c.files[0]?.path ?? '')).byteLength).toBe(c.files[0]?.bytes);
      expect(drawn).toHaveLength(20);
      expect(new Set(drawn).size).toBe(20);
      expect(existsSync(join(out, 'index.html'))).toBe(true);

      const again = await enqueueArticles(articles, { queue: redis.url, name: 'small', wait: true, out });
      expect(again).toMatchObject({ cards: 20, added: 0, existing: 20, failures: [] });
      expect(drawn).toHaveLength(20);
      expect(again.manifest?.articles.flatMap((a) => a.cards.map((c) => c.id))).toEqual(cards.map((c) => c.id));
    } finally {
      await worker.close();
    }
  });

  test('a card that crashes its process ends failed after its attempts; the others are made', async () => {
    const out = tempDir('qc-queue-poison-');
    process.env.TEST_CRASH_ON = 'POISON-CARD';
    const tries: string[] = [];
    const worker = await runWorker(
      checkWorkerOptions({ queue: redis.url, name: 'poison', out, concurrency: 1, onCard: (e: { status: string }) => tries.push(e.status) }),
      misbehavingWorker(),
    );
    try {
      const inputs = [article(1), { id: 'poison.txt', text: articleText(2, 1, 'POISON-CARD') }, article(3)];
      const result = await enqueueArticles(inputs, { queue: redis.url, name: 'poison', attempts: 2, backoff: 100, wait: true });
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]).toMatchObject({ article: 'poison.txt', stage: 'render', reason: 'crash' });
      expect(result.failures[0]?.message).toMatch(/worker process drawing the card died/);
      expect(tries.filter((t) => t === 'failed')).toHaveLength(2);
      expect(tries.filter((t) => t === 'rendered')).toHaveLength(2);
      const cards = result.manifest?.articles.flatMap((a) => a.cards) ?? [];
      expect(cards.map((c) => c.status).sort()).toEqual(['failed', 'rendered', 'rendered']);
      expect(pngs(out)).toHaveLength(2);
    } finally {
      delete process.env.TEST_CRASH_ON;
      await worker.close();
    }
  });
});

describe('a job retaken from a worker killed after it stored the card', () => {
  test('finds the files stored and does not draw the card again', { timeout: 30_000 }, async () => {
    const out = tempDir('qc-queue-retaken-');
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    // a worker that SIGKILLs itself once the card's files and its note are stored, before it reports the job done
    const dying = spawn(process.execPath, ['--import', tsx, join(import.meta.dirname, 'helpers/die-after-store.ts'), redis.url, 'retaken', out], {
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const died = new Promise<NodeJS.Signals | null>((resolve) => dying.once('exit', (_code, signal) => resolve(signal)));
    try {
      await new Promise<void>((resolve) => dying.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
      const first = await enqueueArticles([article(1)], { queue: redis.url, name: 'retaken' });
      expect(first).toMatchObject({ cards: 1, added: 1 });
      expect(await died).toBe('SIGKILL');
    } finally {
      // its drawing process too, should it outlive it
      if (dying.pid) {
        try {
          process.kill(-dying.pid, 'SIGKILL');
        } catch {
          // gone with it
        }
      }
    }
    const [png] = pngs(out);
    expect(png).toBeDefined();
    const before = statSync(join(out, png as string));
    expect(readdirSync(join(out, '.quotecard')).filter((f) => f.endsWith('.json'))).toHaveLength(1);

    const seen: string[] = [];
    const worker = await startWorker({ queue: redis.url, name: 'retaken', out, concurrency: 1, stalledAfter: 1000, onCard: (e) => seen.push(e.status) });
    try {
      // the same card again: its job is in the queue (active under a dead worker's lock), so nothing is added; wait for it
      const again = await enqueueArticles([article(1)], { queue: redis.url, name: 'retaken', wait: true });
      expect(again).toMatchObject({ cards: 1, added: 0, existing: 1, failures: [] });
      const cards = again.manifest?.articles.flatMap((a) => a.cards) ?? [];
      expect(cards.map((c) => c.status)).toEqual(['cached']);
      expect(cards[0]?.files[0]).toMatchObject({ path: png, bytes: before.size });
      expect(seen).toEqual(['cached']);
      // the file was not written again
      const after = statSync(join(out, png as string));
      expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
      expect(pngs(out)).toEqual([png]);
    } finally {
      await worker.close();
    }
  });
});

describe('options', () => {
  const cases: Array<{ name: string; run: () => Promise<unknown>; error: RegExp }> = [
    { name: 'no queue', run: () => enqueueArticles([], {} as never), error: /Invalid value for option "queue"/ },
    { name: 'not a Redis URL', run: () => enqueueArticles([], { queue: 'http://x' }), error: /Allowed: a Redis URL.*Received: "http:\/\/x"/ },
    { name: 'a size the batch refuses', run: () => enqueueArticles([], { queue: 'redis://127.0.0.1:1', size: 'huge' as never }), error: /option "size"/ },
    { name: 'an option the queue does not take', run: () => enqueueArticles([], { queue: 'redis://127.0.0.1:1', concurrency: 2 } as never), error: /Unknown option "concurrency"/ },
    { name: 'a worker with neither out nor store', run: () => startWorker({ queue: 'redis://127.0.0.1:1' }), error: /exactly one of \{ out, store \}/ },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const error = await c.run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(c.error);
    });
  }

  test('a password in the URL is not shown', async () => {
    const error = await enqueueArticles([], { queue: 'redis://u:secret@/x' }).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain('secret');
  });

  test('a Redis that does not answer is an OutputError', { timeout: 20_000 }, async () => {
    const error = await enqueueArticles([article(1)], { queue: 'redis://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).code).toBe('queue-unreachable');
  });
});
