/**
 * Reads the phrase that names a speaker at an attribution: "army spokesperson Major Gen. Asif Ghafoor",
 * "Suhail Shaheen, Taliban’s Qatar office spokesman", "he", "the clown", "Earlier, Khalilzad, in a
 * series of tweets". Gives the mention as written, the person (via the name index), role and channel.
 */
import {
  CHANNEL_NOUNS,
  CHANNEL_PLACES,
  CLAUSE_STARTS,
  CUE_VERBS,
  NOT_PERSON_WORDS,
  OFFICE_WORDS,
  ORG_NOUNS,
  PRONOUNS,
  ROLE_NOUNS,
  SENTENCE_WORDS,
  TITLE_WORDS,
} from './lexicon.js';
import type { NameIndex } from './name-index.js';
import { isUpper } from './sentence-bounds.js';
import { wordClass } from './word-classes.js';
import { commaSegments, spanText, type Word } from './words.js';

/** Who a phrase names. */
export interface SpeakerReading {
  /** name: a person in the index; pronoun; nominal ("the clown"); org: an organisation; someone: "a resident". */
  kind: 'name' | 'pronoun' | 'nominal' | 'org' | 'someone';
  /** The words at the attribution. */
  mention: string;
  /** Fullest name (for a person in the index) or the organisation's name. */
  name?: string;
  /** Role, when the phrase gives one. */
  role?: string;
  /** Offset of the mention. */
  at: number;
}

/** A people's or a person's word: "the Spaniard", "the Frenchman", "the Australian" (not "the Pentagon"). */
const isDemonym = (word: string) => wordClass(word) === 'demonym' || /^\p{Lu}\p{Ll}+(?:man|woman)$/u.test(word);

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'one', 'another', 'some', 'two', 'three', 'several', 'many']);

/** Determiners of an unnamed source: "a spokeswoman", "one former adviser", "some residents". */
const UNNAMED = new Set(['a', 'an', 'one', 'another', 'some', 'two', 'three', 'several', 'many']);

/** Words before a name's affiliation: "Officer Tusk of the Walrus Police Department", "Smith from Acme". */
const AFFILIATION = new Set(['of', 'from', 'at', 'with']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their']);

/** The channel a phrase names: "in a tweet" → "tweet", "on Twitter" → "Twitter". */
export function findVia(words: Word[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (!['in', 'on', 'via', 'through', 'at', 'during'].includes(w.lower)) continue;
    const next = words[i + 1];
    if (next && (w.lower === 'on' || w.lower === 'via') && CHANNEL_PLACES.has(next.lower)) {
      return next.lower === 'x' && next.text !== 'X' ? undefined : next.text;
    }
    for (let k = i + 1; k < Math.min(words.length, i + 6); k++) {
      const c = words[k] as Word;
      if (c.text === ',' || CLAUSE_STARTS.has(c.lower)) break;
      if (CHANNEL_NOUNS.has(c.lower)) {
        const mod = words[k - 1];
        const keep = mod && k - 1 > i && (['news', 'press'].includes(mod.lower) || CHANNEL_PLACES.has(mod.lower)) && mod.lower !== 'x';
        return keep ? `${mod.text} ${c.text}` : c.text;
      }
    }
  }
  return undefined;
}

/** A reporting verb inside a would-be subject makes it a clause ("tweets" and "claims" may be nouns). */
function isClauseVerb(w: Word): boolean {
  if (!CUE_VERBS.has(w.lower) || isUpper(w.text[0]) || CHANNEL_NOUNS.has(w.lower)) return false;
  return w.lower === 'says' || !w.lower.endsWith('s');
}

/** Read a speaker phrase (cue excluded). Undefined when it names nobody or reads as a clause. */
export function readSpeaker(text: string, index: NameIndex, all: Word[]): SpeakerReading | undefined {
  const reading = readSubject(text, index, all);
  if (reading) return reading;
  // a long clause before the subject: "(But) asked about her vote in the event that …, she [replied]" — the
  // subject is what follows the clause's last comma
  const rest = withoutConjunctions(all);
  const lead = rest[0];
  // the clause opens the sentence: capitalised, or after "But"/"And"
  if (!lead || !(isUpper(lead.text[0]) || rest !== all) || !(isParticiple(lead) || CLAUSE_STARTS.has(lead.lower))) return undefined;
  const comma = all.findLastIndex((w) => w.text === ',');
  return comma > 0 && comma < all.length - 1 ? readSubject(text, index, all.slice(comma + 1)) : undefined;
}

/** "But she [said]", "And Smith [added]": the words after the conjunctions opening a sentence. */
function withoutConjunctions(words: Word[]): Word[] {
  let k = 0;
  while (k < words.length - 1 && LEADING_CONJUNCTIONS.has((words[k] as Word).lower)) k++;
  return k === 0 ? words : words.slice(k);
}

/** A participle or "asked", opening a clause before the subject: "Speaking after the result was announced, [X]". */
function isParticiple(w: Word): boolean {
  return /^\p{L}{3,}ing$/u.test(w.lower) || w.lower === 'asked';
}

function readSubject(text: string, index: NameIndex, all: Word[]): SpeakerReading | undefined {
  // "He later [told]", "Smith also [said]": adverbs between the subject and its cue are not part of it
  let n = all.length;
  while (n > 1 && isSubjectAdverb(all[n - 1] as Word)) n--;
  // a conjunction opening the sentence is not part of the subject
  let words = withoutConjunctions(n === all.length ? all : all.slice(0, n));
  // a participle clause before the subject
  const lead = words[0];
  const comma = words.findIndex((w) => w.text === ',');
  if (lead && comma > 0 && comma <= 12 && isUpper(lead.text[0]) && isParticiple(lead)) words = words.slice(comma + 1);
  if (words.length === 0 || words.length > 30) return undefined;
  if (words.some((w) => isClauseVerb(w))) return undefined;
  const segs = commaSegments(words);
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s] as Word[];
    let reading = readSegment(text, index, seg);
    if (!reading) {
      if (!isAdverbial(seg)) return undefined; // a clause stands between: not an attribution
      continue;
    }
    // "the company’s chief executive, George Kurtz," — the description is the role of the name after it
    const nextSeg = segs[s + 1];
    if ((reading.kind === 'nominal' || reading.kind === 'someone' || (reading.kind === 'org' && !reading.name)) && nextSeg) {
      const named = readSegment(text, index, nextSeg);
      if (named?.kind === 'name') {
        named.role ??= spanText(text, seg[0] && ['a', 'an', 'the'].includes(seg[0].lower) ? seg.slice(1) : seg);
        reading = named;
        s++;
      }
    }
    if (!reading.role) {
      const role = appositiveRole(text, segs[s + 1]);
      if (role) reading.role = role;
    }
    return reading;
  }
  // "…, in which a resident [accused]": the subject of a relative clause is the words after its pronoun
  const lastSeg = segs[segs.length - 1] ?? [];
  const rel = lastSeg.findLastIndex((w) => RELATIVES.has(w.lower));
  if (rel >= 0 && rel < lastSeg.length - 1) return readSegment(text, index, lastSeg.slice(rel + 1));
  return undefined;
}

const ORG_JOINERS = new Set(['of', 'for', 'and', 'on', 'the', '&']);

const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so', 'or']);

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'do']);

/** A segment that may stand before the speaker: "Earlier in the day", "However", "in a series of tweets". */
function isAdverbial(seg: Word[]): boolean {
  const first = seg[0];
  if (!first) return false;
  if (seg.length > 8 || seg.some((w) => AUXILIARIES.has(w.lower))) return false;
  return isUpper(first.text[0]) || SENTENCE_WORDS.has(first.lower) || CLAUSE_STARTS.has(first.lower) || first.lower.endsWith('ly');
}

const SUBJECT_ADVERBS = new Set(['later', 'also', 'then', 'again', 'once', 'previously', 'earlier', 'subsequently', 'still', 'often', 'repeatedly', 'simply', 'himself', 'herself', 'themselves']);

/** -ly endings of manner and time adverbs ("bluntly", "repeatedly", "publicly"), not of nouns ("family", "ally"). */
const MANNER_ADVERB = /^\p{L}{2,}(?:ally|ously|ately|ently|antly|edly|fully|ably|ibly|ively|ntly|stly|ckly|rly|tly|dly|cly)$/u;

/** An adverb standing between a subject and its verb ("later", "also", "repeatedly"). */
function isSubjectAdverb(w: Word): boolean {
  return SUBJECT_ADVERBS.has(w.lower) || (w.text === w.lower && MANNER_ADVERB.test(w.lower));
}

const OBJECT_PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'to']);

const RELATIVES = new Set(['which', 'who', 'whom', 'where', 'when', 'that']);

function readSegment(text: string, index: NameIndex, seg: Word[]): SpeakerReading | undefined {
  const first = seg[0] as Word;
  const last = seg[seg.length - 1] as Word;
  // "Officer Tusk of the Walrus Police Department": the name, with its affiliation as the role
  const of = seg.findIndex((w, k) => {
    if (k === 0 || !AFFILIATION.has(w.lower) || !isUpper((seg[k - 1] as Word).text[0])) return false;
    const next = seg.slice(k + 1).find((x) => !DETERMINERS.has(x.lower));
    return next !== undefined && isUpper(next.text[0]);
  });
  if (of > 0 && seg.slice(0, of).every((w) => DETERMINERS.has(w.lower) || isUpper(w.text[0]))) {
    const named = readSegment(text, index, seg.slice(0, of));
    if (named?.kind === 'name') {
      named.role ??= spanText(text, seg.slice(of + 1));
      return named;
    }
  }
  // "Burton and Nick Alvarez", "Obama and Clinton": two people at one attribution
  const and = seg.findIndex((w) => w.lower === 'and' || w.lower === '&');
  if (and > 0 && and < seg.length - 1) {
    const a = readSegment(text, index, seg.slice(0, and));
    const b = readSegment(text, index, seg.slice(and + 1));
    if (a?.kind === 'name' && b?.kind === 'name' && a.name && b.name) {
      return { kind: 'name', mention: text.slice(a.at, (seg[and + 1 + (b.mention.split(/\s+/u).length - 1)] as Word | undefined)?.end ?? last.end), name: `${a.name} and ${b.name}`, at: first.start };
    }
  }
  if (seg.length === 1 && PRONOUNS.has(first.lower)) {
    return first.lower === 'i' || first.lower === 'we' ? undefined : { kind: 'pronoun', mention: first.text, at: first.start };
  }
  if (['in', 'on', 'at', 'via', 'through', 'during'].includes(first.lower)) return undefined;
  const people = index.within(first.start, last.end + 1);
  const person = people[people.length - 1];
  if (person) {
    const before = seg.filter((w) => w.end <= person.titleStart);
    if (before.length > 6) return undefined;
    // "Tuttle’s lawyer": the possessive names whose; the phrase is a description of someone else
    if (person.possessive && seg.some((w) => w.start > person.end + 1)) {
      return { kind: 'someone', mention: spanText(text, seg), role: spanText(text, seg), at: first.start };
    }
    // "one Fox executive", "a Smith aide": the name modifies the noun of someone unnamed
    const after = seg.filter((w) => w.start >= person.end);
    if (UNNAMED.has(first.lower) && after.length > 0 && after.every((w) => !isUpper(w.text[0]) && !CLAUSE_STARTS.has(w.lower))) {
      return { kind: 'someone', mention: spanText(text, seg), role: spanText(text, seg.slice(1)), at: first.start };
    }
    // "a spokesperson for Brightwell", "a lawyer for Smith": the name is the object, the speaker is unnamed
    const prep = before[before.length - 1];
    if (prep && OBJECT_PREPOSITIONS.has(prep.lower) && (first.lower === 'a' || first.lower === 'an')) {
      return { kind: 'someone', mention: spanText(text, seg), role: spanText(text, seg.slice(1)), at: first.start };
    }
    const reading: SpeakerReading = {
      kind: 'name',
      mention: text.slice(person.titleStart, person.end),
      name: person.name,
      at: person.start,
    };
    const role = premodifierRole(text, before) ?? officeRole(person.titles);
    if (role) reading.role = role;
    return reading;
  }
  // "Hauser am Montag", "Smith on Friday": a capitalised name, then when or where it was said
  const when = seg.findIndex((w, k) => k > 0 && TIME_PLACE.has(w.lower));
  if (when > 0 && seg.slice(0, when).every((w) => isUpper(w.text[0]))) {
    const named = readSegment(text, index, seg.slice(0, when));
    if (named?.kind === 'name') return named;
  }
  // a capitalised run of up to three words; a lone letter ("Q:" and "A:" in an interview) names nobody
  if (seg.length <= 3 && seg.every((w) => isUpper(w.text[0]) && !w.text.includes('.')) && !SENTENCE_WORDS.has(first.lower) && !(seg.length === 1 && first.text.length < 2)) {
    // "Harbor said" where the article names "Harbor Foods": the short form of an organisation
    if (seg.length === 1 && index.isOrganisationHead(first.text)) return { kind: 'org', mention: first.text, name: first.text, at: first.start };
    // a name the article never gave a person, written like a brand ("CNN", "PolitiFact") or made of common
    // words ("Zero Hedge", "Morning Consult"): an organisation
    if (looksLikeOrganisation(seg) && !index.fullest(spanText(text, seg), first.start)) {
      return { kind: 'org', mention: spanText(text, seg), name: spanText(text, seg), at: first.start };
    }
    if (!seg.some((w) => NOT_PERSON_WORDS.has(w.lower.replace(/[’']s$/u, '')))) {
      // "Chairwoman Rosenworcel": the title is the role, not part of the name
      const titled = seg.length > 1 && TITLE_WORDS.has(first.lower) ? 1 : 0;
      const name = seg.slice(titled);
      const written = spanText(text, name);
      const reading: SpeakerReading = { kind: 'name', mention: spanText(text, seg), name: index.fullest(written, (name[0] as Word).start) ?? written, at: (name[0] as Word).start };
      if (titled) reading.role = first.text;
      return reading;
    }
  }
  // "The National Institute for Health and Care Research": a long proper name joined by of/for/and
  if (first.lower === 'the' && seg.length > 5 && seg.length <= 12 && isUpper(last.text[0]) && seg.slice(1).every((w) => isUpper(w.text[0]) || ORG_JOINERS.has(w.lower))) {
    return { kind: 'org', mention: spanText(text, seg), name: spanText(text, seg.slice(1)), at: first.start };
  }
  if (DETERMINERS.has(first.lower) && seg.length >= 2 && seg.length <= 5) {
    const rest = seg.slice(1);
    // "a quality he [said …]": a pronoun after the noun opens a relative clause; the phrase names nobody
    // "the winner will be [announced]": an auxiliary makes it a clause, not a noun phrase
    if (rest.some((w) => PRONOUNS.has(w.lower) || AUXILIARIES.has(w.lower))) return undefined;
    const head = rest[rest.length - 1] as Word;
    if (rest.length === 1 && first.lower === 'the' && isDemonym(head.text)) {
      return { kind: 'nominal', mention: spanText(text, seg), role: head.text, at: first.start };
    }
    if (rest.every((w) => isUpper(w.text[0]) || w.lower === 'of')) {
      return { kind: 'org', mention: spanText(text, seg), name: spanText(text, rest), at: first.start };
    }
    // "a spokeswoman for Disney", "one former adviser": the noun before any "for …" is the head
    const prep = rest.findIndex((w) => OBJECT_PREPOSITIONS.has(w.lower));
    const noun = (prep > 0 ? rest[prep - 1] : head) as Word;
    if (ORG_NOUNS.has(noun.lower) && !UNNAMED.has(first.lower)) return { kind: 'org', mention: spanText(text, seg), name: spanText(text, seg), at: first.start };
    // "a resident", "an official": someone unnamed, who is not the last person named
    if (UNNAMED.has(first.lower) && !isUpper(noun.text[0]) && !CLAUSE_STARTS.has(noun.lower)) {
      return { kind: 'someone', mention: spanText(text, seg), role: spanText(text, rest), at: first.start };
    }
    // "the 19-year-old": the person the article gave that age ("Okonkwo-Hale, 19,")
    const age = spanText(text, rest);
    if (first.lower === 'the' && /^\d{1,3}-year-old$/u.test(age)) return { kind: 'nominal', mention: spanText(text, seg), role: age, at: first.start };
    // "the spokeswoman"; "his wife", "her son": a relative the article introduced that way ("He and his wife, Marianne Okafor")
    const nominal = first.lower === 'the' || (POSSESSIVE_DETERMINERS.has(first.lower) && rest.length === 1 && ROLE_NOUNS.has(head.lower));
    if (nominal && !isUpper(head.text[0]) && rest.every((w) => !CLAUSE_STARTS.has(w.lower) && !/^\p{N}/u.test(w.text))) {
      return { kind: 'nominal', mention: spanText(text, seg), role: spanText(text, rest), at: first.start };
    }
    return undefined;
  }
  if (seg.length <= 5 && seg.every((w) => isUpper(w.text[0])) && NOT_PERSON_WORDS.has(last.lower) && !SENTENCE_WORDS.has(first.lower)) {
    return { kind: 'org', mention: spanText(text, seg), name: spanText(text, seg), at: first.start };
  }
  // "Richmond police", "Senate Republicans": a place or body and the noun of an organisation
  if (seg.length <= 4 && isUpper(first.text[0]) && (ORG_NOUNS.has(last.lower) || wordClass(last.text) === 'plural') && !SENTENCE_WORDS.has(first.lower)) {
    return { kind: 'org', mention: spanText(text, seg), name: spanText(text, seg), at: first.start };
  }
  // "le juge Sabourin", "el portavoz Burtón", "der Sprecher Hauser": role words, then a name the article
  // gives no more of
  const named = seg.findIndex((w) => isUpper(w.text[0]));
  if (named > 0 && seg.length - named <= 3 && named <= 4 && seg.slice(named).every((w) => isUpper(w.text[0]) && !w.text.includes('.'))) {
    const lead = seg.slice(0, named);
    if (lead.some((w) => !DETERMINERS.has(w.lower) && !OBJECT_PREPOSITIONS.has(w.lower)) && !lead.some((w) => OBJECT_PREPOSITIONS.has(w.lower) || CLAUSE_STARTS.has(w.lower))) {
      const run = readSegment(text, index, seg.slice(named));
      if (run?.kind === 'name') return { ...run, role: spanText(text, lead.filter((w) => !DETERMINERS.has(w.lower) && !FOREIGN_DETERMINERS.has(w.lower))) };
    }
  }
  return undefined;
}

/** Words that open when or where something was said: "on Monday", "am Montag", "en Madrid". */
const TIME_PLACE = new Set(['on', 'in', 'at', 'during', 'am', 'im', 'um', 'en', 'au', 'le', 'el', 'à', 'durante']);

/** German, French and Spanish articles before a role: "le juge", "el portavoz", "der Sprecher". */
const FOREIGN_DETERMINERS = new Set(['le', 'la', 'les', "l'", 'el', 'los', 'las', 'der', 'die', 'das', 'den', 'dem']);

/** "CNN", "PolitiFact", "Zero Hedge": capitals inside a word, or only common words: no person's name. */
function looksLikeOrganisation(seg: Word[]): boolean {
  if (seg.length === 1) return /^\p{Lu}{2,}$/u.test(seg[0]?.text ?? '') || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(seg[0]?.text ?? '');
  return seg.every((w) => {
    const c = wordClass(w.text);
    return c === 'common' || c === 'place' || c === 'plural';
  });
}

/** Lower-case role words right before a name: "army spokesperson [Major Gen. Asif Ghafoor]". */
function premodifierRole(text: string, before: Word[]): string | undefined {
  let i = before.length;
  while (i > 0) {
    const w = before[i - 1] as Word;
    if (SENTENCE_WORDS.has(w.lower) || DETERMINERS.has(w.lower) || w.text === '—' || w.text === '-') break;
    i--;
  }
  const role = before.slice(i);
  const head = role[role.length - 1];
  return head && ROLE_NOUNS.has(head.lower) && !isUpper(head.text[0]) ? spanText(text, role) : undefined;
}

/** An office title before a name is a role ("Foreign Minister"); a rank or courtesy title is not. */
function officeRole(titles: string | undefined): string | undefined {
  if (!titles) return undefined;
  const words = titles.split(/\s+/u);
  return words.some((w) => OFFICE_WORDS.has(w.toLowerCase())) ? titles : undefined;
}

/** A role set off by commas after the name: ", Taliban’s Qatar office spokesman,". */
export function appositiveRole(text: string, seg: Word[] | undefined): string | undefined {
  if (!seg || seg.length === 0 || seg.length > 12) return undefined;
  const first = seg[0] as Word;
  if (CLAUSE_STARTS.has(first.lower) || CUE_VERBS.has(first.lower)) return undefined;
  if (!seg.some((w) => ROLE_NOUNS.has(w.lower.replace(/[’']s$/u, '')))) return undefined;
  let words = ['a', 'an', 'the'].includes(first.lower) ? seg.slice(1) : seg;
  const clause = words.findIndex((w, k) => k > 0 && CLAUSE_STARTS.has(w.lower) && w.lower !== 'in' && w.lower !== 'at' && w.lower !== 'on');
  if (clause > 0) words = words.slice(0, clause);
  return spanText(text, words) || undefined;
}
