/**
 * `npm run build:word-classes`: src/extract/word-classes.json from the lexicon of compromise (a
 * well-kept English NLP library, a devDependency): which capitalised words are function words (never
 * part of a person's name), which are common words (part of a name only when the article shows it is),
 * and which are places. The name index (src/extract/name-index.ts) reads the file; compromise itself is
 * not loaded at run time (its lexicon takes ~300 ms to unpack).
 */
import { writeFileSync } from 'node:fs';
import nlp from 'compromise';

const NAME = new Set(['FemaleName', 'MaleName', 'FirstName', 'LastName', 'Person', 'Honorific']);
const CLOSED = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'Negative', 'QuestionWord', 'Possessive', 'Reflexive', 'Condition']);
const COMMON = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Adjective', 'Comparative', 'Superlative', 'Singular', 'Plural', 'Noun', 'Uncountable', 'Actor', 'Month', 'WeekDay', 'Expression', 'PhrasalVerb', 'Verb', 'Imperative', 'Cardinal', 'Ordinal', 'TextValue']);
const PLACE = new Set(['City', 'Place', 'Country', 'Region']);

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const classes = { closed: [] as string[], common: [] as string[], place: [] as string[] };
for (const [word, tag] of Object.entries(lexicon)) {
  if (!/^\p{L}[\p{L}'’-]*$/u.test(word)) continue; // one word, letters only
  const tags = Array.isArray(tag) ? tag : [tag];
  if (tags.some((t) => NAME.has(t))) continue;
  if (tags.some((t) => CLOSED.has(t))) classes.closed.push(word);
  else if (tags.some((t) => PLACE.has(t))) classes.place.push(word);
  else if (tags.some((t) => COMMON.has(t))) classes.common.push(word);
}
for (const list of Object.values(classes)) list.sort();
const out = new URL('../src/extract/word-classes.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ source: 'compromise lexicon, npm run build:word-classes', closed: classes.closed.join(' '), place: classes.place.join(' '), common: classes.common.join(' ') })}\n`);
console.log(Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.length])));
