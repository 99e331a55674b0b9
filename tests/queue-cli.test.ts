/**
 * The queue commands in-process on a real Redis: `quotecard worker` draws until its stop signal, then
 * finishes and exits 0; `enqueue --wait --out` prints progress and the summary and writes the manifest;
 * `status` counts the jobs; `collect` writes the same manifest again; a card that fails makes `enqueue
 * --wait` exit 1 listing it; mistakes are exit 2 naming the flag.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/cli-run.js';
import type { Manifest } from '../src/types.js';
import { articleText, tempDir } from './batch-articles.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

function io(cwd: string, onSignal?: (stop: (s: string) => void) => void) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      cwd,
      stdin: (async function* () {})(),
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      ...(onSignal ? { onSignal } : {}),
    },
  };
}

describe('quotecard enqueue, worker, status, collect', () => {
  test('a worker and an enqueuer that waits; status and collect after', async () => {
    const dir = tempDir('qc-qcli-');
    for (let n = 1; n <= 3; n++) writeFileSync(join(dir, `a${n}.txt`), articleText(n, 2));
    let stop: (s: string) => void = () => undefined;
    const w = io(dir, (s) => {
      stop = s;
    });
    const worker = runCli(['worker', '--queue', redis.url, '--out', 'cards', '--concurrency', '2', '--json'], w.io);

    const e = io(dir);
    const code = await runCli(['enqueue', 'a1.txt', 'a2.txt', 'a3.txt', '--queue', redis.url, '--wait', '--out', 'cards'], e.io);
    expect(e.out.stderr).toMatch(/6\/6 cards · [\d.]+ cards\/s/);
    expect(e.out.stdout).toContain('Enqueued 6 cards for 3 articles on quotecard: 6 added, 0 already in the queue.');
    expect(e.out.stdout).toMatch(/Made 6 of 6 cards\. Manifest: .*manifest\.json/);
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'cards', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.articles.map((a) => a.id)).toEqual(['a1.txt', 'a2.txt', 'a3.txt']);

    const s = io(dir);
    expect(await runCli(['status', '--queue', redis.url, '--json'], s.io)).toBe(0);
    expect(JSON.parse(s.out.stdout)).toMatchObject({ waiting: 0, active: 0, done: 6, failed: 0 });
    expect(JSON.parse(s.out.stdout).cardsPerSecond).toBeGreaterThan(0);

    const c = io(dir);
    expect(await runCli(['collect', '--queue', redis.url, '--out', 'again', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out.stdout)).toMatchObject({ ok: true, articles: 3, cards: 6, pending: 0, failures: [] });
    const again = JSON.parse(readFileSync(join(dir, 'again', 'manifest.json'), 'utf8')) as Manifest;
    expect(again.articles).toEqual(manifest.articles);

    stop('SIGTERM');
    expect(await worker).toBe(0);
    expect(JSON.parse(w.out.stdout)).toMatchObject({ ok: true, made: 6, failedTries: 0, signal: 'SIGTERM' });
  });

  test('a card that fails: enqueue --wait exits 1 and lists it, at once (an error of the card itself is not retried)', async () => {
    const dir = tempDir('qc-qcli-fail-');
    writeFileSync(join(dir, 'bengali.txt'), '“আমরা শীতের আগে সেতুটি আবার খুলে দেব, এটাই আমাদের প্রতিশ্রুতি,” মেয়র আনিসুল হক বলেছেন।\n');
    writeFileSync(join(dir, 'ok.txt'), articleText(7));
    let stop: (s: string) => void = () => undefined;
    const w = io(dir, (s) => {
      stop = s;
    });
    const worker = runCli(['worker', '--queue', redis.url, '--name', 'fails', '--out', 'cards', '--concurrency', '1', '--json'], w.io);
    const e = io(dir);
    const code = await runCli(['enqueue', 'bengali.txt', 'ok.txt', '--queue', redis.url, '--name', 'fails', '--wait', '--quiet'], e.io);
    expect(code).toBe(1);
    expect(e.out.stderr).toMatch(/quotecard: 1 failed:\n {2}bengali\.txt: card bengali-quote-1-og-light-[0-9a-f]{8}: error during render: No loaded font draws the quote's text \(Bengali\)/);
    stop('SIGTERM');
    expect(await worker).toBe(0);
    expect(JSON.parse(w.out.stdout)).toMatchObject({ made: 1, failedTries: 1 });
  });

  const usage: Array<{ name: string; argv: string[]; message: RegExp }> = [
    { name: 'no --queue', argv: ['status'], message: /option "--queue"/ },
    { name: 'a bad --queue', argv: ['status', '--queue', 'http://x'], message: /Invalid value for option "--queue"/ },
    { name: 'an unknown flag', argv: ['worker', '--queue', 'redis://x', '--force'], message: /Unknown option "--force" for quotecard worker/ },
    { name: 'a worker without --out', argv: ['worker', '--queue', 'redis://x'], message: /--out/ },
    { name: 'enqueue without inputs', argv: ['enqueue', '--queue', 'redis://x'], message: /argument "inputs"/ },
    { name: 'a bad --size', argv: ['enqueue', 'a.txt', '--queue', 'redis://x', '--size', 'huge'], message: /option "--size"/ },
    { name: '--out without --wait', argv: ['enqueue', 'a.txt', '--queue', 'redis://x', '--out', 'o'], message: /--out together with --wait/ },
    { name: 'a bad --stalled-after', argv: ['worker', '--queue', 'redis://x', '--out', 'o', '--stalled-after', '5'], message: /option "--stalled-after"/ },
  ];
  for (const c of usage) {
    test(`exit 2: ${c.name}`, async () => {
      const r = io(tempDir());
      expect(await runCli(c.argv, r.io)).toBe(2);
      expect(r.out.stderr).toMatch(c.message);
    });
  }
});
