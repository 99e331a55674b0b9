/**
 * What the article itself says about each person named in it, gathered once and read when a "he",
 * "she" or "the spokeswoman" at an attribution is resolved:
 * - gender, from the article's own words: an honorific ("Mr.", "Ms."), a gendered role noun
 *   ("spokeswoman", "brother") at the name, or a he/she/his/her in a sentence that names no one else;
 * - the role each mention is introduced with ("The company’s chief executive, Lorraine Whitfield",
 *   "Derek Osei, an analyst at …", "Police Chief Angela Brandt"), and an age given beside the name
 *   ("Okonkwo-Hale, 19,": "19-year-old").
 * The signs are weighed together with the gender a given name usually has (compromise's lexicon of given
 * names, word-classes.ts): an honorific or a role noun weighs as much as the given name, and each as much
 * as three stray pronouns; "Donald Trump" is a man's name; "Rusty Humphries" with no sign stays unknown.
 */
import type { NameIndex, PersonMention } from './name-index.js';
import { isSpace, sentenceStart } from './sentence-bounds.js';
import { givenNameGender } from './word-classes.js';

/** A person's gender as the article marks it. */
export type Gender = 'f' | 'm';

const FEMININE = new Set(
  'ms ms. mrs mrs. miss madam dame lady queen princess spokeswoman chairwoman congresswoman assemblywoman alderwoman councilwoman businesswoman actress mother daughter wife sister widow grandmother aunt niece girlfriend stepmother'.split(
    ' ',
  ),
);
const MASCULINE = new Set(
  'mr mr. sir lord king prince spokesman chairman congressman assemblyman alderman councilman businessman father son husband brother widower grandfather uncle nephew boyfriend stepfather'.split(
    ' ',
  ),
);

/**
 * Subject and possessive pronouns that carry gender. An object ("thanked her", "told him") often stands
 * for someone other than the sentence's subject, so it does not count: "her" counts only before a noun.
 */
const GENDERED = /\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er(?= (?!(?:to|for|and|or|but|that|the|a|an|in|on|at|as|with|from|by|of|about|after|before|back|out|up|down|off|over|into|again|too|if|when|because|so)\b)\p{Ll}))\b/gu;

/** How much an honorific or a gendered role noun at a name counts, against one pronoun in a sentence naming only them. */
const ROLE_VOTE = 3;
/** How much the usual gender of a person's given name counts. */
const GIVEN_NAME_VOTE = 3;

/** How far back a role set off before a name is read. */
const ROLE_REACH = 90;

/** Gender and introducing role of the people in one article, computed lazily and cached. */
export class PersonFacts {
  private genders: Map<string, Gender> | undefined;
  /** The people whose gender the article's own words mark, not their given name alone. */
  private marked: Set<string> | undefined;
  private readonly roles = new Map<number, string>();

  constructor(
    private readonly text: string,
    private readonly index: NameIndex,
    private readonly outside: (pos: number) => boolean,
  ) {}

  /** The gender the article gives `name`, if it gives one (and only one). */
  genderOf(name: string): Gender | undefined {
    this.genders ??= this.collectGenders();
    return this.genders.get(name);
  }

  /** Whether the article's own words (an honorific, a role noun, a pronoun) give `name` the gender genderOf() says, beyond the given name. */
  isGenderMarked(name: string): boolean {
    this.genders ??= this.collectGenders();
    return this.marked?.has(name) ?? false;
  }

  /** The role words written around mention `i` (lower case, "" when none). */
  roleAt(i: number): string {
    let role = this.roles.get(i);
    if (role === undefined) {
      role = this.readRole(this.index.mentions[i] as PersonMention);
      this.roles.set(i, role);
    }
    return role;
  }

  private readRole(m: PersonMention): string {
    const text = this.text;
    const parts: string[] = [];
    if (m.titles) parts.push(m.titles);
    // "The company’s chief executive, [Name]" / "A spokeswoman for the governor, [Name]"
    const sliceStart = Math.max(0, m.titleStart - ROLE_REACH);
    // only a comma (white space after it) right before the name sets off a role: test that before slicing
    let comma = m.titleStart - 1;
    while (comma >= sliceStart && isSpace(text[comma])) comma--;
    if (comma >= sliceStart && text[comma] === ',') {
      const before = text.slice(sliceStart, m.titleStart).trimEnd();
      const body = before.slice(0, -1);
      let cut = body.length - 1;
      while (cut >= 0 && !'.!?;:\n,()'.includes(body[cut] as string)) cut--;
      let from = sliceStart + cut + 1;
      // "Prime Minister Keir Dalton and his deputy, Angela Raines": her role is what follows the other name
      const others = this.index.within(from, m.titleStart);
      const other = others[others.length - 1];
      if (other) from = other.end;
      const lead = text
        .slice(from, sliceStart + body.length)
        .replace(/^(?:[’']s)?\s*(?:(?:and|or|with|&)\s+)?/u, '')
        .trim();
      if ((cut >= 0 || m.titleStart <= ROLE_REACH) && !other && lead.length >= 2 && lead.split(/\s+/u).length <= 9) parts.push(lead);
      else if (other && lead.length >= 2 && lead.split(/\s+/u).length <= 6) parts.push(lead);
    }
    // both forms after the name open with a comma: most names have none
    if (text[m.end] === ',') {
      // "[Name], an analyst at Morningside Research who covers the sector,"
      const after = /^,\s*([^.!?;:\n,()]{2,90})/u.exec(text.slice(m.end, m.end + 100));
      if (after?.[1] && /^(?:a|an|the|\p{Ll}+[’']s)\s/iu.test(after[1])) parts.push(after[1]);
      // "Okonkwo-Hale, 19, came through the academy": "the 19-year-old" later means this person
      const age = /^,\s*(\d{1,3}),/u.exec(text.slice(m.end, m.end + 8));
      if (age) parts.push(`${age[1]}-year-old`);
    }
    return parts.join(' | ').toLowerCase();
  }

  private collectGenders(): Map<string, Gender> {
    const votes = new Map<string, { f: number; m: number }>();
    const vote = (name: string, g: Gender, weight: number) => {
      const v = votes.get(name) ?? { f: 0, m: 0 };
      v[g] += weight;
      votes.set(name, v);
    };
    const mentions = this.index.mentions;
    mentions.forEach((m, i) => {
      if (!this.outside(m.start)) return;
      const role = this.roleAt(i);
      if (role === '') return;
      for (const w of role.split(/[^\p{L}.]+/u)) {
        if (FEMININE.has(w)) vote(m.name, 'f', ROLE_VOTE);
        else if (MASCULINE.has(w)) vote(m.name, 'm', ROLE_VOTE);
      }
    });
    // one pass; a sentence's people are gathered as the pass moves through it (linear on "he Smith he Lee …")
    let last = -1;
    let people = new Set<string>();
    // the people of the sentence so far named other than as a possessor: "Asked about Lindqvist’s claim that
    // she …" — a subject pronoun is not the possessor's
    let plain = new Set<string>();
    let fallback: string | undefined;
    GENDERED.lastIndex = 0;
    for (let hit = GENDERED.exec(this.text); hit; hit = GENDERED.exec(this.text)) {
      const at = hit.index;
      if (!this.outside(at)) continue;
      if (last < 0 || /[.!?…\n]/u.test(this.text.slice(last, at))) {
        const from = sentenceStart(this.text, at, 0);
        [people, plain] = this.namesIn(from, at);
        // "X … was unmoved. She told reporters": a pronoun opening its sentence stands for the one person of the
        // sentence before (not one after a quotation, “…,” she said: that is the attribution being resolved)
        const opens = from === at;
        const before = people.size === 0 && opens && from > 0 ? this.namesIn(sentenceStart(this.text, Math.max(0, from - 2), 0), from)[0] : undefined;
        fallback = before?.size === 1 ? [...before][0] : undefined;
      } else {
        const [more, morePlain] = this.namesIn(last, at);
        for (const name of more) people.add(name);
        for (const name of morePlain) plain.add(name);
      }
      last = at;
      const who = people.size === 1 ? [...people][0] : people.size === 0 ? fallback : undefined;
      const subject = hit[0].length <= 3 && /^(?:[Hh]e|[Ss]he)$/u.test(hit[0]);
      if (who && (!subject || people.size === 0 || plain.has(who))) vote(who, /^(?:[Ss]he|[Hh]er)$/u.test(hit[0]) ? 'f' : 'm', 1);
    }
    // the given name's usual gender weighs as much as three pronouns: "Michael Mukasey … in her political
    // career" (her: Clinton's) does not make Mukasey a woman
    const givenVotes = new Map<string, Gender | undefined>();
    for (const m of this.index.mentions) {
      if (givenVotes.has(m.name)) continue;
      const first = m.name.split(/\s+/u);
      const g = first.length >= 2 ? givenNameGender(first[0] as string) : undefined;
      givenVotes.set(m.name, g);
      if (g) vote(m.name, g, GIVEN_NAME_VOTE);
    }
    const out = new Map<string, Gender>();
    this.marked = new Set();
    for (const [name, v] of votes) {
      const g: Gender | undefined = v.f > v.m ? 'f' : v.m > v.f ? 'm' : undefined;
      if (!g) continue;
      out.set(name, g);
      if (v[g] > (givenVotes.get(name) === g ? GIVEN_NAME_VOTE : 0)) this.marked.add(name);
    }
    return out;
  }

  /**
   * People named in [from, to) outside quotes: all of them, possessives included ("Reyes's age, his lack …" may
   * be Reyes's), and those named other than as a possessor.
   */
  private namesIn(from: number, to: number): [Set<string>, Set<string>] {
    const all = new Set<string>();
    const plain = new Set<string>();
    for (const m of this.index.within(from, to)) {
      if (!this.outside(m.start)) continue;
      all.add(m.name);
      if (!m.possessive) plain.add(m.name);
    }
    return [all, plain];
  }
}
