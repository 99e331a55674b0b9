/**
 * Which English words are no part of a person's name, from compromise's lexicon (word-classes.json,
 * rebuilt by `npm run build:word-classes`): function words ("Likewise", "Neither", "About"), common
 * words ("Top", "Wait", "Hot"), peoples ("Spaniard", "American") and places ("Hampshire", "Iowa"). Words the lexicon knows as given names
 * or surnames are in none of the lists; given names of one gender are listed by it (givenNameGender).
 */
import CLASSES from './word-classes.json' with { type: 'json' };

/** What a word is, lower case: a function word, a common word, a place, or (undefined) possibly a name. */
export type WordClass = 'closed' | 'common' | 'plural' | 'place' | 'demonym';

let table: Map<string, WordClass | 'named'> | undefined;

/** Answers already given, by word as written: name finding asks about the same few thousand words again and again. */
const answers = new Map<string, WordClass | null>();
const ANSWERS_KEPT = 50_000;

/** The class of `word` (any case; a possessive ’s is ignored). */
export function wordClass(word: string): WordClass | undefined {
  const known = answers.get(word);
  if (known !== undefined) return known ?? undefined;
  const cls = classOf(word);
  if (answers.size >= ANSWERS_KEPT) answers.clear();
  answers.set(word, cls ?? null);
  return cls;
}

function classOf(word: string): WordClass | undefined {
  if (!table) {
    table = new Map();
    for (const cls of ['common', 'plural', 'demonym', 'place', 'closed', 'named'] as const) for (const w of CLASSES[cls].split(' ')) table.set(w, cls);
  }
  const lower = word.toLowerCase().replace(/[’']s$/u, '');
  const known = table.get(lower);
  if (known) return known === 'named' ? undefined : known;
  // adverbs of manner the lexicon derives by suffix ("Certainly", "Frankly"); names so spelt are listed
  return looksLikeAdverb(lower) ? 'closed' : undefined;
}

let given: Map<string, 'f' | 'm'> | undefined;

/** The gender a given name usually has ("Donald" m, "Loretta" f), when the lexicon gives it one only. */
export function givenNameGender(word: string): 'f' | 'm' | undefined {
  if (!given) {
    given = new Map();
    for (const w of CLASSES.male.split(' ')) given.set(w, 'm');
    for (const w of CLASSES.female.split(' ')) given.set(w, 'f');
  }
  return given.get(word.toLowerCase());
}

/** An adverb of manner by its spelling: "certainly", "frankly" (not "Ashley", "Emily", "Kelly"). */
export function looksLikeAdverb(lower: string): boolean {
  return /^\p{L}{4,}ly$/u.test(lower) && !/(?:ley|ely|ily|lly)$/u.test(lower);
}
