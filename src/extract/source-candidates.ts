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

/** What every candidate of one quotation shares: its sentence and whether a colon introduces it. */
export interface QuoteContext {
  quote: QuoteSpan;
  sentence: readonly [number, number];
  colon: boolean;
}

/** The shared part of the features of a quotation's candidates, computed once per quotation (`from`: its sentence's start, when known). */
export function quoteContext(text: string, quote: QuoteSpan, from = sentenceStart(text, quote.open, quote.blockStart)): QuoteContext {
  const sentence = [from, sentenceEnd(text, Math.max(quote.open, quote.close - 1), quote.blockEnd)] as const;
  return { quote, sentence, colon: /:\s*$/u.test(text.slice(Math.max(0, quote.open - 3), quote.open)) };
}

/** Feature values of one candidate (see FEATURES). Cheap: a few look-ups in a bounded window. */
export function features(text: string, index: NameIndex, context: QuoteContext, c: Candidate, mentionsOf: (name: string) => number): number[] {
  const { quote } = context;
  const at = c.reading.at;
  const before = at < quote.open;
  const gapFrom = before ? at : quote.close;
  const gapTo = before ? quote.open : at;
  const distance = Math.max(0, gapTo - gapFrom);
  const between = index.countWithin(Math.min(gapFrom, gapTo), Math.max(gapFrom, gapTo), at);
  const mention = index.mentions[index.firstAtOrAfter(at)];
  const isMention = mention?.start === at;
  const person = isMention ? mention.name : undefined;
  const firstInSentence = isMention && index.countWithin(sentenceStart(text, at, quote.blockStart), at) === 0;
  const count = person ? mentionsOf(person) : 0;
  const cue = c.attribution.cue?.toLowerCase();
  const kind = c.reading.kind;
  const o = c.origin;
  const say = cue !== undefined && SAY.has(cue);
  const according = cue?.startsWith('according') === true;
  const one = (value: boolean) => (value ? 1 : 0);
  // one value per name in FEATURES, in its order
  return [
    1, // bias
    one(c.rule),
    one(o === 'tail'),
    one(o === 'dash'),
    one(o === 'head'),
    one(o === 'from'),
    one(o === 'inherit'),
    one(o === 'coordinated'),
    one(o === 'context'),
    one(o === 'summary'),
    one(o === 'nearby'),
    one(kind === 'name'),
    one(kind === 'pronoun'),
    one(kind === 'nominal'),
    one(kind === 'org'),
    one(kind === 'someone'),
    one(say), // cue:say
    one(cue !== undefined && cue !== '' && !say && !according), // cue:other
    one(according),
    one(!cue), // cue:none
    one(before), // place:before
    one(!before), // place:after
    one(at >= context.sentence[0] && at <= context.sentence[1]), // place:same-sentence
    one(at >= quote.blockStart && at <= quote.blockEnd), // place:same-paragraph
    Math.log1p(distance) / Math.log(600),
    Math.min(between, 3) / 3,
    one(firstInSentence),
    one(isMention && mention.possessive === true),
    Math.log1p(count) / Math.log(20), // salience
    one(quote.partial),
    one(quote.open <= quote.blockStart + 1), // quote-opens-paragraph
    one(quote.close >= quote.blockEnd - 1), // quote-closes-paragraph
    one(context.colon && before),
    one(o === 'tail' && kind === 'name'),
    one(o === 'tail' && kind === 'pronoun'),
    one(o === 'head' && kind === 'name'),
    one(o === 'head' && kind === 'pronoun'),
    one(o === 'context' && kind === 'pronoun'),
    one(o === 'nearby' && say),
  ];
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
  const slice = text.slice(from, to);
  THIRD_PERSON.lastIndex = 0;
  for (let m = THIRD_PERSON.exec(slice); m; m = THIRD_PERSON.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken.has(start) || !outside(start)) continue;
    const reading: SpeakerReading = { kind: 'pronoun', mention: m[0], at: start };
    out.push({ reading, attribution: { form: 'context', speaker: reading, end, ...nearCue(text, end, to) }, origin: 'nearby', rule: false });
  }
  return out;
}

/** The subject pronouns that may stand for a third person, as whole words (the tokens `wordsIn` reads). */
const THIRD_PERSON = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}]|[\\p{L}\\p{M}\\p{N}][-'’])(?:${[...PRONOUNS].filter((p) => p !== 'i' && p !== 'we').join('|')})(?![\\p{L}\\p{M}\\p{N}'’-]|\\.\\p{L})`,
  'giu',
);

/** A cue verb within the few words after a mention ("Smith, the mayor, said"). */
function nearCue(text: string, from: number, to: number): { cue?: string } {
  const words = wordsIn(text, from, Math.min(to, from + 60)).slice(0, 6);
  const cue = words.find((w) => CUE_VERBS.has(w.lower) && w.text === w.lower);
  return cue ? { cue: cue.text } : {};
}
