/**
 * The labelled evaluation set: the seed article and every fixture in tests/fixtures/articles/ that
 * has an `.expected.json`, run through `extract()` and scored. Shared by `npm run eval` and the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/extract/extract.js';
import { quoteKey } from '../src/extract/quote-text.js';
import type { Extraction } from '../src/types.js';

/** A labelled quote, as in the fixtures' expected.json. */
export interface ExpectedQuote {
  text: string;
  speaker?: { name: string; role?: string; mention?: string };
  cue?: string;
  via?: string;
  partial?: boolean;
}

/** A labelled post. */
export interface ExpectedPost {
  network: string;
  status: string;
  id?: string;
  url?: string;
  author?: { name?: string; handle?: string };
  text?: string;
  date?: string;
  links?: string[];
}

/** One fixture's labels. */
export interface Expected {
  about?: string;
  quotes: ExpectedQuote[];
  notQuotes?: string[];
  posts: ExpectedPost[];
}

/** How one file scored. */
export interface FileScore {
  file: string;
  expectedQuotes: number;
  foundQuotes: number;
  matched: number;
  /** Found quotes that matched a label. */
  foundMatched: number;
  speakerRight: number;
  postsRight: number;
  postsTotal: number;
  misses: string[];
}

/** The whole set's figures. */
export interface EvalReport {
  files: FileScore[];
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  postAccuracy: number;
  quotes: number;
  posts: number;
}

/** Targets the set must meet. */
export const TARGETS = { f1: 0.95, speakerAccuracy: 0.9, postAccuracy: 1 } as const;

const ROOT = new URL('../tests/fixtures/', import.meta.url);

/** Every labelled article: [name, source, expected]. */
export function loadSet(): Array<{ file: string; source: string; expected: Expected }> {
  const out: Array<{ file: string; source: string; expected: Expected }> = [];
  const seedDir = ROOT.pathname;
  out.push({
    file: 'islamabad-envoy.txt',
    source: readFileSync(join(seedDir, 'islamabad-envoy.txt'), 'utf8'),
    expected: JSON.parse(readFileSync(join(seedDir, 'islamabad-envoy.expected.json'), 'utf8')) as Expected,
  });
  const dir = join(seedDir, 'articles');
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(txt|html)$/u.test(name)) continue;
    const base = name.replace(/\.(txt|html)$/u, '');
    const expectedPath = join(dir, `${base}.expected.json`);
    let expected: Expected;
    try {
      expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    } catch {
      continue;
    }
    out.push({ file: `articles/${name}`, source: readFileSync(join(dir, name), 'utf8'), expected });
  }
  return out;
}

/** Score one extraction against its labels. */
export function scoreFile(file: string, got: Extraction, expected: Expected): FileScore {
  const misses: string[] = [];
  const gotKeys = got.quotes.map((q) => quoteKey(q.text));
  const used = new Set<number>();
  let matched = 0;
  let speakerRight = 0;
  for (const exp of expected.quotes) {
    const key = quoteKey(exp.text);
    const i = gotKeys.findIndex((k, j) => !used.has(j) && k === key);
    if (i < 0) {
      misses.push(`missed quote: “${exp.text}”`);
      continue;
    }
    used.add(i);
    matched++;
    // the fixtures name people only: an organisation or an unnamed source stands where they expect none
    const speaker = got.quotes[i]?.speaker;
    const found = speaker?.kind === 'organization' || speaker?.kind === 'description' ? undefined : speaker?.name;
    if (found === exp.speaker?.name) speakerRight++;
    else misses.push(`speaker of “${short(exp.text)}”: expected ${exp.speaker?.name ?? 'none'}, got ${found ?? 'none'}`);
  }
  gotKeys.forEach((k, j) => {
    if (!used.has(j)) misses.push(`extra quote: “${got.quotes[j]?.text}”`);
    for (const nq of expected.notQuotes ?? []) if (k === quoteKey(nq)) misses.push(`not a quote, but found: “${nq}”`);
  });
  const postsTotal = Math.max(expected.posts.length, got.posts.length);
  let postsRight = 0;
  expected.posts.forEach((exp, i) => {
    const p = got.posts[i];
    const wrong: string[] = [];
    if (!p) wrong.push('missing');
    else {
      if (p.network !== exp.network) wrong.push(`network ${p.network}`);
      if (p.status !== exp.status) wrong.push(`status ${p.status}`);
      if (exp.id !== undefined && p.id !== exp.id) wrong.push(`id ${p.id}`);
      if (exp.author?.handle !== undefined && p.author?.handle !== exp.author.handle) wrong.push(`handle ${p.author?.handle}`);
      if (exp.text !== undefined && p.text?.trim() !== exp.text.trim()) wrong.push('text differs');
    }
    if (wrong.length === 0) postsRight++;
    else misses.push(`post ${i + 1} (${exp.network} ${exp.id ?? exp.author?.handle ?? ''}): ${wrong.join(', ')}`);
  });
  if (got.posts.length > expected.posts.length) misses.push(`${got.posts.length - expected.posts.length} extra post(s)`);
  return { file, expectedQuotes: expected.quotes.length, foundQuotes: got.quotes.length, matched, foundMatched: used.size, speakerRight, postsRight, postsTotal, misses };
}

/** Run the whole set. */
export function runEval(): EvalReport {
  return summarize(loadSet().map(({ file, source, expected }) => scoreFile(file, extract(source), expected)));
}

/** Figures over some scored files. */
export function summarize(files: FileScore[]): EvalReport {
  const sum = (f: (s: FileScore) => number) => files.reduce((n, s) => n + f(s), 0);
  const matched = sum((s) => s.matched);
  const found = sum((s) => s.foundQuotes);
  const expected = sum((s) => s.expectedQuotes);
  const precision = found === 0 ? 0 : sum((s) => s.foundMatched) / found;
  const recall = expected === 0 ? 0 : matched / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const postsTotal = sum((s) => s.postsTotal);
  return {
    files,
    precision,
    recall,
    f1,
    speakerAccuracy: matched === 0 ? 0 : sum((s) => s.speakerRight) / matched,
    postAccuracy: postsTotal === 0 ? 1 : sum((s) => s.postsRight) / postsTotal,
    quotes: expected,
    posts: postsTotal,
  };
}

function short(s: string): string {
  return s.length > 50 ? `${s.slice(0, 50)}…` : s;
}
