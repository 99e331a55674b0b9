/**
 * `npm run build:word-classes`: src/extract/word-classes.json from the lexicon of compromise (a
 * well-kept English NLP library, a devDependency): which capitalised words are function words (never
 * part of a person's name), which are common words (part of a name only when the article shows it is),
 * plural nouns, and places; and which given names are a man's or a woman's. The name index (src/extract/name-index.ts) reads the file; compromise itself is
 * not loaded at run time (its lexicon takes ~300 ms to unpack).
 */
import { writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { looksLikeAdverb } from '../src/extract/word-classes.js';

const NAME = new Set(['FemaleName', 'MaleName', 'FirstName', 'LastName', 'Person', 'Honorific']);
const CLOSED = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'Negative', 'QuestionWord', 'Possessive', 'Reflexive', 'Condition']);
const COMMON = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Adjective', 'Comparative', 'Superlative', 'Singular', 'Plural', 'Noun', 'Uncountable', 'Actor', 'Month', 'WeekDay', 'Expression', 'PhrasalVerb', 'Verb', 'Imperative', 'Cardinal', 'Ordinal', 'TextValue']);
const PLACE = new Set(['City', 'Place', 'Country', 'Region']);

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const classes = { closed: [] as string[], common: [] as string[], place: [] as string[], plural: [] as string[], demonym: [] as string[], named: [] as string[], male: [] as string[], female: [] as string[] };
for (const [word, tag] of Object.entries(lexicon)) {
  if (!/^\p{L}[\p{L}'’-]*$/u.test(word)) continue; // one word, letters only
  const tags = Array.isArray(tag) ? tag : [tag];
  if (tags.some((t) => NAME.has(t))) {
    // names the adverb suffix rule of word-classes.ts would miss ("Beverly", "Kimberly")
    if (looksLikeAdverb(word)) classes.named.push(word);
    // given names of one gender only: the fallback when the article itself gives a person none
    if (tags.includes('MaleName') && !tags.includes('FemaleName')) classes.male.push(word);
    if (tags.includes('FemaleName') && !tags.includes('MaleName')) classes.female.push(word);
    continue;
  }
  if (tags.some((t) => CLOSED.has(t))) classes.closed.push(word);
  else if (tags.some((t) => PLACE.has(t))) classes.place.push(word);
  else if (tags.includes('Demonym')) classes.demonym.push(word);
  else if (tags.includes('Plural')) classes.plural.push(word);
  else if (tags.some((t) => COMMON.has(t))) classes.common.push(word);
}
for (const list of Object.values(classes)) list.sort();
const out = new URL('../src/extract/word-classes.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ source: 'compromise lexicon, npm run build:word-classes', closed: classes.closed.join(' '), place: classes.place.join(' '), plural: classes.plural.join(' '), demonym: classes.demonym.join(' '), named: classes.named.join(' '), male: classes.male.join(' '), female: classes.female.join(' '), common: classes.common.join(' ') })}\n`);
console.log(Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.length])));
