/**
 * renderArticles(): output names that stay inside `out`, the manifest's shape, and option errors.
 * Incremental runs, crashes and timeouts are in batch-incremental.test.ts and batch-workers.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderArticles } from '../src/batch/index.js';
import { itemForManifest } from '../src/batch/card-plan.js';
import type { BatchArticle, BatchOptions, BatchResult, Manifest } from '../src/types.js';
import { article, articleText, tempDir } from './batch-articles.js';

const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe('options and inputs are checked before any card is drawn', () => {
  const out = join(tempDir(), 'out');
  const cases: Array<{ name: string; inputs: unknown; options: unknown; expected: string }> = [
    { name: 'no options', inputs: [], options: undefined, expected: 'Invalid value for argument "options". Allowed: an object with at least { out }. Received: undefined.' },
    { name: 'empty out', inputs: [], options: { out: '' }, expected: 'Invalid value for option "out". Allowed: a folder path. Received: "".' },
    {
      name: 'unknown size',
      inputs: [],
      options: { out, size: ['og', 'huge'] },
      expected: 'Invalid value for option "size[1]". Allowed: "og" | "square" | "portrait" | "story" | { width, height }. Received: "huge".',
    },
    { name: 'unknown format', inputs: [], options: { out, format: ['png', 'gif'] }, expected: 'Invalid value for option "format[1]". Allowed: "png" | "svg". Received: "gif".' },
    { name: 'unknown compression', inputs: [], options: { out, compression: 'max' }, expected: 'Invalid value for option "compression". Allowed: "fast" | "small". Received: "max".' },
    { name: 'zero workers', inputs: [], options: { out, concurrency: 0 }, expected: 'Invalid value for option "concurrency". Allowed: a whole number from 1 to 256. Received: 0.' },
    { name: 'fractional max', inputs: [], options: { out, max: 1.5 }, expected: 'Invalid value for option "max". Allowed: a whole number from 0 to 1000. Received: 1.5.' },
    { name: 'bad theme', inputs: [], options: { out, theme: 'sepia' }, expected: 'Invalid value for option "theme". Allowed: "light" | "dark" | a partial theme object. Received: "sepia".' },
    {
      name: 'a number as an article',
      inputs: [42],
      options: { out },
      expected:
        'Invalid value for argument "inputs[0]". Allowed: a string (HTML or plain text) or { id?, html?, text?, url?, site?, title?, publishedAt?, lang? }. Received: 42.',
    },
    {
      name: 'two articles with one id',
      inputs: [article(1), article(1)],
      options: { out },
      expected: 'Invalid value for field "inputs[1].id". Allowed: an id no other article in the batch has. Received: "articles/district-1.txt".',
    },
    { name: 'not iterable', inputs: 7, options: { out }, expected: 'Invalid value for argument "inputs". Allowed: an array (or other iterable) of articles. Received: 7.' },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      await expect(renderArticles(c.inputs as BatchArticle[], c.options as BatchOptions)).rejects.toThrow(c.expected);
    });
  }

  test('an unknown option is named', async () => {
    await expect(renderArticles([], { out, sizes: ['og'] } as unknown as BatchOptions)).rejects.toThrow(/^Unknown option "sizes"\. Allowed: "out", "size", .*Received: "sizes"\.$/);
  });
});

describe('a batch over hostile titles and ids', () => {
  const parent = tempDir();
  const out = join(parent, 'out');
  const inputs: BatchArticle[] = [
    { id: 'a.txt', title: '../../etc/passwd', text: articleText(1) },
    { id: '../../../evil\u0000name.txt', text: articleText(2, 2) },
    { id: 'c.txt', title: 'C:\\Windows\\System32 <script>alert(1)</script>', text: articleText(3) },
    { id: 'dup.txt', title: '../../etc/passwd', text: articleText(4) },
  ];
  let result: BatchResult;
  let manifest: Manifest;

  beforeAll(async () => {
    result = await renderArticles(inputs, { out, size: ['og', 'square'], theme: ['light', 'dark'], format: ['png', 'svg'], concurrency: 2, site: 'Test Post' });
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  });

  test('everything is written directly inside out, with safe names', () => {
    expect(readdirSync(parent)).toEqual(['out']);
    const names = readdirSync(out, { withFileTypes: true });
    expect(names.every((d) => d.isFile())).toBe(true);
    for (const d of names) expect(d.name).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  const slugCases = [
    { name: 'a title with ../', id: 'a.txt', expected: 'etc-passwd' },
    { name: 'an id with ../ and NUL, no title', id: '../../../evil\u0000name.txt', expected: 'evil-name' },
    { name: 'a Windows path and markup', id: 'c.txt', expected: 'c-windows-system32-script-alert-1-script' },
  ];
  for (const c of slugCases) {
    test(`slug from ${c.name}`, () => {
      expect(manifest.articles.find((a) => a.id === c.id)?.slug).toBe(c.expected);
    });
  }

  test('a repeated slug is told apart by a hash of the id', () => {
    expect(manifest.articles.find((a) => a.id === 'dup.txt')?.slug).toMatch(/^etc-passwd-[0-9a-f]{6}$/);
  });

  test('the manifest has its schema version, generator and options', () => {
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.generator).toEqual({ name: 'quotecard', version: JSON.parse(readFileSync('package.json', 'utf8')).version });
    expect(manifest.options).toEqual({ sizes: ['og', 'square'], themes: ['light', 'dark'], formats: ['png', 'svg'], max: 5 });
    expect(manifest.failures).toEqual([]);
    expect(manifest).toEqual(result.manifest);
  });

  test('each article has its metadata and size × theme cards per picked item', () => {
    expect(manifest.articles.map((a) => a.id)).toEqual(inputs.map((a) => a.id));
    expect(manifest.articles.map((a) => a.cards.length)).toEqual([4, 8, 4, 4]);
    const first = manifest.articles[0];
    expect(first).toMatchObject({ id: 'a.txt', title: '../../etc/passwd', found: { quotes: 1, posts: 0, unsure: 0 }, warnings: [] });
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.stats).toMatchObject({ articles: 4, cards: 20, rendered: 20, cached: 0, failed: 0 });
  });

  test('each card has item data, alt text, files, dimensions, hash and warnings', () => {
    const expected = { og: { width: 1200, height: 630 }, square: { width: 1080, height: 1080 } } as const;
    for (const article of manifest.articles) {
      for (const card of article.cards) {
        expect(card.id).toBe(`${article.slug}-${card.kind}-${card.index}-${card.size}-${card.theme}-${card.hash.slice(0, 8)}`);
        expect(card.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(card.status).toBe('rendered');
        expect(card.item.kind).toBe('quote');
        expect(card.item.kind === 'quote' && card.item.speaker?.name).toBeTruthy();
        expect(card.alt).toMatch(/^Quote card: “We will rebuild bridge number \d/);
        expect(Array.isArray(card.warnings)).toBe(true);
        expect({ width: card.width, height: card.height }).toEqual(expected[card.size as keyof typeof expected]);
        expect(card.files.map((f) => [f.format, f.path, f.url])).toEqual([
          ['png', `${card.id}.png`, `${card.id}.png`],
          ['svg', `${card.id}.svg`, `${card.id}.svg`],
        ]);
        const png = readFileSync(join(out, `${card.id}.png`));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(pngSize(png)).toEqual(expected[card.size as keyof typeof expected]);
        expect(card.files[0]?.bytes).toBe(png.byteLength);
        expect(readFileSync(join(out, `${card.id}.svg`), 'utf8')).toMatch(/^<svg/);
      }
    }
  });

  test('cards of one item are indexed per kind, best first', () => {
    const two = manifest.articles[1]?.cards ?? [];
    expect(two.map((c) => `${c.kind}-${c.index}-${c.size}-${c.theme}`)).toEqual([
      'quote-1-og-light',
      'quote-1-og-dark',
      'quote-1-square-light',
      'quote-1-square-dark',
      'quote-2-og-light',
      'quote-2-og-dark',
      'quote-2-square-light',
      'quote-2-square-dark',
    ]);
  });
});

test('an article extract() refuses is a failure, not a crash of the batch', async () => {
  const out = join(tempDir(), 'out');
  const result = await renderArticles([{ id: 'empty.txt' }, article(5)], { out, concurrency: 1 });
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0]).toMatchObject({ article: 'empty.txt', stage: 'extract', reason: 'error' });
  expect(result.manifest.articles[0]?.error).toBe(result.failures[0]?.message);
  expect(result.stats).toMatchObject({ articles: 2, cards: 1, rendered: 1, failed: 0 });
});

test('byte fields of an item (avatar, photos) stay out of the manifest', () => {
  const post = {
    kind: 'post' as const,
    network: 'twitter' as const,
    status: 'full' as const,
    text: 'Hello',
    links: [],
    start: 0,
    end: 5,
    author: { name: 'A', handle: 'a', avatar: new Uint8Array([1, 2, 3]) },
    media: [{ type: 'photo', image: new Uint8Array([4, 5]), alt: 'x' }],
  };
  expect(itemForManifest(post as never)).toEqual({ ...post, author: { name: 'A', handle: 'a' }, media: [{ type: 'photo', alt: 'x' }] });
  expect(post.author.avatar).toEqual(new Uint8Array([1, 2, 3]));
});
