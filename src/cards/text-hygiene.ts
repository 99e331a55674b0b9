/**
 * Text hygiene before drawing: a quote, name or post from the web is made safe to lay out, so it cannot
 * be spoofed (bidi overrides that reorder words, invisible characters) or blow up the SVG (zalgo stacks,
 * controls and noncharacters that are not XML).
 *
 * What `cleanText` does, in one linear pass plus `normalize('NFC')` and two linear regex replaces:
 * - removes bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the marks LRM, RLM and
 *   ALM (U+200E, U+200F, U+061C): nothing that reorders text is kept; the card lays RTL out itself;
 * - removes zero-width and invisible characters (U+200B, U+2060–2064, U+FEFF, soft hyphen U+00AD,
 *   U+206A–206F, the deprecated Khmer inherent vowels U+17B4–17B5, the musical format controls
 *   U+1D173–1D17A, and Mongolian variation selectors and vowel separator U+180B–180F unless they follow a
 *   Mongolian character — no font draws these, and a run of them alone shapes to nothing, which satori's
 *   shaper fails on once a script font such as Hebrew is loaded), and ZWJ/ZWNJ (U+200D/U+200C) unless they
 *   stand between two visible characters, as in emoji ZWJ sequences (👨‍👩‍👧) and Persian words (می‌خواهم);
 *   of a run of joiners only the last is kept;
 * - removes NUL, C0 and C1 controls and DEL except "\n" and "\t"; "\r\n", "\r", U+2028 and U+2029 become "\n";
 * - removes noncharacters (U+FDD0–FDEF and U+xFFFE/U+xFFFF; U+FFFE/U+FFFF are not allowed in XML);
 * - removes private-use and unassigned code points and tag characters outside emoji flag sequences
 *   (no font draws them, and they have crashed satori's shaper);
 * - replaces unpaired surrogates with U+FFFD;
 * - normalises to NFC, then keeps at most `MAX_MARKS` combining marks after any one character (zalgo);
 * - collapses runs of spaces and tabs into one space (newlines are kept).
 *
 * Each kind of removal adds one warning naming the field, what was removed and how many. Line-break
 * and NFC changes draw the same; collapsing a run of spaces loses no words (and two spaces after a full
 * stop are common in real copy), so these three are silent.
 */

/**
 * Most combining marks kept on one character. Vietnamese needs 2, pointed Hebrew and vocalised Arabic up
 * to 3, cantillated Hebrew and Quranic Arabic 5; zalgo text has hundreds.
 */
export const MAX_MARKS = 6;

/** The result of `cleanText`. */
export interface CleanText {
  /** The text, safe to draw. */
  text: string;
  /** One line per kind of change that removed something, e.g. `quote.text: removed 3 bidirectional control characters (U+202E)`. */
  warnings: string[];
}

type Kind = 'bidi' | 'invisible' | 'control' | 'noncharacter' | 'undrawable';

const KIND_WORDS: Record<Kind, [string, string]> = {
  bidi: ['bidirectional control character', 'bidirectional control characters'],
  invisible: ['zero-width character', 'zero-width characters'],
  control: ['control character', 'control characters'],
  noncharacter: ['noncharacter', 'noncharacters'],
  undrawable: ['private-use, unassigned or stray tag character', 'private-use, unassigned or stray tag characters'],
};

/** Most distinct code points named in one warning. */
const NAMED = 5;

/** The removal class of a BMP code unit, if it is removed outright. */
function removedKind(c: number): Kind | undefined {
  if (c < 0x20) return c === 0x0a || c === 0x09 ? undefined : 'control';
  if (c < 0x7f) return undefined;
  if (c <= 0x9f) return 'control';
  if (c === 0xad || c === 0x17b4 || c === 0x17b5) return 'invisible';
  if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'bidi';
  if (c === 0x200b || (c >= 0x2060 && c <= 0x2064) || (c >= 0x206a && c <= 0x206f) || c === 0xfeff) return 'invisible';
  if ((c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff) return 'noncharacter';
  return undefined;
}

/** Mongolian free variation selectors and vowel separator: kept only after a Mongolian character. */
function isMongolianSelector(c: number): boolean {
  return c >= 0x180b && c <= 0x180f;
}

function isMongolian(c: number): boolean {
  return c >= 0x1800 && c <= 0x18af;
}

/** The removal class of a supplementary code point `strip` removes: noncharacters and musical format controls. */
function removedSupplementary(cp: number): Kind | undefined {
  if ((cp & 0xfffe) === 0xfffe) return 'noncharacter';
  if (cp >= 0x1d173 && cp <= 0x1d17a) return 'invisible';
  return undefined;
}

function isJoiner(c: number): boolean {
  return c === 0x200c || c === 0x200d;
}

/** Whether a ZWJ/ZWNJ may stand next to this code unit (NaN past either end of the text: no). */
function joinable(c: number): boolean {
  if (!(c > 0x20) || isJoiner(c) || isMongolianSelector(c) || c === 0x2028 || c === 0x2029) return false;
  if (c === 0xa0 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return false;
  return removedKind(c) === undefined;
}

/**
 * Whether a ZWJ/ZWNJ may stand before the character at `i`: a supplementary code point `strip` removes is
 * looked at whole, not as its high surrogate, or the joiner would outlive it.
 */
function joinableAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isHigh(c) && isLow(text.charCodeAt(i + 1))) return removedSupplementary(text.codePointAt(i) as number) === undefined;
  return joinable(c);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Counts and named code points per kind of removal. */
class Tally {
  readonly counts = new Map<Kind | 'surrogate' | 'marks', number>();
  readonly points = new Map<Kind, Set<number>>();

  add(kind: Kind, cp: number): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    const set = this.points.get(kind) ?? new Set<number>();
    if (set.size <= NAMED) set.add(cp);
    this.points.set(kind, set);
  }

  bump(kind: 'surrogate' | 'marks', n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  warnings(field: string): string[] {
    const out: string[] = [];
    for (const [kind, n] of this.counts) {
      if (kind === 'surrogate') {
        out.push(`${field}: replaced ${n} unpaired surrogate${n === 1 ? '' : 's'} with U+FFFD`);
      } else if (kind === 'marks') {
        out.push(`${field}: removed ${n} combining mark${n === 1 ? '' : 's'} past ${MAX_MARKS} on one character`);
      } else {
        const set = [...(this.points.get(kind) ?? [])];
        const named = set.slice(0, NAMED).map(hex).join(', ') + (set.length > NAMED ? ', …' : '');
        out.push(`${field}: removed ${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]} (${named})`);
      }
    }
    return out;
  }
}

/** Second pass (surrogates are all paired by now): drop removable code units, mend line breaks, drop stray joiners. */
function strip(text: string, tally: Tally): string {
  const parts: string[] = [];
  let from = 0;
  let last = -1;
  const cut = (i: number, replacement?: string) => {
    if (i > from) parts.push(text.slice(from, i));
    if (replacement !== undefined) parts.push(replacement);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) {
      const cp = text.codePointAt(i) as number;
      const kind = removedSupplementary(cp);
      if (kind) {
        cut(i);
        tally.add(kind, cp);
        from = i + 2;
      } else last = text.charCodeAt(i + 1);
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x2028 || c === 0x2029) {
      // "\r\n" loses its "\r"; a lone "\r" or a Unicode line/paragraph separator becomes "\n"
      cut(i, c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? undefined : '\n');
      from = i + 1;
      last = 0x0a;
      continue;
    }
    if (isJoiner(c)) {
      if (joinable(last) && joinableAt(text, i + 1)) {
        last = c;
        continue;
      }
      cut(i);
      tally.add('invisible', c);
      from = i + 1;
      continue;
    }
    const kind = isMongolianSelector(c) ? (isMongolian(last) ? undefined : 'invisible') : removedKind(c);
    if (kind) {
      cut(i);
      tally.add(kind, c);
      from = i + 1;
      continue;
    }
    last = c;
  }
  if (from === 0) return text;
  cut(text.length);
  return parts.join('');
}

/**
 * Code points no font draws and that have crashed satori's shaper (harfbuzz), poisoning every later
 * render in the process: private-use and unassigned ones, and tag characters outside an emoji tag
 * sequence (the flags of England, Scotland and Wales: 🏴 + tags + U+E007F are kept).
 */
const UNDRAWABLE = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|([\uD800-\uDFFF])|[\u{E0000}-\u{E007F}]|[\p{Co}\p{Cn}]/gu;

/** Variation selectors with nothing to select: at the start of the text or after a space (satori's shaper fails on them). */
const STRAY_SELECTORS = /(^|[\s])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]+/gu;

const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARKS + 1},}`, 'gu');
const SPACE_RUN = /[ \t]{2,}/g;

/**
 * Make `text` safe to draw (see the file comment). Pure; `field` names the text in warnings
 * ("quote.text", "post.author.name").
 */
export function cleanText(text: string, field: string): CleanText {
  const tally = new Tally();
  // Unpaired surrogates are mended in the same left-to-right pass that drops undrawable code points, so
  // dropping what stood between two of them cannot pair them into a new character. (Their warning is
  // added after the first pass's, as before.)
  let lone = 0;
  const drawable = text.replace(UNDRAWABLE, (match, flag: string | undefined, surrogate: string | undefined) => {
    if (surrogate) {
      lone++;
      return '\uFFFD';
    }
    const cp = match.codePointAt(0) as number;
    if (flag || (cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return match; // noncharacters: strip() names them
    tally.add('undrawable', cp);
    return '';
  });
  let out = strip(drawable, tally);
  if (lone > 0) tally.bump('surrogate', lone);
  out = out.normalize('NFC');
  out = out.replace(STRAY_SELECTORS, (run, before: string) => {
    for (const ch of run.slice(before.length)) tally.add('invisible', ch.codePointAt(0) as number);
    return before;
  });
  out = out.replace(MARK_RUN, (run) => {
    const marks = [...run];
    tally.bump('marks', marks.length - MAX_MARKS);
    return marks.slice(0, MAX_MARKS).join('');
  });
  out = out.replace(SPACE_RUN, ' ');
  return { text: out, warnings: tally.warnings(field) };
}
