/**
 * From quoted spans to `Quote`s: drops what is no quotation (short terms, titles of works, headlines),
 * attributes each quote (tail, head, dash, context), sets `partial`, joins quotes split around their
 * attribution (“A,” he said. “B.”), resolves pronouns and surnames to the fullest name, and scores.
 */
import type { Block, Quote } from '../types.js';
import { type Attribution, contextAttribution, headAttribution, neighbourSentences, summaryAttribution, tailAttribution } from './attribution.js';
import { CUE_VERBS, PRONOUNS, WORK_WORDS } from './lexicon.js';
import { type Candidate, features, nearbyCandidates, type Origin, type QuoteSpan, quoteContext } from './source-candidates.js';
import { type PronounCandidate, type PronounQuestion, pronounCandidates } from './pronoun-model.js';
import { confidence, pickSource, resolvePronoun, sourceProbability } from './source-model.js';
import type { SpeakerReading } from './speaker-phrase.js';
import type { NameIndex } from './name-index.js';
import { PersonFacts } from './person-facts.js';
import { scanQuotes, type RawQuote } from './quote-scanner.js';
import { isSentenceEnd, isSpace, isUpper, isWordChar, sentenceEnd, sentenceStart, wordCount } from './sentence-bounds.js';
import { resolveReference } from './reference.js';
import { isTimestamp } from './timestamp.js';
import { withoutRepeats } from './repeated-quotes.js';
import { type Word, wordsIn } from './words.js';

/** Extraction settings the builder needs. */
export interface BuildSettings {
  minWords: number;
  /** Sees every quotation's candidate sources and their features (scripts/train-sources.ts learns from them). */
  onCandidates?: (quote: QuoteSpan, candidates: Array<{ candidate: Candidate; features: number[]; p: number }>) => void;
  /** Sees every pronoun resolved, with its candidate people and their features (the same script learns from them). */
  onPronoun?: (question: PronounQuestion, candidates: PronounCandidate[]) => void;
}

interface Draft {
  raw: RawQuote;
  text: string;
  /** The source model's probability for the chosen source (undefined: the hand rules' attribution, unscored). */
  p?: number;
  /** [open, close] of each piece: one, or several for a quote joined around its attribution. */
  pieces: Array<[number, number]>;
  attr?: Attribution;
  own: boolean;
  partial: boolean;
}

/** Quotes found in `blocks` (already free of posts), in article order, and what was skipped. */
export function buildQuotes(text: string, blocks: Block[], joined: boolean[], index: NameIndex, settings: BuildSettings): { quotes: Quote[]; warnings: string[] } {
  const scan = scanQuotes(text, blocks, joined);
  const raws = withPullQuotes(text, blocks, scan.quotes);
  const outside = (pos: number) => !insideAny(raws, pos);
  let counts: Map<string, number> | undefined;
  const mentionsOf = (name: string) => {
    if (!counts) {
      counts = new Map();
      for (const m of index.mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    }
    return counts.get(name) ?? 0;
  };
  const drafts: Draft[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] as RawQuote;
    const block = blocks[raw.block] as Block;
    const last = blocks[raw.lastBlock] as Block;
    const content = raw.parts.map(([a, b]) => text.slice(a, b).trim()).join('\n').trim();
    const count = wordCount(content);
    if (count === 0 || count < settings.minWords - 1) continue; // no words at all (“ ”, “—”) is never a quote
    if (isTimestamp(content)) continue; // an embedded post's date line set in quotation marks
    // a headline, or a picture's caption ("Protesters outside the court. “We stay,” one sign read."): the
    // article's own reporting of who said it is elsewhere, and a caption's credit is no speaker
    if (block.kind === 'heading' || block.kind === 'caption') continue;
    if (block.kind === 'p' && !/[.!?]$/u.test(content) && looksLikeHeadline(text, block)) continue;
    const prevQ = raws[i - 1];
    const nextQ = raws[i + 1];
    // the sentences the quote opens and closes in, and the words after it, are read once and reused below
    const sentenceFrom = sentenceStart(text, raw.open, block.start);
    const sentenceTo = sentenceEnd(text, raw.close, last.end);
    const headStart = Math.max(prevQ && prevQ.lastBlock === raw.block ? prevQ.close : block.start, sentenceFrom);
    const tailCeil = nextQ && nextQ.block === raw.lastBlock ? nextQ.open : last.end;
    const tailEnd = Math.min(sentenceTo, tailCeil);
    let tailWords: Word[] | undefined;
    const wordsAfter = () => (tailWords ??= wordsIn(text, raw.close, tailEnd));
    const before = wordsBefore(text, headStart, raw.open);
    if (isWorkTitle(before, content)) continue;
    if (count < 5 && isNamedTerm(before)) continue;
    // “A.” According to X, … “B.” — a new sentence that leads into the next quote attributes that one, not this
    const leadsNext = nextQ !== undefined && nextQ.block === raw.lastBlock && /[.!?…]$/u.test(content) && /^\s*\p{Lu}/u.test(text.slice(raw.close, raw.close + 4)) && nextQ.open < sentenceTo;
    const tail = raw.close < tailEnd && !leadsNext ? tailAttribution(text, index, raw.close, tailEnd, wordsAfter()) : undefined;
    let head = headStart < raw.open ? headAttribution(text, index, headStart, raw.open) : undefined;
    const prevDraft = drafts[drafts.length - 1];
    if (head?.inherit) {
      const earlier = prevDraft && prevDraft.raw.lastBlock === raw.block && prevDraft.raw.close <= headStart ? prevDraft.attr?.speaker : undefined;
      head = earlier ? { ...head, speaker: earlier } : undefined;
    }
    // “A” … and described it as “B”: the subject of the sentence stands before the earlier quote
    if (!head && prevQ && sentenceFrom < prevQ.open && headStart === prevQ.close) head = headAttribution(text, index, sentenceFrom, raw.open);
    const endsOpen = /[,?!—–\-…:]$/u.test(content) || !/[.!?]$/u.test(content);
    let attr: Attribution | undefined;
    if (tail && (tail.form === 'dash' || endsOpen || wordsAfter().length <= 6)) attr = tail;
    else attr = head ?? tail;
    // “A” and that … “B” — a second quote coordinated in the same sentence has the first one's speaker
    const coordinatedAttr =
      prevQ && prevDraft?.raw === prevQ && prevQ.lastBlock === raw.block && prevDraft.attr?.speaker && coordinated(text, block.start, prevQ, raw)
        ? { ...prevDraft.attr, form: 'head' as const, end: raw.open }
        : undefined;
    if (!attr) attr = coordinatedAttr;
    const own = attr !== undefined;
    if (!own && isTitleCase(content)) continue;
    // one word short of minWords still counts when a person is said, in the same sentence, to have said it
    // (“very sobering”, he said) — not a term inside reported speech ("argued that … “common carriers”")
    if (count < settings.minWords && !(count === settings.minWords - 1 && own && attr?.cue && !attr.reported && isPerson(attr))) continue;
    const partial = isPartial(text, raw, content, headStart, tail !== undefined && tail === attr ? wordsAfter : undefined);
    // a Title Case fragment inside the writer's sentence names a work, a show or a slogan: ABC's “This Week”
    if (partial && count <= 16 && namesAWork(content)) continue;
    // a short fragment nobody is said to have said is a term or a scare quote
    if (!attr && partial && count < 5) continue;
    const dash = dashLine(text, index, blocks[raw.lastBlock + 1], joined[raw.lastBlock] === true);
    if (!attr && !partial) attr = dash;
    const floor = raw.block > 0 && joined[raw.block - 1] ? (blocks[raw.block - 1] as Block).start : block.start;
    const ceil = joined[raw.lastBlock] ? (blocks[raw.lastBlock + 1]?.end ?? last.end) : last.end;
    const around = neighbourSentences(text, headStart, tailEnd, floor, ceil);
    const context = contextAttribution(text, index, around.prev, around.next, outside);
    if (!attr && !partial) attr = context;
    // a quote standing as its own paragraph, handed to its speaker by the next one: "That is how X put it."
    const following = blocks[raw.lastBlock + 1];
    const summary =
      following && raw.open <= block.start + 1 && raw.close >= last.end - 1
        ? summaryAttribution(text, index, [following.start, sentenceEnd(text, following.start, following.end)], outside)
        : undefined;
    if (!attr && !partial) attr = summary;
    const chosen = chooseSource(text, index, settings, outside, mentionsOf, {
      span: { open: raw.open, close: raw.close, blockStart: block.start, blockEnd: last.end, partial },
      sentenceFrom,
      readings: [tail, head, coordinatedAttr, dash, context, summary],
      rule: attr,
      window: [Math.max(floor, sentenceStart(text, Math.max(floor, headStart - 1), floor)), Math.min(ceil, sentenceEnd(text, Math.min(ceil, tailEnd + 1), ceil))],
    });
    drafts.push({ raw, text: content, pieces: [[raw.open, raw.close]], attr: chosen?.attribution, ...(chosen ? { p: chosen.p } : {}), own, partial });
  }
  const merged = mergeSplit(text, drafts);
  const roles = new Map<string, string>();
  const facts = new PersonFacts(text, index, outside);
  const article: ArticleContext = { text, index, outside, facts, roles, settings };
  const { quotes, repeated } = withoutRepeats(merged.map((d) => toQuote(article, d)));
  const warnings: string[] = [];
  if (repeated > 0) {
    warnings.push(`${repeated} quotation${repeated === 1 ? '' : 's'} repeated an earlier one word for word (a pull quote) and ${repeated === 1 ? 'was' : 'were'} listed once.`);
  }
  if (scan.unmatched.length > 0) {
    warnings.push(
      `${scan.unmatched.length} opening quotation mark${scan.unmatched.length === 1 ? ' has' : 's have'} no closing mark in the same paragraph; the text after ${scan.unmatched.length === 1 ? 'it was' : 'them was'} not taken as a quote (first at offset ${scan.unmatched[0]}).`,
    );
  }
  return { quotes, warnings };
}

/** What `chooseSource` weighs for one quotation. */
interface SourceQuestion {
  span: QuoteSpan;
  /** The attributions the hand rules read (any may be missing). */
  readings: Array<Attribution | undefined>;
  /** The one the hand rules chose. */
  rule: Attribution | undefined;
  /** Where nearby people are looked for: the sentence before the quotation to the sentence after it. */
  window: [number, number];
  /** Start of the sentence the quotation opens in. */
  sentenceFrom: number;
}

/** Every candidate source of one quotation, scored by the source model; the best one if it is likely enough. */
function chooseSource(
  text: string,
  index: NameIndex,
  settings: BuildSettings,
  outside: (pos: number) => boolean,
  mentionsOf: (name: string) => number,
  q: SourceQuestion,
): { attribution: Attribution; p: number } | undefined {
  const candidates: Candidate[] = [];
  const taken = new Set<number>();
  for (const attribution of q.readings) {
    const reading = attribution?.speaker;
    if (!attribution || !reading || taken.has(reading.at)) continue;
    taken.add(reading.at);
    candidates.push({ reading, attribution, origin: originOf(attribution, q), rule: attribution === q.rule });
  }
  candidates.push(...nearbyCandidates(text, index, q.window[0], q.window[1], outside, taken));
  const context = quoteContext(text, q.span, q.sentenceFrom);
  const scored = candidates.map((candidate) => {
    const values = features(text, index, context, candidate, mentionsOf);
    return { candidate, features: values, p: sourceProbability(values) };
  });
  settings.onCandidates?.(q.span, scored);
  const best = pickSource(scored);
  return best ? { attribution: best.candidate.attribution, p: best.p } : undefined;
}

/** Which reading an attribution is. */
function originOf(attribution: Attribution, q: SourceQuestion): Origin {
  const [tail, head, coordinated, dash, context, summary] = q.readings;
  if (attribution === tail) return attribution.form === 'dash' ? 'dash' : 'tail';
  if (attribution === head) return attribution.inherit ? 'inherit' : attribution.form === 'from' ? 'from' : 'head';
  if (attribution === coordinated) return 'coordinated';
  if (attribution === dash) return 'dash';
  if (attribution === summary) return 'summary';
  if (attribution === context) return 'context';
  return 'nearby';
}

/** Blockquote blocks with no quotation marks of their own are pull quotes: the whole block is the quote. */
function withPullQuotes(text: string, blocks: Block[], quotes: RawQuote[]): RawQuote[] {
  if (!blocks.some((b) => b.kind === 'blockquote')) return quotes;
  const out: RawQuote[] = [];
  let q = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Block;
    const inBlock: RawQuote[] = [];
    while (q < quotes.length && (quotes[q] as RawQuote).block === b) inBlock.push(quotes[q++] as RawQuote);
    const body = text.slice(block.start, block.end);
    if (block.kind === 'blockquote' && inBlock.length === 0 && /\p{L}/u.test(body) && !DASH_LINE.test(body)) {
      out.push({ open: block.start, close: block.end, parts: [[block.start, block.end]], block: b, lastBlock: b, family: 'double' });
    } else out.push(...inBlock);
  }
  while (q < quotes.length) out.push(quotes[q++] as RawQuote);
  return out;
}

function isPerson(attr: Attribution): boolean {
  const kind = attr.speaker?.kind;
  return kind === 'name' || kind === 'pronoun' || kind === 'nominal';
}

const DASH_LINE = /^\s*[—–―-]\s*\p{Lu}/u;

/** "— Gary Neville, Sky Sports pundit" on the line after a quote. */
function dashLine(text: string, index: NameIndex, next: Block | undefined, joined: boolean): Attribution | undefined {
  if (!next || !joined || !DASH_LINE.test(text.slice(next.start, Math.min(next.end, next.start + 8)))) return undefined;
  const attr = tailAttribution(text, index, next.start, Math.min(next.end, next.start + 200));
  return attr?.form === 'dash' ? attr : undefined;
}

function insideAny(raws: RawQuote[], pos: number): boolean {
  let lo = 0;
  let hi = raws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((raws[mid] as RawQuote).open <= pos) lo = mid + 1;
    else hi = mid;
  }
  const q = raws[lo - 1];
  return q !== undefined && pos < q.close;
}

/** A short line with no closing punctuation reads as a headline or teaser. */
function looksLikeHeadline(text: string, block: Block): boolean {
  // called once per quote: look at the line's last character and stop counting at 21 words, so a long
  // paragraph full of quotes is not re-read whole for each of them (that was quadratic)
  // spaces, emoji and symbols after the last word ("… said Mayor Ada Lovelace. 🌉") do not end a line
  const trailing = /(?:[\s\p{Extended_Pictographic}\p{So}\p{EMod}]|\uFE0F|\u200D)*$/u.exec(text.slice(Math.max(block.start, block.end - 64), block.end));
  const end = block.end - (trailing?.[0].length ?? 0);
  if (/[.!?”"’'):…]/u.test(text[end - 1] ?? '')) return false;
  let words = 0;
  let inWord = false;
  for (const ch of text.slice(block.start, end)) {
    const w = isWordChar(ch);
    if (w && !inWord && ++words > 20) return false;
    inWord = w;
  }
  return true;
}

/** “The Secret Life of Pets” after "the film", or a Title Case run with no attribution. */
/** The words (no punctuation) just before an opening mark, within its sentence. */
function wordsBefore(text: string, headStart: number, open: number) {
  return wordsIn(text, Math.max(headStart, open - 40), open).filter((w) => /\p{L}/u.test(w.text));
}

/** `before`: the words before the opening mark (wordsBefore). */
function isWorkTitle(before: Word[], content: string): boolean {
  const last = before[before.length - 1];
  return last !== undefined && WORK_WORDS.has(last.lower) && (!/[.!?]$/u.test(content) || isTitleCase(content));
}

const NAMING_WORDS = new Set(['call', 'so-called', 'dubbed', 'termed', 'nicknamed']);

/** A short term being named: what forecasters call a “heat dome”, a so-called “bridge loan”, known as “the pit”. */
function isNamedTerm(before: Word[]): boolean {
  let k = before.length - 1;
  if (['a', 'an', 'the', 'it', 'them', 'this'].includes(before[k]?.lower ?? '')) k--;
  const w = before[k];
  if (!w) return false;
  return NAMING_WORDS.has(w.lower) || (w.lower === 'as' && ['known', 'referred', 'to'].includes(before[k - 1]?.lower ?? ''));
}

/**
 * The words of a would-be title, edge punctuation stripped from each, or undefined when it is no title: a
 * sentence break (! ? ; a full stop before a space; a colon unless `colon`, which splits a subtitle off) or
 * more than `most` words. One pass over the text, whatever it holds.
 */
function titleWords(content: string, colon: boolean, most: number): string[] | undefined {
  let end = content.length;
  while (end > 0 && /[\s,.…]/u.test(content[end - 1] as string)) end--;
  const words: string[] = [];
  let word = '';
  const flush = () => {
    let a = 0;
    let b = word.length;
    while (a < b && !isWordChar(word[a])) a++;
    while (b > a && !isWordChar(word[b - 1])) b--;
    if (b > a) words.push(word.slice(a, b));
    word = '';
    return words.length <= most;
  };
  for (let i = 0; i < end; i++) {
    const ch = content[i] as string;
    if (ch === '!' || ch === '?' || ch === ';' || (ch === ':' && !colon) || (ch === '.' && isSpace(content[i + 1]))) return undefined;
    if (isSpace(ch) || ch === ':') {
      if (!flush()) return undefined;
    } else word += ch;
  }
  return flush() ? words : undefined;
}

/**
 * A title in Title Case: “The Salt Road”, “Salt, Smoke and Sunday,”, “Born in the U.S.A.” — edge
 * punctuation, commas between words and abbreviation stops allowed; no sentence break, no ! ? ; :.
 */
function isTitleCase(content: string): boolean {
  const words = titleWords(content, false, 10)?.filter((w) => w.length > 3);
  return words !== undefined && words.length >= 2 && words.every((w) => isUpper(w[0]) || !isWordChar(w[0]));
}

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'de', 'la', 'le', 'el', 'der', 'die', 'das', 'und']);

/**
 * The name of a work, a show or a slogan, as a fragment of the writer's sentence: every word capitalised but
 * the short words of titles, at least two capitalised, a subtitle after a colon allowed — “Squawk Box”,
 * “Eye of the Tiger”, “The Trumps: Three Generations That Built an Empire”.
 */
function namesAWork(content: string): boolean {
  const words = titleWords(content, true, 16);
  if (!words || words.length < 2) return false;
  let capitals = 0;
  for (const w of words) {
    if (isUpper(w[0]) || /^\p{N}/u.test(w)) capitals++;
    else if (!TITLE_SMALL_WORDS.has(w.toLowerCase())) return false;
  }
  return capitals >= 2;
}

/** Whether quote `b` follows quote `a` in the same sentence, joined by "and", "or" or "but" and no new speaker. */
function coordinated(text: string, floor: number, a: RawQuote, b: RawQuote): boolean {
  if (sentenceStart(text, b.open, floor) > a.open) return false;
  const between = wordsIn(text, a.close, b.open);
  return between.length <= 12 && between.some((w) => w.lower === 'and' || w.lower === 'or' || w.lower === 'but') && !between.some((w) => CUE_VERBS.has(w.lower));
}


/** A fragment inside the writer's own sentence, rather than a whole quoted sentence. */
/** `after`: the words after the quote up to the end of its tail attribution, when that attribution is the quote's. */
function isPartial(text: string, raw: RawQuote, content: string, headStart: number, after: (() => Word[]) | undefined): boolean {
  if (/^(?:\.\.\.|…)/u.test(content)) return true;
  const first = /[\p{L}\p{N}]/u.exec(content)?.[0];
  if (first && /\p{Ll}/u.test(first)) return true;
  const head = text.slice(headStart, raw.open).trimEnd();
  if (head.length > 0) {
    const lastChar = head[head.length - 1];
    if (isWordChar(lastChar)) {
      const lastWord = /[\p{L}\p{N}'’]+$/u.exec(head)?.[0]?.toLowerCase() ?? '';
      if (!CUE_VERBS.has(lastWord) && lastWord !== 'that') return true;
    }
  }
  if (!/[.!?,]$/u.test(content) && after) {
    const next = after()[0];
    if (next && /^\p{Ll}/u.test(next.text) && !CUE_VERBS.has(next.lower) && !PRONOUNS.has(next.lower)) return true;
  }
  return false;
}

/**
 * “A,” he said. “B.” — a quote right after an attributed quote, with no attribution of its own, continues
 * it, and so does the one after that when nothing but space stands between. The pieces are joined as they
 * are spoken: the comma a quote ends with before its attribution stands for a full stop when the next
 * piece starts a sentence (“…in a blowout,” he said. “He has…” → "…in a blowout. He has…").
 */
function mergeSplit(text: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    let d = drafts[i] as Draft;
    let next = drafts[i + 1];
    const follows = next !== undefined && d.own && d.attr?.form === 'tail' && next.raw.block === d.raw.lastBlock;
    const spoken = follows && next !== undefined && !next.own && !next.partial && /^\s*$/u.test(text.slice(d.attr?.end ?? d.raw.close, next.raw.open));
    // “A,” she said, “and b.” — one sentence interrupted by its attribution: the lower-case rest continues it
    if (!spoken && !(follows && continuesSentence(text, d, next as Draft))) {
      out.push(d);
      continue;
    }
    do {
      d = join(d, next as Draft);
      i++;
      next = drafts[i + 1];
    } while (next && !next.own && !next.partial && next.raw.block === d.raw.lastBlock && /^\s*$/u.test(text.slice((d.pieces.at(-1) as [number, number])[1], next.raw.open)));
    out.push(d);
  }
  return out;
}

/** Two drafts as one quote: the words as spoken, every piece kept. */
function join(d: Draft, next: Draft): Draft {
  const sentence = /^\p{Lu}/u.test(next.text) && /,$/u.test(d.text);
  return { ...d, text: `${sentence ? `${d.text.slice(0, -1)}.` : d.text} ${next.text}`, pieces: [...d.pieces, ...next.pieces] };
}

/** The gap between two quotes is only an attribution ending in a comma, and the second starts lower case. */
function continuesSentence(text: string, d: Draft, next: Draft): boolean {
  if (!/,$/u.test(d.text) || !/^\p{Ll}/u.test(next.text)) return false;
  const gap = text.slice(d.raw.close, next.raw.open).trim();
  if (!gap.endsWith(',') || /[;:“”"]/u.test(gap)) return false;
  // a full stop that ends a sentence stands between ("Mr." and "U.S." do not)
  for (let k = d.raw.close; k < next.raw.open; k++) if (isSentenceEnd(text, k)) return false;
  const words = wordsIn(text, d.raw.close, next.raw.open);
  // "she said, adding, “…”": a second reporting verb gives the second quote its own cue
  return words.length <= 14 && words.filter((w) => CUE_VERBS.has(w.lower)).length <= 1;
}

/** What speakers are resolved against, for one article; `previous` is the last person given a quotation. */
interface ArticleContext {
  text: string;
  index: NameIndex;
  outside: (pos: number) => boolean;
  facts: PersonFacts;
  roles: Map<string, string>;
  settings: BuildSettings;
  previous?: string;
}

function toQuote(article: ArticleContext, d: Draft): Quote {
  const quote: Quote = { kind: 'quote', text: d.text.replace(/\s*,$/u, ''), partial: d.partial, start: d.raw.open, end: d.raw.close, confidence: 0 };
  if (d.pieces.length > 1) quote.parts = d.pieces.map(([start, end]) => ({ start, end }));
  const attr = d.attr;
  let path: ConfidencePath = 'none';
  if (attr) {
    if (attr.cue) quote.cue = attr.cue;
    if (attr.via) quote.via = attr.via;
    const reading = attr.speaker;
    if (reading) {
      const { speaker, by, p } = speakerOf(article, reading, d.text);
      quote.speaker = speaker;
      path = by;
      quote.confidence = confidence(d.p, path, d.partial, p);
      if (speaker.kind === 'person' && speaker.name) article.previous = speaker.name;
      return quote;
    }
  }
  quote.confidence = confidence(d.p, path, d.partial);
  return quote;
}

/** How a speaker was reached: the confidence model's path (source-model.ts). */
type ConfidencePath = Parameters<typeof confidence>[1];

/**
 * The speaker a source reading stands for: a person by name (the fullest form in the article), a pronoun
 * resolved to the person it refers to (or kept as the mention alone), a role noun bound to the person
 * the article introduced with it, or, for an organisation or an unnamed source, the source as written.
 */
function speakerOf(article: ArticleContext, reading: SpeakerReading, quoteText: string): { speaker: NonNullable<Quote['speaker']>; by: ConfidencePath; p?: number } {
  const { text, index, outside, facts, roles } = article;
  const mention = reading.mention;
  if (reading.kind === 'org') return { speaker: { name: reading.name ?? mention, mention, kind: 'organization' }, by: 'organization' };
  if (reading.kind === 'someone') return { speaker: { name: mention, mention, kind: 'description' }, by: 'description' };
  let name = reading.name;
  let p: number | undefined;
  // "they" stands for several people or for an organisation: no one person's name is theirs
  if (reading.kind === 'pronoun' && /^they$/iu.test(mention)) return { speaker: { mention, kind: 'person' }, by: 'unresolved' };
  if (reading.kind === 'pronoun' || reading.kind === 'nominal') {
    const opensWithIt = reading.kind === 'pronoun' && /^\p{L}+/u.exec(quoteText)?.[0].toLowerCase() === mention.toLowerCase();
    name = resolveReference(text, index, { kind: reading.kind, mention, at: reading.at, ...(opensWithIt ? { quoteOpensWithIt: true } : {}) }, outside, facts);
  }
  if (reading.kind === 'pronoun') {
    const question: PronounQuestion = { mention, at: reading.at, quote: quoteText, ...(article.previous ? { previousSpeaker: article.previous } : {}), ...(name ? { rule: name } : {}) };
    const candidates = pronounCandidates(text, index, facts, question, outside);
    article.settings.onPronoun?.(question, candidates);
    const picked = resolvePronoun(candidates);
    if (picked) {
      name = picked.name;
      p = picked.p;
    }
  }
  if (!name) {
    return reading.kind === 'nominal'
      ? { speaker: { name: mention, mention, kind: 'description' }, by: 'description' }
      : { speaker: { mention, kind: 'person' }, by: 'unresolved' };
  }
  const speaker: NonNullable<Quote['speaker']> = { name, mention, kind: 'person' };
  const role = reading.kind === 'nominal' ? undefined : (reading.role ?? roles.get(name));
  if (role) speaker.role = role;
  if (reading.role && reading.kind !== 'nominal' && !roles.has(name)) roles.set(name, reading.role);
  return { speaker, by: reading.kind === 'name' ? 'name' : reading.kind === 'pronoun' ? 'pronoun' : 'role', ...(p !== undefined ? { p } : {}) };
}
