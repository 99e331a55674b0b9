/**
 * The first cut of any text a card is given, made by length alone before any cleaning, segmentation,
 * measuring or layout, so a 10 MB quote or name costs what a card can show and no more. Later steps cut
 * again, at a grapheme or a word, to what actually fits.
 */

/** UTF-16 units kept of a quote's or post's text: room for MAX_GRAPHEMES graphemes of up to 16 units (emoji sequences, marks). */
export const TEXT_UNITS = 16_000;
/** UTF-16 units kept of a name, role, handle, site name or link: far more than one or two lines of a card hold. */
export const LABEL_UNITS = 1_000;

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair, and how many code points were dropped. */
export function boundText(text: string, max: number): { text: string; dropped: number } {
  if (text.length <= max) return { text, dropped: 0 };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose pair lies past the cut
  return { text: text.slice(0, end), dropped: codePoints(text, end) };
}

/** Code points from `from` to the end (a plain loop: no segmentation, linear and fast). */
function codePoints(text: string, from: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count each pair once, by its high half
  }
  return n;
}
