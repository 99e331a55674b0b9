/**
 * `npm run calibrate:sources` (after `npm run train:sources`): calibrates `Quote.confidence` and chooses
 * pickForCards()'s `minConfidence` on PolNeAR's train split (dev stays for reporting; `--split dev` reads
 * dev with its hand-read Sources, scripts/eval/dev-labels.json, to compare), and writes both into
 * src/extract/source-weights.json:
 * - `reliability`: for each way a speaker is reached (by name, by a role noun, an organisation, an
 *   unnamed source), how often it is right for each unit of the source model's probability, so
 *   that a band's confidence reads as its share of right names;
 * - `pickConfidence`: the lowest confidence at which wrong names among the picks stay at 1% or under
 *   while at least 85% of the picks have a named speaker (or, if none does, the fewest wrong names).
 *   npm run calibrate:sources [-- --corpus PATH] [--split train|dev]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { polnearFolder, readSplit } from './eval/polnear.js';
import { labelsFor, personName, scoreArticle, sourceIsPerson, summarize } from './eval/score-polnear.js';

const i = process.argv.indexOf('--corpus');
const splitAt = process.argv.indexOf('--split');
const split = splitAt > 0 && process.argv[splitAt + 1] === 'dev' ? 'dev' : 'train';
const articles = readSplit(polnearFolder(i > 0 ? process.argv[i + 1] : undefined), split);
if (!articles) throw new Error(`PolNeAR ${split} split not found (give it with --corpus PATH)`);
const labels = labelsFor(split);
const file = new URL('../src/extract/source-weights.json', import.meta.url);

type Weights = { reliability?: Record<string, number>; pickConfidence?: number; [key: string]: unknown };
const write = (weights: Weights) => writeFileSync(file, `${JSON.stringify(weights, null, 1)}\n`);
const weights = JSON.parse(readFileSync(file, 'utf8')) as Weights;

if (!process.argv.includes('--threshold')) {
  // 1. reliability: each confidence is the source model's probability times the reliability in the file
  const old = weights.reliability ?? {};
  const pathOf = (speaker: { kind?: string; mention?: string }) => {
    if (speaker.kind === 'organization' || speaker.kind === 'description') return speaker.kind;
    const mention = speaker.mention ?? '';
    return /^(?:he|she|they)$/iu.test(mention) ? 'pronoun' : /^(?:the|a|an|his|her|their)\s/iu.test(mention) ? 'role' : 'name';
  };
  const sums: Record<string, { p: number; right: number; n: number }> = {};
  for (const article of articles) {
    for (const s of scoreArticle(article, labels).scores) {
      const speaker = s.found?.speaker;
      if (!speaker || !s.gold.source || s.label?.kind === 'none' || s.label?.kind === 'unresolved') continue;
      const path = pathOf(speaker);
      if (path === 'pronoun') continue; // the pronoun model gives its own probability
      if (personName(s.found as never) && s.verdict !== 'right' && s.verdict !== 'wrong') continue;
      const right = personName(s.found as never) ? s.verdict === 'right' : !sourceIsPerson(s.gold, s.label);
      const entry = sums[path] ?? { p: 0, right: 0, n: 0 };
      sums[path] = entry;
      entry.p += (s.found?.confidence ?? 0) / (old[path] ?? 1);
      entry.right += right ? 1 : 0;
      entry.n++;
    }
  }
  weights.reliability = Object.fromEntries(Object.entries(sums).map(([path, s]) => [path, Math.round(Math.min(1, s.right / Math.max(1e-9, s.p)) * 1000) / 1000]));
  write(weights);
  console.log('reliability', weights.reliability, sums);
  // 2. the threshold, in a fresh process that reads the reliability just written
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--threshold', ...process.argv.slice(2)], { stdio: 'inherit' });
} else {
  let chosen: { t: number; wrong: number; named: number } | undefined;
  let fallback: { t: number; wrong: number; named: number } | undefined;
  for (let t = 0.3; t <= 0.995; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    const r = summarize(articles.map((a) => scoreArticle(a, labels, threshold)));
    const row = { t: threshold, wrong: r.pickedWrongRate, named: r.pickedNamedShare };
    if (!chosen && row.wrong <= 0.01 && row.named >= 0.85) chosen = row;
    if (row.named >= 0.85 && (!fallback || row.wrong < fallback.wrong)) fallback = row;
  }
  const pick = chosen ?? fallback;
  if (pick) weights.pickConfidence = pick.t;
  write(weights);
  console.log('pick threshold', pick, chosen ? '(meets ≤ 1% wrong, ≥ 85% named)' : '(the fewest wrong names with ≥ 85% named)');
}
