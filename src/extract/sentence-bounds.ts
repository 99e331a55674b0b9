/**
 * Sentence boundaries in running prose, found locally (never by scanning the whole text): a full stop,
 * question or exclamation mark followed by a space and not part of an abbreviation ("Gen.", "U.S.", "J.").
 */
import { ABBREVIATIONS } from './lexicon.js';

/** How far either way a sentence is looked for; longer "sentences" are cut there. */
export const SENTENCE_REACH = 600;

const UPPER = /\p{Lu}/u;
const LETTER = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

// These take one character and are called for most characters of an article: ASCII is answered from its
// code, and only other characters go to the Unicode property regular expressions.

/** Whether `ch` (one character) is an upper-case letter. */
export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.test(ch);
}

/** Whether `ch` (one character) is a letter or digit. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(ch);
}

/** Whether `ch` (one character) is white space (line breaks included). */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return SPACE.test(ch);
}

/** Closing marks that may stand between a sentence's stop and the next sentence. */
const CLOSERS = '”"’\')]»“';

/** Whether the character at `i` ends a sentence. */
export function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') return false;
  let j = i + 1;
  while (j < text.length && CLOSERS.includes(text[j] as string)) j++;
  if (j < text.length && !isSpace(text[j])) return false;
  if (ch !== '.') return true;
  // the word before the full stop
  let k = i - 1;
  while (k >= 0 && isWordChar(text[k])) k--;
  const word = text.slice(k + 1, i);
  if (word.length === 1 && isUpper(word) && isUpper(text[j + 1])) return false; // an initial: "George W. Bush"
  if (text[k] === '.' && word.length <= 2) return false; // "U.S.", "a.m."
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // a lower-case word next is the same sentence ("in the U.S. on Friday")
  let n = j;
  while (n < text.length && isSpace(text[n]) && text[n] !== '\n') n++;
  const next = text[n];
  if (next !== undefined && next !== '\n' && /\p{Ll}/u.test(next)) return false;
  return true;
}

/** Start of the sentence containing `pos`, not before `floor`. */
export function sentenceStart(text: string, pos: number, floor: number): number {
  const low = Math.max(floor, pos - SENTENCE_REACH);
  for (let i = pos - 1; i >= low; i--) {
    const ch = text[i];
    if (ch === '\n') return skipSpace(text, i + 1, pos);
    if ((ch === '.' || ch === '!' || ch === '?' || ch === '…') && isSentenceEnd(text, i)) {
      let j = i + 1;
      while (j < pos && CLOSERS.includes(text[j] as string) && text[j] !== '“') j++;
      return skipSpace(text, j, pos);
    }
  }
  return skipSpace(text, low, pos);
}

/** End (exclusive, after the stop) of the sentence containing `pos`, not after `ceil`. */
export function sentenceEnd(text: string, pos: number, ceil: number): number {
  const high = Math.min(ceil, pos + SENTENCE_REACH);
  for (let i = pos; i < high; i++) {
    const ch = text[i];
    if (ch === '\n') return i;
    if ((ch === '.' || ch === '!' || ch === '?' || ch === '…') && isSentenceEnd(text, i)) return i + 1;
  }
  return high;
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text[i])) i++;
  return i;
}

/** Number of words in `s` (runs of letters or digits). */
export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of s) {
    const w = isWordChar(ch);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
