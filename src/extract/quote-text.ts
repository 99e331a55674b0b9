/**
 * A quote's words in comparable form: quotation marks, surrounding punctuation and white space
 * trimmed, curly quotes and apostrophes made straight, runs of space collapsed, lower case.
 * Used to match quotes against each other (ranking) and against labelled fixtures (eval).
 */

const EDGE = /^[\s"'“”‘’„«»‹›.,;:!?…—–-]+|[\s"'“”‘’„«»‹›.,;:!?…—–-]+$/gu;

/** `text` normalised for comparison. */
export function quoteKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„«»]/gu, '"')
    .replace(/[‘’‹›]/gu, "'")
    .replace(/\s+/gu, ' ')
    .replace(EDGE, '')
    .toLowerCase();
}
