/**
 * Who "he", "she" or "they" at a quotation's attribution is: each person named before it (outside
 * quotation marks, within a few paragraphs) is a candidate, and so is "no one". They are ranked by a
 * conditional logit (a softmax over the candidates) learned from PolNeAR train pronouns read by hand
 * (scripts/train-sources.ts → pronoun weights in source-weights.json) over: how recently and how often the
 * person was named, whether as a sentence's subject, whether the article gives them the pronoun's gender,
 * whether they spoke the quotation before, whether the quotation itself talks about them, and what the
 * hand rules (reference.ts) would say.
 */
import type { NameIndex, PersonMention } from './name-index.js';
import type { Gender, PersonFacts } from './person-facts.js';
import { sentenceStart } from './sentence-bounds.js';

/** The pronoun to resolve and what is known around it. */
export interface PronounQuestion {
  /** The pronoun as written. */
  mention: string;
  /** Its offset. */
  at: number;
  /** The quotation's words. */
  quote: string;
  /** The person the article's previous quotation was given to, if any. */
  previousSpeaker?: string;
  /** The hand rules' answer (reference.ts). */
  rule?: string;
}

/** The names of the features, in the order `pronounFeatures` gives them. */
export const PRONOUN_FEATURES = [
  'bias',
  'rule',
  'recency',
  'latest',
  'others-since',
  'subject',
  'same-sentence',
  'previous-sentence',
  'paragraphs-back',
  'gender-agrees',
  'gender-differs',
  'name-gender-differs',
  'salience',
  'previous-speaker',
  'named-in-quote',
  'possessive-only',
  'followed-by-cue',
] as const;

/** How far back (in characters) people are looked for. */
const REACH = 2500;

const CUE_AFTER = /^[^.!?\n]{0,40}?\b(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|tweeted|explained|argued|noted)\b/u;

/** One candidate person with their features. */
export interface PronounCandidate {
  name: string;
  features: number[];
}

/** The people a pronoun may stand for, each with its features (see PRONOUN_FEATURES). */
export function pronounCandidates(text: string, index: NameIndex, facts: PersonFacts, q: PronounQuestion, outside: (pos: number) => boolean): PronounCandidate[] {
  const mentions = index.mentions;
  const end = index.firstAtOrAfter(q.at);
  const from = Math.max(0, q.at - REACH);
  const people = new Map<string, { last: PersonMention; count: number; anyPlain: boolean; order: number }>();
  let order = 0;
  for (let k = end - 1; k >= 0; k--) {
    const m = mentions[k] as PersonMention;
    if (m.start < from) break;
    if (!outside(m.start)) continue;
    const seen = people.get(m.name);
    if (seen) {
      seen.count++;
      if (!m.possessive) seen.anyPlain = true;
    } else people.set(m.name, { last: m, count: 1, anyPlain: !m.possessive, order: order++ });
  }
  const gender: Gender | undefined = /^she$/iu.test(q.mention) ? 'f' : /^he$/iu.test(q.mention) ? 'm' : undefined;
  const pronounSentence = sentenceStart(text, q.at, 0);
  const previousSentence = pronounSentence > 0 ? sentenceStart(text, Math.max(0, pronounSentence - 2), 0) : pronounSentence;
  const quoteWords = new Set(q.quote.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const out: PronounCandidate[] = [];
  for (const [name, p] of people) {
    const m = p.last;
    const sentence = sentenceStart(text, m.start, 0);
    const subject = index.within(sentence, m.start).every((o) => !outside(o.start));
    const paragraphs = paragraphBreaks(text, m.end, q.at, 3);
    const known = gender ? facts.genderOf(name) : undefined;
    const differs = known !== undefined && known !== gender;
    const marked = differs && facts.isGenderMarked(name);
    const nameWords = name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    // one value per name in PRONOUN_FEATURES, in its order
    const features = [
      1, // bias
      q.rule === name ? 1 : 0,
      Math.log1p(Math.max(0, q.at - m.end)) / Math.log(REACH), // recency
      p.order === 0 ? 1 : 0, // latest
      Math.min(p.order, 4) / 4, // others-since
      subject ? 1 : 0,
      m.start >= pronounSentence ? 1 : 0, // same-sentence
      m.start >= previousSentence && m.start < pronounSentence ? 1 : 0, // previous-sentence
      Math.min(paragraphs, 3) / 3, // paragraphs-back
      known !== undefined && known === gender ? 1 : 0, // gender-agrees
      // the other gender: marked by the article's words (never the pronoun's person: weighedCandidates), or by the given name alone ("Sam")
      differs && marked ? 1 : 0, // gender-differs
      differs && !marked ? 1 : 0, // name-gender-differs
      Math.log1p(p.count) / Math.log(20), // salience
      q.previousSpeaker === name ? 1 : 0,
      nameWords.some((w) => w.length > 2 && quoteWords.has(w)) ? 1 : 0, // named-in-quote: "Curtis has been saying …
      p.anyPlain ? 0 : 1, // possessive-only
      CUE_AFTER.test(text.slice(m.end, m.end + 60)) ? 1 : 0, // followed-by-cue
    ];
    out.push({ name, features });
  }
  return out;
}

const GENDER_DIFFERS = PRONOUN_FEATURES.indexOf('gender-differs');

/**
 * The candidates a pronoun may stand for: never a person the article's own words give the other gender
 * (`gender-differs` is a filter, not a weight; the ranker never sees it set).
 */
export function weighedCandidates<C extends { features: number[] }>(candidates: C[]): C[] {
  return candidates.filter((c) => c.features[GENDER_DIFFERS] !== 1);
}

/** How many runs of line breaks stand in text[from, to), counted up to `most`: a candidate may stand thousands of characters back. */
function paragraphBreaks(text: string, from: number, to: number, most: number): number {
  let n = 0;
  for (let k = from; k < to && n < most; k++) if (text.charCodeAt(k) === 0x0a && (k === from || text.charCodeAt(k - 1) !== 0x0a)) n++;
  return n;
}

/**
 * The best of the candidates and "no one" under `weights` (the softmax the ranker was fitted with; no one
 * scores 0): the person with their probability, or no name when no one is likelier than each of them.
 */
export function pickPerson(candidates: PronounCandidate[], weights: readonly number[]): { name?: string; p: number } {
  const scores = candidates.map((c) => {
    let z = 0;
    for (let k = 0; k < c.features.length; k++) z += (c.features[k] as number) * (weights[k] ?? 0);
    return z;
  });
  const top = Math.max(0, ...scores);
  let sum = Math.exp(-top);
  for (const z of scores) sum += Math.exp(z - top);
  const at = scores.indexOf(top);
  return at < 0 ? { p: Math.exp(-top) / sum } : { name: (candidates[at] as PronounCandidate).name, p: 1 / sum };
}
