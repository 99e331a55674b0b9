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
