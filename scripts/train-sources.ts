/**
 * `npm run train:sources`: learns the source model (src/extract/source-model.ts) from PolNeAR's train
 * split and writes src/extract/source-weights.json. For every labelled direct quotation extraction
 * finds, each candidate source (src/extract/source-candidates.ts) is an example: positive when it lies in
 * the annotators' Source. A logistic regression with an L2 penalty is fitted by gradient descent; the
 * minimum probability at which a source is kept is the one that keeps the most more right sources than
 * wrong ones on train. Which of the kept names a card may show is decided later, by `confidence` and
 * pickForCards()'s threshold, chosen on dev (scripts/calibrate-sources.ts).
 *   npm run train:sources [-- --corpus PATH]
 */
import { writeFileSync } from 'node:fs';
import { extractFromArticle } from '../src/extract/extract.js';
import { DEFAULT_MIN_WORDS } from '../src/extract/extract-options.js';
import { FEATURES } from '../src/extract/source-candidates.js';
import { ingest } from '../src/ingest/ingest.js';
import { polnearFolder, readSplit, type Span } from './eval/polnear.js';

const i = process.argv.indexOf('--corpus');
const articles = readSplit(polnearFolder(i > 0 ? process.argv[i + 1] : undefined), 'train');
if (!articles) throw new Error('PolNeAR train split not found (give it with --corpus PATH)');

type Example = { x: number[]; y: number };
const groups: Example[][] = [];
const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
for (const article of articles) {
  extractFromArticle(ingest({ text: article.text }), {
    minWords: DEFAULT_MIN_WORDS,
    onCandidates(quote, candidates) {
      const gold = article.quotes.find((g) => g.quoted.some((p) => overlaps(p, [quote.open, quote.close])));
      if (!gold?.source) return;
      const source = gold.source.spans;
      groups.push(candidates.map((c) => ({ x: c.features, y: source.some(([a, b]) => c.candidate.reading.at >= a && c.candidate.reading.at < b) ? 1 : 0 })));
    },
  });
}

const examples = groups.flat();
const n = FEATURES.length;
const w = new Array<number>(n).fill(0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (x: number[]) => x.reduce((s, v, k) => s + v * (w[k] as number), 0);
// Adam on the mean log loss plus an L2 penalty (the bias left unpenalised)
const lambda = 1e-3;
const m = new Array<number>(n).fill(0);
const v = new Array<number>(n).fill(0);
for (let step = 1; step <= 3000; step++) {
  const grad = new Array<number>(n).fill(0);
  for (const { x, y } of examples) {
    const err = sigmoid(dot(x)) - y;
    for (let k = 0; k < n; k++) grad[k] = (grad[k] as number) + err * (x[k] as number);
  }
  for (let k = 0; k < n; k++) {
    const g = (grad[k] as number) / examples.length + (k === 0 ? 0 : lambda * (w[k] as number));
    m[k] = 0.9 * (m[k] as number) + 0.1 * g;
    v[k] = 0.999 * (v[k] as number) + 0.001 * g * g;
    const mh = (m[k] as number) / (1 - 0.9 ** step);
    const vh = (v[k] as number) / (1 - 0.999 ** step);
    w[k] = (w[k] as number) - (0.05 * mh) / (Math.sqrt(vh) + 1e-8);
  }
}

// each quotation's best candidate: is it the Source? at which probability?
const best = groups.map((g) => {
  let top: Example | undefined;
  let p = -1;
  for (const e of g) {
    const q = sigmoid(dot(e.x));
    if (q > p) {
      p = q;
      top = e;
    }
  }
  return { p, right: top?.y === 1, reachable: g.some((e) => e.y === 1) };
});
let minimum = 0.5;
let bestScore = Number.NEGATIVE_INFINITY;
for (let t = 0.05; t < 0.96; t += 0.01) {
  const kept = best.filter((b) => b.p >= t);
  const score = kept.filter((b) => b.right).length - kept.filter((b) => !b.right).length;
  if (score > bestScore) {
    bestScore = score;
    minimum = Math.round(t * 100) / 100;
  }
}
const kept = best.filter((b) => b.p >= minimum);
const stats = {
  articles: articles.length,
  quotations: groups.length,
  candidates: examples.length,
  reachable: best.filter((b) => b.reachable).length,
  topRight: best.filter((b) => b.right).length,
  kept: kept.length,
  keptRight: kept.filter((b) => b.right).length,
};
const weights = w.map((x) => Math.round(x * 10000) / 10000);
writeFileSync(
  new URL('../src/extract/source-weights.json', import.meta.url),
  `${JSON.stringify({ trained: 'PolNeAR train, npm run train:sources', stats, minimum, features: [...FEATURES], weights }, null, 1)}\n`,
);
console.log(stats, 'minimum', minimum);
for (const [k, name] of FEATURES.entries()) console.log(name.padEnd(24), weights[k]);
