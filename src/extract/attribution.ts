/**
 * Who said a quotation, read from the words around it:
 * tail   “Q,” X said. · “Q,” said X, role. · “Q,” according to X.
 * dash   “Q” —Name, role
 * head   X said: “Q” · X said … “fragment” · According to X, “Q” · From X: “Q”
 * context  the speaker named in the sentence before (or a colon-ended lead-in), or after, the quote.
 */
import { CUE_VERBS, DOCUMENT_CUES, DOCUMENT_NOUNS, FRENCH_AUXILIARIES, PRONOUNS, WEAK_CUES } from './lexicon.js';
import type { NameIndex } from './name-index.js';
import { isUpper, sentenceEnd, sentenceStart } from './sentence-bounds.js';
import { findVia, readSpeaker, type SpeakerReading } from './speaker-phrase.js';
import { commaSegments, type Word, wordsIn } from './words.js';

/** How a quote was attributed. */
export type AttributionForm = 'tail' | 'dash' | 'head' | 'from' | 'context';

/** An attribution found next to a quote. */
export interface Attribution {
  form: AttributionForm;
  speaker?: SpeakerReading;
  /** The reporting verb as written ("said", "according to"). */
  cue?: string;
  /** The channel ("tweet", "Twitter", "statement"). */
  via?: string;
  /** End offset of the attribution's words (for a tail). */
  end: number;
  /** The quote stands inside reported speech ("argued that … “term”"), not as the cue's own object. */
  reported?: boolean;
  /** The cue has no subject of its own ("… and said “…”"): the speaker is the sentence's earlier one. */
  inherit?: boolean;
}

const CONJUNCTIONS = new Set(['and', 'but', 'then', 'also', 'later', ',', 'before', 'while']);

const RELATIVE_STARTS = new Set(['who', 'which', 'whose', 'whom']);

const DASHES = new Set(['—', '–', '―', '-']);

/** Words after "read" that open what a sign or a message is: "“…,” read one sign", "read a banner". */
const DOCUMENT_OPENERS = new Set(['one', 'another', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'signs', 'banners']);
const NOUN_MARKERS = new Set(['a', 'an', 'the', 'of', 'his', 'her', 'their', 'its', 'our', 'my', 'series', 'these', 'those']);

const PASSIVE = new Set(['be', 'been', 'being', 'is', 'was', 'were', 'are']);

function isCue(w: Word | undefined, prev?: Word, next?: Word): boolean {
  if (w === undefined || w.text[0] !== w.lower[0]) return false;
  // "X put it (bluntly):" reports speech; "put" alone does not
  if (w.lower === 'put') return next?.lower === 'it' && !(prev && NOUN_MARKERS.has(prev.lower));
  // "the report found", "“…,” read one sign": what a document says
  if (DOCUMENT_CUES.has(w.lower)) return (prev !== undefined && DOCUMENT_NOUNS.has(prev.lower)) || (prev === undefined && (w.lower === 'read' || w.lower === 'reads') && next !== undefined && DOCUMENT_OPENERS.has(next.lower));
  if (!CUE_VERBS.has(w.lower)) return false;
  // "will be announced", "was said": a passive has no speaker as its subject
  return !(prev && (NOUN_MARKERS.has(prev.lower) || PASSIVE.has(prev.lower)));
}

/** The words after a quote, up to the end of its sentence: “Q,” [X said in a tweet.] (`all`: those words, when already read.) */
export function tailAttribution(text: string, index: NameIndex, from: number, to: number, all = wordsIn(text, from, to)): Attribution | undefined {
  let k = 0;
  while (all[k]?.text === ',') k++;
  const words = all.slice(k);
  const first = words[0];
  if (!first) return undefined;
  if (DASHES.has(first.text)) {
    const rest = words.slice(1);
    const speaker = readSpeaker(text, index, rest);
    return speaker && speaker.kind !== 'pronoun' ? { form: 'dash', speaker, end: to } : undefined;
  }
  if (first.lower === 'according' && words[1]?.lower === 'to') {
    // "according to Simon Kerr, the head of highways, who told councillors …": the relative clause is not the name
    const relative = words.findIndex((w, k) => k > 2 && w.text === ',' && RELATIVE_STARTS.has(words[k + 1]?.lower ?? ''));
    const rest = words.slice(2, relative > 0 ? relative : undefined);
    const speaker = readSpeaker(text, index, rest);
    return speaker ? withVia({ form: 'tail', speaker, cue: text.slice(first.start, (words[1] as Word).end), end: to }, rest) : undefined;
  }
  // « … », a mentionné le juge Sabourin: a French auxiliary and its reporting verb
  const second = words[1];
  if (FRENCH_AUXILIARIES.has(first.lower) && second && CUE_VERBS.has(second.lower) && /é$/u.test(second.lower)) {
    const rest = words.slice(2);
    const speaker = readSpeaker(text, index, stripVia(rest));
    return speaker ? withVia({ form: 'tail', speaker, cue: `${first.text} ${second.text}`, end: to }, rest) : undefined;
  }
  if (isCue(first, undefined, words[1]) && !WEAK_CUES.has(first.lower)) {
    const rest = words.slice(1);
    const clause = rest.findIndex((w) => isCue(w));
    const speaker = readSpeaker(text, index, stripVia(clause > 0 ? rest.slice(0, clause) : rest));
    if (speaker) return withVia({ form: 'tail', speaker, cue: first.text, end: to }, rest);
    return undefined;
  }
  const limit = Math.min(words.length, 15);
  for (let c = 1; c < limit; c++) {
    const w = words[c] as Word;
    if (!isCue(w, words[c - 1], words[c + 1])) continue;
    if (WEAK_CUES.has(w.lower) && w.lower !== 'went') continue;
    const subject = words.slice(0, c);
    const speaker = readSpeaker(text, index, subject);
    if (!speaker) return undefined;
    const after = words.slice(c + 1, c + 7);
    const cue = w.lower === 'went' && words[c + 1]?.lower === 'on' ? `${w.text} on` : w.text;
    return withVia({ form: 'tail', speaker, cue, end: to }, after, subject);
  }
  return undefined;
}

/** The words before a quote in its sentence: [X said:] “Q” · [X stressed the Taliban] “fragment”. */
export function headAttribution(text: string, index: NameIndex, from: number, to: number): Attribution | undefined {
  const words = wordsIn(text, from, to);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  if (first.lower === 'from' && last.text === ':') {
    const speaker = readSpeaker(text, index, words.slice(1, -1));
    return speaker ? { form: 'from', speaker, end: to } : undefined;
  }
  for (let i = 0; i + 1 < words.length; i++) {
    if ((words[i] as Word).lower !== 'according' || (words[i + 1] as Word).lower !== 'to') continue;
    const rest: Word[] = [];
    for (let k = i + 2; k < words.length && (words[k] as Word).text !== ',' && (words[k] as Word).text !== ':'; k++) rest.push(words[k] as Word);
    const speaker = readSpeaker(text, index, rest);
    if (speaker) return withVia({ form: 'head', speaker, cue: text.slice((words[i] as Word).start, (words[i + 1] as Word).end), end: to }, rest);
  }
  let cueAt = -1;
  for (let c = words.length - 1; c >= 0; c--) {
    const w = words[c] as Word;
    if (!isCue(w, words[c - 1], words[c + 1])) continue;
    if (cueAt < 0) cueAt = c;
    if (c === cueAt && words.slice(0, c).every((x) => CONJUNCTIONS.has(x.lower))) {
      return withVia({ form: 'head', cue: w.text, end: to, inherit: true }, words.slice(c + 1, c + 7));
    }
    const speaker = coordinatedCue(words, c) ? clauseSubject(text, index, words.slice(0, c - 1)) : readSpeaker(text, index, words.slice(0, c));
    if (!speaker) continue;
    const cueWord = words[cueAt] as Word;
    const after = words.slice(cueAt + 1, cueAt + 7);
    const reported = words.slice(cueAt + 1).some((x) => x.lower === 'that');
    return withVia({ form: 'head', speaker, cue: cueWord.text, end: to, ...(reported ? { reported } : {}) }, after, words.slice(0, c));
  }
  // "Smith: “…”" — a transcript-style lead-in
  if (last.text === ':' && words.length <= 6) {
    const speaker = readSpeaker(text, index, words.slice(0, -1));
    if (speaker && speaker.kind === 'name') return { form: 'from', speaker, end: to };
  }
  return undefined;
}

/** "… over Clinton and said": a cue joined by "and"/"but" to an earlier verb of the same subject. */
function coordinatedCue(words: Word[], c: number): boolean {
  const before = words[c - 1]?.lower;
  return (before === 'and' || before === 'but') && c >= 3;
}

/**
 * The subject of a clause whose verbs are coordinated ("Eight years ago, he supported Barack Obama over
 * Clinton and [said]"): the pronoun or the name that opens its last comma segment, never the object
 * before "and".
 */
function clauseSubject(text: string, index: NameIndex, words: Word[]): SpeakerReading | undefined {
  const seg = commaSegments(words).at(-1) ?? [];
  const first = seg[0];
  if (!first) return undefined;
  if (PRONOUNS.has(first.lower)) return readSpeaker(text, index, [first]);
  let end = 0;
  while (end < seg.length && isUpper((seg[end] as Word).text[0])) end++;
  return end > 0 && end < seg.length ? readSpeaker(text, index, seg.slice(0, end)) : undefined;
}

/** A speaker named in the sentence before the quote (or a colon lead-in), else in the sentence after. */
export function contextAttribution(
  text: string,
  index: NameIndex,
  prev: [number, number] | undefined,
  next: [number, number] | undefined,
  outsideQuotes: (pos: number) => boolean,
): Attribution | undefined {
  if (prev && prev[1] > prev[0]) {
    const lead = text.slice(prev[0], prev[1]).trimEnd();
    if (lead.endsWith(':')) {
      const head = headAttribution(text, index, prev[0], prev[0] + lead.length);
      if (head) return head;
    }
    const reading = firstPerson(text, index, prev[0], prev[1], outsideQuotes);
    if (reading) return { form: 'context', speaker: reading, end: prev[1] };
  }
  if (next && next[1] > next[0]) {
    const words = wordsIn(text, next[0], next[1]);
    if (words.some((w) => isCue(w) || w.lower === 'according')) {
      const reading = firstPerson(text, index, next[0], next[1], outsideQuotes);
      if (reading) return { form: 'context', speaker: reading, end: next[1] };
    }
  }
  // last: a sentence before that names nobody but says "she" ("Asked whether she regretted it, she paused.")
  const pronoun = prev && prev[1] > prev[0] ? personalPronoun(text, prev[0], prev[1], outsideQuotes) : undefined;
  return pronoun ? { form: 'context', speaker: pronoun, end: (prev as [number, number])[1] } : undefined;
}

/**
 * A sentence that hands a standalone quote back to its speaker: "That is how Ray Pruitt … summed up the
 * summer." · "So said the minister." · "Those were the words of …".
 */
export function summaryAttribution(text: string, index: NameIndex, sentence: [number, number], outsideQuotes: (pos: number) => boolean): Attribution | undefined {
  const words = wordsIn(text, sentence[0], Math.min(sentence[1], sentence[0] + 60)).map((w) => w.lower);
  const lead = words.slice(0, 5).join(' ').replace(/[’']s /u, ' is ');
  if (!/^(?:(?:that|this) (?:is|was) how|so said|those were the words of|such were the words of) /u.test(`${lead} `)) return undefined;
  const reading = firstPerson(text, index, sentence[0], sentence[1], outsideQuotes);
  return reading ? { form: 'context', speaker: reading, end: sentence[1] } : undefined;
}

/** The first person named (or pronoun subject) in [from, to), outside quotation marks. */
function firstPerson(text: string, index: NameIndex, from: number, to: number, outsideQuotes: (pos: number) => boolean): SpeakerReading | undefined {
  const lead = wordsIn(text, from, Math.min(to, from + 12))[0];
  if (lead && PRONOUNS.has(lead.lower) && lead.lower !== 'i' && lead.lower !== 'we' && lead.lower !== 'they') {
    return { kind: 'pronoun', mention: lead.text, at: lead.start };
  }
  for (const m of index.within(from, to)) {
    if (outsideQuotes(m.start)) return { kind: 'name', mention: text.slice(m.titleStart, m.end), name: m.name, at: m.start };
  }
  return undefined;
}

/** A sentence that names nobody but says "he" or "she" ("Asked whether she regretted it, she paused."): that pronoun. */
function personalPronoun(text: string, from: number, to: number, outsideQuotes: (pos: number) => boolean): SpeakerReading | undefined {
  const word = wordsIn(text, from, to).find((w) => (w.lower === 'he' || w.lower === 'she') && outsideQuotes(w.start));
  return word ? { kind: 'pronoun', mention: word.text, at: word.start } : undefined;
}

/** Previous and next sentence ranges around [start, end), within the block bounds given. */
export function neighbourSentences(text: string, start: number, end: number, floor: number, ceil: number): { prev?: [number, number]; next?: [number, number] } {
  const out: { prev?: [number, number]; next?: [number, number] } = {};
  if (start > floor) {
    let e = start;
    while (e > floor && /\s/u.test(text[e - 1] as string)) e--;
    if (e > floor) out.prev = [sentenceStart(text, e - 1, floor), e];
  }
  if (end < ceil) {
    let s = end;
    while (s < ceil && /\s/u.test(text[s] as string)) s++;
    if (s < ceil) out.next = [s, sentenceEnd(text, s, ceil)];
  }
  return out;
}

function stripVia(words: Word[]): Word[] {
  const i = words.findIndex((w, k) => ['in', 'on', 'at', 'via'].includes(w.lower) && k === 0);
  if (i !== 0) return words;
  const comma = words.findIndex((w) => w.text === ',');
  return comma > 0 ? words.slice(comma + 1) : words;
}

function withVia(attr: Attribution, ...groups: Word[][]): Attribution {
  for (const g of groups) {
    const via = findVia(g);
    if (via) return { ...attr, via };
  }
  return attr;
}
