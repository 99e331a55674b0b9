/**
 * Who may have said a quotation: every reading of the words around it (attribution.ts: the tail, the
 * head, a dash line, the sentences before and after) and every other person named close by, each with
 * the features the source model (source-model.ts) scores. The model, learned from PolNeAR's train
 * split by scripts/train-sources.ts, picks one or none.
 */
import type { Attribution } from './attribution.js';
import { CUE_VERBS, PRONOUNS } from './lexicon.js';
import type { NameIndex } from './name-index.js';
import { sentenceEnd, sentenceStart } from './sentence-bounds.js';
import type { SpeakerReading } from './speaker-phrase.js';
import { wordsIn } from './words.js';

/** Where a candidate was read. */
export type Origin = 'tail' | 'dash' | 'head' | 'from' | 'inherit' | 'coordinated' | 'context' | 'summary' | 'nearby';

/** One possible source of a quotation. */
export interface Candidate {
  /** What the words name. */
  reading: SpeakerReading;
  /** How it was read, with the cue, channel and extent of the attribution. */
  attribution: Attribution;
  origin: Origin;
  /** The hand rules' own choice for this quotation. */
  rule: boolean;
}

/** The quotation a candidate is for. */
export interface QuoteSpan {
  open: number;
  close: number;
  /** The paragraph (block) the quotation opens and closes in. */
  blockStart: number;
  blockEnd: number;
  partial: boolean;
}

/** The names of the features, in the order `features` gives them (and the weights file stores them). */
export const FEATURES = [
  'bias',
  'rule',
  'origin:tail',
  'origin:dash',
  'origin:head',
  'origin:from',
  'origin:inherit',
  'origin:coordinated',
  'origin:context',
  'origin:summary',
  'origin:nearby',
  'kind:name',
  'kind:pronoun',
  'kind:nominal',
  'kind:org',
  'kind:someone',
  'cue:say',
  'cue:other',
  'cue:according',
  'cue:none',
  'place:before',
  'place:after',
  'place:same-sentence',
  'place:same-paragraph',
  'distance',
  'between',
  'first-in-sentence',
  'possessive',
  'salience',
  'partial',
  'quote-opens-paragraph',
  'quote-closes-paragraph',
  'colon',
  'tail&name',
  'tail&pronoun',
  'head&name',
  'head&pronoun',
  'context&pronoun',
  'nearby&say',
] as const;

const SAY = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'asked', 'asks', 'added', 'adds']);

/** Feature values of one candidate (see FEATURES). Cheap: a few look-ups in a bounded window. */
export function features(text: string, index: NameIndex, quote: QuoteSpan, c: Candidate, mentionsOf: (name: string) => number): number[] {
  const at = c.reading.at;
  const before = at < quote.open;
  const gapFrom = before ? at : quote.close;
  const gapTo = before ? quote.open : at;
  const distance = Math.max(0, gapTo - gapFrom);
  const sentenceOf = (pos: number) => sentenceStart(text, pos, quote.blockStart);
  const quoteSentence = [sentenceOf(quote.open), sentenceEnd(text, Math.max(quote.open, quote.close - 1), quote.blockEnd)] as const;
  const sameSentence = at >= quoteSentence[0] && at <= quoteSentence[1];
  const sameParagraph = at >= quote.blockStart && at <= quote.blockEnd;
  const between = index.within(Math.min(gapFrom, gapTo), Math.max(gapFrom, gapTo)).filter((m) => m.start !== at).length;
  const mention = index.mentions[index.firstAtOrAfter(at)];
  const isMention = mention?.start === at;
  const person = isMention ? mention.name : undefined;
  const firstInSentence = isMention && index.within(sentenceOf(at), at).length === 0;
  const count = person ? mentionsOf(person) : 0;
  const cue = c.attribution.cue?.toLowerCase();
  const kind = c.reading.kind;
  const o = c.origin;
  const say = cue !== undefined && SAY.has(cue);
  const colon = /:\s*$/u.test(text.slice(Math.max(0, quote.open - 3), quote.open)) && before;
  const f = {
    bias: 1,
    rule: c.rule ? 1 : 0,
    [`origin:${o}`]: 1,
    [`kind:${kind}`]: 1,
    'cue:say': say ? 1 : 0,
    'cue:other': cue && !say && !cue.startsWith('according') ? 1 : 0,
    'cue:according': cue?.startsWith('according') ? 1 : 0,
    'cue:none': cue ? 0 : 1,
    'place:before': before ? 1 : 0,
    'place:after': before ? 0 : 1,
    'place:same-sentence': sameSentence ? 1 : 0,
    'place:same-paragraph': sameParagraph ? 1 : 0,
    distance: Math.log1p(distance) / Math.log(600),
    between: Math.min(between, 3) / 3,
    'first-in-sentence': firstInSentence ? 1 : 0,
    possessive: isMention && mention.possessive ? 1 : 0,
    salience: Math.log1p(count) / Math.log(20),
    partial: quote.partial ? 1 : 0,
    'quote-opens-paragraph': quote.open <= quote.blockStart + 1 ? 1 : 0,
    'quote-closes-paragraph': quote.close >= quote.blockEnd - 1 ? 1 : 0,
    colon: colon ? 1 : 0,
    'tail&name': o === 'tail' && kind === 'name' ? 1 : 0,
    'tail&pronoun': o === 'tail' && kind === 'pronoun' ? 1 : 0,
    'head&name': o === 'head' && kind === 'name' ? 1 : 0,
    'head&pronoun': o === 'head' && kind === 'pronoun' ? 1 : 0,
    'context&pronoun': o === 'context' && kind === 'pronoun' ? 1 : 0,
    'nearby&say': o === 'nearby' && say ? 1 : 0,
  } as Record<string, number>;
  return FEATURES.map((name) => f[name] ?? 0);
}

/**
 * People named in [from, to) outside quotation marks, and subject pronouns, that are not already
 * candidates: the nearby alternatives the model weighs against the readings of the attribution.
 */
export function nearbyCandidates(
  text: string,
  index: NameIndex,
  from: number,
  to: number,
  outside: (pos: number) => boolean,
  taken: ReadonlySet<number>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const m of index.within(from, to)) {
    if (taken.has(m.start) || !outside(m.start)) continue;
    const reading: SpeakerReading = { kind: 'name', mention: text.slice(m.titleStart, m.end), name: m.name, at: m.start };
    out.push({ reading, attribution: { form: 'context', speaker: reading, end: m.end, ...nearCue(text, m.end, to) }, origin: 'nearby', rule: false });
  }
  for (const w of wordsIn(text, from, to)) {
    if (!PRONOUNS.has(w.lower) || w.lower === 'i' || w.lower === 'we' || taken.has(w.start) || !outside(w.start)) continue;
    const reading: SpeakerReading = { kind: 'pronoun', mention: w.text, at: w.start };
    out.push({ reading, attribution: { form: 'context', speaker: reading, end: w.end, ...nearCue(text, w.end, to) }, origin: 'nearby', rule: false });
  }
  return out;
}

/** A cue verb within the few words after a mention ("Smith, the mayor, said"). */
function nearCue(text: string, from: number, to: number): { cue?: string } {
  const words = wordsIn(text, from, Math.min(to, from + 60)).slice(0, 6);
  const cue = words.find((w) => CUE_VERBS.has(w.lower) && w.text === w.lower);
  return cue ? { cue: cue.text } : {};
}
