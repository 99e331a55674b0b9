/**
 * The direction of a piece of text, from its first strong character (Unicode bidi rule P2, simplified):
 * a letter of a right-to-left script (bidi classes R and AL: Hebrew, Arabic, Syriac, Thaana, N'Ko…)
 * makes it right-to-left, any other letter left-to-right. Digits, punctuation, symbols, spaces and marks
 * are weak or neutral and are skipped. Text with no strong character has no direction of its own.
 */

/** A paragraph direction, as CSS `direction` takes it. */
export type Direction = 'ltr' | 'rtl';

/** Letters of the scripts written right to left (bidi classes R and AL). */
const RTL_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\p{Script=Mende_Kikakui}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}\p{Script=Old_South_Arabian}\p{Script=Old_North_Arabian}\p{Script=Nabataean}\p{Script=Palmyrene}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_Turkic}\p{Script=Old_Hungarian}\p{Script=Lydian}\p{Script=Meroitic_Cursive}\p{Script=Sogdian}\p{Script=Old_Sogdian}\p{Script=Elymaic}\p{Script=Chorasmian}\p{Script=Hatran}\p{Script=Cypriot}]/u;
const LETTER = /[\p{L}\p{Nl}]/u;
/** The bidi marks: LRM is strong L, RLM and ALM strong R (text hygiene removes them before drawing). */
const MARKS: Readonly<Record<string, Direction>> = { '\u200e': 'ltr', '\u200f': 'rtl', '\u061c': 'rtl' };

/** The direction of one character if it is strong, else undefined. */
export function charDirection(char: string): Direction | undefined {
  const mark = MARKS[char];
  if (mark) return mark;
  if (!LETTER.test(char)) return undefined;
  return RTL_LETTER.test(char) ? 'rtl' : 'ltr';
}

/** The direction of `text`'s first strong character, or undefined when it has none. */
export function strongDirection(text: string): Direction | undefined {
  for (const char of text) {
    const direction = charDirection(char);
    if (direction) return direction;
  }
  return undefined;
}

/** The direction `text` is set in: its first strong character's, else `fallback`. */
export function textDirection(text: string, fallback: Direction = 'ltr'): Direction {
  return strongDirection(text) ?? fallback;
}

/** Whether `text` has any right-to-left letter (satori then reorders it, even in a left-to-right box). */
export function hasRtl(text: string): boolean {
  for (const char of text) if (charDirection(char) === 'rtl') return true;
  return false;
}
