/**
 * What "he", "she" or "the spokeswoman" at an attribution refers to: the most recent person named
 * before it outside quotation marks, taking the first person of that sentence (usually its subject),
 * unless the article says otherwise:
 * - a role noun ("the chief executive") binds to the person introduced with that role, and to no one else;
 * - "he"/"she" skips people the article marks as the other gender, walking on to the next candidate.
 */
import type { NameIndex, PersonMention } from './name-index.js';
import type { Gender, PersonFacts } from './person-facts.js';
import { sentenceStart } from './sentence-bounds.js';

/** How many mentions back a reference may reach. */
const REACH = 200;

/** The reference to resolve: a pronoun ("he") or a nominal ("the chief executive"). */
export interface Reference {
  kind: 'pronoun' | 'nominal';
  mention: string;
  at: number;
  /**
   * The quotation itself opens with this same pronoun (“He had time to …,” he said): that "he" is the
   * person last named, talked about, so the speaker is someone else who fits.
   */
  quoteOpensWithIt?: boolean;
}

/** How many mentions back a role noun or a gendered pronoun looks for a better fit than the latest sentence. */
const FIT_REACH = 60;

/** The fullest name of the person a reference points to, if any. */
export function resolveReference(text: string, index: NameIndex, ref: Reference, outside: (pos: number) => boolean, facts?: PersonFacts): string | undefined {
  const mentions = index.mentions;
  let i = index.firstAtOrAfter(ref.at) - 1;
  const stop = Math.max(-1, i - REACH);
  while (i > stop && !outside((mentions[i] as PersonMention).start)) i--;
  if (i <= stop) return undefined;
  const near = Math.max(stop, i - FIT_REACH);
  // "the chief executive": only the person the article introduced with that role. The nearest person is
  // too often someone else ("the man", "the moderator", "the Russian leader"): no name beats a wrong one.
  if (ref.kind === 'nominal') return facts ? boundByRole(ref.mention, facts, mentions, i, near, outside) : undefined;
  const { names, before } = sentencePeople(text, mentions, i, stop, outside);
  const gender = facts && ref.kind === 'pronoun' ? pronounGender(ref.mention) : undefined;
  const fitsGender = (name: string) => {
    const known = gender ? facts?.genderOf(name) : undefined;
    return known === undefined || known === gender;
  };
  const talkedAbout = ref.quoteOpensWithIt ? lastFitting(mentions, i, near, outside, fitsGender) : undefined;
  const fits = (name: string) => name !== talkedAbout && fitsGender(name);
  const inSentence = names.find(fits);
  if (inSentence) return inSentence;
  // the latest sentence names only a possessor ("Asked about Lindqvist’s claim, she …"), or only people
  // of the other gender: walk back to the nearest person who fits
  // — the subject of that sentence, its first person who fits, as for the latest sentence
  const candidate = (m: PersonMention) => outside(m.start) && !m.possessive && !names.includes(m.name) && fits(m.name);
  for (let k = before; k > near; k--) {
    const m = mentions[k] as PersonMention;
    if (!candidate(m)) continue;
    const from = sentenceStart(text, m.start, 0);
    let first = k;
    for (let j = k - 1; j > near && (mentions[j] as PersonMention).start >= from; j--) if (candidate(mentions[j] as PersonMention)) first = j;
    return (mentions[first] as PersonMention).name;
  }
  return names.find((name) => name !== talkedAbout) ?? names[0] ?? (mentions[i] as PersonMention).name;
}

/** The name of the last person mentioned at or before mention `i` (outside quotes, not a possessor) who fits. */
function lastFitting(mentions: PersonMention[], i: number, stop: number, outside: (pos: number) => boolean, fits: (name: string) => boolean): string | undefined {
  for (let k = i; k > stop; k--) {
    const m = mentions[k] as PersonMention;
    if (outside(m.start) && !m.possessive && fits(m.name)) return m.name;
  }
  return undefined;
}

/** The people of the latest mention's sentence, its first (the subject, usually) first; and where earlier mentions begin. */
function sentencePeople(text: string, mentions: PersonMention[], i: number, stop: number, outside: (pos: number) => boolean): { names: string[]; before: number } {
  const latest = mentions[i] as PersonMention;
  const from = sentenceStart(text, latest.start, 0);
  const inSentence: PersonMention[] = [];
  let j = i;
  for (; j > stop; j--) {
    const m = mentions[j] as PersonMention;
    if (m.start < from) break;
    // "Tuttle’s lawyer, Angela Ruiz, …": a possessive names whose, not who
    if (outside(m.start) && !m.possessive) inSentence.unshift(m);
  }
  const names: string[] = [];
  for (const m of inSentence) if (!names.includes(m.name)) names.push(m.name);
  return { names, before: j };
}

/**
 * "the chief executive", "the spokeswoman", "the 19-year-old": the latest person whose introducing role has
 * those words ("prime minister" before "minister" alone).
 */
function boundByRole(mention: string, facts: PersonFacts, mentions: PersonMention[], i: number, stop: number, outside: (pos: number) => boolean): string | undefined {
  const words = mention
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => !['the', 'a', 'an', 'this', 'that'].includes(w));
  const head = words[words.length - 1];
  if (!head || head.length < 3) return undefined;
  const phrases = words.length > 1 ? [words.join(' '), head] : [head];
  for (const phrase of phrases) {
    const word = wholeWords(phrase);
    for (let k = i; k > stop; k--) {
      const m = mentions[k] as PersonMention;
      if (!outside(m.start)) continue;
      const role = facts.roleAt(k);
      if (role !== '' && role.includes(head) && word.test(role)) return m.name;
    }
  }
  return undefined;
}

/** Patterns already built, by phrase: the same few role nouns ("spokesman", "the minister") come back quote after quote. */
const phrasePatterns = new Map<string, RegExp>();
const PATTERNS_KEPT = 2_000;

/** A pattern matching `phrase` as whole words (its characters other than letters, digits, spaces and hyphens left out). */
function wholeWords(phrase: string): RegExp {
  let pattern = phrasePatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${phrase.replace(/[^\p{L}\p{N} -]/gu, '')}(?:$|[^\\p{L}\\p{N}])`, 'u');
    if (phrasePatterns.size >= PATTERNS_KEPT) phrasePatterns.clear();
    phrasePatterns.set(phrase, pattern);
  }
  return pattern;
}

function pronounGender(mention: string): Gender | undefined {
  const p = mention.toLowerCase();
  return p === 'she' ? 'f' : p === 'he' ? 'm' : undefined;
}
