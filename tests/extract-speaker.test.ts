import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';

interface Case {
  name: string;
  input: string;
  expected: { name?: string; role?: string; mention?: string; cue?: string; via?: string };
}

const intro = 'Zalmay Khalilzad, the U.S. envoy, arrived on Friday.\n';

const cases: Case[] = [
  { name: '“Q,” X said.', input: `${intro}“We made real progress today,” Khalilzad said.`, expected: { name: 'Zalmay Khalilzad', mention: 'Khalilzad', cue: 'said' } },
  {
    name: '“Q,” said X, role.',
    input: '“We will not settle,” said Marc Toberoff, a lawyer for the plaintiffs.',
    expected: { name: 'Marc Toberoff', role: 'lawyer for the plaintiffs', cue: 'said' },
  },
  { name: 'X said: “Q”', input: 'Governor Elena Vasquez said: “The damage is worse than anything we modelled.”', expected: { name: 'Elena Vasquez', role: 'Governor', cue: 'said' } },
  {
    name: 'X said … “fragment”',
    input: 'Suhail Shaheen, Taliban’s Qatar office spokesman, said on Twitter the pause was agreed in “cordial and positive atmosphere.”',
    expected: { name: 'Suhail Shaheen', role: 'Taliban’s Qatar office spokesman', cue: 'said', via: 'Twitter' },
  },
  { name: '“Q” -Name', input: '"The president is a pyromaniac firefighter." - Marine Le Pen', expected: { name: 'Marine Le Pen' } },
  { name: 'From X: then the quote', input: 'From Senator Jane Whitmore:\n“This bill will not pass while I am in this chamber.”', expected: { name: 'Jane Whitmore' } },
  { name: 'according to X (tail)', input: 'Marcus Ortega voted no.\n“This deal was rushed through in the night,” according to Ortega.', expected: { name: 'Marcus Ortega', cue: 'according to' } },
  { name: 'According to X, “Q”', input: 'According to budget director Alan Whitcomb, “the bonds will be repaid from ticket sales.”', expected: { name: 'Alan Whitcomb', role: 'budget director', cue: 'According to' } },
  { name: 'speaker in the previous sentence', input: 'Denise Harlow was unapologetic. “Democracy is sometimes slow, but it got done tonight.”', expected: { name: 'Denise Harlow' } },
  { name: 'speaker in the next sentence', input: '“We are bringing in crews from 22 states.” That was the word from Mark Delaney, who said crews were on the way.', expected: { name: 'Mark Delaney' } },
  { name: 'pronoun resolves to the last person named', input: `${intro}“We expect the talks to resume soon,” he added.`, expected: { name: 'Zalmay Khalilzad', mention: 'he', cue: 'added' } },
  {
    name: 'nominal mention resolves too',
    input: 'Bob Barker hosted the show for decades.\n“Have your pets spayed or neutered,” the clown said with a grin.',
    expected: { name: 'Bob Barker', mention: 'the clown', cue: 'said' },
  },
  {
    name: 'titles are stripped, role kept',
    input: '“Regional security was discussed,” army spokesperson Major Gen. Asif Ghafoor said in a tweet.',
    expected: { name: 'Asif Ghafoor', role: 'army spokesperson', cue: 'said', via: 'tweet' },
  },
  {
    name: 'in a series of tweets',
    input: `${intro}Khalilzad, in a series of tweets, stressed the Taliban “must show they are willing to make peace.”`,
    expected: { name: 'Zalmay Khalilzad', cue: 'stressed', via: 'tweets' },
  },
  { name: 'in a statement', input: '“We have heard the concerns,” team president Rachel Kim said in a statement.', expected: { name: 'Rachel Kim', role: 'team president', via: 'statement' } },
  { name: 'tweeted', input: '“Tonight the people have voted for change,” Bridget Phillipson tweeted.', expected: { name: 'Bridget Phillipson', cue: 'tweeted' } },
  { name: 'wrote', input: 'Joan Pierce posted an update. “No one who needs help will be turned away,” she wrote.', expected: { name: 'Joan Pierce', cue: 'wrote' } },
  { name: 'told', input: '“They bottled it,” Ollie Watkins told Sky Sports.', expected: { name: 'Ollie Watkins', cue: 'told' } },
  {
    name: 'description before the name is the role',
    input: '“This is not a security incident,” the company’s chief executive, George Kurtz, said in a statement.',
    expected: { name: 'George Kurtz', role: 'company’s chief executive', via: 'statement' },
  },
  {
    name: 'pull quote attributed by a dash line',
    input: '‘Title races are not won in April, they are lost in April.’\n– Gary Neville, Sky Sports pundit',
    expected: { name: 'Gary Neville', role: 'Sky Sports pundit' },
  },
  { name: 'an organisation has no person', input: '“We are bringing in crews from 22 states,” the utility said in a statement.', expected: { cue: 'said', via: 'statement' } },
  // held-out rules (issue 3, round 2)
  { name: 'an occupation opening the sentence is no given name', input: 'Geologist Hannah Price said: “The slope has been moving for months.”', expected: { name: 'Hannah Price' } },
  { name: 'a listed occupation likewise', input: 'Pensioner Alfred Shaw, 81, said: “Nobody has emptied these bins for weeks.”', expected: { name: 'Alfred Shaw' } },
  { name: 'Cllr is a title', input: '“We will review the decision in full,” Cllr Tom Hardy said.', expected: { name: 'Tom Hardy' } },
  {
    name: 'a quoted nickname inside a name is skipped',
    input: 'Striker Marcus “The Bull” Tanner scored twice.\n“I just wanted to win for the fans,” Tanner told reporters.',
    expected: { name: 'Marcus Tanner', mention: 'Tanner' },
  },
  {
    name: 'a first name alone stands for the one full name it begins',
    input: 'Maria Lopez runs the shelter on Fifth Street.\nMaria smiled and said, “Nobody who knocks here is turned away.”',
    expected: { name: 'Maria Lopez', mention: 'Maria', cue: 'said' },
  },
  {
    name: 'an adverb between pronoun and cue',
    input: 'Prime Minister Ana Ruiz visited the flooded towns on Monday.\nShe later told reporters in Madrid: “We will rebuild every home.”',
    expected: { name: 'Ana Ruiz', mention: 'She', cue: 'told' },
  },
  {
    name: 'a name after “a lawyer for” is not the speaker',
    input: 'Peter Olsen filed the suit in March.\n“We expect to win at trial,” a lawyer for Olsen said.',
    expected: { cue: 'said' },
  },
  {
    name: 'a pronoun inside the tail opens a relative clause, not an attribution',
    input: 'Coach Anna Berg said her side showed “the patience of a team that knows what it wants,” a trait she said came from training.',
    expected: { name: 'Anna Berg', cue: 'said' },
  },
  {
    name: 'a participle clause before the subject, and “praised … as”',
    input: 'Speaking after the shortlist was announced, the chair of the panel, the critic Omar Haddad, praised the film as “a quiet triumph of patient storytelling.”',
    expected: { name: 'Omar Haddad', cue: 'praised' },
  },
  { name: '“put it”', input: 'The economist Rosa Klein put it more plainly on a podcast: “Prices will keep rising until wages catch up.”', expected: { name: 'Rosa Klein', cue: 'put' } },
  { name: 'a named organisation is no person', input: '“The president will sign it tonight,” the White House said in a statement.', expected: { cue: 'said', via: 'statement' } },
  { name: '“the Rev.” before a name', input: 'The parish priest, the Rev. Thomas O’Malley, said the parish had “begun to heal after a hard year.”', expected: { name: 'Thomas O’Malley' } },
  {
    name: 'a possessive describes someone else',
    input: 'Marjorie Tuttle pleaded guilty in June.\nTuttle’s lawyer, Angela Ruiz, said the addiction had “consumed her whole life.”',
    expected: { name: 'Angela Ruiz', role: 'Tuttle’s lawyer' },
  },
  { name: 'an unnamed person described by a possessive', input: 'Marjorie Tuttle pleaded guilty in June.\n“We will appeal the sentence,” Tuttle’s lawyer said.', expected: { cue: 'said' } },
  { name: 'a lone letter is no speaker', input: 'Q: “What would you say to readers who found the ending too bleak?”', expected: {} },
];

describe('speakers, roles, cues and channels', () => {
  for (const c of cases) {
    test(c.name, () => {
      const [q, ...rest] = extract(c.input).quotes;
      expect(rest).toEqual([]);
      expect(q).toBeDefined();
      expect(q?.speaker?.name).toBe(c.expected.name);
      if ('role' in c.expected) expect(q?.speaker?.role).toBe(c.expected.role);
      if ('mention' in c.expected) expect(q?.speaker?.mention).toBe(c.expected.mention);
      if ('cue' in c.expected) expect(q?.cue).toBe(c.expected.cue);
      if ('via' in c.expected) expect(q?.via).toBe(c.expected.via);
    });
  }
});

describe('blockquotes from HTML', () => {
  test('a pull quote without marks is attributed in the next paragraph', () => {
    const html = `<html><body><article>
      <p>Crews worked through the night in the mountain towns of western North Carolina on Wednesday.</p>
      <blockquote class="pullquote"><p>The river came up so fast we had to carry my mother out through the window.</p></blockquote>
      <p>That was how Beverly Hanes, 61, described the night the river flooded her street.</p>
      </article></body></html>`;
    const [q] = extract(html).quotes;
    expect(q?.text).toBe('The river came up so fast we had to carry my mother out through the window.');
    expect(q?.speaker?.name).toBe('Beverly Hanes');
    expect(q?.partial).toBe(false);
  });
});

describe('several quotes in one sentence', () => {
  const table: Array<{ name: string; input: string; expected: Array<string | undefined> }> = [
    {
      name: 'a new sentence leading into the next quote does not attribute the one before',
      input: 'The memo described the plan as a way to end “the long price war in the region.” According to Jonas Beck, the emails “speak for themselves.”',
      expected: [undefined, 'Jonas Beck'],
    },
    {
      name: 'a coordinated second fragment has the first one’s speaker',
      input: 'Officer Dana Reyes said the crash was “entirely avoidable” and that the driver was “far too fast for the conditions.”',
      expected: ['Dana Reyes', 'Dana Reyes'],
    },
    {
      name: '“and described … as” after an earlier quote takes the sentence’s subject',
      input: 'Mayor Joan Ellis said in a statement that the routes would “settle down very soon” and described the delays as “growing pains for the city.”',
      expected: ['Joan Ellis', 'Joan Ellis'],
    },
  ];
  for (const t of table) {
    test(t.name, () => {
      expect(extract(t.input).quotes.map((q) => q.speaker?.name)).toEqual(t.expected);
    });
  }
});
