/**
 * Property-based fuzzing of `extract()` and `cleanText()` with a fixed seed: about 5,000 cases.
 * `npm run fuzz` runs the same properties with a random seed and many more runs.
 */
import { describe, expect, test } from 'vitest';
import { QuoteCardError } from '../src/errors.js';
import { extract } from '../src/extract/index.js';
import { checkClean, checkExtraction, checkLinear, fuzzProperties, loadSeedPages } from './fuzz/properties.js';

const SEED = 20261128;

describe('fuzz (fixed seed)', () => {
  const properties = fuzzProperties(loadSeedPages());
  for (const p of properties) {
    test(`${p.name} (${p.runs} runs)`, () => {
      p.assert({ seed: SEED, numRuns: p.runs });
    });
  }

  test('the CI suite runs about 5,000 cases', () => {
    const total = properties.reduce((sum, p) => sum + p.runs, 0);
    expect(total).toBeGreaterThanOrEqual(5000);
  });
});

describe('the checks catch broken output', () => {
  const good = extract('“We will not back down,” she said.');
  const cases: { name: string; broken: () => void; expected: string }[] = [
    { name: 'quote end past the text', broken: () => checkExtraction({ ...good, quotes: good.quotes.map((q) => ({ ...q, end: 999 })) }, good.text), expected: 'quote offsets out of range' },
    { name: 'quote not at a mark', broken: () => checkExtraction({ ...good, quotes: good.quotes.map((q) => ({ ...q, start: q.start + 1 })) }, good.text), expected: 'quote span does not start with a quotation mark' },
    { name: 'confidence 2', broken: () => checkExtraction({ ...good, quotes: good.quotes.map((q) => ({ ...q, confidence: 2 })) }, good.text), expected: 'confidence outside 0..1' },
    { name: 'text changed', broken: () => checkExtraction(good, 'other'), expected: 'Extraction.text differs from the plain-text input' },
  ];
  for (const c of cases) test(c.name, () => expect(c.broken).toThrow(c.expected));

  test('the fixed example itself passes', () => {
    expect(good.quotes).toHaveLength(1);
    expect(() => checkExtraction(good, good.text)).not.toThrow();
  });
});

/** Inputs fuzzing found or that stand for whole classes of hostile input, kept as fixed regressions. */
describe('fuzz regressions', () => {
  const cases: { name: string; input: unknown; options?: unknown; expected: 'ok' | 'QuoteCardError' }[] = [
    { name: 'empty string', input: '', expected: 'ok' },
    { name: 'a lone opening mark', input: '“', expected: 'ok' },
    { name: 'lone surrogates around marks', input: '\uD800“\uDC00”\uD800 he said', expected: 'ok' },
    { name: 'truncated tag', input: '<p>“We will', expected: 'ok' },
    { name: 'truncated embed', input: '<blockquote class="twitter-tweet"><p lang="en">hi</p>&mdash; A (@a) <a href="https://twitter.com/a/status/1', expected: 'ok' },
    { name: 'an options object with __proto__', input: 'text', options: JSON.parse('{"__proto__": {"minWords": 0}}'), expected: 'QuoteCardError' },
    { name: 'an article with a __proto__ key', input: JSON.parse('{"__proto__": {"html": "<p>x</p>"}}'), expected: 'QuoteCardError' },
    { name: 'a Map', input: new Map([['html', '<p>x</p>']]), expected: 'QuoteCardError' },
    // found by fuzzing: with minWords 1, marks around nothing but space became a quote with empty text
    { name: 'empty quotation with minWords 1', input: '“ ” he said. „ “ Khalilzad said. “—” she said.', options: { minWords: 1 }, expected: 'ok' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      let outcome: 'ok' | 'QuoteCardError';
      try {
        const x = extract(c.input as string, c.options as undefined);
        checkExtraction(x, undefined);
        outcome = 'ok';
      } catch (error) {
        if (!(error instanceof QuoteCardError)) throw error;
        outcome = 'QuoteCardError';
      }
      expect(outcome).toBe(c.expected);
    });
  }

  test('marks around no words are not quotes, whatever minWords is', () => {
    for (const minWords of [1, 2, 3]) expect(extract('“ ” he said. „ “ Khalilzad said. “—” she said.', { minWords }).quotes).toEqual([]);
  });

  // found by fuzzing: one long paragraph full of quotes re-read the whole paragraph for each quote
  // (looksLikeHeadline), so 200 KB took 7–9 s and 1 MB minutes
  const longParagraphs = [
    "– 'We “ says 񢏭񜑠󰥞嫅󤅶 12 pic.twitter.com/abc,' said the minister, Ayesha Siddiqa. ,",
    'told «— Zalmay Khalilzad Ayesha Siddiqa שלום» he said. ( ( army spokesperson ;',
  ];
  for (const piece of longParagraphs) {
    test(`a 200 KB paragraph of ${JSON.stringify(piece.slice(0, 24))}… in under a second, linear in its length`, () => {
      const input = piece.repeat(Math.ceil(200_000 / piece.length));
      const t = performance.now();
      extract(input);
      expect(performance.now() - t).toBeLessThan(1000);
      expect(() => checkLinear(piece)).not.toThrow();
    });
  }

  const clean = ['\u200D', '\u200C\u200D', 'a\u200D\u0001b', ' \u200D\u0301', '\u0301'.repeat(7), 'x\r\u200D\ny'];
  for (const input of clean) test(`cleanText ${JSON.stringify(input)}`, () => expect(() => checkClean(input, 'f')).not.toThrow());
});
