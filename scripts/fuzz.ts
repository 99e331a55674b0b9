/**
 * `npm run fuzz`: the properties of tests/fuzz-extract.test.ts (extract() on random HTML, text, article
 * objects and options; cleanText() on hostile Unicode) and of tests/fuzz-render.test.ts (quoteCard(),
 * postCard() and renderCard() on random Unicode, items, fonts, trees and options) with a random seed and many
 * more runs, each case within a budget of time and memory (tests/fuzz/budget.ts). Prints the seed first,
 * so any failure can be replayed, and the shrunk counterexample of each failure.
 *   npm run fuzz                          # 20× the CI runs (about 200,000 cases), random seed
 *   npm run fuzz -- --times 100 --seed 42 # replay or go longer
 *   npm run fuzz -- --only clean          # properties whose name contains "clean"
 *   npm run fuzz -- --only renderCard     # only the render properties that draw
 */
import { CASE_MB, CASE_MS, worst } from '../tests/fuzz/budget.js';
import { fuzzProperties, loadSeedPages } from '../tests/fuzz/properties.js';
import { renderProperties } from '../tests/fuzz/render-properties.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const seed = arg('seed') !== undefined ? Number(arg('seed')) : (Math.random() * 0x7fffffff) | 0;
const times = Number(arg('times') ?? 20);
const only = arg('only');
if (!Number.isInteger(seed) || !(times > 0)) {
  console.error('Usage: npm run fuzz -- [--seed <integer>] [--times <positive number>] [--only <text>]');
  process.exit(2);
}

console.log(`fuzz seed ${seed}, ${times}× the CI runs (replay: npm run fuzz -- --seed ${seed} --times ${times}${only ? ` --only ${only}` : ''})`);
let failed = 0;
let cases = 0;
const t0 = performance.now();
for (const p of [...fuzzProperties(loadSeedPages()), ...renderProperties()]) {
  if (only && !p.name.includes(only)) continue;
  const numRuns = Math.ceil(p.runs * times);
  const start = performance.now();
  const details = await p.check({ seed, numRuns });
  cases += details.numRuns;
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (details.failed) {
    failed++;
    console.log(`FAIL  ${p.name}: after ${details.numRuns} runs (${seconds} s), shrunk ${details.numShrinks} times`);
    console.log(`      counterexample: ${JSON.stringify(details.counterexample)}`);
    console.log(`      replay: npm run fuzz -- --seed ${seed} --times ${times} --only '${p.name.slice(0, 20)}' (fast-check path ${details.path})`);
    console.log(`      error: ${details.error instanceof Error ? (details.error.stack ?? details.error.message) : String(details.error)}`);
  } else {
    console.log(`ok    ${p.name}: ${details.numRuns} runs in ${seconds} s`);
  }
}
console.log(`${cases} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${failed === 0 ? 'no failures' : `${failed} propert${failed === 1 ? 'y' : 'ies'} failed`} (seed ${seed})`);
console.log(`budget per case ${CASE_MS} ms and ${CASE_MB} MB of resident set: slowest case ${Math.round(worst.ms)} ms, largest rise ${Math.round(worst.mb)} MB`);
process.exit(failed === 0 ? 0 : 1);
