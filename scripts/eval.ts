/**
 * `npm run eval`: extraction scored on real, labelled news — PolNeAR's dev split (../shared/data/polnear;
 * another folder with `--corpus PATH`, the train split with `--split train`) — and, as regression tests,
 * on the labelled fixtures in tests/fixtures/articles/, which were written here.
 *   npm run eval                         # dev figures and the fixtures; exits 1 when a fixture target is missed
 *   npm run eval -- --split train        # train figures, for tuning
 *   npm run eval -- --misses 20          # list that many wrong or missing speakers
 * It also scores the article body and metadata on real pages (../shared/data/pages/readability, another
 * folder with `--pages PATH`) against what Mozilla's Readability extracts from them.
 */
import { extract } from '../src/index.js';
import { runEval, TARGETS } from './eval-set.js';
import { polnearFolder, readSplit } from './eval/polnear.js';
import { labelsFor, scoreArticle, summarize } from './eval/score-polnear.js';
import { overlap, pagesFolder, readReadabilityPages, sameLabel, sameTitle } from './eval/score-pages.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const split = (arg('split') ?? 'dev') as 'train' | 'dev';
const corpus = polnearFolder(arg('corpus'));
const articles = readSplit(corpus, split);

if (!articles) {
  console.log(`PolNeAR not found at ${corpus}: scoring the fixtures only (give the corpus with --corpus PATH).\n`);
} else {
  const labels = labelsFor(split);
  const t0 = performance.now();
  const results = articles.map((a) => scoreArticle(a, labels));
  const ms = performance.now() - t0;
  const r = summarize(results);
  console.log(`PolNeAR ${split}: ${r.articles} articles, ${r.labelled} labelled direct quotations (${(ms / 1000).toFixed(1)} s)`);
  console.log(`  quotes      precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${r.f1.toFixed(3)}  (found ${r.found}, ${r.extra} not labelled, ${r.fragments} fragments inside labelled speech)`);
  console.log(`              ${r.speech} whole quotations inside a Content labelled from words before their opening mark count as right; counted wrong, precision ${pct(r.strictPrecision)}`);
  console.log(`  speakers    named-speaker accuracy ${pct(r.namedAccuracy)} of ${r.named} names · wrong names ${pct(r.wrongRate)} of found quotes · missing ${pct(r.missingRate)}`);
  console.log(`  picks       ${r.picks} picked by pickForCards(): wrong names ${pct(r.pickedWrongRate)} · with a named speaker ${pct(r.pickedNamedShare)}`);
  // dev: every Source read by hand; train: only the pronouns
  if (labels && split === 'dev') console.log(`  by hand     full name right ${pct(r.fullNames)} of ${r.fullNamesOf} · pronoun → the right person ${pct(r.pronounRight)} of ${r.pronounsOf}`);
  else if (labels) console.log(`  by hand     pronoun → the right person ${pct(r.pronounRight)} of ${r.pronounsOf} · full name right ${pct(r.fullNames)} of those ${r.fullNamesOf}`);
  console.log(`  speed       extract() ${extractionSpeed(articles.map((a) => a.text)).toFixed(0)} ms per MB of article text (median of 3 passes)`);
  console.log('  confidence  band: right names / names');
  for (const b of r.bands) if (b.names) console.log(`              ${b.band}: ${b.right}/${b.names} (${pct(b.right / b.names)})`);
  const misses = Number(arg('misses') ?? 0);
  const wrong = r.scores.filter((s) => s.verdict === 'wrong' || s.verdict === 'missing').slice(0, misses);
  for (const s of wrong) {
    const at = s.gold.pieces[0]?.[0] ?? 0;
    const art = articles.find((a) => a.name === s.file);
    console.log(`  ${s.verdict?.padEnd(7)} ${s.file}@${at}: source ${JSON.stringify(s.gold.source?.text)}${s.label?.name ? ` (${s.label.name})` : ''} → ${JSON.stringify(s.found?.speaker?.name ?? null)} | ${JSON.stringify(art?.text.slice(at, at + 70))}`);
  }
  console.log('');
}

scorePages(pagesFolder(arg('pages')));

const report = runEval();
console.log(`fixtures (written here, regression tests): ${report.quotes} quotes, ${report.posts} posts in ${report.files.length} articles`);
console.log(`  quotes precision ${pct(report.precision)} recall ${pct(report.recall)} F1 ${report.f1.toFixed(3)} · speakers ${pct(report.speakerAccuracy)} · posts ${pct(report.postAccuracy)}`);
for (const f of report.files) for (const m of f.misses) console.log(`    ${f.file}: ${m}`);
const failed: string[] = [];
if (report.f1 < TARGETS.f1) failed.push('quote F1');
if (report.speakerAccuracy < TARGETS.speakerAccuracy) failed.push('speaker accuracy');
if (report.postAccuracy < TARGETS.postAccuracy) failed.push('post accuracy');
if (failed.length > 0) {
  console.log(`\nFixtures below target: ${failed.join(', ')}`);
  process.exit(1);
}

/** Milliseconds `extract()` takes per MB of text: one pass to warm up, then the median of three. */
function extractionSpeed(texts: string[]): number {
  const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6;
  const passes: number[] = [];
  for (let k = 0; k < 4; k++) {
    const t0 = performance.now();
    for (const text of texts) extract({ text });
    if (k > 0) passes.push((performance.now() - t0) / mb);
  }
  return passes.sort((a, b) => a - b)[1] as number;
}

/** Body (recall and precision of Readability's body text) and metadata (title, site, language) on the readability pages. */
function scorePages(folder: string): void {
  const pages = readReadabilityPages(folder);
  if (!pages) {
    console.log(`Real pages not found at ${folder}/readability: body and metadata not scored (give the folder with --pages PATH).\n`);
    return;
  }
  const rows = pages.map((p) => {
    const x = extract({ html: p.html });
    return { page: p, found: x, ...overlap(p.body, x.text) };
  });
  const bodies = rows.filter((r) => r.page.paragraphs >= 3);
  const good = bodies.filter((r) => r.recall >= 0.9 && r.precision >= 0.9);
  const quantiles = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return [0, 0.1, 0.25, 0.5].map((q) => pct(s[Math.floor(q * (s.length - 1))])).join(' / ');
  };
  const titled = rows.filter((r) => r.page.meta.title);
  const sited = rows.filter((r) => r.page.meta.siteName);
  const titles = titled.filter((r) => sameTitle(r.page.meta.title as string, r.page.meta.siteName, r.found.title));
  const sites = sited.filter((r) => sameLabel(r.page.meta.siteName, r.found.site));
  // Readability reads <html lang> as written ("en-us"); quotecard gives it canonical ("en-US")
  const languaged = rows.filter((r) => r.page.meta.lang);
  const langs = languaged.filter((r) => r.page.meta.lang?.toLowerCase() === r.found.lang?.toLowerCase());
  console.log(`Real pages (readability set): ${pages.length} pages, ${bodies.length} with a body of three or more paragraphs`);
  console.log(`  body        ≥ 90% kept and ≥ 90% of what is kept from it on ${good.length} of ${bodies.length} (${pct(good.length / bodies.length)})`);
  console.log(`              recall min / 10th / 25th / median ${quantiles(bodies.map((r) => r.recall))} · precision ${quantiles(bodies.map((r) => r.precision))}`);
  for (const r of [...bodies].sort((a, b) => Math.min(a.recall, a.precision) - Math.min(b.recall, b.precision)).slice(0, 5)) {
    console.log(`              worst: ${r.page.name} recall ${pct(r.recall)} precision ${pct(r.precision)}`);
  }
  console.log(`  metadata    title right on ${titles.length} of ${titled.length} (${pct(titles.length / titled.length)}) · site on ${sites.length} of ${sited.length} (${pct(sites.length / sited.length)})`);
  console.log(`              language on ${langs.length} of ${languaged.length} (${pct(langs.length / languaged.length)})`);
  for (const r of languaged.filter((r) => !langs.includes(r))) console.log(`              language ${r.page.name}: ${JSON.stringify(r.page.meta.lang)} → ${JSON.stringify(r.found.lang ?? null)}`);
  for (const r of titled.filter((r) => !titles.includes(r))) console.log(`              title ${r.page.name}: ${JSON.stringify(r.page.meta.title)} → ${JSON.stringify(r.found.title ?? null)}`);
  for (const r of sited.filter((r) => !sites.includes(r))) console.log(`              site ${r.page.name}: ${JSON.stringify(r.page.meta.siteName)} → ${JSON.stringify(r.found.site ?? null)}`);
  console.log('');
}
