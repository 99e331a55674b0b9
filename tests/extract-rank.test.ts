import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';
import { pickForCards, rankItems } from '../src/extract/rank.js';
import type { Extraction, Post, Quote } from '../src/types.js';

function quote(text: string, extra: Partial<Quote> = {}): Quote {
  return { kind: 'quote', text, partial: false, start: 0, end: text.length + 2, confidence: 0.9, ...extra };
}

function post(status: Post['status'], text?: string): Post {
  return { kind: 'post', network: 'twitter', status, links: [], start: 0, end: 1, ...(text ? { text } : {}) };
}

function extraction(quotes: Quote[], posts: Post[] = []): Extraction {
  return { text: '', quotes, posts, warnings: [] };
}

const named = { name: 'Zalmay Khalilzad' };
const sentence = 'When I met the Talibs today, I expressed outrage about yesterday’s attack on Bagram.';

const long = Array.from({ length: 30 }, (_, i) => `Point ${i + 1} of the plan stands.`).join(' ');

const table = [
  {
    name: 'a whole sentence ranks above a fragment',
    input: extraction([quote('brief pause for them to consult their leadership on this essential topic', { partial: true, speaker: named }), quote(sentence, { speaker: named })]),
    expected: [sentence, 'brief pause for them to consult their leadership on this essential topic'],
  },
  {
    name: 'a named speaker ranks above none',
    input: extraction([quote(sentence), quote('We will rebuild this town, and we will do it together.', { speaker: named })]),
    expected: ['We will rebuild this town, and we will do it together.', sentence],
  },
  {
    name: 'a card-sized quote ranks above a very long one',
    input: extraction([quote(long, { speaker: named }), quote(sentence, { speaker: named })]),
    expected: [sentence, long],
  },
  {
    name: 'duplicates and contained quotes are dropped',
    input: extraction([quote(sentence, { speaker: named }), quote(`“${sentence}”`, { speaker: named }), quote('expressed outrage about yesterday’s attack', { speaker: named, partial: true })]),
    expected: [sentence],
  },
];

describe('rankItems', () => {
  for (const t of table) {
    test(t.name, () => {
      expect(rankItems(t.input, { posts: false }).map((r) => (r.item as Quote).text)).toEqual(t.expected);
    });
  }

  test('a full post ranks above a link-only one, and scores are 0..1 best first', () => {
    const ranked = rankItems(extraction([], [post('link-only'), post('full', 'The hope is it will pave the way for talks.')]));
    expect(ranked.map((r) => (r.item as Post).status)).toEqual(['full', 'link-only']);
    for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual(0);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
  });

  test('unknown options are refused', () => {
    expect(() => rankItems(extraction([]), { maxLen: 3 } as never)).toThrow('Unknown option "maxLen". Allowed: "minLength", "maxLength", "posts", "minConfidence". Received: "maxLen".');
  });
});

describe('pickForCards', () => {
  test('picks the best items from a real article, at most max', () => {
    const input = [
      'Zalmay Khalilzad met officials on Friday.',
      '“When I met the Talibs today, I expressed outrage about the attack,” Khalilzad said.',
      'He said the talks needed a “brief pause for them to consult their leadership.”',
    ].join('\n');
    const picked = pickForCards(extract(input), { max: 1 });
    expect(picked).toHaveLength(1);
    expect((picked[0] as Quote).text).toBe('When I met the Talibs today, I expressed outrage about the attack');
  });

  test('max must be a whole number', () => {
    expect(() => pickForCards(extraction([]), { max: -1 })).toThrow('Invalid value for option "max". Allowed: a whole number ≥ 0. Received: -1.');
  });
});
