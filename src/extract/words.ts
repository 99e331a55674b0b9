/**
 * Words with their offsets, for reading the few dozen characters around a quotation.
 * Only ever run on a bounded slice (a sentence), never on the whole article.
 */
import { ABBREVIATIONS } from './lexicon.js';

/** A word or punctuation token. */
export interface Word {
  /** As written. */
  text: string;
  /** Lower-cased. */
  lower: string;
  /** Offset into the article text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
}

const WORD = /\p{L}[\p{L}\p{M}\p{N}'’-]*(?:\.(?:\p{L}\.?)+)?\.?|\p{N}[\p{N}.,:]*|[,;:—–―-]|\[[^\]\n]{0,80}\]/gu;

/** Tokens of text[from, to). A full stop stays on a word only when it is an abbreviation-like token. */
export function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let t = m[0];
    // keep the stop on "Gen." or "U.S."; drop it from a sentence's last word
    if (t.length > 1 && t.endsWith('.') && !keepsStop(t)) t = t.slice(0, -1);
    out.push({ text: t, lower: t.toLowerCase(), start: from + m.index, end: from + m.index + t.length });
  }
  return out;
}

function keepsStop(t: string): boolean {
  const bare = t.slice(0, -1);
  return /^\p{Lu}$/u.test(bare) || bare.includes('.') || ABBREVIATIONS.has(bare.toLowerCase());
}

/** Split `words` at commas into segments (the commas dropped). */
export function commaSegments(words: Word[]): Word[][] {
  const segs: Word[][] = [[]];
  for (const w of words) {
    if (w.text === ',' || w.text === ';') segs.push([]);
    else (segs[segs.length - 1] as Word[]).push(w);
  }
  return segs.filter((s) => s.length > 0);
}

/** Text from the first to the last word, as written. */
export function spanText(text: string, words: Word[]): string {
  const first = words[0];
  const last = words[words.length - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}
