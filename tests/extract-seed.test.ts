import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';
import { quoteKey } from '../src/extract/quote-text.js';

const dir = new URL('./fixtures/', import.meta.url);
const text = readFileSync(new URL('islamabad-envoy.txt', dir), 'utf8');
const expected = JSON.parse(readFileSync(new URL('islamabad-envoy.expected.json', dir), 'utf8')) as {
  quotes: Array<{ text: string; speaker?: { name: string; role?: string; mention?: string }; cue?: string; via?: string; partial: boolean }>;
  notQuotes: string[];
  posts: Array<Record<string, unknown>>;
};
const got = extract(text);

describe('seed article: islamabad-envoy', () => {
  test('finds exactly the five labelled quotes, in article order', () => {
    expect(got.quotes.map((q) => quoteKey(q.text))).toEqual(expected.quotes.map((q) => quoteKey(q.text)));
  });

  expected.quotes.forEach((exp, i) => {
    test(`quote ${i + 1} “${exp.text.slice(0, 40)}…” field by field`, () => {
      const q = got.quotes[i];
      expect(q).toBeDefined();
      if (!q) return;
      expect(quoteKey(q.text)).toBe(quoteKey(exp.text));
      expect(q.speaker?.name).toBe(exp.speaker?.name);
      expect(q.speaker?.role).toBe(exp.speaker?.role);
      if (exp.speaker?.mention !== undefined) expect(q.speaker?.mention).toBe(exp.speaker.mention);
      expect(q.cue).toBe(exp.cue);
      expect(q.via).toBe(exp.via);
      expect(q.partial).toBe(exp.partial);
      // offsets point at the quoted span, marks included
      const span = text.slice(q.start, q.end);
      expect(span[0]).toMatch(/[“"‘']/u);
      expect(span[span.length - 1]).toMatch(/[”"’']/u);
      expect(quoteKey(span)).toBe(quoteKey(q.text));
      expect(q.confidence).toBeGreaterThan(0);
      expect(q.confidence).toBeLessThanOrEqual(1);
    });
  });

  test.each(expected.notQuotes)('“%s” is not a quote', (nq) => {
    expect(got.quotes.map((q) => quoteKey(q.text))).not.toContain(quoteKey(nq));
  });

  test('the two posts come through with network, status, id, handle and text', () => {
    expect(got.posts).toHaveLength(expected.posts.length);
    expected.posts.forEach((exp, i) => {
      const p = got.posts[i];
      expect(p?.network).toBe(exp.network);
      expect(p?.status).toBe(exp.status);
      expect(p?.id).toBe(exp.id);
      expect(p?.author?.handle).toBe((exp.author as { handle?: string }).handle);
      if (exp.text !== undefined) expect(p?.text).toBe(exp.text);
    });
  });

  test('text input comes back unchanged', () => {
    expect(got.text).toBe(text);
  });
});
