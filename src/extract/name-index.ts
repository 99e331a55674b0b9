/**
 * The people an article names, indexed once: every run of capitalised words that reads as a person
 * ("Major Gen. Asif Ghafoor" → "Asif Ghafoor", titles stripped), and every later surname-only mention
 * ("Khalilzad") tied to the fullest form of that name. Look-ups by position are binary searches.
 */
import { ABBREVIATIONS, CUE_VERBS, HONORIFICS, NAME_PARTICLES, NOT_PERSON_WORDS, PLACE_OPENERS, ROLE_NOUNS, SENTENCE_WORDS, TITLE_WORDS } from './lexicon.js';
import { givenNameGender, looksLikeAdverb, type WordClass, wordClass } from './word-classes.js';

/** One place the article names a person. */
export interface PersonMention {
  /** Offset of the name (titles excluded). */
  start: number;
  /** End offset of the name (possessive "’s" excluded). */
  end: number;
  /** The name as written there, titles stripped. */
  written: string;
  /** Fullest form of the name in the article. */
  name: string;
  /** Offset where the titles before the name begin (equals `start` when there are none). */
  titleStart: number;
  /** The titles as written before the name ("Major Gen."), if any. */
  titles?: string;
  /** Written as a possessive ("Tuttle’s lawyer"): a modifier, not the subject of its sentence. */
  possessive?: boolean;
}

interface Token {
  start: number;
  end: number;
  word: string;
  /** `word` in lower case. */
  lower: string;
  /** `lower` without a possessive ’s: the key names are matched by. */
  bare: string;
  /** Written with a possessive ’s. */
  possessive: boolean;
  /** Its word class (word-classes.ts), null when it may be a name; read by `classOf` when first needed. */
  cls?: WordClass | null;
  /** The gender it has as a given name, null when it is none; read by `givenOf` when first needed. */
  given?: 'f' | 'm' | null;
  /** Token ends in a full stop that belongs to it (abbreviation or initial). */
  dotted: boolean;
  /** A quoted nickname stands between this token and the one before: Daniel “Danny Boy” Okoro. */
  nickBefore?: boolean;
}


/** Index of the person names in `text`. */
export class NameIndex {
  readonly mentions: PersonMention[] = [];
  private readonly organisationHeads = new Set<string>();

  constructor(text: string) {
    const runs = capitalisedRuns(text);
    const fulls = new Map<string, Array<{ pos: number; name: string }>>();
    const singles: Array<{ run: Token[]; titles: Token[] }> = [];
    // the words that open a run of two or more capitalised words in the middle of a sentence: given names, there
    const namesStartWith = new Set<string>();
    for (const run of runs) if (run.length > 1 && !opensSentence(text, (run[0] as Token).start)) namesStartWith.add((run[0] as Token).lower);
    // the words that close a run of two or more: surnames, so "Frost told…" opening a sentence is Callum Frost
    const namesEndWith = new Set<string>();
    for (const run of runs) if (run.length > 1) namesEndWith.add(surnameKey(run));
    const seen: RunsSeen = { namesStartWith, namesEndWith, ...describedNames(runs) };
    for (const run of runs) {
      const person = personOf(text, run, seen);
      if (!person) {
        this.noteOrganisation(run);
        continue;
      }
      if (person.name.length >= 2) {
        const written = joinTokens(text, person.name);
        const key = surnameKey(person.name);
        const list = fulls.get(key) ?? [];
        list.push({ pos: (person.name[0] as Token).start, name: written });
        fulls.set(key, list);
        this.push(text, person.name, person.titles, written);
      } else singles.push({ run: person.name, titles: person.titles });
    }
    for (const list of fulls.values()) upgradeToFullest(list);
    const byFirst = firstNames(fulls);
    const surnames = new Map<string, SurnameList>();
    for (const [key, items] of fulls) surnames.set(key, { items });
    for (const single of singles) {
      const tok = single.run[0] as Token;
      const list = surnames.get(surnameKey(single.run));
      const full = list ? nearest(list, tok.start) : undefined;
      // a first name alone ("Ruth read it") stands for the one full name that begins with it
      const byGiven = byFirst.get(tok.bare);
      if (full) this.push(text, single.run, single.titles, full);
      else if (byGiven?.size === 1) this.push(text, single.run, single.titles, [...byGiven][0] as string);
      else if (single.titles.some((t) => HONORIFICS.has(t.lower.replace(/\.$/u, '')))) this.push(text, single.run, single.titles, tok.word);
      // "Burton explained the plan": a lone surname that is the subject of a reporting verb is a person
      else if (single.titles.length === 0 && !classOf(tok) && !this.isOrganisationHead(tok.word) && CUE_AFTER.test(text.slice(tok.end, tok.end + 24))) this.push(text, single.run, single.titles, tok.word);
    }
    this.mentions.sort((a, b) => a.start - b.start);
  }

  /**
   * "Harbor Foods", "Kingsbridge Town": the first word of a name (no person's) that ends in a common noun, so
   * a later "Harbor said" is no person. (A person's lone name is their surname, the last word of their full name.)
   */
  private noteOrganisation(run: Token[]): void {
    const words = run.map((t) => t.bare);
    let i = 0;
    while (i < words.length && SENTENCE_WORDS.has(words[i] as string)) i++;
    const last = run[run.length - 1] as Token;
    if (words.length - i >= 2 && (NOT_PERSON_WORDS.has(last.bare) || classOf(last) === 'common' || classOf(last) === 'plural')) this.organisationHeads.add(words[i] as string);
  }

  /** Whether a single capitalised word opens an organisation's name elsewhere in the article. */
  isOrganisationHead(word: string): boolean {
    return this.organisationHeads.has(word.replace(/[’']s$/u, '').toLowerCase());
  }

  private push(text: string, name: Token[], titles: Token[], fullest: string): void {
    const first = name[0] as Token;
    const last = name[name.length - 1] as Token;
    const end = possessiveEnd(text, last);
    const titleStart = titles.length > 0 ? (titles[0] as Token).start : first.start;
    const mention: PersonMention = { start: first.start, end, written: text.slice(first.start, end), name: fullest, titleStart };
    if (titles.length > 0) mention.titles = text.slice(titleStart, first.start).trim();
    if (last.possessive) mention.possessive = true;
    this.mentions.push(mention);
  }

  /** Mentions that start inside [from, to), in order. */
  within(from: number, to: number): PersonMention[] {
    const out: PersonMention[] = [];
    for (let i = this.firstAtOrAfter(from); i < this.mentions.length; i++) {
      const m = this.mentions[i] as PersonMention;
      if (m.start >= to) break;
      out.push(m);
    }
    return out;
  }

  /** How many mentions start inside [from, to), leaving out one that starts at `except`. */
  countWithin(from: number, to: number, except = -1): number {
    let n = 0;
    for (let i = this.firstAtOrAfter(from); i < this.mentions.length; i++) {
      const start = (this.mentions[i] as PersonMention).start;
      if (start >= to) break;
      if (start !== except) n++;
    }
    return n;
  }

  /** Index of the first mention starting at or after `pos`. */
  firstAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as PersonMention).start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The fullest known form of a written name (a surname or a full name), near `pos`. */
  fullest(written: string, pos: number): string | undefined {
    const i = this.firstAtOrAfter(pos);
    const m = this.mentions[i];
    if (m && m.start === pos) return m.name;
    for (const cand of [this.mentions[i - 1], m]) if (cand?.written === written) return cand.name;
    return undefined;
  }
}

/** A reporting verb right after a word (an adverb may stand between): "Burton explained", "Burton later said". */
const CUE_AFTER = new RegExp(`^(?: \\p{Ll}+ly)? (?:${[...CUE_VERBS].filter((v) => /^\p{Ll}+$/u.test(v)).join('|')})\\b`, 'u');

/** Runs of capitalised tokens separated by single spaces (up to two name particles allowed between). */
function capitalisedRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let nick = false;
  CAPITAL.lastIndex = 0;
  for (let m = CAPITAL.exec(text); m; m = CAPITAL.exec(text)) {
    const start = m.index;
    if (start > 0 && insideWord(text.charCodeAt(start - 1), text[start - 1] as string)) continue; // inside a word ("iPhone")
    // "Davis' lawyer", "‘…Davis’": an apostrophe after the word is no part of the name (a plural possessive
    // when a word follows, else a closing mark)
    const trailing = m[0].length > 2 && (m[0].endsWith("'") || m[0].endsWith('’'));
    const word = trailing ? m[0].slice(0, -1) : m[0];
    const end = start + word.length;
    const dotted = text[end] === '.' && (word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase()));
    const written = dotted ? `${word}.` : word;
    const apostropheS = endsPossessive(written);
    const possessive = apostropheS || (trailing && /^ \p{L}/u.test(text.slice(end + 1, end + 3)));
    const lower = written.toLowerCase();
    const tok: Token = { start, end: dotted ? end + 1 : end, word: written, lower, bare: apostropheS ? written.slice(0, -2).toLowerCase() : lower, possessive, dotted };
    const prev = run[run.length - 1];
    // one space between (the usual case) is read from its code; only a longer gap may hold name particles
    const gap = prev ? start - prev.end : 0;
    const space = gap === 1 ? text.charCodeAt(start - 1) : -1;
    const adjacent = prev !== undefined && !prev.possessive && (nick || space === 0x20 || space === 0xa0 || (gap > 1 && gap < 20 && PARTICLE_GAP.test(text.slice(prev.end, start))));
    if (adjacent) {
      if (nick) tok.nickBefore = true;
      run.push(tok);
    } else {
      if (run.length > 0) runs.push(run);
      run = [tok];
    }
    // a quoted nickname between two names is skipped over: Daniel “Danny Boy” Okoro
    NICKNAME.lastIndex = tok.end;
    const skip = tok.possessive || text[tok.end] !== ' ' || !NICK_OPENERS.includes(text[tok.end + 1] as string) ? null : NICKNAME.exec(text);
    nick = skip !== null;
    if (skip) CAPITAL.lastIndex = skip.index + skip[0].length;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The gender `tok` usually has as a given name, if it is one. */
function givenOf(tok: Token): 'f' | 'm' | undefined {
  if (tok.given === undefined) tok.given = givenNameGender(tok.word) ?? null;
  return tok.given ?? undefined;
}

/** A token's word class, looked up the first time it is asked for: most runs are settled by cheaper tests first. */
function classOf(tok: Token): WordClass | undefined {
  if (tok.cls === undefined) tok.cls = wordClass(tok.word) ?? null;
  return tok.cls ?? undefined;
}

/** Whether a character (its code and itself) continues a word: a letter, mark or digit. */
function insideWord(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return WORD_CHAR.test(ch);
}

/** Whether a word ends in a possessive ’s or 's. */
function endsPossessive(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === 's' && (word[n - 2] === '’' || word[n - 2] === "'");
}
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const NICK_OPENERS = '“"‘\'';
const CAPITAL = /(?:\p{Lu}|(?:al|el)-\p{Lu})[\p{L}\p{M}\p{N}'’-]*(?:\.\p{L}[\p{L}\p{M}]*)*/gu;
const NICKNAME = / [“"‘']\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,2}[”"’'] (?=\p{Lu}\p{Ll})/uy;
const PARTICLE_GAP = new RegExp(`^ (?:(?:${[...NAME_PARTICLES].join('|')}) ){1,2}$`, 'u');

/** What the article's capitalised runs say about their words, gathered before any run is read as a person. */
interface RunsSeen {
  /** Words opening a run of two or more in the middle of a sentence: given names, there. */
  namesStartWith: ReadonlySet<string>;
  /** Words closing a run of two or more: surnames. */
  namesEndWith: ReadonlySet<string>;
  /** For the words before a given name inside a run ("democrat"), the names that follow them ("hillary clinton"). */
  before: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every run as written, lower case, and each of its tails that opens with a given name. */
  runs: ReadonlySet<string>;
}

const lowerJoin = (tokens: Token[]) => tokens.map((t) => t.bare).join(' ');

/** The most words a person's name has, titles aside. */
const MAX_NAME_WORDS = 5;

const ROLE_AFTER = /^,\s+(?:a|an|the)\s+([^,.;:!?\n]{1,80})/u;

/** Whether ", a/an/the …" with a role noun or a title in it follows the name: an appositive that says who they are. */
function roleAfter(text: string, name: Token[]): boolean {
  const end = (name[name.length - 1] as Token).end;
  const words = ROLE_AFTER.exec(text.slice(end, end + 90))?.[1]?.toLowerCase().split(/[^\p{L}-]+/u) ?? [];
  return words.some((w) => ROLE_NOUNS.has(w) || isTitleWord(w));
}

/** A title word, or a compound of one: "Secretary-General", "Vice-President", "Attorney-General". */
function isTitleWord(lower: string): boolean {
  return TITLE_WORDS.has(lower) || (lower.includes('-') && lower.split('-').some((part) => TITLE_WORDS.has(part)));
}

/** Word k of a name, spelt like an adverb, is a surname: after a given name ("Phyllis Schlafly"), or alone when it ends a full name elsewhere. */
function surnameLikeAdverb(name: Token[], k: number, namesEndWith: ReadonlySet<string>): boolean {
  const tok = name[k] as Token;
  return k > 0 ? looksLikeAdverb(tok.bare) && givenOf(name[k - 1] as Token) !== undefined : name.length === 1 && adverbSurname(tok, namesEndWith);
}

/** A word spelt like an adverb that ends a full name elsewhere: a surname ("Schlafly"). */
function adverbSurname(tok: Token, namesEndWith: ReadonlySet<string>): boolean {
  return namesEndWith.has(tok.bare) && looksLikeAdverb(tok.bare);
}

/** The words before a given name inside runs, with what follows them, and the runs themselves. */
function describedNames(runs: Token[][]): Pick<RunsSeen, 'before' | 'runs'> {
  const before = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const run of runs) {
    // a run of two or more and each of its tails from a given name on: "Later Hillary Clinton" holds "hillary clinton"
    // (a name has at most MAX_NAME_WORDS words: longer runs and tails are never looked up, and would cost n²)
    if (run.length < 2) continue;
    if (run.length <= MAX_NAME_WORDS) all.add(lowerJoin(run));
    for (let k = Math.max(1, run.length - MAX_NAME_WORDS); k < run.length - 1; k++) if (givenOf(run[k] as Token) !== undefined) all.add(lowerJoin(run.slice(k)));
    if (run.length < 3 || run.length > 2 * MAX_NAME_WORDS) continue;
    const given = run.findIndex((tok, k) => k > 0 && givenOf(tok) !== undefined);
    if (given < 1 || run.length - given < 2) continue;
    const key = lowerJoin(run.slice(0, given));
    const list = before.get(key) ?? new Set<string>();
    list.add(lowerJoin(run.slice(given)));
    before.set(key, list);
  }
  return { before, runs: all };
}

/** The person a capitalised run names, if any: its title tokens and name tokens. */
function personOf(text: string, run: Token[], seen: RunsSeen): { titles: Token[]; name: Token[] } | undefined {
  const { namesStartWith, namesEndWith } = seen;
  let i = 0;
  // "The", "But", "Likewise", "Neither": function words before a name are no part of it
  // (not a surname spelt like an adverb: "Schlafly" after "Phyllis Schlafly")
  while (i < run.length && (SENTENCE_WORDS.has((run[i] as Token).lower) || (classOf(run[i] as Token) === 'closed' && !adverbSurname(run[i] as Token, namesEndWith)))) i++;
  if (i > 0 && i < run.length && isTheBefore(text, run[i] as Token)) return undefined;
  // "the Supreme Court" is no person, but "the Rev. Thomas O’Malley" is: a title and two name words after "the"
  if (i === 0 && isTheBefore(text, run[0] as Token) && !titledName(run)) return undefined;
  // a capitalised occupation opening a sentence is a title: "Showrunner Craig Mazin"
  const opener = (run[i] as Token | undefined)?.lower ?? '';
  if (run.length - i >= 3 && (ROLE_NOUNS.has(opener) || OCCUPATION.test(opener)) && !TITLE_WORDS.has(opener)) i++;
  // a hyphened word with a lower-case part is a description, never a given name: "Co-author", "Ex-minister"
  else if (run.length - i >= 2 && PREFIXED_WORD.test((run[i] as Token).word)) i++;
  const titleFrom = i;
  // everything up to the last title word is title: "Climate Change Minister Sherry Rehman"
  for (let k = run.length - 2; k >= titleFrom; k--) {
    if (isTitleWord((run[k] as Token).lower)) {
      i = k + 1;
      break;
    }
  }
  // a lone title word ("Pause", "President") is no person
  if (i === run.length - 1 && isTitleWord((run[i] as Token).lower) && i === titleFrom) return undefined;
  let titles = run.slice(titleFrom, i);
  let name = run.slice(i);
  // "Democrat Hillary Clinton", "Marine John Tiegen": words before a given name and a surname describe the
  // person when they are dictionary words, when they stand before another person's name too, or when the
  // name appears without them ("Barack Hussein Obama" stays whole)
  const given = name.length >= 3 && name.length <= 2 * MAX_NAME_WORDS ? name.findIndex((tok, k) => k > 0 && givenOf(tok) !== undefined) : -1;
  if (given > 0 && name.length - given >= 2 && name.slice(0, given).every((tok) => givenOf(tok) === undefined)) {
    const lead = name.slice(0, given);
    const rest = name.slice(given);
    if (lead.every((tok) => isDescriptive(classOf(tok))) || (seen.before.get(lowerJoin(lead))?.size ?? 0) >= 2 || seen.runs.has(lowerJoin(rest))) {
      titles = [...titles, ...lead];
      name = rest;
    }
  }
  // a common word opening a sentence or a headline ("Top Clinton aide", "Wait") is no given name unless
  // the article opens a name with it elsewhere, in the middle of a sentence ("Chuck Schumer"), or it stands
  // alone and ends a name elsewhere ("Frost told…" after "Callum Frost"), or a role follows the name ("Ban
  // Ki-moon, the secretary general of the United Nations,")
  const first = name[0];
  const known = (tok: Token) => namesStartWith.has(tok.lower) || (name.length === 1 && namesEndWith.has(surnameKey([tok])));
  if (first && titles.length === 0 && classOf(first) === 'common' && opensSentence(text, first.start, false) && !known(first) && !(name.length >= 2 && roleAfter(text, name))) {
    name = name.slice(1);
  }
  if (name.length === 0 || name.length > MAX_NAME_WORDS) return undefined;
  if (titles.length === 0 && name.length >= 2 && PLACE_OPENERS.has((name[0] as Token).lower)) return undefined; // "San Jose", "New Zealand"
  const classes = name.map(classOf);
  // "Shared This About Trump": a function word inside is a phrase, not a name
  // (a word spelt like an adverb after a given name is a surname, "Phyllis Schlafly", and so is it alone
  // when it ends a full name elsewhere, "Schlafly said")
  if (classes.some((c, k) => c === 'closed' && !NAME_PARTICLES.has((name[k] as Token).lower) && !surnameLikeAdverb(name, k, namesEndWith))) return undefined;
  // "New Hampshire", "Washington": a place; "Presidential Debates", "African Americans": common words
  // ending in a plural. (Common words alone can be a name: "Roger Stone", "Mr. White".)
  const common = classes.every((c) => c === 'place' || c === 'common' || c === 'plural' || c === 'demonym');
  if (common && titles.length === 0 && (classes.includes('place') || classes[classes.length - 1] === 'plural')) return undefined;
  // "African Americans", "Native Hawaiians": a people
  if (name.length >= 2 && classes.every((c) => c === 'demonym')) return undefined;
  // "Zero Hedge", "Morning Consult": common words only, no title, no given name first — a name of a thing
  // (1 of the 615 people in the hand-read PolNeAR labels is so named)
  if (common && name.length >= 2 && titles.length === 0 && !givenOf(name[0] as Token)) return undefined;
  // "PolitiFact", "YouTube": a capital inside the word is a brand's ("McConnell", "DeSantis" are names)
  if (name.some((tok) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(tok.word) && !NAME_PREFIX.test(tok.word))) return undefined;
  for (const [k, tok] of name.entries()) {
    if (k > 0 && k === name.length - 1 && SUFFIXES.has(tok.bare)) continue; // "Jr.", "III"
    if (NOT_PERSON_WORDS.has(tok.bare)) return undefined;
    if (tok.word.includes('.') && !/^\p{Lu}\.$/u.test(tok.word)) return undefined; // "U.S."
    if (tok.word.length > 2 && tok.word === tok.word.toUpperCase() && /\p{L}{3}/u.test(tok.word)) return undefined; // "NATO"
    if (/\p{N}/u.test(tok.word)) return undefined; // "Ford F-150": a model, not a name
  }
  if ((name[0] as Token).dotted && name.length === 1) return undefined;
  return { titles, name };
}

/** A dictionary word that may describe a person before their name: "Democrat", "Political Affairs", "Marine". */
function isDescriptive(cls: WordClass | undefined): boolean {
  return cls === 'common' || cls === 'plural' || cls === 'demonym';
}

/**
 * Whether a word at `at` opens a sentence, a line or the article (a quotation mark or bracket may stand
 * before it); after a dash too unless `dash` is false ("… firefighter.” – Marine Le Pen" credits a name).
 */
function opensSentence(text: string, at: number, dash = true): boolean {
  let k = at - 1;
  while (k >= 0 && /[\s“"‘'(\[]/u.test(text[k] as string) && text[k] !== '\n') k--;
  return k < 0 || text[k] === '\n' || (dash ? /[.!?…:—–-]/u : /[.!?…:]/u).test(text[k] as string);
}

/** Surname prefixes written with a capital after them: McConnell, MacArthur, DeSantis, LaHood, DiCaprio, VanderMeer. */
const NAME_PREFIX = /^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|Vander|Ten|St)\p{Lu}/u;

/** "Co-author", "Ex-chairman", "Vice-chair": a capital only at the front, a lower-case part after a hyphen. */
const PREFIXED_WORD = /^\p{Lu}\p{Ll}*-\p{Ll}+$/u;

/** An occupation by its ending ("Seismologist", "Physician", "Pharmacist"): no given name ends so. */
const OCCUPATION = /^\p{L}{3,}(?:ologist|ist|ician)$/u;

/** A title word, then two or more non-title words: "Rev. Thomas O’Malley", "Foreign Minister Ana Ruiz". */
function titledName(run: Token[]): boolean {
  const isTitle = (t: Token) => isTitleWord(t.lower);
  const k = run.findIndex((t) => !isTitle(t));
  return k > 0 && run.length - k >= 2 && run.slice(k).every((t) => !isTitle(t));
}

function isTheBefore(text: string, tok: Token): boolean {
  // "the " must end right before the word: its last two characters are tested first, without slicing
  const e = text[tok.start - 2];
  if (text[tok.start - 1] !== ' ' || (e !== 'e' && e !== 'E')) return false;
  const before = text.slice(Math.max(0, tok.start - 4), tok.start);
  return /\bthe $/iu.test(before);
}

/** Generational suffixes after a surname: "Joseph R. Biden Jr." is Mr. Biden. */
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

function surnameKey(name: Token[]): string {
  let k = name.length - 1;
  if (k > 0 && SUFFIXES.has((name[k] as Token).bare)) k--;
  return (name[k] as Token).bare;
}

function possessiveEnd(text: string, last: Token): number {
  const m = /[’']s$/u.exec(last.word);
  return m ? last.end - 2 : text[last.end - 1] === '.' && !last.dotted ? last.end - 1 : last.end;
}

function joinTokens(text: string, name: Token[]): string {
  let out = '';
  name.forEach((tok, k) => {
    const prev = name[k - 1];
    if (prev) out += tok.nickBefore ? ' ' : text.slice(prev.end, tok.start);
    out += text.slice(tok.start, k === name.length - 1 ? possessiveEnd(text, tok) : tok.end);
  });
  return out;
}

/** Given name (lower case) → the full names that begin with it. */
function firstNames(fulls: Map<string, Array<{ pos: number; name: string }>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const list of fulls.values()) {
    for (const { name } of list) {
      const given = name.split(' ')[0]?.toLowerCase();
      if (!given) continue;
      const set = out.get(given) ?? new Set<string>();
      set.add(name);
      out.set(given, set);
    }
  }
  return out;
}

/** Within one surname, a full name that another full name ends with takes the longer form. */
function upgradeToFullest(list: Array<{ pos: number; name: string }>): void {
  const unique = [...new Set(list.map((item) => item.name))];
  if (unique.length < 2) return;
  const longer = new Map<string, string>();
  for (const name of unique) {
    let best = name;
    for (const other of unique) if (other.length > best.length && other.endsWith(` ${name}`)) best = other;
    longer.set(name, best);
  }
  for (const item of list) item.name = longer.get(item.name) ?? item.name;
}

/** The full mentions of one surname, in order, and for each prefix of them who a bare surname means. */
interface SurnameList {
  items: Array<{ pos: number; name: string }>;
  /** `bare[k]`: after the first k + 1 mentions, the person a bare surname stands for, when `nearest`'s rule decides it. */
  bare?: Array<string | undefined>;
  /** `sole[k]`: after the first k + 1 mentions, the one person introduced with this surname, if only one is. */
  sole?: Array<string | undefined>;
  /** The person the bare surname was used for while they were the only one introduced with it. */
  established?: string;
}

/**
 * For each prefix of a surname's full mentions: when exactly two people have been introduced and only one
 * of them has been named in full again, the other one. One pass, so each bare surname costs O(log n).
 */
function bareSurnames(items: Array<{ pos: number; name: string }>): Array<string | undefined> {
  const counts = new Map<string, number>();
  return items.map(({ name }) => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (counts.size !== 2) return undefined;
    const [[a, na], [b, nb]] = [...counts] as [[string, number], [string, number]];
    return na > 1 && nb === 1 ? b : nb > 1 && na === 1 ? a : undefined;
  });
}

/**
 * The full name a bare surname at `pos` stands for: the one mentioned last at or before it, else the first
 * after it. When two people introduced before `pos` share the surname and one of them is named in full again
 * after being introduced (Dylan Reyes … Yolanda Reyes … "Yolanda Reyes told the judge"), the writer keeps the
 * full name for that one, so the bare surname is the other's. Failing that, a bare surname already used while
 * only one person had that surname stays that person's. Bare surnames are looked up in text order.
 */
function nearest(list: SurnameList, pos: number): string | undefined {
  const { items } = list;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { pos: number }).pos <= pos) lo = mid + 1;
    else hi = mid;
  }
  list.bare ??= bareSurnames(items);
  list.sole ??= soleNames(items);
  if (lo === 0) return items[0]?.name;
  const sole = list.sole[lo - 1];
  // a bare surname used while one person had it is theirs from then on: writers tell the relatives
  // introduced later apart by their first names ("Okafor" the subject; "David", "his wife")
  if (sole) list.established = sole;
  return list.established ?? list.bare[lo - 1] ?? (items[lo - 1] as { name: string }).name;
}

/** For each prefix of a surname's full mentions, the one person it names, or undefined once there are two. */
function soleNames(items: Array<{ pos: number; name: string }>): Array<string | undefined> {
  let sole: string | undefined = items[0]?.name;
  return items.map(({ name }) => {
    if (sole !== name) sole = undefined;
    return sole;
  });
}
