/**
 * `npm run train:sources`: learns the source model (src/extract/source-model.ts) from PolNeAR's train
 * split and writes src/extract/source-weights.json. For every labelled direct quotation extraction
 * finds, each candidate source (src/extract/source-candidates.ts) is an example: positive when it lies in
 * the annotators' Source. A logistic regression with an L2 penalty is fitted by gradient descent; the
 * minimum probability at which a source is kept is the one that keeps the most more right sources than
 * wrong ones on train. Which of the kept names a card may show is decided later, by `confidence` and
 * pickForCards()'s threshold, both calibrated on train too (scripts/calibrate-sources.ts); dev is for reporting.
 * The pronoun model (who "he" or "she" is) is a ranker: a softmax over each pronoun's candidate people.
 *   npm run train:sources [-- --corpus PATH] [--pronouns-only]   (--pronouns-only keeps the source model)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extractFromArticle } from '../src/extract/extract.js';
import { DEFAULT_MIN_WORDS } from '../src/extract/extract-options.js';
import { PRONOUN_FEATURES, weighedCandidates } from '../src/extract/pronoun-model.js';
import { FEATURES } from '../src/extract/source-candidates.js';
import { ingest } from '../src/ingest/ingest.js';
import { polnearFolder, readSplit, type Span } from './eval/polnear.js';

const i = process.argv.indexOf('--corpus');
const pronounsOnly = process.argv.includes('--pronouns-only');
const articles = readSplit(polnearFolder(i > 0 ? process.argv[i + 1] : undefined), 'train');
if (!articles) throw new Error('PolNeAR train split not found (give it with --corpus PATH)');

type Example = { x: number[]; y: number };
const groups: Example[][] = [];
const pronounGroups: Example[][] = [];
const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
/** Train pronouns read by hand: who each pronoun at a quotation's attribution stands for (offsets and names). */
const PRONOUN_LABELS = new URL('./eval/train-pronoun-labels.json', import.meta.url);
/** By `file:offset` of the pronoun: the person's fullest name, or null when the pronoun stands for no one named. */
const pronounLabels = existsSync(PRONOUN_LABELS)
  ? new Map(
      (JSON.parse(readFileSync(PRONOUN_LABELS, 'utf8')) as Array<{ file: string; source: number; kind: string; name: string | null }>)
        .filter((l) => l.kind !== 'group')
        .map((l) => [`${l.file}:${l.source}`, l.kind === 'person' ? l.name : null]),
    )
  : new Map<string, string | null>();
const sameSurname = (a: string, b: string) => a.split(/\s+/u).pop()?.toLowerCase() === b.split(/\s+/u).pop()?.toLowerCase();
for (const article of articles) {
  extractFromArticle(ingest({ text: article.text }), {
    minWords: DEFAULT_MIN_WORDS,
    onPronoun(question, candidates) {
      const name = pronounLabels.get(`${article.name}:${question.at}`);
      if (name === undefined) return;
      // the people resolvePronoun() weighs (never one the article gives the other gender), and "no one": the
      // all-zero candidate, right when the person is not among them or the pronoun stands for no one named
      const weighed = weighedCandidates(candidates);
      const right = (c: { name: string }) => name !== null && sameSurname(c.name, name);
      const nobody = !weighed.some(right);
      pronounGroups.push([...weighed.map((c) => ({ x: c.features, y: right(c) ? 1 : 0 })), { x: new Array<number>(PRONOUN_FEATURES.length).fill(0), y: nobody ? 1 : 0 }]);
    },
    onCandidates(quote, candidates) {
      const gold = article.quotes.find((g) => g.quoted.some((p) => overlaps(p, [quote.open, quote.close])));
      if (!gold?.source) return;
      const source = gold.source.spans;
      groups.push(candidates.map((c) => ({ x: c.features, y: source.some(([a, b]) => c.candidate.reading.at >= a && c.candidate.reading.at < b) ? 1 : 0 })));
    },
  });
}

const dot = (x: number[], w: readonly number[]) => x.reduce((sum, value, k) => sum + value * (w[k] as number), 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Adam on `n` weights for 3,000 steps: `gradient(w)` gives the mean loss's gradient, to which an L2 penalty
 * is added on every weight but the bias (weight 0).
 */
function adam(n: number, gradient: (w: readonly number[]) => number[]): number[] {
  const w = new Array<number>(n).fill(0);
  const m = new Array<number>(n).fill(0);
  const v = new Array<number>(n).fill(0);
  const lambda = 1e-3;
  for (let step = 1; step <= 3000; step++) {
    const grad = gradient(w);
    for (let k = 0; k < n; k++) {
      const g = (grad[k] as number) + (k === 0 ? 0 : lambda * (w[k] as number));
      m[k] = 0.9 * (m[k] as number) + 0.1 * g;
      v[k] = 0.999 * (v[k] as number) + 0.001 * g * g;
      w[k] = (w[k] as number) - (0.05 * ((m[k] as number) / (1 - 0.9 ** step))) / (Math.sqrt((v[k] as number) / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return w;
}

/** A logistic regression on `examples` (the mean log loss). */
function fitLogistic(examples: Example[], n: number): number[] {
  return adam(n, (w) => {
    const grad = new Array<number>(n).fill(0);
    for (const { x, y } of examples) {
      const err = sigmoid(dot(x, w)) - y;
      for (let k = 0; k < n; k++) grad[k] = (grad[k] as number) + (err * (x[k] as number)) / examples.length;
    }
    return grad;
  });
}

/**
 * A ranker for groups where exactly one answer is picked (who a pronoun is): a conditional logit, the
 * softmax over each group's candidates, fitted on the mean log probability of the right ones. A group's "no
 * one" candidate has every feature 0, so the bias is how far any real person starts ahead of no one.
 */
function fitRanker(groups: Example[][], n: number): number[] {
  return adam(n, (w) => {
    const grad = new Array<number>(n).fill(0);
    for (const group of groups) {
      const z = group.map(({ x }) => dot(x, w));
      const top = Math.max(...z);
      const e = z.map((value) => Math.exp(value - top));
      const all = e.reduce((a, b) => a + b, 0);
      const right = group.reduce((a, ex, i) => a + (ex.y === 1 ? (e[i] as number) : 0), 0);
      // d(-log(right/all))/dz_i = p_i − (y_i · e_i / right)
      group.forEach((ex, i) => {
        const d = (e[i] as number) / all - (ex.y === 1 ? (e[i] as number) / right : 0);
        for (let k = 0; k < n; k++) grad[k] = (grad[k] as number) + (d * (ex.x[k] as number)) / groups.length;
      });
    }
    return grad;
  });
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const file = new URL('../src/extract/source-weights.json', import.meta.url);
const previous = JSON.parse(readFileSync(file, 'utf8')) as { stats?: unknown; minimum?: number; features?: string[]; weights?: number[]; reliability?: unknown; pickConfidence?: unknown };

/** The source model learnt again: weights, the minimum probability kept, and how it does on train. */
function fitSources() {
  const examples = groups.flat();
  const w = fitLogistic(examples, FEATURES.length);
  // each quotation's best candidate: is it the Source? at which probability?
  const best = groups.map((g) => {
    let top: Example | undefined;
    let p = -1;
    for (const e of g) {
      const q = sigmoid(dot(e.x, w));
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
    articles: articles?.length,
    quotations: groups.length,
    candidates: examples.length,
    reachable: best.filter((b) => b.reachable).length,
    topRight: best.filter((b) => b.right).length,
    kept: kept.length,
    keptRight: kept.filter((b) => b.right).length,
  };
  return { stats, minimum, features: [...FEATURES], weights: w.map(round) };
}

// --pronouns-only: learn the pronoun model again and keep the source model as it is
const source = pronounsOnly && previous.weights ? { stats: previous.stats, minimum: previous.minimum, features: previous.features, weights: previous.weights } : fitSources();
const pronounWeights = pronounGroups.length ? fitRanker(pronounGroups, PRONOUN_FEATURES.length) : undefined;
const pronounTop = pronounWeights
  ? pronounGroups.filter((g) => {
      const p = g.map((e) => dot(e.x, pronounWeights));
      return g[p.indexOf(Math.max(...p))]?.y === 1;
    }).length
  : 0;
const pronoun = pronounWeights ? { features: [...PRONOUN_FEATURES], weights: pronounWeights.map(round), stats: { pronouns: pronounGroups.length, topRight: pronounTop } } : undefined;
writeFileSync(
  file,
  `${JSON.stringify({ trained: 'PolNeAR train, npm run train:sources', ...source, ...(pronoun ? { pronoun } : {}), ...(previous.reliability ? { reliability: previous.reliability } : {}), ...(previous.pickConfidence ? { pickConfidence: previous.pickConfidence } : {}) }, null, 1)}\n`,
);
if (pronoun) console.log('pronouns', pronoun.stats);
console.log(source.stats, 'minimum', source.minimum);
for (const [k, name] of (source.features ?? []).entries()) console.log(name.padEnd(24), source.weights?.[k]);
