/**
 * Which English words are no part of a person's name, from compromise's lexicon (word-classes.json,
 * rebuilt by `npm run build:word-classes`): function words ("Likewise", "Neither", "About"), common
 * words ("Top", "Wait", "Hot") and places ("Hampshire", "Iowa"). Words the lexicon knows as given names
 * or surnames are in none of the lists.
 */
import CLASSES from './word-classes.json' with { type: 'json' };

/** What a word is, lower case: a function word, a common word, a place, or (undefined) possibly a name. */
export type WordClass = 'closed' | 'common' | 'place';

let table: Map<string, WordClass> | undefined;

/** The class of `word` (any case; a possessive ’s is ignored). */
export function wordClass(word: string): WordClass | undefined {
  if (!table) {
    table = new Map();
    for (const cls of ['common', 'place', 'closed'] as const) for (const w of CLASSES[cls].split(' ')) table.set(w, cls);
  }
  const lower = word.toLowerCase().replace(/[’']s$/u, '');
  const known = table.get(lower);
  if (known) return known;
  // adverbs of manner the lexicon derives by suffix ("Certainly", "Frankly")
  return /^\p{L}{4,}ly$/u.test(lower) && !/(?:ley|ely|ily|lly)$/u.test(lower) ? 'closed' : undefined;
}
