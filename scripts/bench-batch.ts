/**
 * `npm run bench:batch` (builds, then tsx scripts/bench-batch.ts): batch figures from the built package.
 *   1. cards/s with 1 worker and with N (default: one per core), the ratio, and peak RSS of the whole
 *      process tree (the batch's own process plus its worker processes, summed): the built `quotecard`
 *      command on article files, in plain Node, as users run it;
 *   2. the time of a no-change re-run over many small articles, and of a re-run with one changed.
 *   Each of 1 and N workers is measured --repeat times (default 3), taking turns; the medians are compared.
 *   tsx scripts/bench-batch.ts [--cards 2000] [--articles 1000] [--workers N] [--repeat 3] [--json] [--write]
 *   --write puts the figures in docs/performance.md's batch section.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BatchArticle } from '../src/types.js';
import { withSection } from './bench/doc-section.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderArticles } = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../src/index.js');

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const WORDS = 'bridge council winter budget harbour river school doctors nurses schedule ferry rail station funding storm repair vote plan families market tax road water power night city'.split(' ');
const NAMES = ['Jane Doe', 'Tom Smith', 'Amira Khan', 'Luis Ortega', 'Mei Chen', 'Olu Adeyemi'];
const ROLES = ['the mayor', 'the city engineer', 'a council member', 'the union leader', 'a local teacher', 'the harbour master'];

/** A small article with `quotes` attributed quotations, different for every `n` (and `variant`). */
export function article(n: number, quotes: number, variant = 0): BatchArticle {
  const word = (k: number) => WORDS[(n * 7 + k * 13 + variant) % WORDS.length];
  const lines = [`The ${word(1)} debate went on into the night in district ${n}.`];
  for (let q = 0; q < quotes; q++) {
    const who = NAMES[(n + q) % NAMES.length];
    const role = ROLES[(n + q) % ROLES.length];
    lines.push(`“We will fix the ${word(q)} and the ${word(q + 3)} before the ${word(q + 5)} season, article ${n} point ${q}${variant ? ` v${variant}` : ''},” said ${who}, ${role}.`);
  }
  return { id: `articles/district-${n}.txt`, title: `District ${n}: the ${word(2)} question`, text: lines.join('\n') };
}

/** A /proc file's text, or '' when the process is gone. */
function proc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Resident MB of `pid` and every process below it (Linux /proc; just this process elsewhere). */
function treeRssMb(pid = process.pid): number {
  const status = proc(`/proc/${pid}/status`);
  if (!status) return pid === process.pid ? process.memoryUsage().rss / 1e6 : 0;
  let mb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    // gone meanwhile
  }
  for (const task of tasks) {
    for (const child of proc(`/proc/${pid}/task/${task}/children`).split(/\s+/).filter(Boolean)) mb += treeRssMb(Number(child));
  }
  return mb;
}

/**
 * One measured batch, as users run it: the articles as text files and the built `quotecard` command on
 * them (plain Node, no tsx), its peak RSS summed over its own process and its worker processes.
 */
async function measure(cards: number, workers: number) {
  const perArticle = 5;
  const dir = mkdtempSync(join(tmpdir(), 'qc-bench-'));
  try {
    mkdirSync(join(dir, 'articles'));
    for (let n = 0; n < Math.ceil(cards / perArticle); n++) {
      const a = article(n, perArticle);
      writeFileSync(join(dir, 'articles', `district-${n}.txt`), `${a.title}\n\n${a.text}`);
    }
    const cli = spawn(process.execPath, [join(root, 'dist', 'cli.js'), join(dir, 'articles'), '--out', join(dir, 'out'), '--max', String(perArticle), '--concurrency', String(workers), '--json']);
    let stdout = '';
    cli.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    let peak = 0;
    const timer = setInterval(() => {
      if (cli.pid) peak = Math.max(peak, treeRssMb(cli.pid));
    }, 50);
    const code = await new Promise<number | null>((done) => cli.on('close', done));
    clearInterval(timer);
    if (code !== 0) throw new Error(`quotecard exited with ${code}`);
    const { stats } = JSON.parse(stdout) as { stats: { rendered: number; failed: number; seconds: number } };
    return { workers, cards: stats.rendered, failed: stats.failed, seconds: stats.seconds, cardsPerSecond: stats.rendered / stats.seconds, peakRssMb: peak };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rerun(articles: number, workers: number) {
  const out = mkdtempSync(join(tmpdir(), 'qc-rerun-'));
  try {
    const inputs = Array.from({ length: articles }, (_, n) => article(n, 1));
    const time = async (list: BatchArticle[]) => {
      const t0 = performance.now();
      const r = await renderArticles(list, { out, concurrency: workers });
      return { seconds: (performance.now() - t0) / 1000, rendered: r.stats.rendered, cached: r.stats.cached, failed: r.stats.failed };
    };
    const first = await time(inputs);
    const unchanged = await time(inputs);
    const changed = [...inputs];
    changed[Math.floor(articles / 2)] = article(Math.floor(articles / 2), 1, 1);
    const oneChanged = await time(changed);
    return { articles, first, unchanged, oneChanged };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;

/** The run with the median cards/s. */
function medianRun(runs: Measured[]): Measured {
  return [...runs].sort((a, b) => a.cardsPerSecond - b.cardsPerSecond)[Math.floor(runs.length / 2)] as Measured;
}

async function main(): Promise<void> {
  const cards = arg('cards', 2000);
  const workers = arg('workers', availableParallelism());
  const repeat = Math.max(1, arg('repeat', 3));
  // one worker and N workers take turns, so a slow spell of the machine touches both
  const ones: Measured[] = [];
  const manys: Measured[] = [];
  for (let r = 0; r < repeat; r++) {
    ones.push(await measure(cards, 1));
    manys.push(await measure(cards, workers));
  }
  const one = { ...medianRun(ones), peakRssMb: Math.max(...ones.map((m) => m.peakRssMb)) };
  const many = { ...medianRun(manys), peakRssMb: Math.max(...manys.map((m) => m.peakRssMb)) };
  const pairRatios = manys.map((m, r) => m.cardsPerSecond / (ones[r] as Measured).cardsPerSecond);
  const incremental = await rerun(arg('articles', 1000), workers);
  const report = { cores: availableParallelism(), repeat, one, many, ratio: many.cardsPerSecond / one.cardsPerSecond, pairRatios, incremental };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(1);
  const range = (runs: Measured[]) => `${f(Math.min(...runs.map((m) => m.cardsPerSecond)))}–${f(Math.max(...runs.map((m) => m.cardsPerSecond)))}`;
  console.log(`renderArticles(): ${cards} og cards (${cards / 5} articles × 5 quotes), ${report.cores} cores, ${repeat} runs each (median; range)`);
  console.log(`  1 worker : ${f(one.cardsPerSecond)} cards/s (${range(ones)}), peak RSS (all processes) ${f(one.peakRssMb)} MB`);
  console.log(`  ${workers} workers: ${f(many.cardsPerSecond)} cards/s (${range(manys)}), peak RSS (all processes) ${f(many.peakRssMb)} MB`);
  console.log(`  ratio    : ${report.ratio.toFixed(2)}× of the medians; run by run ${pairRatios.map((x) => x.toFixed(2)).join(', ')}`);
  const { first, unchanged, oneChanged } = incremental;
  console.log(`Incremental, ${incremental.articles} articles × 1 quote:`);
  console.log(`  first run      : ${f(first.seconds)} s, ${first.rendered} drawn`);
  console.log(`  no change      : ${unchanged.seconds.toFixed(2)} s, ${unchanged.rendered} drawn, ${unchanged.cached} unchanged`);
  console.log(`  one changed    : ${oneChanged.seconds.toFixed(2)} s, ${oneChanged.rendered} drawn, ${oneChanged.cached} unchanged`);
  if (process.argv.includes('--write')) {
    const doc = join(root, 'docs', 'performance.md');
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n';
    const machine = `${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
    const body = `## Batch

Written by \`npm run bench:batch -- --write\` on ${new Date().toISOString().slice(0, 10)} (${machine}). The built \`quotecard\`
command on ${cards} og cards (${cards / 5} article files × 5 quotes), ${repeat} runs each with one worker and with
${workers}, taking turns; cards per second is the median run, memory the peak resident set summed over the
command's process and its worker processes.

| workers | cards/s (median) | runs | peak memory, whole tree |
|---|---|---|---|
| 1 | ${f(one.cardsPerSecond)} | ${range(ones)} | ${f(one.peakRssMb)} MB |
| ${workers} | ${f(many.cardsPerSecond)} | ${range(manys)} | ${f(many.peakRssMb)} MB |

${workers} workers make **${report.ratio.toFixed(2)}×** the cards of one (run by run ${pairRatios.map((x) => x.toFixed(2)).join(', ')}).

Incremental runs over ${incremental.articles} articles of one quote each: the first run ${f(first.seconds)} s; again with
nothing changed ${unchanged.seconds.toFixed(2)} s (${unchanged.rendered} drawn); with one article changed ${oneChanged.seconds.toFixed(2)} s (${oneChanged.rendered} drawn).`;
    writeFileSync(doc, withSection(text, 'batch', body));
    console.log('wrote the batch section of docs/performance.md');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
