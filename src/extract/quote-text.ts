/**
 * A quote's words in comparable form: quotation marks, surrounding punctuation and white space
 * trimmed, curly quotes and apostrophes made straight, runs of space collapsed, lower case.
 * Used to match quotes against each other (ranking) and against labelled fixtures (eval).
 */

/** Marks, punctuation and (below) white space trimmed from both ends. */
const EDGE_MARKS = '"\'“”‘’„«»‹›.,;:!?…—–-';
const SPACE = /\s/u;

/** A run of white space to collapse: two or more characters, or one that is not a plain space (a lone space stays as it is). */
const SPACE_RUN = /\s{2,}|[^\S ]/gu;

/** `text` normalised for comparison. */
export function quoteKey(text: string): string {
  const s = text.normalize('NFKC').replace(/[“”„«»]/gu, '"').replace(/[‘’‹›]/gu, "'").replace(SPACE_RUN, ' ');
  // the ends are trimmed by walking in from each side: a regular expression anchored at the end is tried at every position
  let from = 0;
  let to = s.length;
  while (from < to && isEdge(s[from] as string)) from++;
  while (to > from && isEdge(s[to - 1] as string)) to--;
  return s.slice(from, to).toLowerCase();
}

function isEdge(ch: string): boolean {
  return EDGE_MARKS.includes(ch) || SPACE.test(ch);
}
