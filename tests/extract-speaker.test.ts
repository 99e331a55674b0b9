import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';
import type { Quote, SpeakerKind } from '../src/types.js';

/** The person a quote is credited to by name; an organisation or an unnamed source is no person. */
const personName = (q: Quote | undefined) => (q?.speaker?.kind === 'person' ? q.speaker.name : undefined);

interface Case {
  name: string;
  input: string;
  expected: { name?: string; kind?: SpeakerKind; role?: string; mention?: string; cue?: string; via?: string };
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
    name: 'a role noun nobody was introduced with is a description, no name',
    input: 'Bob Barker hosted the show for decades.\n“Have your pets spayed or neutered,” the clown said with a grin.',
    expected: { kind: 'description', mention: 'the clown', cue: 'said' },
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
  { name: 'an organisation has no person', input: '“We are bringing in crews from 22 states,” the utility said in a statement.', expected: { kind: 'organization', cue: 'said', via: 'statement' } },
  // rules added for attributions the first rules missed
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
    expected: { kind: 'description', cue: 'said' },
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
  { name: 'a named organisation is no person', input: '“The president will sign it tonight,” the White House said in a statement.', expected: { kind: 'organization', cue: 'said', via: 'statement' } },
  { name: '“the Rev.” before a name', input: 'The parish priest, the Rev. Thomas O’Malley, said the parish had “begun to heal after a hard year.”', expected: { name: 'Thomas O’Malley' } },
  {
    name: 'a possessive describes someone else',
    input: 'Marjorie Tuttle pleaded guilty in June.\nTuttle’s lawyer, Angela Ruiz, said the addiction had “consumed her whole life.”',
    expected: { name: 'Angela Ruiz', role: 'Tuttle’s lawyer' },
  },
  { name: 'an unnamed person described by a possessive', input: 'Marjorie Tuttle pleaded guilty in June.\n“We will appeal the sentence,” Tuttle’s lawyer said.', expected: { kind: 'description', mention: 'Tuttle’s lawyer', cue: 'said' } },
  { name: 'a lone letter is no speaker', input: 'Q: “What would you say to readers who found the ending too bleak?”', expected: {} },
  {
    name: 'a long organisation name is no person (not “Care Research”)',
    input: 'The National Institute for Health and Care Research, which funded the trial, said in a statement that the findings were “encouraging but preliminary.”',
    expected: { kind: 'organization', cue: 'said', via: 'statement' },
  },
  {
    name: 'a club named by its town is no person',
    input: 'Kingsbridge Town came from behind to win.\nIn a statement, Kingsbridge said: ‘The club is aware of a small number of supporters entering the field of play.’',
    expected: { kind: 'organization', cue: 'said' },
  },
  { name: '“But she said …”: the conjunction is not the subject', input: 'Judge Renata Halvorsen spoke last. But she said the video was “impossible to watch and impossible to forget.”', expected: { name: 'Renata Halvorsen', mention: 'she', cue: 'said' } },
  {
    name: 'according to X, role, who …: the relative clause is not the name',
    input: 'Construction will cause “significant but temporary disruption,” according to Simon Kerr, the council’s head of highways, who told councillors the work would be phased.',
    expected: { name: 'Simon Kerr', cue: 'according to' },
  },
];

describe('speakers, roles, cues and channels', () => {
  for (const c of cases) {
    test(c.name, () => {
      const [q, ...rest] = extract(c.input).quotes;
      expect(rest).toEqual([]);
      expect(q).toBeDefined();
      expect(personName(q)).toBe(c.expected.name);
      if ('kind' in c.expected) expect(q?.speaker?.kind).toBe(c.expected.kind);
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

  test('a pull quote’s <cite> is its dash line, not a quote', () => {
    const html = `<html><body><article>
      <p>The trial enrolled 4,000 women across twelve hospitals, researchers said on Monday.</p>
      <blockquote class="pull-quote"><p>This test could give us weeks we simply don’t have today.</p><cite>Dr Priya Raman, lead author</cite></blockquote>
      <p>The results were published in The Lancet.</p>
      </article></body></html>`;
    const quotes = extract(html).quotes;
    expect(quotes.map((q) => q.text)).toEqual(['This test could give us weeks we simply don’t have today.']);
    expect(quotes[0]?.speaker).toMatchObject({ name: 'Priya Raman', role: 'lead author' });
  });

  test('a pull quote handed back by “That is how X … summed up …”', () => {
    const html = `<html><body><article>
      <p>Relief is not in sight, forecasters said on Tuesday.</p>
      <blockquote class="pull-quote"><p>My grandfather farmed through the Dirty Thirties. I never thought I would understand him.</p></blockquote>
      <p>That is how Ray Pruitt, a fourth-generation wheat farmer, summed up the summer.</p>
      </article></body></html>`;
    const [q] = extract(html).quotes;
    expect(q?.speaker?.name).toBe('Ray Pruitt');
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
      expect(extract(t.input).quotes.map(personName)).toEqual(t.expected);
    });
  }
});

// what the article says about a person decides between candidates
describe('pronouns, role nouns and organisations resolved from the article’s own signs', () => {
  const table: Array<{ name: string; input: string; expected: { name?: string; mention?: string } }> = [
    {
      name: '“he” after “X and Y …” skips the woman the article calls “she”',
      input: 'Senator Ruth Adler spoke first. She said the bill was dead.\nAdler and Tom Brandt have feuded for years. Asked about it, he shrugged.\n“We will find a way,” he said.',
      expected: { name: 'Tom Brandt', mention: 'he' },
    },
    {
      name: '“she” skips the man the article gives “his”',
      input: 'Mayor Carl Dunn said his office would help. Dunn and Priya Nair met on Monday.\n“It was a useful meeting,” she said.',
      expected: { name: 'Priya Nair', mention: 'she' },
    },
    {
      name: 'an honorific marks gender',
      input: 'Mr. Hal Green and Jo Lin met on Friday.\n“We agreed on nothing,” she said.',
      expected: { name: 'Jo Lin', mention: 'she' },
    },
    {
      name: 'a gendered role noun marks gender',
      input: 'The victim’s brother, Omar Haddad, and the detective, Lena Frost, spoke to reporters.\n“We want answers,” she said.',
      expected: { name: 'Lena Frost', mention: 'she' },
    },
    {
      name: 'no sign either way: the subject of the latest sentence, as before',
      input: 'Sam Reed and Alex Moro met on Friday.\n“We agreed on nothing,” she said.',
      expected: { name: 'Sam Reed', mention: 'she' },
    },
    {
      name: '“the chief executive” binds to the person introduced as chief executive, not the last subject',
      input: 'The firm’s chief executive, Lorraine Whitfield, announced the cuts. Union official Carla Mendes said the union had not been consulted.\nThe chief executive said the company had “a responsibility to all of its workers.”',
      expected: { name: 'Lorraine Whitfield', mention: 'The chief executive' },
    },
    {
      name: '“the analyst” binds to “X, an analyst at …”',
      input: 'Derek Osei, an analyst at Morningside, expects prices to fall. Carla Mendes disagreed.\n“Nobody believes that,” the analyst said later.',
      expected: { name: 'Derek Osei', mention: 'the analyst' },
    },
    {
      name: '“the spokeswoman” binds to “A spokeswoman for …, X,”',
      input: 'A spokeswoman for the governor, Amara Bell, said a plan was coming. Later, Daniel Okafor met Marcus Hale.\n“The governor is not walking away,” the spokeswoman said.',
      expected: { name: 'Amara Bell', mention: 'the spokeswoman' },
    },
    {
      name: '“X and his deputy, Y,”: the role after the other name is Y’s',
      input: 'Prime Minister Keir Dalton and his deputy, Angela Raines, toured the site. Mr. Dalton left at noon.\nThe deputy added that the money was “already in the budget for this year.”',
      expected: { name: 'Angela Raines', mention: 'The deputy' },
    },
    {
      name: '“the prime minister” binds to the title before the name',
      input: 'Prime Minister Keir Dalton and his deputy, Angela Raines, toured the site. Raines stayed on.\n“I will be back next week,” the prime minister said.',
      expected: { name: 'Keir Dalton', mention: 'the prime minister' },
    },
    {
      name: 'a role noun nobody was introduced with names nobody: “the clown” is not the latest subject',
      input: 'Bob Barker hosted the show for decades.\n“Have your pets spayed or neutered,” the clown said with a grin.',
      expected: { mention: 'the clown' },
    },
    {
      name: 'the first word of an organisation’s name is no person',
      input: 'Harbor Foods will close two plants. In a statement, Harbor said the closures would be “substantially complete by the end of the year.”',
      expected: {},
    },
    {
      name: 'a hyphened description before a name is no given name',
      input: 'Co-author Rafael Montoya said: “Extraordinary claims need boring checks.”',
      expected: { name: 'Rafael Montoya' },
    },
    {
      name: 'an object pronoun (“forgiven her”) is no sign of the subject’s gender',
      input: 'Marjorie Tuttle was sentenced on Friday.\nThe parish priest, the Rev. Thomas Hale, said the congregation had forgiven her. “Forgiveness takes time,” he said.',
      expected: { name: 'Thomas Hale', mention: 'he' },
    },
    {
      name: 'a pronoun inside the quotation is not the attribution’s',
      input: 'Kell’s lawyer, Miriam Castellanos, said her client would plead not guilty. Travis Kell stayed at his home.\n“My client is innocent, and he will say so in court,” she said.',
      expected: { name: 'Miriam Castellanos', mention: 'she' },
    },
    {
      name: 'a bare surname shared by two people is the one the writer does not keep naming in full',
      input:
        'Dylan Reyes pleaded guilty in January.\nReyes’s mother, Yolanda Reyes, addressed the court. Yolanda Reyes told the judge she was sorry.\n' +
        'Reyes wiped his eyes. Judge Renata Halvorsen said she had weighed Reyes’s age, his record and his plea.\n“The law asks me to consider who he might become,” she said.',
      expected: { name: 'Renata Halvorsen', mention: 'she' },
    },
    {
      name: 'a sentence naming only a possessor (“Lindqvist’s claim”) sends “she” further back',
      input:
        'Ruth Calloway is running for governor. Lt. Gov. Curtis Lindqvist has attacked her record.\nIn her office last week, Calloway was by turns funny and blunt. ' +
        'Asked about Lindqvist’s claim that she would raise taxes, she laughed. “Curtis has been saying that since before he could find my district on a map,” she said.',
      expected: { name: 'Ruth Calloway', mention: 'she' },
    },
    {
      name: '“He …,” he said: the quote’s “he” is the man last named, the speaker another',
      input:
        'Deputy District Attorney Michael Ruiz asked for 10 years.\nRuiz told the court that investigators found Kyle Brandt’s silver Ford F-150 only after a tip. By then Brandt had told his employer he was sick. ' +
        '“He had time to order a new headlight online. What he never found time for was a phone call to the police,” he said.',
      expected: { name: 'Michael Ruiz', mention: 'he' },
    },
    {
      name: 'a quote after a sentence that names nobody but says “she” (and a place is no person)',
      input:
        'Ruth Calloway took questions in her office in Cole Springs last week.\nAsked whether she regretted her vote, she was quiet for a long moment before answering. “I regret how I explained it. I don’t regret the vote.”',
      expected: { name: 'Ruth Calloway', mention: 'she' },
    },
    {
      name: '“the 19-year-old” is the person the article gave that age, not the last one named',
      input:
        'Jalen Okonkwo-Hale scored twice.\nOkonkwo-Hale, 19, came through the club’s academy.\nSalcombe, 34, who has made 300 appearances, stayed on the pitch long after the whistle.\n' +
        '“My mum was in the stand tonight,” the 19-year-old said.',
      expected: { name: 'Jalen Okonkwo-Hale', mention: 'the 19-year-old' },
    },
    {
      name: 'a bare surname used while one person had it stays theirs after relatives with it are introduced',
      input:
        'Grace Okafor, who drove the county bookmobile for 31 years, died on Sunday. Okafor joined the library in 1971.\n' +
        'Her son, David Okafor, recalled the winters. He and his wife, Marianne Okafor, drove through the night.\n' +
        '“People kept telling me I should move up to a real library,” Okafor told the paper in 1998.',
      expected: { name: 'Grace Okafor', mention: 'Okafor' },
    },
    {
      name: '“his wife said” is the person introduced as his wife',
      input:
        'Grace Okafor, who drove the county bookmobile for 31 years, died on Sunday.\nHer son, David Okafor, recalled the winters. He and his wife, Marianne Okafor, a nurse, drove through the night.\n' +
        '“The first time David brought me home, she handed me a library card. I thought it was a joke,” his wife said.',
      expected: { name: 'Marianne Okafor', mention: 'his wife' },
    },
    {
      name: 'a software company is no person: its statement has no speaker',
      input: 'Brightwell Software cut 400 jobs on Tuesday.\nIn a statement released alongside the results, Brightwell said: “These reductions are part of a broader plan to focus our investment.”',
      expected: { name: undefined },
    },
  ];
  for (const t of table) {
    test(t.name, () => {
      const quotes = extract(t.input).quotes;
      expect(quotes).toHaveLength(1);
      expect(personName(quotes[0])).toBe(t.expected.name);
      if (t.expected.mention) expect(quotes[0]?.speaker?.mention).toBe(t.expected.mention);
    });
  }
});

describe('a sentence interrupted by its attribution', () => {
  const table: Array<{ name: string; input: string; expected: string[] }> = [
    {
      name: '“A,” X said, “and b.” is one quote',
      input: '“We looked at every alternative,” Lorraine Whitfield said, “and none of them worked.”',
      expected: ['We looked at every alternative, and none of them worked.'],
    },
    {
      name: 'with a pronoun and a place between',
      input: 'Kenji Sato spoke last. “She would have hated this,” he said outside the court, “but she would have loved the scholarship.”',
      expected: ['She would have hated this, but she would have loved the scholarship.'],
    },
    {
      name: 'a second reporting verb gives the rest its own quote',
      input: 'Rita Owens voted no. “We are kicking the can,” she said, adding, “families balance their budgets.”',
      expected: ['We are kicking the can', 'families balance their budgets.'],
    },
    {
      name: 'an upper-case second part after a full stop is a new sentence of the same quote',
      input: 'Rita Owens voted no. “We are kicking the can,” she said. “Families balance their budgets.”',
      expected: ['We are kicking the can. Families balance their budgets.'],
    },
  ];
  for (const t of table) {
    test(t.name, () => {
      expect(extract(t.input).quotes.map((q) => q.text)).toEqual(t.expected);
    });
  }
});

describe('walking back past a sentence of other people', () => {
  test('“she” lands on the subject of the sentence it reaches, not its last name (round-6 court story)', () => {
    // "Angela Pryce, Mateo’s mother, sat … while Sloane described her client …. Outside the courthouse, she said
    // she had not been able to look at Kerrigan …. “For two days …,” she said, “…”": Kerrigan is a man, so "she"
    // walks back to the sentence before, whose subject is the mother; its last name is the (woman) lawyer
    const html = readFileSync(new URL('./fixtures/articles/court-bail-hearing-page.html', import.meta.url), 'utf8');
    const quote = extract(html).quotes.find((q) => q.text.startsWith('For two days I drove past that corner'));
    expect(quote?.speaker?.name).toBe('Angela Pryce');
    expect(quote?.speaker?.mention).toBe('she');
  });
});
