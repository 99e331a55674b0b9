import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';
import { InputError } from '../src/errors.js';

interface Case {
  name: string;
  input: string;
  /** Quote texts expected, in order (compared exactly). */
  expected: string[];
  /** partial flags, in the same order, when the case checks them. */
  partial?: boolean[];
}

const cases: Case[] = [
  { name: 'curly double quotes, tail attribution', input: '“We will rebuild this town,” Smith said.', expected: ['We will rebuild this town'], partial: [false] },
  { name: 'straight double quotes', input: '"We will rebuild this town," said Jane Smith, the mayor.', expected: ['We will rebuild this town'], partial: [false] },
  { name: 'curly single quotes with apostrophes inside', input: '‘It’s the players’ decision and it’s final,’ the coach said.', expected: ['It’s the players’ decision and it’s final'], partial: [false] },
  { name: 'apostrophes alone are no marks', input: 'The ’90s were the Talibs’ decade, and it’s over, said nobody in Kabul.', expected: [] },
  { name: 'straight single quotes', input: "Jones called it 'the hardest work I have ever done' on Monday.", expected: ['the hardest work I have ever done'], partial: [true] },
  { name: 'guillemets', input: '«Cette réforme est nécessaire», Macron said.', expected: ['Cette réforme est nécessaire'] },
  { name: 'German low quotes', input: '„Das ist eine innere Angelegenheit“, Scholz told reporters.', expected: ['Das ist eine innere Angelegenheit'] },
  {
    name: 'split quote joins both parts as spoken: the comma before the attribution ends a sentence',
    input: '“We were in control,” Arteta said. “Then we lost our heads.”',
    expected: ['We were in control. Then we lost our heads.'],
  },
  {
    name: 'quote running over two paragraphs',
    input: 'Ramos spoke at the meeting.\n“Nobody asked us what we wanted on that land.\n“Now they want us to say thank you,” Ramos said.',
    expected: ['Nobody asked us what we wanted on that land.\nNow they want us to say thank you'],
  },
  {
    name: 'an unclosed mark does not swallow the next paragraphs',
    input: 'He called it “a disaster in the making.\nThe council met on Tuesday. “We are ready for the vote,” Harlow said.\nNothing else happened.',
    expected: ['We are ready for the vote'],
  },
  { name: 'single terms and scare quotes are dropped', input: 'Some players still call her a “villain”. The “so-called experts” were wrong, the paper wrote.', expected: [] },
  { name: 'title of a work after its kind', input: 'The soundtrack includes a cover of the song “Future Days Are Coming Soon” by the band.', expected: [] },
  { name: 'Title Case run without speaker', input: 'The festival, “Mountain Music Weekend And Friends”, was cancelled.', expected: [] },
  { name: 'quote in a headline-like line', input: '‘We have nothing left’: storm-hit towns brace for weeks without power\nCrews worked through the night.', expected: [] },
  { name: 'fragment inside the writer’s sentence', input: 'Taylor said the company would take a “brief pause for them to consult their leadership”.', expected: ['brief pause for them to consult their leadership'], partial: [true] },
  { name: 'whole sentence after a colon', input: 'Vasquez told a news conference: “The damage is worse than anything we modelled.”', expected: ['The damage is worse than anything we modelled.'], partial: [false] },
  // rules added for attributions the first rules missed
  { name: 'Title Case title with an abbreviation stop', input: 'Fans still sing “Born in the U.S.A.” at every show in the city.', expected: [] },
  { name: 'Title Case title with commas inside', input: 'Okafor’s first collection, “Salt, Smoke and Sunday,” sold out in a week.', expected: [] },
  { name: 'a title after an interview “Q:” is no quote', input: 'Q: “The Long Road Home” follows a family over three decades. How personal is it?', expected: [] },
  { name: 'a paper’s title after “under the title”', input: 'It appears in the journal Age and Clinical Care under the title “Nighttime Environmental Modification and Incident Delirium in Older Inpatients: A Cluster-Randomised Trial”.', expected: [] },
  { name: 'title after cookbook', input: 'Her cookbook “Tables of Plenty and Other Stories” comes out in May.', expected: [] },
  {
    name: 'a second fragment coordinated with the first is kept',
    input: 'Officer Dana Reyes said the crash was “entirely avoidable” and that the driver was “far too fast for the conditions.”',
    expected: ['entirely avoidable', 'far too fast for the conditions.'],
    partial: [true, true],
  },
  {
    name: 'a short fragment after “and described … as” takes the sentence’s subject',
    input: 'Mayor Joan Ellis said in a statement that the new bus routes were “working well” and described the delays as “growing pains”.',
    expected: ['growing pains'],
    partial: [true],
  },
];

describe('quotes: marks, paragraphs, negatives', () => {
  for (const c of cases) {
    test(c.name, () => {
      const got = extract(c.input);
      expect(got.quotes.map((q) => q.text)).toEqual(c.expected);
      if (c.partial) expect(got.quotes.map((q) => q.partial)).toEqual(c.partial);
      for (const q of got.quotes) {
        const span = c.input.slice(q.start, q.end);
        expect(span).toMatch(/^[“"‘'«„]/u);
        expect(span).toMatch(/[”"’'»“]$/u);
      }
    });
  }

  test('offsets of a split quote cover its first part only', () => {
    const input = '“We were in control,” Arteta said. “Then we lost our heads.”';
    const [q] = extract(input).quotes;
    expect(input.slice(q?.start, q?.end)).toBe('“We were in control,”');
  });

  test('unmatched marks are reported in warnings', () => {
    const got = extract('He called it “a disaster in the making.\nNothing else happened here at all.');
    expect(got.quotes).toEqual([]);
    expect(got.warnings.join(' ')).toMatch(/1 opening quotation mark has no closing mark/u);
  });

  test('quotes inside a post are the post’s words', () => {
    const input = [
      'The minister spoke on Tuesday.',
      "PM Khan has tweeted that he hopes the outcome will deliver a 'boost in confidence' to all parties. https://t.co/hcazKH6d2H",
      '— Siobhan Heanue (@siobhanheanue) November 19, 2019',
    ].join('\n');
    const got = extract(input);
    expect(got.posts).toHaveLength(1);
    expect(got.quotes).toEqual([]);
  });
});

describe('minWords', () => {
  const input = 'The report called the plan “deeply flawed work”. Smith called it “bad”, she said.';
  const table = [
    { name: 'default 3 keeps a three-word fragment with a speaker', minWords: undefined, expected: ['deeply flawed work'] },
    { name: 'minWords 4 drops it', minWords: 4, expected: [] },
    { name: 'minWords 2 keeps a one-word quote a person said', minWords: 2, expected: ['deeply flawed work', 'bad'] },
    { name: 'minWords 1 keeps every quote', minWords: 1, expected: ['deeply flawed work', 'bad'] },
  ];
  for (const t of table) {
    test(t.name, () => {
      expect(extract(input, t.minWords === undefined ? undefined : { minWords: t.minWords }).quotes.map((q) => q.text)).toEqual(t.expected);
    });
  }
});

describe('options are checked', () => {
  const table = [
    { name: 'unknown key', options: { minWord: 2 }, message: 'Unknown option "minWord". Allowed: "minWords". Received: "minWord".' },
    { name: 'minWords zero', options: { minWords: 0 }, message: 'Invalid value for option "minWords". Allowed: a whole number ≥ 1. Received: 0.' },
    { name: 'minWords fraction', options: { minWords: 2.5 }, message: 'Invalid value for option "minWords". Allowed: a whole number ≥ 1. Received: 2.5.' },
    { name: 'minWords string', options: { minWords: '3' }, message: 'Invalid value for option "minWords". Allowed: a whole number ≥ 1. Received: "3".' },
  ];
  for (const t of table) {
    test(t.name, () => {
      const run = () => extract('“We will rebuild this town,” Smith said.', t.options as never);
      expect(run).toThrow(InputError);
      expect(run).toThrow(t.message);
    });
  }

  test('the input is not mutated', () => {
    const input = { text: '“We will rebuild this town,” Smith said.' };
    const copy = structuredClone(input);
    extract(input);
    expect(input).toEqual(copy);
  });
});

describe('repeated quotations', () => {
  const table = [
    {
      name: 'a pull quote repeating a body quote is listed once, with a warning',
      input: `<html><body><article><p>Delia Hart runs a supper club from her home in the city.</p>
        <p>“I never wanted a restaurant, I wanted a table,” Hart said on Friday.</p>
        <figure class="pull-quote"><blockquote><p>“I never wanted a restaurant, I wanted a table.”</p></blockquote></figure>
        <p>She has run the club for twenty years.</p></article></body></html>`,
      expected: { texts: ['I never wanted a restaurant, I wanted a table'], speaker: 'Delia Hart', warned: true },
    },
    {
      name: 'the attributed copy is kept when the pull quote comes first',
      input: `<html><body><article><p>Delia Hart runs a supper club from her home in the city.</p>
        <figure class="pull-quote"><blockquote><p>“I never wanted a restaurant, I wanted a table.”</p></blockquote></figure>
        <p>The club began by accident. “I never wanted a restaurant, I wanted a table,” Hart said on Friday.</p></article></body></html>`,
      expected: { texts: ['I never wanted a restaurant, I wanted a table'], speaker: 'Delia Hart', warned: true },
    },
    {
      name: 'a pull quote printing part of a longer body quote is that quote again',
      input: `<html><body><article><p>Judge Harold Whitcombe was not persuaded. “Mr. Kerrigan did not panic for a moment. He panicked for two full days, and during those two days he took a screwdriver to the evidence,” the judge said.</p>
        <figure><blockquote><p>“He panicked for two full days, and during those two days he took a screwdriver to the evidence.”</p></blockquote></figure>
        <p>The trial begins in March.</p></article></body></html>`,
      expected: { texts: ['Mr. Kerrigan did not panic for a moment. He panicked for two full days, and during those two days he took a screwdriver to the evidence'], speaker: 'Harold Whitcombe', warned: true },
    },
    {
      name: 'different quotes are all kept',
      input: '“We open at six,” Hart said. Later she added: “We close when the last guest leaves.”',
      expected: { texts: ['We open at six', 'We close when the last guest leaves.'], speaker: 'Hart', warned: false },
    },
  ];
  for (const t of table) {
    test(t.name, () => {
      const got = extract(t.input);
      expect(got.quotes.map((q) => q.text.replace(/[.,]$/u, ''))).toEqual(t.expected.texts.map((x) => x.replace(/[.,]$/u, '')));
      expect(got.quotes[0]?.speaker?.name).toBe(t.expected.speaker);
      expect(got.warnings.some((w) => w.includes('repeated an earlier one'))).toBe(t.expected.warned);
    });
  }
});

describe('named terms and titles are no quotes', () => {
  test.each([
    { name: 'what forecasters call a “heat dome”', input: 'Tran said a ridge of high pressure, the kind forecasters sometimes call a “heat dome,” has stalled over the Plains.' },
    { name: 'a so-called “bridge loan”', input: 'The mayor said the city would need a so-called “bridge loan” to pay its staff.' },
    { name: 'known as “the pit”', input: 'Residents said the quarry, known as “the pit,” had flooded twice this year.' },
    { name: 'a music video’s title', input: 'He noted that Reyes had posted a music video, "Westside Nights," two weeks after the shooting.' },
  ])('$name', ({ input }) => {
    expect(extract(input).quotes).toEqual([]);
  });

  test('“called it” still quotes what a speaker called something', () => {
    expect(extract('Mayor Joan Ellis called it “a disgrace to this city”.').quotes.map((q) => q.text)).toEqual(['a disgrace to this city']);
  });
});

describe('run-on quotes need a finished sentence', () => {
  test.each([
    { name: 'a paragraph that ends a sentence runs on into the next opening mark', input: '<p>“We went home.</p><p>“Then we slept,” she said.</p>', expected: ['We went home.\nThen we slept'] },
    { name: 'a fragment cut mid-sentence does not swallow the next quote', input: '<p>He said “we will not</p><p>“We will not back down,” the minister said.</p>', expected: ['We will not back down'] },
  ])('$name', ({ input, expected }) => {
    expect(extract(input).quotes.map((q) => q.text)).toEqual(expected);
  });
});

describe('joined quotes keep every piece', () => {
  const cases = [
    {
      name: 'two pieces around the attribution',
      input: '“It was a blowout,” he said. “He has a personality that fills the room.”',
      text: 'It was a blowout. He has a personality that fills the room.',
      parts: [[0, 19], [29, 72]],
    },
    {
      name: 'three pieces, the third right after the second',
      input: '“We tried,” Ortiz said. “It did not work.” “Next year we go again.”',
      text: 'We tried. It did not work. Next year we go again.',
      parts: [[0, 11], [24, 42], [43, 67]],
    },
    {
      name: 'a sentence interrupted by its attribution keeps its comma',
      input: '“If the rain holds off,” she said, “we open on Monday.”',
      text: 'If the rain holds off, we open on Monday.',
      parts: [[0, 24], [35, 55]],
    },
  ];
  test.each(cases)('$name', ({ input, text, parts }) => {
    const [quote] = extract(input).quotes;
    expect(quote?.text).toBe(text);
    expect(quote?.parts?.map((p) => [p.start, p.end])).toEqual(parts);
    for (const p of quote?.parts ?? []) expect(input.slice(p.start, p.start + 1)).toBe('“');
    expect(quote?.start).toBe(parts[0]?.[0]);
  });
  test('a quote in one piece has no parts', () => {
    expect(extract('“We will rebuild the bridge,” the mayor said.').quotes[0]?.parts).toBeUndefined();
  });
});
