/**
 * How a line with right-to-left text is handed to satori 0.63.2, around two of its bugs (the text is
 * measured as written; neither change alters a width):
 *
 * - Number groups. satori orders words with a simplified bidi algorithm that splits `10:00`,
 *   `2019/12/13` and `10-12` into words and has no rule W4 (a `:` `/` `-` `+` between two numbers joins
 *   them), so after right-to-left text it draws them reversed: `00:10`. `numberGroupsForDrawing` hands
 *   satori such groups with their numbers in reverse order, which its reordering turns back.
 *   An en dash range (`2014–2024`) is left alone: browsers reverse it too.
 * - Arabic vowel marks. satori adds HarfBuzz's vertical mark offsets downwards instead of upwards, so a
 *   fatha or tanween on a tall letter (لَ, اً) is drawn through it. Lines with Arabic marks are drawn
 *   with mark positioning off (`markFeatures`): each mark then sits where the font draws it by default,
 *   above or below the letter.
 */
import { charDirection, type Direction, hasRtl } from './direction.js';

const NUMBER = String.raw`\p{Nd}+(?:[.,]\p{Nd}+)*`;
const GROUP = new RegExp(String.raw`${NUMBER}(?:[:/+\-\u2212]${NUMBER})+`, 'gu');
const SEPARATOR = /([:/+\-\u2212])/u;

/** The direction of the last strong character of `text`, if any. */
function lastStrong(text: string): Direction | undefined {
  const chars = Array.from(text);
  for (let i = chars.length - 1; i >= 0; i--) {
    const direction = charDirection(chars[i] as string);
    if (direction) return direction;
  }
  return undefined;
}

/**
 * `line` (a paragraph of direction `base`) with every number group that follows right-to-left text
 * (or opens a right-to-left paragraph) written in reverse number order, so satori draws it as written.
 */
export function numberGroupsForDrawing(line: string, base: Direction): string {
  if (base === 'ltr' && !hasRtl(line)) return line;
  return line.replace(GROUP, (group, offset: number) => {
    if ((lastStrong(line.slice(0, offset)) ?? base) !== 'rtl') return group;
    return group.split(SEPARATOR).reverse().join('');
  });
}

/** Arabic combining marks (harakat, tanween, shadda, sukun, Quranic marks). */
const ARABIC_MARK = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08ca-\u08e1\u08e3-\u08ff]/u;

/** The style that keeps satori from misplacing the Arabic marks of `text` (nothing when it has none). */
export function markFeatures(text: string): { fontFeatureSettings?: string } {
  return ARABIC_MARK.test(text) ? { fontFeatureSettings: '"mark" 0, "mkmk" 0' } : {};
}
