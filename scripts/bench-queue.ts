/**
 * `npm run bench:queue` (builds, then tsx scripts/bench-queue.ts): the queue's figures from the built package,
 * on a real redis-server started on 127.0.0.1 on a free port (tests/helpers/redis-server.ts; append-only on,
 * synced every second as Redis does by default, or every write with --fsync always).
 *   1. cards/s with one `quotecard worker` process drawing one card at a time, against two such processes:
 *      the ratio (a second machine's worth of workers, on this machine's second core);
 *   2. the queue's overhead per card: wall time per card of `enqueueArticles({ wait: true, out })` — reading,
 *      extracting and planning the articles, adding the jobs, the workers drawing and storing every card, the
 *      manifest written — against `renderArticles()` on the same articles, sizes and out folder, at the same
 *      concurrency (1 process against concurrency 1; 2 drawing processes against concurrency 2).
 * The workers run as users run them (the built `quotecard worker`, plain Node) and are warmed up on a few cards
 * of their own before each measured run, as a fleet's long-running workers are; renderArticles() starts its
 * pool of processes in every call, as it always does, and that start is measured too (a one-card batch) so the
 * overhead can be read both ways. Configurations take turns, --repeat times (default 5); medians are compared.
 * Other processes' load on the machine is measured during each run (/proc/stat less this bench's own processes),
 * each run first waits up to --settle seconds (default 120) for it to fall under a quarter of a core, and a run
 * during which it was above that is run again (three tries at most).
 *   tsx scripts/bench-queue.ts [--cards 500] [--repeat 5] [--settle 120] [--fsync everysec|always] [--json] [--write]
 *   --write puts the figures in docs/performance.md's queue section and docs/scale.md's measured section.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REDIS_SERVER, startRedis, type TestRedis } from '../tests/helpers/redis-server.js';
import type { BatchArticle } from '../src/types.js';
import { article } from './bench-batch.js';
import { withSection } from './bench/doc-section.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderArticles, enqueueArticles } = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../src/index.js');

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

const PER_ARTICLE = 5;
let serial = 0;

/** A `quotecard worker` process of the built package. */
function workerProcess(redis: TestRedis, name: string, out: string, concurrency: number): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(
    process.execPath,
    [join(root, 'dist', 'cli.js'), 'worker', '--queue', redis.url, '--name', name, '--out', out, '--concurrency', String(concurrency), '--stalled-after', '30000', '--quiet'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return { child, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
}

interface Run {
  seconds: number;
  /** Until enqueueArticles() had added the jobs (its first progress report). */
  enqueueSeconds?: number;
  cards: number;
  /** CPU seconds of the drawing processes, this process (the batch's or the enqueuer's), the worker processes and Redis. */
  cpu: Cpu;
  /** Cores other processes on the machine kept busy during the run. */
  others?: number;
}

interface Cpu {
  drawing: number;
  main: number;
  workers: number;
  redis: number;
}

const TICK = 100; // clock ticks a second of /proc/<pid>/stat (CLK_TCK on Linux)

/** A /proc file's text, or '' when the process is gone. */
function proc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** CPU seconds of `pid`: its own (utime + stime), and its children's that it has waited for (cutime + cstime). */
function cpuOf(pid: number): { own: number; reaped: number } {
  const fields = proc(`/proc/${pid}/stat`).replace(/^.*\) /s, '').split(' ').map(Number);
  // after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17
  const at = (n: number) => fields[n - 3] ?? 0;
  return { own: (at(14) + at(15)) / TICK, reaped: (at(16) + at(17)) / TICK };
}

/** The pids of the processes `pid` started. */
function childrenOf(pid: number): number[] {
  const tasks = proc(`/proc/${pid}/task/${pid}/children`);
  return tasks.split(/\s+/).filter(Boolean).map(Number);
}

/** CPU seconds of `pid`'s descendants alive now. */
function descendantsCpu(pid: number): number {
  return childrenOf(pid).reduce((sum, c) => sum + cpuOf(c).own + descendantsCpu(c), 0);
}

/** The redis-server this process started. */
function redisPid(): number | undefined {
  return childrenOf(process.pid).find((c) => proc(`/proc/${c}/comm`).trim() === 'redis-server');
}

/** This process's own CPU seconds. */
const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** CPU seconds the machine has been busy, all cores together (/proc/stat: all but idle and iowait). */
function machineBusy(): number {
  const [, ...ticks] = (proc('/proc/stat').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - (ticks[3] ?? 0) - (ticks[4] ?? 0)) / TICK;
}

/** CPU seconds of this process and everything below it, alive or gone. */
function treeCpu(): number {
  const me = cpuOf(process.pid);
  return me.own + me.reaped + descendantsCpu(process.pid);
}

/** A mark to measure other processes' load from: the machine's busy time and this tree's. */
const loadMark = () => ({ machine: machineBusy(), tree: treeCpu(), at: performance.now() });

/** Cores other processes (not this bench) kept busy since `mark`. */
function othersSince(mark: ReturnType<typeof loadMark>): number {
  const seconds = (performance.now() - mark.at) / 1000;
  return Math.max(0, machineBusy() - mark.machine - (treeCpu() - mark.tree)) / seconds;
}

/** Wait, up to `seconds`, until other processes keep less than a quarter of a core busy; their load then. */
async function quietMachine(seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    const mark = loadMark();
    await new Promise((r) => setTimeout(r, 1000));
    const others = othersSince(mark);
    if (others < 0.25 || performance.now() > deadline) return others;
  }
}

/** renderArticles() on `articles` into a fresh folder. */
async function batchRun(articles: BatchArticle[], concurrency: number): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'qc-qbench-batch-'));
  try {
    const before = { self: selfCpu(), reaped: cpuOf(process.pid).reaped };
    const t0 = performance.now();
    const result = await renderArticles(articles, { out, concurrency });
    const seconds = (performance.now() - t0) / 1000;
    // the pool's processes have exited and been waited for: their CPU is this process's children's
    const cpu = { drawing: cpuOf(process.pid).reaped - before.reaped, main: selfCpu() - before.self, workers: 0, redis: 0 };
    if (result.stats.failed || result.stats.rendered !== articles.length * PER_ARTICLE) throw new Error(`renderArticles drew ${result.stats.rendered}, ${result.stats.failed} failed`);
    return { seconds, cards: result.stats.rendered, cpu };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `processes` warm workers of `concurrency` each on a fresh queue and folder; then the articles through them. */
async function queueRun(server: TestRedis, articles: BatchArticle[], processes: number, concurrency: number): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'qc-qbench-queue-'));
  const name = `bench-${process.pid}-${++serial}`;
  const fleet = Array.from({ length: processes }, () => workerProcess(server, name, out, concurrency));
  try {
    // warm-up: every drawing process started and past its first card (different articles, not measured)
    const warm = Array.from({ length: processes * concurrency * 2 }, (_, k) => article(100_000 + serial * 100 + k, 1));
    await enqueueArticles(warm, { queue: server.url, name, wait: true });
    let enqueued: number | undefined;
    const redis = redisPid();
    const sample = (): Cpu => ({
      drawing: fleet.reduce((sum, w) => sum + (w.child.pid ? descendantsCpu(w.child.pid) : 0), 0),
      main: selfCpu(),
      workers: fleet.reduce((sum, w) => sum + (w.child.pid ? cpuOf(w.child.pid).own : 0), 0),
      redis: redis ? cpuOf(redis).own : 0,
    });
    const before = sample();
    const t0 = performance.now();
    const result = await enqueueArticles(articles, {
      queue: server.url,
      name,
      wait: true,
      out,
      onProgress: () => {
        enqueued ??= performance.now();
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const after = sample();
    const cards = result.manifest?.articles.flatMap((a) => a.cards).filter((c) => c.status === 'rendered').length ?? 0;
    if (result.failures.length || cards !== articles.length * PER_ARTICLE) throw new Error(`the queue drew ${cards}, ${result.failures.length} failed`);
    return { seconds, enqueueSeconds: ((enqueued ?? t0) - t0) / 1000, cards, cpu: { drawing: after.drawing - before.drawing, main: after.main - before.main, workers: after.workers - before.workers, redis: after.redis - before.redis } };
  } finally {
    for (const w of fleet) w.child.kill('SIGTERM');
    await Promise.all(fleet.map((w) => w.exited));
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Config {
  key: string;
  label: string;
  drawing: number;
  run: () => Promise<Run>;
  runs: Run[];
}

async function main(): Promise<void> {
  const cards = Number(arg('cards', '500'));
  const repeat = Math.max(1, Number(arg('repeat', '5')));
  const fsync = arg('fsync', 'everysec') === 'always' ? 'always' : 'everysec';
  const articles = Array.from({ length: Math.ceil(cards / PER_ARTICLE) }, (_, n) => article(n, PER_ARTICLE));
  const redis = await startRedis({ appendfsync: fsync });
  try {
    const configs: Config[] = [
      { key: 'batch1', label: 'renderArticles(), concurrency 1', drawing: 1, run: () => batchRun(articles, 1), runs: [] },
      { key: 'queue1', label: 'queue, 1 worker process × 1', drawing: 1, run: () => queueRun(redis, articles, 1, 1), runs: [] },
      { key: 'batch2', label: 'renderArticles(), concurrency 2', drawing: 2, run: () => batchRun(articles, 2), runs: [] },
      { key: 'queue2', label: 'queue, 2 worker processes × 1', drawing: 2, run: () => queueRun(redis, articles, 2, 1), runs: [] },
      { key: 'queue1x2', label: 'queue, 1 worker process × 2', drawing: 2, run: () => queueRun(redis, articles, 1, 2), runs: [] },
    ];
    // warm-up of this process (extraction, planning, the bundle) and of the disk cache, not measured
    await batchRun(articles.slice(0, 20), 2);
    await queueRun(redis, articles.slice(0, 20), 1, 2);
    // the batch's own start: its pool of processes and their first card, in every call
    const starts: number[] = [];
    for (let r = 0; r < repeat; r++) {
      const one = { ...articles[0], id: 'start.txt', text: (articles[0] as BatchArticle).text?.split('\n').slice(0, 2).join('\n') } as BatchArticle;
      const t0 = performance.now();
      const out = mkdtempSync(join(tmpdir(), 'qc-qbench-start-'));
      await renderArticles([one], { out, concurrency: 2 });
      starts.push((performance.now() - t0) / 1000);
      rmSync(out, { recursive: true, force: true });
    }
    const settle = Number(arg('settle', '120'));
    for (let r = 0; r < repeat; r++) {
      for (const c of configs) {
        // the machine is shared: each run waits (up to --settle s) for other processes to leave the cores alone,
        // and a run they took more than a quarter of a core from is run again (three tries at most)
        let run: Run | undefined;
        for (let attempt = 1; attempt <= 3 && (run?.others ?? 1) > 0.25; attempt++) {
          const before = await quietMachine(settle);
          const mark = loadMark();
          run = await c.run();
          run.others = othersSince(mark);
          if (!process.argv.includes('--json')) {
            console.error(`  run ${r + 1}/${repeat} ${c.label}: ${run.seconds.toFixed(2)} s (other processes: ${before.toFixed(2)} cores before, ${run.others.toFixed(2)} during)`);
          }
        }
        c.runs.push(run as Run);
      }
    }
    const fig = Object.fromEntries(
      configs.map((c) => {
        const seconds = median(c.runs.map((x) => x.seconds));
        const enqueue = c.runs[0]?.enqueueSeconds === undefined ? undefined : median(c.runs.map((x) => x.enqueueSeconds ?? 0));
        const per = (key: keyof Cpu) => (median(c.runs.map((x) => x.cpu[key])) * 1000) / cards;
        const cpu = { drawing: per('drawing'), main: per('main'), workers: per('workers'), redis: per('redis') };
        return [c.key, { label: c.label, drawing: c.drawing, seconds, msPerCard: (seconds * 1000) / cards, cardsPerSecond: cards / seconds, enqueueSeconds: enqueue, cpuMsPerCard: cpu, runs: c.runs.map((x) => x.seconds) }];
      }),
    ) as Record<
      string,
      { label: string; drawing: number; seconds: number; msPerCard: number; cardsPerSecond: number; enqueueSeconds?: number; cpuMsPerCard: Cpu; runs: number[] }
    >;
    const f = (key: string) => fig[key] as (typeof fig)[string];
    const start = median(starts);
    const allRuns = configs.flatMap((c) => c.runs);
    const runsOf = (key: string) => configs.find((c) => c.key === key)?.runs ?? [];
    // each round's queue run against the same round's batch run: a slow spell of the machine touches both
    const pairs = (queue: string, batch: string, less = 0) => runsOf(queue).map((q, k) => q.seconds / ((runsOf(batch)[k] as Run).seconds - less) - 1);
    const cpuOfRun = (x: Run) => x.cpu.drawing + x.cpu.main + x.cpu.workers + x.cpu.redis;
    const cpuOver = (queue: string, batch: string) => median(runsOf(queue).map(cpuOfRun)) / median(runsOf(batch).map(cpuOfRun)) - 1;
    const pairRatios = runsOf('queue1').map((one, k) => one.seconds / (runsOf('queue2')[k] as Run).seconds);
    const comparisons = [
      { what: 'one drawing process', queue: 'queue1', batch: 'batch1' },
      { what: 'two, in one worker process', queue: 'queue1x2', batch: 'batch2' },
      { what: 'two, as two worker processes', queue: 'queue2', batch: 'batch2' },
    ].map((c) => ({
      ...c,
      wall: median(pairs(c.queue, c.batch)),
      rounds: pairs(c.queue, c.batch),
      // against the batch without its start: an upper bound on what a card costs more once everything runs
      steady: median(pairs(c.queue, c.batch, start)),
      cpu: cpuOver(c.queue, c.batch),
    }));
    const report = {
      machine: `${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      redis: `redis-server ${readRedisVersion()} on 127.0.0.1, appendonly yes, appendfsync ${fsync}`,
      cards,
      repeat,
      figures: fig,
      ratio: median(pairRatios),
      pairRatios,
      batchStartSeconds: start,
      overhead: comparisons,
    };
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
    const range = (key: string) => `${Math.min(...f(key).runs).toFixed(2)}–${Math.max(...f(key).runs).toFixed(2)} s`;
    const rows = configs.map((c) => {
      const x = f(c.key);
      const enqueue = x.enqueueSeconds === undefined ? '—' : `${x.enqueueSeconds.toFixed(2)} s`;
      const cpu = x.cpuMsPerCard;
      const others = median(c.runs.map((r) => r.others ?? 0));
      return `| ${x.label} | ${x.cardsPerSecond.toFixed(1)} | ${x.msPerCard.toFixed(1)} | ${x.seconds.toFixed(2)} s (${range(c.key)}) | ${enqueue} | ${cpu.drawing.toFixed(1)} | ${cpu.main.toFixed(2)} | ${cpu.workers.toFixed(2)} | ${cpu.redis.toFixed(2)} | ${others.toFixed(2)} |`;
    });
    const table = [
      '| | cards/s | ms a card (wall) | run: median (range) | every job added after | CPU ms a card: drawing processes | batch or enqueuer process | worker processes | Redis | other processes, cores |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
    const overheadRows = comparisons.map(
      (c) => `| ${c.what} | **${pct(c.wall)}** (${c.rounds.map(pct).join(', ')}) | ${pct(c.steady)} | ${pct(c.cpu)} |`,
    );
    const overheadTable = [
      "| the queue against renderArticles(), same articles, same concurrency | wall time a card: median of the rounds (each round) | against renderArticles() less its start | CPU a card, all processes |",
      '|---|---|---|---|',
      ...overheadRows,
    ].join('\n');
    const summary = [
      `Two worker processes make **${report.ratio.toFixed(2)}×** the cards of one (median of the rounds; each round ${pairRatios.map((x) => x.toFixed(2)).join(', ')}).`,
      '',
      overheadTable,
      '',
      `renderArticles() starts its processes and draws their first cards in every call (${start.toFixed(2)} s, a one-card batch), counted in the second column and taken off in the third; the queue's workers were started before and warmed up, as a fleet's are.`,
      `The machine is shared: each run waited for other processes to leave the cores alone (at most ${settle} s), and one they took more than a quarter of a core from was run again (three tries at most); over the runs kept they used a median ${median(allRuns.map((r) => r.others ?? 0)).toFixed(2)} cores, at most ${Math.max(...allRuns.map((r) => r.others ?? 0)).toFixed(2)}.`,
    ].join('\n');
    console.log(`\n${cards} og cards (${articles.length} articles × ${PER_ARTICLE} quotes), ${repeat} runs each, taking turns; ${report.machine}; ${report.redis}\n`);
    console.log(table);
    console.log(`\n${summary}`);
    if (process.argv.includes('--write')) {
      const day = new Date().toISOString().slice(0, 10);
      const head = `Written by \`npm run bench:queue -- --write\` on ${day} (${report.machine}; ${report.redis}). ${cards} og cards
(${articles.length} articles × ${PER_ARTICLE} quotes) through \`enqueueArticles({ wait: true, out })\` and warm \`quotecard worker\`
processes of the built package, and through \`renderArticles()\` on the same articles; ${repeat} runs of each, taking turns, medians.
A queue run's time runs from the call to its manifest written: reading and extracting the articles, adding the jobs,
drawing and storing every card, the manifest.`;
      const perf = join(root, 'docs', 'performance.md');
      const short = [
        '| | cards/s | ms a card (wall) |',
        '|---|---|---|',
        ...configs.map((c) => `| ${f(c.key).label} | ${f(c.key).cardsPerSecond.toFixed(1)} | ${f(c.key).msPerCard.toFixed(1)} |`),
      ].join('\n');
      const brief = `## Queue\n\n${head}\n\n${short}\n\n${summary}\n\nCPU by process, the time to enqueue and every run: [scale](scale.md#measured-the-queue-against-renderarticles).`;
      writeFileSync(perf, withSection(readFileSync(perf, 'utf8'), 'queue', brief));
      const scale = join(root, 'docs', 'scale.md');
      writeFileSync(scale, withSection(readFileSync(scale, 'utf8'), 'queue-bench', `${head}\n\n${table}\n\n${summary}`));
      console.log('wrote the queue sections of docs/performance.md and docs/scale.md');
    }
  } finally {
    await redis.stop();
  }
}

function readRedisVersion(): string {
  return /v=([\d.]+)/.exec(spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? '?';
}

await main();
