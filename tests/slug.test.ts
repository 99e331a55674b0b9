/** Slugs for file names: cut at a word boundary, and never a bare "article" for a title in another script. */
import { describe, expect, test } from 'vitest';
import { articleSlug, SLUG_MAX, slugify } from '../src/batch/slug.js';

describe('slugs', () => {
  test('a long title is cut at a word boundary, within SLUG_MAX', () => {
    const slug = slugify('Kashmir issue: China snubs Imran Khan, says resolve Jammu and Kashmir bilaterally');
    expect(slug).toBe('kashmir-issue-china-snubs-imran-khan-says-resolve-jammu-and');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    // one word longer than the room is cut where the room ends
    expect(slugify('x'.repeat(200))).toHaveLength(SLUG_MAX);
  });

  test.each([
    ['a Latin title', 'Mayor: ‘We’ll rebuild’ — Café Süd', 'https://news.example/a/1', 'a.html', 'mayor-we-ll-rebuild-cafe-sud'],
    ['a Chinese title: the URL path’s words', '习近平会见美国总统', 'https://news.example/world/2024/11/xi-meets-president.html', 'a.html', 'xi-meets-president'],
    ['a Chinese title and a numeric URL: the file name', '习近平会见美国总统', 'https://news.example/2024/11/12/123456.htm', 'zh-summit.html', 'zh-summit'],
    ['nothing Latin anywhere: a short hash, never a bare "article"', 'مرحبا', undefined, 'stdin', 'article-0a1b2c3d'],
  ])('%s', (_, title, url, name, expected) => {
    expect(articleSlug(title, url, name, '0a1b2c3d4e5f')).toBe(expected);
  });

  test('a malformed URL or a stray % loses nothing', () => {
    expect(articleSlug(undefined, 'https://x.example/news/bridge%-opens', 'b.html', 'ff')).toBe('bridge-opens');
    expect(articleSlug(undefined, 'not a url', 'b.html', 'ff')).toBe('b');
  });
});
