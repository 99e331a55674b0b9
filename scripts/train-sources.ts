/**
 * `npm run train:sources`: learns the source model (src/extract/source-model.ts) from PolNeAR's train
 * split and writes src/extract/source-weights.json. For every labelled direct quotation extraction
 * finds, each candidate source (src/extract/source-candidates.ts) is an example: positive when it lies in
 * the annotators' Source. A logistic regression with an L2 penalty is fitted by gradient descent; the
 * minimum probability at which a source is kept is the one that keeps the most more right sources than
 * wrong ones on train. Which of the kept names a card may show is decided later, by `confidence` and
 * pickForCards()'s threshold, both calibrated on train too (scripts/calibrate-sources.ts); dev is for reporting.
 *   npm run train:sources [-- --corpus PATH]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extractFromArticle } from '../src/extract/extract.js';
import { DEFAULT_MIN_WORDS } from '../src/extract/extract-options.js';
import { PRONOUN_FEATURES } from '../src/extract/pronoun-model.js';
import { FEATURES } from '../src/extract/source-candidates.js';
import { ingest } from '../src/ingest/ingest.js';
import { polnearFolder, readSplit, type Span } from './eval/polnear.js';

const i = process.argv.indexOf('--corpus');
const articles = readSplit(polnearFolder(i > 0 ? process.argv[i + 1] : undefined), 'train');
if (!articles) throw new Error('PolNeAR train split not found (give it with --corpus PATH)');

type Example = { x: number[]; y: number };
const groups: Example[][] = [];
const pronounGroups: Example[][] = [];
const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
/** Train pronouns read by hand: who each pronoun at a quotation's attribution stands for (offsets and names). */
const PRONOUN_LABELS = new URL('./eval/train-pronoun-labels.json', import.meta.url);
const pronounLabels = existsSync(PRONOUN_LABELS)
  ? new Map(
      (JSON.parse(readFileSync(PRONOUN_LABELS, 'utf8')) as Array<{ file: string; source: number; kind: string; name: string | null }>)
        .filter((l) => l.kind === 'person' && l.name)
        .map((l) => [`${l.file}:${l.source}`, l.name as string]),
    )
  : new Map<string, string>();
const sameSurname = (a: string, b: string) => a.split(/\s+/u).pop()?.toLowerCase() === b.split(/\s+/u).pop()?.toLowerCase();
for (const article of articles) {
  extractFromArticle(ingest({ text: article.text }), {
    minWords: DEFAULT_MIN_WORDS,
    onPronoun(question, candidates) {
      const name = pronounLabels.get(`${article.name}:${question.at}`);
      if (!name || !candidates.some((c) => sameSurname(c.name, name))) return;
      pronounGroups.push(candidates.map((c) => ({ x: c.features, y: sameSurname(c.name, name) ? 1 : 0 })));
    },
    onCandidates(quote, candidates) {
      const gold = article.quotes.find((g) => g.quoted.some((p) => overlaps(p, [quote.open, quote.close])));
      if (!gold?.source) return;
      const source = gold.source.spans;
      groups.push(candidates.map((c) => ({ x: c.features, y: source.some(([a, b]) => c.candidate.reading.at >= a && c.candidate.reading.at < b) ? 1 : 0 })));
    },
  });
}

/** A logistic regression on `examples` (Adam on the mean log loss plus an L2 penalty; the bias left unpenalised). */
function fitLogistic(examples: Example[], n: number): number[] {
  const w = new Array<number>(n).fill(0);
  const m = new Array<number>(n).fill(0);
  const v = new Array<number>(n).fill(0);
  const lambda = 1e-3;
  for (let step = 1; step <= 3000; step++) {
    const grad = new Array<number>(n).fill(0);
    for (const { x, y } of examples) {
      const err = sigmoid(x.reduce((s, value, k) => s + value * (w[k] as number), 0)) - y;
      for (let k = 0; k < n; k++) grad[k] = (grad[k] as number) + err * (x[k] as number);
    }
    for (let k = 0; k < n; k++) {
      const g = (grad[k] as number) / examples.length + (k === 0 ? 0 : lambda * (w[k] as number));
      m[k] = 0.9 * (m[k] as number) + 0.1 * g;
      v[k] = 0.999 * (v[k] as number) + 0.001 * g * g;
      w[k] = (w[k] as number) - (0.05 * ((m[k] as number) / (1 - 0.9 ** step))) / (Math.sqrt((v[k] as number) / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return w;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const examples = groups.flat();
const w = fitLogistic(examples, FEATURES.length);
const dot = (x: number[]) => x.reduce((sum, value, k) => sum + value * (w[k] as number), 0);
const pronounWeights = pronounGroups.length ? fitLogistic(pronounGroups.flat(), PRONOUN_FEATURES.length) : undefined;

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
const round = (x: number) => Math.round(x * 10000) / 10000;
const weights = w.map(round);
const pronounTop = pronounWeights
  ? pronounGroups.filter((g) => {
      const p = g.map((e) => e.x.reduce((s, value, k) => s + value * (pronounWeights[k] as number), 0));
      return g[p.indexOf(Math.max(...p))]?.y === 1;
    }).length
  : 0;
const pronoun = pronounWeights ? { features: [...PRONOUN_FEATURES], weights: pronounWeights.map(round), stats: { pronouns: pronounGroups.length, topRight: pronounTop } } : undefined;
const file = new URL('../src/extract/source-weights.json', import.meta.url);
const previous = JSON.parse(readFileSync(file, 'utf8')) as { reliability?: unknown; pickConfidence?: unknown };
writeFileSync(
  file,
  `${JSON.stringify({ trained: 'PolNeAR train, npm run train:sources', stats, minimum, features: [...FEATURES], weights, ...(pronoun ? { pronoun } : {}), ...(previous.reliability ? { reliability: previous.reliability } : {}), ...(previous.pickConfidence ? { pickConfidence: previous.pickConfidence } : {}) }, null, 1)}\n`,
);
if (pronoun) console.log('pronouns', pronoun.stats);
console.log(stats, 'minimum', minimum);
for (const [k, name] of FEATURES.entries()) console.log(name.padEnd(24), weights[k]);
