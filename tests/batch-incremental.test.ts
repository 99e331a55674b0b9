/**
 * Incremental runs: a card whose inputs, options, fonts and library version hash as in the existing
 * manifest (with its files in place) is not drawn again; what changed is, and its old files go.
 * The steps run in order over one output folder.
 */
import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { renderArticles } from '../src/batch/index.js';
import type { BatchArticle, BatchOptions, BatchResult, Manifest } from '../src/types.js';
import { article, articleText, tempDir } from './batch-articles.js';

const out = join(tempDir(), 'out');
const base: BatchOptions = { out, concurrency: 2 };
const inputs: BatchArticle[] = [article(1), article(2, 2), article(3)];
/** Modification time of every card file the manifest lists. */
function mtimes(): Map<string, number> {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const paths = manifest.articles.flatMap((a) => a.cards.flatMap((c) => c.files.map((f) => f.path)));
  return new Map(paths.map((p) => [p, statSync(join(out, p)).mtimeMs]));
}

describe.sequential('re-running over the same folder', () => {
  let first: BatchResult;

  const steps: Array<{
    name: string;
    run: () => Promise<BatchResult>;
    expected: { rendered: number; cached: number };
    check?: (result: BatchResult) => void;
  }> = [
    { name: 'the first run draws every card', run: async () => (first = await renderArticles(inputs, base)), expected: { rendered: 4, cached: 0 } },
    {
      name: 'an unchanged re-run draws nothing and touches no card file',
      run: async () => {
        const before = mtimes();
        const result = await renderArticles(inputs, base);
        expect(mtimes()).toEqual(before);
        return result;
      },
      expected: { rendered: 0, cached: 4 },
      check: (result) => {
        expect(result.cards.map((c) => c.id)).toEqual(first.cards.map((c) => c.id));
        expect(result.cards.every((c) => c.status === 'cached')).toBe(true);
      },
    },
    {
      name: 'one changed article: only its cards are drawn, its old files removed',
      run: () => renderArticles([inputs[0] as BatchArticle, { ...inputs[1], text: articleText(22, 2) }, inputs[2] as BatchArticle], base),
      expected: { rendered: 2, cached: 2 },
      check: (result) => {
        const old = first.cards.filter((c) => c.id.startsWith('district-2-'));
        expect(old).toHaveLength(2);
        for (const card of old) expect(existsSync(join(out, `${card.id}.png`))).toBe(false);
        for (const card of result.cards) expect(existsSync(join(out, `${card.id}.png`))).toBe(true);
      },
    },
    {
      name: 'a deleted card file is drawn again, alone',
      run: async () => {
        unlinkSync(join(out, `${first.cards[0]?.id}.png`));
        return renderArticles([inputs[0] as BatchArticle, { ...inputs[1], text: articleText(22, 2) }, inputs[2] as BatchArticle], base);
      },
      expected: { rendered: 1, cached: 3 },
    },
    {
      name: 'a damaged card file (other size) is drawn again',
      run: async () => {
        writeFileSync(join(out, `${first.cards[0]?.id}.png`), 'not a png');
        return renderArticles([inputs[0] as BatchArticle, { ...inputs[1], text: articleText(22, 2) }, inputs[2] as BatchArticle], base);
      },
      expected: { rendered: 1, cached: 3 },
    },
    {
      name: 'adding a theme draws only the new theme',
      run: () => renderArticles([inputs[0] as BatchArticle, { ...inputs[1], text: articleText(22, 2) }, inputs[2] as BatchArticle], { ...base, theme: ['light', 'dark'] }),
      expected: { rendered: 4, cached: 4 },
      check: (result) => expect(result.cards.filter((c) => c.status === 'rendered').every((c) => c.theme === 'dark')).toBe(true),
    },
    {
      name: 'a different site name (an input of every card) draws every card',
      run: () => renderArticles(inputs, { ...base, site: 'Other Gazette' }),
      expected: { rendered: 4, cached: 0 },
    },
    {
      name: "compression 'small' draws every card again, smaller, with the same pixels",
      run: async () => {
        const sizes = new Map<string, number>();
        const fast = await renderArticles(inputs, { ...base, site: 'Other Gazette', incremental: false });
        for (const card of fast.cards) sizes.set(card.id, statSync(join(out, `${card.id}.png`)).size);
        const pixels = new Map(fast.cards.map((c) => [c.id.replace(/-[0-9a-f]+$/, ''), PNG.sync.read(readFileSync(join(out, `${c.id}.png`))).data]));
        const small = await renderArticles(inputs, { ...base, site: 'Other Gazette', compression: 'small' });
        for (const [i, card] of small.cards.entries()) {
          const file = readFileSync(join(out, `${card.id}.png`));
          expect(file.length).toBeLessThan(sizes.get(fast.cards[i]?.id ?? '') ?? 0);
          expect(PNG.sync.read(file).data.equals(pixels.get(card.id.replace(/-[0-9a-f]+$/, '')) as Buffer)).toBe(true);
        }
        return small;
      },
      expected: { rendered: 4, cached: 0 },
    },
    {
      name: 'incremental: false draws every card even when nothing changed',
      run: () => renderArticles(inputs, { ...base, site: 'Other Gazette', incremental: false }),
      expected: { rendered: 4, cached: 0 },
    },
  ];

  for (const step of steps) {
    test(step.name, async () => {
      const result = await step.run();
      expect({ rendered: result.stats.rendered, cached: result.stats.cached }).toEqual(step.expected);
      expect(result.failures).toEqual([]);
      step.check?.(result);
    });
  }

  test('an unreadable manifest means drawing everything, with a warning', async () => {
    writeFileSync(join(out, 'manifest.json'), '{ not json');
    const result = await renderArticles(inputs, base);
    expect(result.stats.rendered).toBe(4);
    expect(result.manifest.warnings[0]).toMatch(/^Existing manifest\.json could not be read \(.+\): every card is drawn again\.$/);
  });
});
