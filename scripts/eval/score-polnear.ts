/**
 * Scores `extract()` and `pickForCards()` against PolNeAR's direct quotations (polnear.ts):
 * - quotes: precision, recall, F1. A found quote is right when it overlaps a labelled direct quotation
 *   (a joined quote covers every piece it overlaps) or lies whole inside a labelled Content whose words
 *   begin before its opening mark; a fragment (`partial`) inside a labelled Content is left out of the
 *   count; a labelled direct quotation is found when a found quote overlaps one of its quoted pieces.
 * - speakers, on the labelled quotes that were found: a name is wrong when it shares no word with the
 *   Source nor with the fullest name of the person the Source refers to (dev-labels.json, read by hand),
 *   or names a person where the Source is an organisation or a description; missing when the Source is a
 *   person and no name was given; full names and pronoun → person from the dev labels.
 * - the same wrong-name and named shares over the quotes `pickForCards()` picks, and a reliability table:
 *   for each confidence band, how many names were right.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/extract.js';
import { pickForCards } from '../../src/extract/rank.js';
import type { Quote } from '../../src/types.js';
import type { GoldArticle, GoldQuote, Span } from './polnear.js';

/** What a careful reader found the Source of one dev quotation to be (scripts/eval/dev-labels.json). */
export interface SourceLabel {
  file: string;
  /** Start offset of the quotation's first piece. */
  quote: number;
  /** `group`: "they" for several people (train pronoun labels); no one person's name is right. */
  kind: 'person' | 'organization' | 'description' | 'group' | 'unresolved' | 'none';
  /** For a person: the fullest name the article gives them. */
  name: string | null;
}

/** Labels by `file:quote`. */
export function readLabels(path: string): Map<string, SourceLabel> {
  const labels = JSON.parse(readFileSync(path, 'utf8')) as SourceLabel[];
  return new Map(labels.map((l) => [`${l.file}:${l.quote}`, l]));
}

/**
 * The Sources read by hand for a split: on dev every direct quotation's (dev-labels.json); on train the
 * quotations whose Source is a pronoun (train-pronoun-labels.json), the rest judged from PolNeAR's Source
 * text alone.
 */
export function labelsFor(split: 'train' | 'dev'): Map<string, SourceLabel> | undefined {
  const file = join(import.meta.dirname, split === 'dev' ? 'dev-labels.json' : 'train-pronoun-labels.json');
  return existsSync(file) ? readLabels(file) : undefined;
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
const inside = (a: Span, b: Span) => a[0] >= b[0] && a[1] <= b[1];

const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'jr', 'sr', 'to', 'in', 'at', 'on']);

/** The words of a name or Source that identify someone: letters only, lower case, no articles or titles. */
export function nameWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

const PRONOUN = /^(?:he|she|they|him|her|i|we|it)$/iu;

/** A name written the same way: case, full stops, commas and spacing aside. */
export function sameName(a: string, b: string): boolean {
  // a nickname in quotation marks (Robert C. "Bobby" Scott) is not part of the name
  const norm = (s: string) =>
    s
      .replace(/\s[“"‘'][^”"’']+[”"’'](?=\s)/gu, '')
      .toLowerCase()
      .replace(/[.,]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** How one found quote's speaker reads against the labels. */
export type Verdict = 'right' | 'wrong' | 'missing' | 'no-name-ok';

export interface QuoteScore {
  file: string;
  gold: GoldQuote;
  found?: Quote;
  label?: SourceLabel;
  verdict?: Verdict;
  picked: boolean;
}

/** Whether the Source is a person: the reader's label on dev; on train, a capitalised name or a pronoun. */
export function sourceIsPerson(gold: GoldQuote, label: SourceLabel | undefined): boolean {
  if (label) return label.kind === 'person';
  // unlabelled (train): a pronoun, or a capitalised source that is not "The Pentagon" or "A spokesman"
  const text = gold.source?.text.trim() ?? '';
  return PRONOUN.test(text) || (/^\p{Lu}/u.test(text) && !/^(?:the|a|an|one|some|two|three)\s/iu.test(text));
}

/** The person a found quote names: its speaker's name unless the speaker is an organisation or unnamed. */
export function personName(found: Quote): string | undefined {
  const kind = found.speaker?.kind;
  return kind === 'organization' || kind === 'description' ? undefined : found.speaker?.name;
}

/** The verdict on a found quote's speaker. */
export function verdict(gold: GoldQuote, found: Quote, label: SourceLabel | undefined): Verdict | undefined {
  const name = personName(found);
  const person = sourceIsPerson(gold, label);
  if (!gold.source) return name ? undefined : 'no-name-ok';
  if (!name) return person ? 'missing' : 'no-name-ok';
  if (label && label.kind !== 'person') return label.kind === 'unresolved' || label.kind === 'none' ? undefined : 'wrong';
  const said = new Set([...nameWords(gold.source.text), ...nameWords(label?.name ?? '')]);
  // on train a pronoun's person, or the person "the spokesman" stands for, is not labelled
  if (!label && (PRONOUN.test(gold.source.text.trim()) || !/\p{Lu}/u.test(gold.source.text.replace(/^\p{Lu}/u, '')))) return undefined;
  return nameWords(name).some((w) => said.has(w)) ? 'right' : 'wrong';
}

/** Score one article. */
export function scoreArticle(article: GoldArticle, labels: Map<string, SourceLabel> | undefined, minConfidence?: number) {
  const found = extract({ text: article.text }).quotes;
  const options = { max: 5, posts: false, ...(minConfidence === undefined ? {} : { minConfidence }) };
  const picked = new Set(pickForCards({ text: article.text, quotes: found, posts: [], warnings: [] }, options));
  const spans = (q: Quote): Span[] => (q.parts?.length ? q.parts.map((p) => [p.start, p.end] as Span) : [[q.start, q.end]]);
  const scores: QuoteScore[] = [];
  const used = new Set<Quote>();
  for (const gold of article.quotes) {
    const match = found.find((q) => spans(q).some((s) => gold.quoted.some((g) => overlaps(s, g))));
    const label = labels?.get(`${article.name}:${gold.pieces[0]?.[0]}`);
    const score: QuoteScore = { file: article.name, gold, picked: false, ...(label ? { label } : {}) };
    if (match) {
      used.add(match);
      score.found = match;
      score.picked = picked.has(match);
      const v = verdict(gold, match, label);
      if (v) score.verdict = v;
    }
    scores.push(score);
  }
  // found quotes no labelled direct quotation accounts for. Inside a labelled Content, a fragment is left
  // out of the count and a whole quotation is right: the annotators labelled it as speech, only from the
  // words before its opening mark ("telling customers that “I need you tomorrow.”"), which is no direct
  // quotation by the corpus's rule
  let extra = 0;
  let fragments = 0;
  let speech = 0;
  for (const q of found) {
    if (used.has(q)) continue;
    const within = article.quotes.some((g) => g.pieces.some((p) => spans(q).every((s) => inside(s, p))));
    const labelled = within || article.contents.some((c) => spans(q).every((s) => inside(s, c)));
    if (labelled && q.partial) fragments++;
    else if (labelled) speech++;
    else extra++;
  }
  return { scores, found: found.length, extra, fragments, speech, picked: picked.size };
}

/** Figures over scored articles. */
export function summarize(results: ReturnType<typeof scoreArticle>[]) {
  const scores = results.flatMap((r) => r.scores);
  const foundQuotes = scores.filter((s) => s.found);
  const distinctFound = new Set(foundQuotes.map((s) => s.found)).size;
  const extra = results.reduce((n, r) => n + r.extra, 0);
  const fragments = results.reduce((n, r) => n + r.fragments, 0);
  const speech = results.reduce((n, r) => n + r.speech, 0);
  const precision = (distinctFound + speech) / Math.max(1, distinctFound + speech + extra);
  /** The same without the whole quotations labelled only from before their opening mark. */
  const strictPrecision = distinctFound / Math.max(1, distinctFound + speech + extra);
  const recall = foundQuotes.length / Math.max(1, scores.length);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  const named = foundQuotes.filter((s) => s.found && personName(s.found) && (s.verdict === 'right' || s.verdict === 'wrong'));
  const right = named.filter((s) => s.verdict === 'right').length;
  const personSources = foundQuotes.filter((s) => s.verdict === 'right' || s.verdict === 'wrong' || s.verdict === 'missing');
  const missing = personSources.filter((s) => s.verdict === 'missing').length;
  const picks = foundQuotes.filter((s) => s.picked);
  const pickedNamed = picks.filter((s) => s.found && personName(s.found));
  const pickedWrong = picks.filter((s) => s.verdict === 'wrong').length;
  const labelledPeople = foundQuotes.filter((s) => s.label?.kind === 'person' && s.label.name);
  const fullRight = labelledPeople.filter((s) => s.found && sameName(personName(s.found) ?? '', s.label?.name as string)).length;
  const pronouns = labelledPeople.filter((s) => PRONOUN.test(s.gold.source?.text.trim() ?? ''));
  const pronounRight = pronouns.filter((s) => s.verdict === 'right').length;
  const bands = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01].slice(0, -1).map((lo, i, all) => {
    const hi = all[i + 1] ?? 1.01;
    const inBand = named.filter((s) => (s.found?.confidence ?? 0) >= lo && (s.found?.confidence ?? 0) < hi);
    return { band: `${lo.toFixed(1)}–${Math.min(1, hi).toFixed(1)}`, names: inBand.length, right: inBand.filter((s) => s.verdict === 'right').length };
  });
  return {
    articles: results.length,
    labelled: scores.length,
    found: distinctFound,
    extra,
    fragments,
    speech,
    precision,
    strictPrecision,
    recall,
    f1,
    namedAccuracy: right / Math.max(1, named.length),
    named: named.length,
    wrongRate: (named.length - right) / Math.max(1, foundQuotes.length),
    missingRate: missing / Math.max(1, personSources.length),
    picks: picks.length,
    pickedWrongRate: pickedWrong / Math.max(1, picks.length),
    pickedNamedShare: pickedNamed.length / Math.max(1, picks.length),
    fullNames: labelledPeople.length ? fullRight / labelledPeople.length : undefined,
    fullNamesOf: labelledPeople.length,
    pronounRight: pronouns.length ? pronounRight / pronouns.length : undefined,
    pronounsOf: pronouns.length,
    bands,
    scores,
  };
}
