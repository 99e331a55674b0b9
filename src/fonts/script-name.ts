/**
 * The Unicode script of a character, by name ("Arabic", "Han", "Devanagari"), for messages about
 * characters no font can draw. Characters of the Common and Inherited scripts are named by their
 * general category ("Symbol", "Punctuation", "Mark") since "Common" tells a reader nothing.
 */

/** Scripts checked in order (Unicode `Script` property values, as `\p{Script=…}` names them). */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Arabic', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Devanagari',
  'Bengali', 'Thai', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Gujarati', 'Gurmukhi', 'Oriya', 'Sinhala',
  'Armenian', 'Georgian', 'Ethiopic', 'Khmer', 'Lao', 'Myanmar', 'Tibetan', 'Mongolian', 'Syriac', 'Thaana',
  'Bopomofo', 'Cherokee', 'Yi', 'Tifinagh', 'Nko', 'Javanese', 'Balinese', 'Canadian_Aboriginal',
] as const;

const patterns = SCRIPTS.map((script) => [script, new RegExp(`^\\p{Script=${script}}$`, 'u')] as const);
const names = new Map<number, string>();

function generalName(char: string): string {
  if (/^\p{Emoji_Presentation}$/u.test(char) || /^\p{Extended_Pictographic}$/u.test(char)) return 'Emoji';
  if (/^\p{S}$/u.test(char)) return 'Symbol';
  if (/^\p{P}$/u.test(char)) return 'Punctuation';
  if (/^\p{M}$/u.test(char)) return 'Mark';
  if (/^\p{N}$/u.test(char)) return 'Number';
  if (/^\p{Co}$/u.test(char)) return 'Private use';
  return 'Other';
}

/** Script name of the character at code point `codePoint`, e.g. "Arabic", "Han", "Symbol". */
export function scriptName(codePoint: number): string {
  let name = names.get(codePoint);
  if (name === undefined) {
    const char = String.fromCodePoint(codePoint);
    name = patterns.find(([, pattern]) => pattern.test(char))?.[0].replace('_', ' ');
    if (!name) {
      const script = /^\p{Script=Common}$/u.test(char) || /^\p{Script=Inherited}$/u.test(char);
      name = script ? generalName(char) : otherScript(char);
    }
    names.set(codePoint, name);
  }
  return name;
}

/** Any other script: ask each Unicode script name the engine knows, lazily (rare path). */
function otherScript(char: string): string {
  for (const script of EXTRA_SCRIPTS) {
    if (new RegExp(`^\\p{Script=${script}}$`, 'u').test(char)) return script.replace(/_/g, ' ');
  }
  return generalName(char);
}

const EXTRA_SCRIPTS = [
  'Adlam', 'Bamum', 'Batak', 'Buginese', 'Buhid', 'Chakma', 'Cham', 'Coptic', 'Deseret', 'Glagolitic', 'Gothic',
  'Hanunoo', 'Kayah_Li', 'Lepcha', 'Limbu', 'Lisu', 'Mandaic', 'Meetei_Mayek', 'Ogham', 'Ol_Chiki', 'Osage',
  'Runic', 'Samaritan', 'Saurashtra', 'Sundanese', 'Syloti_Nagri', 'Tagalog', 'Tagbanwa', 'Tai_Le', 'Tai_Tham',
  'Tai_Viet', 'Vai', 'Braille', 'Egyptian_Hieroglyphs', 'Cuneiform', 'Linear_B', 'Old_Italic', 'Phoenician',
];
