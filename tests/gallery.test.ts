/**
 * The index.html gallery: everything from an article is escaped, only web links are links, and in a
 * real headless Chromium every card image loads and carries its alt text. CI installs Debian's
 * chromium at /usr/bin/chromium, so the browser test runs there (it is not skipped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { galleryHtml, renderArticles } from '../src/batch/index.js';
import type { Manifest, ManifestArticle, ManifestCard } from '../src/types.js';
import { articleText, tempDir } from './batch-articles.js';
import { launchChromium } from './helpers/chromium.js';

/** The parts of a DOM image the test reads (the project's tsconfig has no DOM types). */
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
  getAttribute(name: string): string | null;
}

const card = (over: Partial<ManifestCard> = {}): ManifestCard => ({
  id: 'x-quote-1-og-light-0123abcd',
  kind: 'quote',
  index: 1,
  item: { kind: 'quote', text: 'Plain words', partial: false, start: 0, end: 1, confidence: 1, speaker: { name: 'Jane Doe' } },
  size: 'og',
  theme: 'light',
  width: 1200,
  height: 630,
  alt: 'Quote card',
  hash: '0123abcd'.repeat(8),
  status: 'rendered',
  files: [{ format: 'png', path: 'x-quote-1-og-light-0123abcd.png', url: 'https://cdn.example/x-quote-1-og-light-0123abcd.png', bytes: 10 }],
  truncated: false,
  warnings: [],
  ...over,
});

const manifestWith = (article: Partial<ManifestArticle>, cards: ManifestCard[]): Manifest => ({
  schemaVersion: 1,
  generator: { name: 'quotecard', version: '0.0.0' },
  options: { sizes: ['og'], themes: ['light'], formats: ['png'], max: 5 },
  articles: [{ id: 'a.txt', slug: 'x', hash: 'h', found: { quotes: 1, posts: 0, unsure: 0 }, warnings: [], cards, ...article }],
  failures: [],
  warnings: [],
});

describe('galleryHtml escapes what articles contain', () => {
  const evil = '<script>alert("x")</script>';
  const cases = [
    { name: 'quote text', manifest: manifestWith({}, [card({ item: { ...card().item, text: evil } as ManifestCard['item'] })]) },
    { name: 'alt text', manifest: manifestWith({}, [card({ alt: `"><img src=x onerror=alert(1)>${evil}` })]) },
    { name: 'speaker', manifest: manifestWith({}, [card({ item: { ...card().item, speaker: { name: evil, role: evil } } as ManifestCard['item'] })]) },
    { name: 'title and site', manifest: manifestWith({ title: evil, site: evil }, []) },
    { name: 'the reason for no card', manifest: manifestWith({ noCards: evil }, []) },
    { name: 'warnings and errors', manifest: manifestWith({ warnings: [evil], error: evil }, [card({ status: 'failed', error: evil, files: [] })]) },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const html = galleryHtml(c.manifest);
      expect(html.match(/<script>/g)).toHaveLength(1); // the gallery's own copy-button script only
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;');
    });
  }

  const links = [
    { name: 'an https link', url: 'https://news.example/a?b=1&c=2', expected: '<a href="https://news.example/a?b=1&amp;c=2"' },
    { name: 'a javascript: URL is not a link', url: 'javascript:alert(1)', expected: null },
  ];
  for (const c of links) {
    test(c.name, () => {
      const html = galleryHtml(manifestWith({ url: c.url }, []));
      if (c.expected) expect(html).toContain(c.expected);
      else expect(html).not.toContain('href="javascript');
    });
  }

  test('the snippet carries the og:image URL, size and alt, escaped once for HTML and once for display', () => {
    const html = galleryHtml(manifestWith({}, [card({ alt: 'Say "hi" & <go>' })]));
    expect(html).toContain('&lt;meta property=&quot;og:image&quot; content=&quot;https://cdn.example/x-quote-1-og-light-0123abcd.png&quot;&gt;');
    expect(html).toContain('&lt;meta property=&quot;og:image:alt&quot; content=&quot;Say &amp;quot;hi&amp;quot; &amp;amp; &amp;lt;go&amp;gt;&quot;&gt;');
    expect(html).toContain('width=&quot;1200&quot; height=&quot;630&quot;');
  });
});

describe('the gallery’s layout', () => {
  const cards = [
    card({ id: 'q1-og-light', size: 'og' }),
    card({ id: 'q1-og-dark', size: 'og', theme: 'dark' }),
    card({ id: 'q1-square-light', size: 'square', width: 1080, height: 1080 }),
    card({ id: 'q2-og-light', index: 2, size: 'og' }),
    card({ id: 'q2-square-light', index: 2, size: 'square', width: 1080, height: 1080 }),
  ];
  const ids = (html: string) => [...html.matchAll(/<figure id="([^"]+)"/g)].map((m) => m[1]);

  test('cards are grouped by size, in the order the sizes were asked for, best item first in each', () => {
    const html = galleryHtml(manifestWith({}, cards));
    expect([...html.matchAll(/<h3>([a-z]+) <span class="meta">(\d+×\d+)<\/span><\/h3>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['og 1200×630', 'square 1080×1080']);
    expect(ids(html)).toEqual(['q1-og-light', 'q1-og-dark', 'q2-og-light', 'q1-square-light', 'q2-square-light']);
  });

  test('one og:image snippet per article: its best card at the og size, or the first size when og was not asked for', () => {
    const html = galleryHtml(manifestWith({}, cards));
    expect(html.match(/&lt;meta property=&quot;og:image&quot;/g)).toHaveLength(1);
    expect(html).toContain('og:image for this article (og, light)');
    const squareOnly = galleryHtml(manifestWith({}, [cards[2] as ManifestCard, cards[4] as ManifestCard]));
    expect(squareOnly).toContain('og:image for this article (square, light)');
    const failedOnly = galleryHtml(manifestWith({}, [card({ status: 'failed', files: [], error: 'boom' })]));
    expect(failedOnly).not.toContain('og:image for this article');
  });

  test('an article with no card says why', () => {
    const html = galleryHtml(manifestWith({ noCards: 'No quotations or embedded posts were found in the article.' }, []));
    expect(html).toContain('<p class="none">No card: No quotations or embedded posts were found in the article.</p>');
  });
});

test('in headless Chromium every card image loads and has its alt text', async () => {
  const out = join(tempDir(), 'out');
  const inputs = [
    { id: 'one.txt', title: 'Bridge <b>plan</b> & "repairs"', text: articleText(1, 2) },
    { id: 'two.txt', text: articleText(2) },
  ];
  await renderArticles(inputs, { out, size: ['og', 'square'], theme: ['light', 'dark'], concurrency: 2 });
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  // the gallery shows each article's cards by size: og first, then square
  const bySize = (a: ManifestArticle) => ['og', 'square'].flatMap((size) => a.cards.filter((c) => c.size === size));
  const expected = manifest.articles.flatMap((a) => bySize(a).map((c) => ({ src: c.files[0]?.path, alt: c.alt, width: c.width })));
  expect(expected).toHaveLength(12);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    const images = page.locator('figure img');
    expect(await images.count()).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      const img = images.nth(i);
      await img.scrollIntoViewIfNeeded(); // the gallery loads images lazily
      await page.waitForFunction((el) => (el as unknown as ImageLike).complete, await img.elementHandle());
    }
    const seen = await images.evaluateAll((els) =>
      els.map((el) => {
        const img = el as unknown as ImageLike;
        return { src: img.getAttribute('src'), alt: img.getAttribute('alt'), width: img.naturalWidth };
      }),
    );
    expect(seen).toEqual(expected);
    expect(await page.locator('h2').first().textContent()).toBe('Bridge <b>plan</b> & "repairs"');
    expect(await page.locator('pre').first().textContent()).toMatch(/^<meta property="og:image" content="[a-z0-9-]+\.png">\n/);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
