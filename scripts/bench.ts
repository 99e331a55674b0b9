/**
 * `npm run bench`: speed and memory of renderCard() against a naive baseline measured in the same run
 * (the same card tree drawn by plain satori + resvg-js with default options, fonts loaded once).
 *   npm run bench                 # og quote + og post, 200 rounds each, PNG sizes with compression 'small',
 *                                 # plus first-card and 5,000-card RSS runs
 * The first-card and 5,000-card runs use the built package in fresh plain-Node processes (bench-child.mjs);
 * `npm run bench` builds first.
 *   npm run bench -- --rounds 50 --soak 1000
 */
import { execFileSync } from 'node:child_process';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { postCard, quoteCard, renderCard } from '../src/index.js';
import type { Item } from '../src/index.js';
import { fontPlan } from '../src/fonts/index.js';
import { cardTree } from '../src/cards/card-tree.js';
import { renderOptions } from '../src/render/options.js';
import { checkOptions } from '../src/shared/check.js';
import { rasterize } from '../src/render/rasterize.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

function sampleQuote(i = 0): Item {
  return {
    kind: 'quote',
    text: `When I met the Talibs today, I expressed outrage about yesterday’s attack on Bagram, which recklessly killed two and wounded dozens of civilians${i ? ` (${i})` : ''}`,
    speaker: { name: 'Zalmay Khalilzad', role: 'U.S. special envoy for Afghanistan' },
    cue: 'said',
    partial: false,
    start: 0,
    end: 0,
    confidence: 0.9,
  };
}

function samplePost(i = 0): Item {
  return {
    kind: 'post',
    network: 'twitter',
    status: 'full',
    author: { name: 'Siobhan Heanue', handle: 'siobhanheanue' },
    text: `Pakistan & the US were also involved in negotiations for a prisoner swap. PM Khan has tweeted that he hopes the outcome will deliver a 'boost in confidence' to all parties, including the Afghan govt and Taliban. #Afghanistan${i ? ` ${i}` : ''}`,
    date: '2019-11-19',
    links: ['https://t.co/hcazKH6d2H'],
    start: 0,
    end: 0,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function naive(item: Item): Promise<{ satori: number; resvg: number; total: number; bytes: number }> {
  const tree = item.kind === 'quote' ? quoteCard(item) : postCard(item);
  const fonts = fontPlan([]).satoriFonts;
  const t0 = performance.now();
  const svg = await satori(tree as never, { width: 1200, height: 630, fonts: fonts as never });
  const t1 = performance.now();
  const png = new Resvg(svg).render().asPng();
  const t2 = performance.now();
  return { satori: t1 - t0, resvg: t2 - t1, total: t2 - t0, bytes: png.length };
}

async function ours(item: Item): Promise<{ satori: number; resvg: number; total: number; bytes: number }> {
  const t0 = performance.now();
  const card = cardTree(item, checkOptions(renderOptions, {}));
  const svg = await satori(card.tree as never, {
    width: 1200,
    height: 630,
    fonts: card.fonts.satoriFonts as never,
    loadAdditionalAsset: card.fonts.loadAdditionalAsset,
  });
  const t1 = performance.now();
  const png = await rasterize(svg, 1200, 630);
  const t2 = performance.now();
  return { satori: t1 - t0, resvg: t2 - t1, total: t2 - t0, bytes: png.length };
}

async function compare(name: string, item: Item, rounds: number) {
  for (let i = 0; i < 20; i++) {
    await naive(item);
    await ours(item);
    await renderCard(item);
  }
  const base: Awaited<ReturnType<typeof naive>>[] = [];
  const mine: Awaited<ReturnType<typeof ours>>[] = [];
  const whole: number[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await naive(item));
    // let the naive render's native memory be finalized here, untimed, not inside the next timed render
    await nextTurn();
    mine.push(await ours(item));
    const t = performance.now();
    await renderCard(item);
    whole.push(performance.now() - t);
  }
  const m = (rows: { satori: number; resvg: number; total: number }[], k: 'satori' | 'resvg' | 'total') =>
    median(rows.map((r) => r[k]));
  const total = median(whole);
  return {
    card: name,
    'naive ms': +m(base, 'total').toFixed(2),
    'naive satori': +m(base, 'satori').toFixed(2),
    'naive resvg+png': +m(base, 'resvg').toFixed(2),
    'naive KB': +((base[0]?.bytes ?? 0) / 1024).toFixed(1),
    'quotecard ms': +total.toFixed(2),
    'layout+satori': +m(mine, 'satori').toFixed(2),
    'resvg+png': +m(mine, 'resvg').toFixed(2),
    'PNG KB': +((mine[0]?.bytes ?? 0) / 1024).toFixed(1),
    'cards/s': +(1000 / total).toFixed(0),
    speedup: `${(m(base, 'total') / total).toFixed(2)}×`,
  };
}

const rounds = arg('rounds', 200);
const soak = arg('soak', 5000);
/** A job for scripts/bench-child.mjs: the built package in a fresh plain-Node process. */
const child = (job: unknown, env: Record<string, string> = {}) =>
  JSON.parse(
    execFileSync(process.execPath, [new URL('./bench-child.mjs', import.meta.url).pathname], {
      input: JSON.stringify(job),
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, ...env },
    })
      .trim()
      .split('\n')
      .pop() as string,
  );

console.log(`quotecard bench: ${rounds} rounds per card, Node ${process.version}\n`);
const first = child({ mode: 'first-card', item: sampleQuote() });
console.table([await compare('og quote', sampleQuote(), rounds), await compare('og post', samplePost(), rounds)]);
console.log(
  `first card in a fresh process (built package): ${first.firstCardMs.toFixed(0)} ms after import('quotecard') (target ≤ 250 ms), ` +
    `the import ${first.importMs.toFixed(0)} ms (satori, resvg and the fonts load with the first card)`,
);
for (const [name, item] of [['og quote', sampleQuote()], ['og post', samplePost()]] as const) {
  // compression 'small': the same PNG recompressed losslessly by oxipng (opt-in, for files served many times)
  const fast = (await renderCard(item)).png?.length ?? 0;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 12; i++) {
    const t = performance.now();
    bytes = (await renderCard(item, { compression: 'small' })).png?.length ?? 0;
    if (i > 1) times.push(performance.now() - t);
  }
  console.log(
    `${name}, compression 'small': ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB; 'fast' ${(fast / 1024).toFixed(1)} KB; target ≤ 25 KB), ${median(times).toFixed(0)} ms a card`,
  );
}
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (soak > 0) {
  const cards = Array.from({ length: soak }, (_, i) => ({
    item: i % 2 ? samplePost(i) : sampleQuote(i),
    options: { size: i % 3 ? 'og' : 'square', theme: i % 4 ? 'light' : 'dark' },
  }));
  const s = child({ mode: 'soak', cards });
  console.log(`${s.cards} cards in a row: ${(s.cards / s.seconds).toFixed(0)} cards/s, peak RSS ${s.peakRssMb.toFixed(0)} MB (target ≤ 300 MB)`);
  // the same run with V8's own heap growth (quotecard pins it at 2x the live heap unless told not to)
  const own = child({ mode: 'soak', cards }, { QUOTECARD_HEAP_GROWTH: 'off' });
  console.log(`  with QUOTECARD_HEAP_GROWTH=off (V8's own heap growth): ${(own.cards / own.seconds).toFixed(0)} cards/s, peak RSS ${own.peakRssMb.toFixed(0)} MB`);
}
