/**
 * `npm run eval`: extraction scored over the labelled set (seed + tests/fixtures/articles/*).
 * Prints precision, recall and F1 for quotes, speaker accuracy, post accuracy and each file's misses;
 * exits 1 when a figure is below its target.
 */
import { runEval, TARGETS } from './eval-set.js';

const report = runEval();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

for (const f of report.files) {
  const line = `${f.file.padEnd(40)} quotes ${f.matched}/${f.expectedQuotes} (found ${f.foundQuotes})  speakers ${f.speakerRight}/${f.matched}  posts ${f.postsRight}/${f.postsTotal}`;
  console.log(line);
  for (const m of f.misses) console.log(`    - ${m}`);
}
console.log('');
console.log(`labelled: ${report.quotes} quotes, ${report.posts} posts in ${report.files.length} articles`);
console.log(`quotes   precision ${pct(report.precision)}  recall ${pct(report.recall)}  F1 ${report.f1.toFixed(3)}  (target ≥ ${TARGETS.f1})`);
console.log(`speakers accuracy ${pct(report.speakerAccuracy)}  (target ≥ ${pct(TARGETS.speakerAccuracy)})`);
console.log(`posts    accuracy ${pct(report.postAccuracy)}  (target ${pct(TARGETS.postAccuracy)})`);

const failed: string[] = [];
if (report.f1 < TARGETS.f1) failed.push('quote F1');
if (report.speakerAccuracy < TARGETS.speakerAccuracy) failed.push('speaker accuracy');
if (report.postAccuracy < TARGETS.postAccuracy) failed.push('post accuracy');
if (failed.length > 0) {
  console.log(`\nBelow target: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nAll targets met.');
