/**
 * The queue under faults, on loopback: three `quotecard worker` processes and an enqueuer on a real
 * Redis; one worker is killed with SIGKILL (its whole process group, as a machine that dies) a quarter
 * of the way in, and Redis is restarted (append-only file on) half way in. Every card must still be
 * made exactly once — one file per card, one result per card in the manifest, nothing lost, nothing
 * failed — and the surviving workers stop cleanly on SIGTERM.
 *
 * QUOTECARD_FAULT_CARDS sets the number of cards (300 in `npm test`, about 15 s on 2 cores; the issue's
 * 2,000 run is `npm run test:queue-faults`, 36–50 s on 2 cores).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { enqueueArticles } from '../src/queue/index.js';
import type { Manifest } from '../src/types.js';
import { article, tempDir } from './batch-articles.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

const CARDS = Number(process.env.QUOTECARD_FAULT_CARDS || 300);
const PER_ARTICLE = 5;

let redis: TestRedis;
const workers: ChildProcess[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null && w.pid) process.kill(-w.pid, 'SIGKILL');
  await redis?.stop();
});

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cli = join(process.cwd(), 'src/cli/main.ts');

/** A `quotecard worker` process in a process group of its own. */
function worker(out: string): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(
    process.execPath,
    ['--import', tsx, cli, 'worker', '--queue', redis.url, '--name', 'faults', '--out', out, '--concurrency', '1', '--stalled-after', '2000', '--json'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  workers.push(child);
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))), output: () => output };
}

test(`${CARDS} cards, 3 workers, one killed and Redis restarted: every card made exactly once`, { timeout: 60_000 + CARDS * 150 }, async () => {
  const out = tempDir('qc-faults-');
  const articles = Array.from({ length: Math.ceil(CARDS / PER_ARTICLE) }, (_, i) => article(i + 1, PER_ARTICLE));
  const fleet = [worker(out), worker(out), worker(out)];
  let killed = false;
  let killedPid: number | undefined;
  let restart: Promise<void> | undefined;
  const started = performance.now();
  const result = await enqueueArticles(articles, {
    queue: redis.url,
    name: 'faults',
    wait: true,
    out,
    backoff: 200,
    onProgress: (p) => {
      if (!killed && p.done >= p.cards / 4) {
        killed = true;
        killedPid = fleet[0]?.child.pid;
        if (killedPid) process.kill(-killedPid, 'SIGKILL');
      }
      if (!restart && p.done >= p.cards / 2) restart = redis.restart();
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await restart;
  expect(killed).toBe(true);
  expect(restart).toBeDefined();

  expect(result.cards).toBe(articles.length * PER_ARTICLE);
  expect(result.failures).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const cards = manifest.articles.flatMap((a) => a.cards);
  expect(manifest.articles).toHaveLength(articles.length);
  expect(cards).toHaveLength(result.cards);
  expect(new Set(cards.map((c) => c.id)).size).toBe(result.cards);
  expect(cards.every((c) => c.status === 'rendered' || c.status === 'cached')).toBe(true);
  const files = readdirSync(out).filter((f) => f.endsWith('.png'));
  expect(files.sort()).toEqual(cards.map((c) => c.files[0]?.path).sort());
  // a half-written file is only ever under a temporary name, and only the killed worker can have left one
  const temps = [...readdirSync(out), ...readdirSync(join(out, '.quotecard'))].filter((f) => f.endsWith('.tmp'));
  expect(temps.every((f) => f.includes(`.${killedPid}.`))).toBe(true);
  expect(readdirSync(join(out, '.quotecard')).filter((f) => f.endsWith('.json'))).toHaveLength(result.cards);

  // the survivors stop on SIGTERM, after their cards in hand, and say how many they made
  const survivors = fleet.slice(1);
  for (const w of survivors) w.child.kill('SIGTERM');
  const codes = await Promise.all(survivors.map((w) => w.exited));
  expect(codes).toEqual([0, 0]);
  const made = survivors.map((w) => (JSON.parse(w.output().trim().split('\n').pop() ?? '{}') as { made: number }).made);
  expect(made.every((n) => n > 0)).toBe(true);
  console.log(`${result.cards} cards in ${seconds.toFixed(1)} s with 3 workers (one killed at 25%, Redis restarted at 50%); survivors made ${made.join(' + ')}`);
});
