/** Why an article has no card, in the manifest (`noCards`), the gallery and the command's summary. */
import { describe, expect, test } from 'vitest';
import { noCardReason } from '../src/batch/no-card-reason.js';
import { renderArticles } from '../src/batch/index.js';
import { join } from 'node:path';
import { tempDir } from './batch-articles.js';

const outcome = { quotes: 0, posts: 0, unsure: 0, picked: 0, max: 5, warnings: [] as string[] };

describe('noCardReason', () => {
  test('an article with items has no reason', () => {
    expect(noCardReason({ ...outcome, quotes: 2, picked: 1 })).toBeUndefined();
  });
  test.each([
    ['no body', { warnings: ['No article body found: no paragraphs were found outside navigation and boilerplate.'] }, /^No article body found/],
    ['nothing quoted', {}, /^No quotations or embedded posts were found/],
    ['every speaker unsure', { quotes: 3, unsure: 3 }, /^3 quotations found, but no speaker was sure enough to print/],
    ['fragments only', { quotes: 1 }, /^1 quotation found, none good enough for a card/],
    ['some unsure, a post', { quotes: 2, unsure: 1, posts: 1 }, /^2 quotations and 1 post found, none good enough .*1 with a speaker not sure enough/],
    ['max 0', { quotes: 4, max: 0 }, /^max is 0/],
  ])('%s', (_name, over, expected) => {
    expect(noCardReason({ ...outcome, ...over })).toMatch(expected);
  });
});

test('renderArticles records the reason in the manifest, and none for an article with cards', async () => {
  const out = join(tempDir(), 'out');
  const result = await renderArticles(
    [
      { id: 'plain.txt', text: 'The council met on Tuesday. It approved the budget without debate.' },
      { id: 'quoted.txt', text: '“We will fix the bridge before the winter storms arrive,” said Mayor Jane Doe on Tuesday.' },
    ],
    { out, concurrency: 1, gallery: false },
  );
  const [plain, quoted] = result.manifest.articles;
  expect(plain?.noCards).toBe('No quotations or embedded posts were found in the article.');
  expect(quoted?.cards.length).toBeGreaterThan(0);
  expect(quoted).not.toHaveProperty('noCards');
});
