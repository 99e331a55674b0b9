/**
 * Trimming a queue on a real Redis (`cleanQueue()`, `quotecard clean`): failed cards' jobs removed are
 * tried again when enqueued again; drawn cards' jobs removed take their articles with them, and enqueued
 * again are found in the store, not drawn; --older-than spares what finished since; obliterate removes
 * every key of the queue, refuses while a card is being drawn unless forced, and leaves other queues alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/cli-run.js';
import { InputError, OutputError } from '../src/errors.js';
import { cleanQueue, enqueueArticles, startWorker } from '../src/queue/index.js';
import { openQueue } from '../src/queue/queue-connection.js';
import { checkWorkerOptions } from '../src/queue/queue-options.js';
import { collectQueue } from '../src/queue/queue-status.js';
import { redisConnection } from '../src/queue/redis-url.js';
import { runWorker } from '../src/queue/start-worker.js';
import type { BatchArticle } from '../src/types.js';
import { article, articleText, tempDir } from './batch-articles.js';
import { misbehavingWorker } from './helpers/misbehaving-worker.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
let admin: Queue;
beforeAll(async () => {
  redis = await startRedis();
  admin = await openQueue('admin', redisConnection(redis.url));
});
afterAll(async () => {
  await admin?.close();
  await redis?.stop();
});

/** The keys Redis holds for queue `name`. */
async function keysOf(name: string): Promise<string[]> {
  const client = await admin.client;
  return (await client.runCommand('keys', [`bull:${name}:*`])) as string[];
}

/** A quote no loaded font draws (Bengali): its card fails at once. */
const bengali: BatchArticle = { id: 'bengali.txt', text: '“আমরা শীতের আগে সেতুটি আবার খুলে দেব, এটাই আমাদের প্রতিশ্রুতি,” মেয়র আনিসুল হক বলেছেন।' };
/** An article with nothing quoted: read, no card. */
const quiet: BatchArticle = { id: 'quiet.txt', text: 'The council met on Monday to discuss repairs. The meeting ended early and nothing was decided.' };

describe('cleanQueue', () => {
  test('failed, then done: removed jobs and their articles; enqueued again, a failed card is tried again and a drawn one is not drawn again', async () => {
    const name = 'clean';
    const out = tempDir('qc-qclean-');
    const seen: string[] = [];
    const worker = await startWorker({ queue: redis.url, name, out, concurrency: 2, onCard: (e) => seen.push(`${e.status}:${e.id.split('-')[0]}`) });
    try {
      const articles = [article(1, 2), article(2, 1), bengali, quiet];
      const first = await enqueueArticles(articles, { queue: redis.url, name, wait: true });
      expect(first).toMatchObject({ cards: 4, added: 4 });
      expect(first.failures.map((f) => f.article)).toEqual(['bengali.txt']);
      const full = (await keysOf(name)).length;

      // nothing finished an hour ago
      expect(await cleanQueue({ queue: redis.url, name, done: true, failed: true, olderThan: 3_600_000 })).toEqual({ done: 0, failed: 0, articles: 0, obliterated: false });

      // the failed card's job, and its article (it had no other card)
      expect(await cleanQueue({ queue: redis.url, name, failed: true })).toEqual({ done: 0, failed: 1, articles: 1, obliterated: false });
      expect((await collectQueue(name, redisConnection(redis.url), tempDir(), '')).manifest.articles.map((a) => a.id)).toEqual([
        'articles/district-1.txt',
        'articles/district-2.txt',
        'quiet.txt',
      ]);
      seen.length = 0;
      const retried = await enqueueArticles([bengali], { queue: redis.url, name, wait: true });
      expect(retried).toMatchObject({ added: 1, existing: 0 });
      expect(seen).toEqual(['failed:bengali']);

      // the drawn cards' jobs, their articles and the article without cards; the failed card stays
      expect(await cleanQueue({ queue: redis.url, name, done: true })).toEqual({ done: 3, failed: 0, articles: 3, obliterated: false });
      expect((await keysOf(name)).length).toBeLessThan(full);
      const left = await collectQueue(name, redisConnection(redis.url), tempDir(), '');
      expect(left.manifest.articles.map((a) => a.id)).toEqual(['bengali.txt']);
      expect(left.pending).toBe(0);

      // enqueued again: added again, and found in the store, not drawn
      seen.length = 0;
      const again = await enqueueArticles([article(1, 2), article(2, 1)], { queue: redis.url, name, wait: true });
      expect(again).toMatchObject({ cards: 3, added: 3, failures: [] });
      expect(seen.sort()).toEqual(['cached:district', 'cached:district', 'cached:district']);
      expect(again.manifest?.articles.flatMap((a) => a.cards.map((c) => c.status))).toEqual(['cached', 'cached', 'cached']);
    } finally {
      await worker.close();
    }
  });

  test('a card whose job was removed is left out of the manifest, with a warning, not waited for', async () => {
    const name = 'clean-part';
    process.env.TEST_CRASH_ON = 'CRASH-HERE';
    const worker = await runWorker(checkWorkerOptions({ queue: redis.url, name, out: tempDir('qc-qclean-part-'), concurrency: 1 }), misbehavingWorker());
    try {
      // two cards, the first of which crashes its process: failed after its one attempt
      const two = await enqueueArticles([{ id: 'two.txt', text: articleText(6, 2, 'CRASH-HERE') }], { queue: redis.url, name, attempts: 1, wait: true });
      expect(two.failures).toHaveLength(1);
      // the failed card's job goes; its article keeps its record for the other card
      expect(await cleanQueue({ queue: redis.url, name, failed: true })).toMatchObject({ failed: 1, articles: 0 });
      const { manifest, pending } = await collectQueue(name, redisConnection(redis.url), tempDir(), '');
      expect(pending).toBe(0);
      expect(manifest.failures).toEqual([]);
      expect(manifest.articles.find((a) => a.id === 'two.txt')?.cards.map((c) => c.status)).toEqual(['rendered']);
      expect(manifest.warnings).toEqual(["1 card's job was removed from the queue (quotecard clean) and is left out."]);
    } finally {
      delete process.env.TEST_CRASH_ON;
      await worker.close();
    }
  });

  test('obliterate: refused while a card is being drawn, unless forced; then no key of the queue is left, and other queues keep theirs', async () => {
    const name = 'gone';
    process.env.TEST_HANG_ON = 'HANG-HERE';
    const worker = await runWorker(checkWorkerOptions({ queue: redis.url, name, out: tempDir('qc-qclean-gone-'), concurrency: 1, timeout: 3000 }), misbehavingWorker());
    try {
      await enqueueArticles([{ id: 'hang.txt', text: articleText(8, 1, 'HANG-HERE') }], { queue: redis.url, name });
      const deadline = Date.now() + 10_000;
      while ((await (await admin.client).runCommand('llen', [`bull:${name}:active`])) !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await enqueueArticles([article(9)], { queue: redis.url, name: 'kept' });

      const busy = await cleanQueue({ queue: redis.url, name, obliterate: true }).catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(OutputError);
      expect(busy).toMatchObject({ code: 'queue-busy', field: 'obliterate' });
      expect((busy as Error).message).toMatch(/has cards being drawn.*Received: 1 active job/);
      expect((await keysOf(name)).length).toBeGreaterThan(0);

      expect(await cleanQueue({ queue: redis.url, name, obliterate: true, force: true })).toEqual({ done: 0, failed: 0, articles: 0, obliterated: true });
      expect(await keysOf(name)).toEqual([]);
      expect((await keysOf('kept')).some((k) => k.endsWith(':qc:articles'))).toBe(true);
    } finally {
      delete process.env.TEST_HANG_ON;
      await worker.close();
    }
  });

  const wrong: Array<{ name: string; options: Record<string, unknown>; message: RegExp }> = [
    { name: 'nothing to remove', options: {}, message: /option "done".*Allowed: done, failed or both/ },
    { name: 'obliterate with done', options: { obliterate: true, done: true }, message: /option "obliterate".*Allowed: obliterate alone/ },
    { name: 'force without obliterate', options: { done: true, force: true }, message: /option "force"/ },
    { name: 'a negative olderThan', options: { done: true, olderThan: -1 }, message: /option "olderThan"/ },
  ];
  for (const c of wrong) {
    test(`options: ${c.name}`, async () => {
      const error = await cleanQueue({ queue: 'redis://127.0.0.1:1', ...c.options }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(c.message);
    });
  }
});

describe('quotecard clean', () => {
  const io = (cwd: string) => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { cwd, stdin: (async function* () {})(), stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } } };
  };

  test('--done --failed --older-than, and --obliterate', async () => {
    const name = 'clean-cli';
    const dir = tempDir('qc-qclean-cli-');
    const worker = await startWorker({ queue: redis.url, name, out: join(dir, 'cards'), concurrency: 1 });
    try {
      writeFileSync(join(dir, 'a.txt'), articleText(12, 2));
      expect(await runCli(['enqueue', 'a.txt', '--queue', redis.url, '--name', name, '--wait', '--quiet'], io(dir).io)).toBe(0);
      const recent = io(dir);
      expect(await runCli(['clean', '--queue', redis.url, '--name', name, '--done', '--failed', '--older-than', '1h'], recent.io)).toBe(0);
      expect(recent.out.stdout).toBe("Removed from clean-cli: 0 drawn and 0 failed cards' jobs, 0 articles.\n");
      const all = io(dir);
      expect(await runCli(['clean', '--queue', redis.url, '--name', name, '--done', '--json'], all.io)).toBe(0);
      expect(JSON.parse(all.out.stdout)).toEqual({ ok: true, done: 2, failed: 0, articles: 1, obliterated: false });
      const gone = io(dir);
      expect(await runCli(['clean', '--queue', redis.url, '--name', name, '--obliterate'], gone.io)).toBe(0);
      expect(gone.out.stdout).toBe('Removed the queue clean-cli and everything in it.\n');
      expect(await keysOf(name)).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  const usage: Array<{ name: string; argv: string[]; message: RegExp }> = [
    { name: 'nothing to remove', argv: ['clean', '--queue', 'redis://x'], message: /option "--done".*Allowed: done, failed or both/ },
    { name: '--obliterate with --done', argv: ['clean', '--queue', 'redis://x', '--obliterate', '--done'], message: /option "--obliterate"/ },
    { name: 'a duration it cannot read', argv: ['clean', '--queue', 'redis://x', '--done', '--older-than', 'soon'], message: /option "--older-than".*Allowed: a duration: milliseconds, or 90s, 15m, 2h, 7d\. Received: "soon"/ },
    { name: '--force alone', argv: ['clean', '--queue', 'redis://x', '--done', '--force'], message: /option "--force"/ },
  ];
  for (const c of usage) {
    test(`exit 2: ${c.name}`, async () => {
      const r = io(tempDir());
      expect(await runCli(c.argv, r.io)).toBe(2);
      expect(r.out.stderr).toMatch(c.message);
    });
  }
});
