/**
 * The single-sentence quotation forms real news uses (and attribution mistakes seen on real articles,
 * written fresh): each gives the one quote with the right speaker, its kind, and no nearby name.
 */
import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';
import type { Speaker } from '../src/types.js';

const forms: Array<{ name: string; input: string; speaker: Speaker; text?: string }> = [
  { name: 'the speaker, not the person spoken of', input: '“She has done a fantastic job,” Mr. Adams said of his daughter, who runs the firm.', speaker: { name: 'Adams', kind: 'person' } },
  { name: 'a headline phrase is no name', input: 'Hammering Hillary Clinton: “We cannot let this stand,” the senator said.', speaker: { mention: 'the senator', kind: 'description' } },
  { name: 'German: „…“, sagte X', input: '„Wir haben in Zeiten von Corona viel gelernt“, sagte Hauser am Montag.', speaker: { name: 'Hauser', kind: 'person' } },
  { name: 'French: « … », a mentionné le juge X', input: '« Nous devons agir maintenant », a mentionné le juge Sabourin.', speaker: { name: 'Sabourin', kind: 'person' } },
  { name: 'Spanish: «…», afirmó X', input: '«Tenemos que actuar ahora», afirmó Burtón.', speaker: { name: 'Burtón', kind: 'person' } },
  { name: 'Spanish: "…", dijo X', input: '"Tenemos que actuar ahora", dijo Burtón.', speaker: { name: 'Burtón', kind: 'person' } },
  { name: 'an organisation', input: '“The numbers speak for themselves,” the Pentagon said.', speaker: { mention: 'the Pentagon', kind: 'organization' } },
  { name: 'a city’s police', input: '“We will review the footage,” Richmond police said.', speaker: { name: 'Richmond police', kind: 'organization' } },
  { name: 'a spokeswoman for a company', input: '“We do not comment on rumours,” a spokeswoman for Disney said.', speaker: { name: 'a spokeswoman for Disney', kind: 'description' } },
  { name: 'an unnamed former adviser', input: '“It was a mistake,” one former adviser said.', speaker: { name: 'one former adviser', kind: 'description' } },
  { name: 'a pronoun with no one named: the mention, no name', input: '“I was wrong about that,” he conceded.', speaker: { mention: 'he', kind: 'person' } },
  { name: 'a lone surname is a person', input: 'Burton explained the plan. "We start on Monday," he said.', speaker: { name: 'Burton', mention: 'he', kind: 'person' } },
  { name: 'said Officer X of the Y Police Department', input: '"Nobody was hurt," said Officer Tusk of the Walrus Police Department.', speaker: { name: 'Tusk', kind: 'person' } },
  { name: 'Title X: “…”', input: 'Chairwoman Rosenworcel: “The rules are clear and we will enforce them.”', speaker: { name: 'Rosenworcel', kind: 'person' } },
  { name: 'an emoji after the sentence', input: '“The bridge opens on Friday,” said Mayor Ada Lovelace. 🌉', speaker: { name: 'Ada Lovelace', kind: 'person' } },
  { name: 'a cue verb opening the sentence is no name', input: 'Replied Stephen Colbert: “That is not what I said at all.”', speaker: { name: 'Stephen Colbert', kind: 'person' } },
  { name: 'inverted order: said X', input: '“That is not what I said at all,” replied Stephen.', speaker: { name: 'Stephen', kind: 'person' } },
  { name: 'two speakers after the quote, in the present', input: '“We were surprised by the vote,” reply Burton and Nick.', speaker: { name: 'Burton and Nick', kind: 'person' } },
  { name: 'one X executive, X the company named before', input: '21st Century Fox is in talks to sell its studio. “We are looking at every option,” one Fox executive said.', speaker: { name: 'one Fox executive', kind: 'description' } },
  { name: 'two speakers', input: '“We are united on this,” said Burton and Nick Alvarez in a joint statement.', speaker: { name: 'Burton and Nick Alvarez', kind: 'person' } },
  { name: 'introduced by a colon', input: 'The minister put it simply: “We will not back down on this.”', speaker: { mention: 'The minister', kind: 'description' } },
  { name: 'a quote inside a quote', input: '“He told me, ‘Get out of the car now,’ and I did,” said Maria Lopez.', speaker: { name: 'Maria Lopez', kind: 'person' }, text: 'He told me, ‘Get out of the car now,’ and I did' },
  { name: "a name before a plural possessive's apostrophe: X' lawyer", input: 'Ouisa Davis\' lawyer spoke first. "My client will testify," said Ouisa Davis.', speaker: { name: 'Ouisa Davis', kind: 'person' } },
  { name: "a plural possessive's apostrophe names whose: X' lawyer said", input: 'Ouisa Davis testified on Monday. "She is innocent," Davis\' lawyer said.', speaker: { name: "Davis' lawyer", kind: 'description' } },
  { name: "two apostrophes: ''…''", input: "''The economy is strong,'' said Jared Bernstein, an economist.", speaker: { name: 'Jared Bernstein', kind: 'person' } },
  { name: 'what a report found', input: 'The audit office published its review on Monday. “Spending rose in every region,” the report found.', speaker: { mention: 'the report', kind: 'organization' } },
  { name: 'how an email began', input: 'The message reached staff at noon. “Dear colleagues, we have let you down,” the email began.', speaker: { mention: 'the email', kind: 'description' } },
  { name: 'what a sign read', input: 'Protesters filled the square. “Lock him up now,” read one sign.', speaker: { mention: 'one sign', kind: 'description' } },
  {
    name: 'a long clause before the pronoun: the subject after its last comma',
    input: 'Susan Sarandon spoke to the host. Asked about her own vote in the event that Clinton faces Donald Trump, who has insulted women in a volatile campaign, she replied: “I don’t know. I’m going to see what happens.”',
    speaker: { name: 'Susan Sarandon', mention: 'she', kind: 'person' },
  },
  { name: 'a generational suffix is part of the full name', input: 'President Joseph R. Biden Jr. spoke on Monday. “We will get this done,” Mr. Biden said.', speaker: { name: 'Joseph R. Biden Jr.', kind: 'person' } },
  { name: 'mixed marks: a straight mark closed by a curly one', input: '"I don’t think it is getting the attention,” Grassley said.', speaker: { name: 'Grassley', kind: 'person' }, text: 'I don’t think it is getting the attention' },
  { name: 'mixed marks: a curly mark closed by a straight one', input: '“It is so shameful that you ignored my call,\" Smegielski said.', speaker: { name: 'Smegielski', kind: 'person' }, text: 'It is so shameful that you ignored my call' },
  { name: 'an opening mark where the closing one belongs', input: '“That could create real problems for her here,“ said Jim Clyburn.', speaker: { name: 'Jim Clyburn', kind: 'person' }, text: 'That could create real problems for her here' },
  { name: 'a quote inside a quote in the other double mark', input: '“He said "no" to me and then he left,” said Ana Ruiz.', speaker: { name: 'Ana Ruiz', kind: 'person' }, text: 'He said "no" to me and then he left' },
  {
    name: 'a cue coordinated with an earlier verb: the subject, not the object before “and”',
    input: 'Reverend Al Sharpton spoke. Eight years ago, he backed Barack Obama over Clinton and said: “She has never done anything for us.”',
    speaker: { name: 'Al Sharpton', mention: 'he', kind: 'person' },
  },
  { name: 'a place is no person a pronoun stands for', input: 'Ruth Bader Ginsburg spoke on Monday. Asked about New Zealand, she smiled. “I would move there,” she said.', speaker: { name: 'Ruth Bader Ginsburg', kind: 'person' } },
  {
    name: 'a common word opening a name that a role follows: Ban Ki-moon, the secretary general',
    input: 'Ban Ki-moon, the secretary general of the United Nations, flew in on Monday. Near the Aral Sea, he stopped. “We must act now,” he said.',
    speaker: { name: 'Ban Ki-moon', mention: 'he', kind: 'person' },
  },
  { name: 'a compound title before the name', input: 'U.N. Secretary-General Ban Ki-moon spoke first. “We must act now,” Ban said.', speaker: { name: 'Ban Ki-moon', kind: 'person' } },
  { name: 'a party before a name describes the person', input: 'Democrat Hillary Clinton spoke first, then Democrat Bernie Sanders. “We are not done yet,” Mr. Sanders said.', speaker: { name: 'Bernie Sanders', kind: 'person' } },
];

describe('quotation forms of real text', () => {
  for (const f of forms) {
    test(f.name, () => {
      const quotes = extract(f.input).quotes;
      expect(quotes).toHaveLength(1);
      expect(quotes[0]?.speaker).toMatchObject(f.speaker);
      if (!('name' in f.speaker)) expect(quotes[0]?.speaker?.kind === 'person' ? quotes[0]?.speaker?.name : undefined).toBeUndefined();
      if (f.text) expect(quotes[0]?.text).toBe(f.text);
    });
  }

  test('a quote running over paragraphs: an opening mark on each, the closing one on the last', () => {
    const input = 'Ana Ruiz spoke first.\n“We waited three days for the water to go down.\n“When it did, nothing in the house could be saved,” said Ana Ruiz.';
    const quotes = extract(input).quotes;
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Ana Ruiz']);
    expect(quotes[0]?.text).toBe('We waited three days for the water to go down.\nWhen it did, nothing in the house could be saved');
  });

  test('the name of a show, a book or a slogan inside the sentence is no quotation', () => {
    const input =
      "“We are going to win this state,” Cruz said on ABC’s “This Week.” She wore a “Make America Great Again” hat. He wrote in ''The Trumps: Three Generations That Built an Empire,'' that it began in Queens.";
    expect(extract(input).quotes.map((q) => q.text)).toEqual(['We are going to win this state']);
  });

  test('a possessor is not the subject pronoun after it, and a quote naming someone is not theirs', () => {
    const input =
      'Ruth Calloway is running for governor. According to Lt. Gov. Curtis Lindqvist, “Ruth Calloway has voted for every tax increase.”\n\n' +
      'Asked about Lindqvist’s claim that she would raise taxes as governor, she laughed. “Curtis has been saying that about me for years,” she said.';
    expect(extract(input).quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['Ruth Calloway has voted for every tax increase.', 'Curtis Lindqvist'],
      ['Curtis has been saying that about me for years', 'Ruth Calloway'],
    ]);
  });

  test('a bare surname stays with the person it was used for while only they had it', () => {
    const input = [
      'Donald Trump spoke for an hour.',
      '“We will win,” Trump said.',
      'He was introduced by his daughter, Ivanka Trump, and later Donald Trump thanked the crowd.',
      '“This is only the beginning,” Trump said.',
    ].join('\n\n');
    expect(extract(input).quotes.map((q) => q.speaker?.name)).toEqual(['Donald Trump', 'Donald Trump']);
  });

  test('the given name outweighs a stray pronoun: "he" is never a person the article makes a woman by mistake', () => {
    const input = [
      'Former Attorney General Michael Mukasey spoke at the convention about Hillary Clinton.',
      'Mukasey said the email scandal was only the latest issue in her political career.',
      '“She should not be president of the United States,” he said.',
    ].join('\n\n');
    expect(extract(input).quotes.map((q) => q.speaker?.name)).toEqual(['Michael Mukasey']);
  });

  test('a joined quote reads as spoken, and keeps every piece', () => {
    const input = '“It was a blowout,” said Tom Brady. “He has a personality that fills the room.”';
    const [q] = extract(input).quotes;
    expect(q?.text).toBe('It was a blowout. He has a personality that fills the room.');
    expect(q?.parts?.map((p) => input.slice(p.start, p.end))).toEqual(['“It was a blowout,”', '“He has a personality that fills the room.”']);
  });
});
