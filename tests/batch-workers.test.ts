/**
 * The worker pool: a card that kills its worker process (a real SIGABRT, as resvg raises on a
 * pathological SVG), or runs past the per-card timeout, is reported in the manifest and the result;
 * its process is replaced and the rest of the batch is made. Those cards are made to misbehave by a
 * worker of the tests' own (helpers/misbehaving-worker.ts), which reads its markers from the
 * environment when it starts, so they are set before the batch and removed after. The fonts a batch
 * is given reach every worker process.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { batchEntries } from '../src/batch/batch-input.js';
import { checkBatchOptions } from '../src/batch/batch-options.js';
import { renderArticles } from '../src/batch/index.js';
import { runBatch } from '../src/batch/render-articles.js';
import { handFontsOver, takeFonts } from '../src/batch/worker-fonts.js';
import { workerEntry, workerEnv, workerFlags } from '../src/batch/worker-pool.js';
import type { BatchArticle, BatchOptions, Manifest } from '../src/types.js';
import { misbehavingWorker } from './helpers/misbehaving-worker.js';
import { articleText, tempDir } from './batch-articles.js';

afterEach(() => {
  delete process.env.TEST_CRASH_ON;
  delete process.env.TEST_HANG_ON;
});

/** renderArticles on the misbehaving worker. */
const renderOnTestWorker = (inputs: BatchArticle[], options: BatchOptions) =>
  runBatch(batchEntries(inputs), checkBatchOptions(options), misbehavingWorker());

const cases = [
  { name: 'a worker that dies', hook: 'TEST_CRASH_ON', marker: 'QCRASHNOW', options: { concurrency: 2 }, reason: 'crash', message: /^The worker process drawing the card died \(Worker exited unexpectedly\), and again when the card was tried in a second one; the process was replaced\.$/ },
  { name: 'a card past the timeout', hook: 'TEST_HANG_ON', marker: 'QHANGNOW', options: { concurrency: 1, timeout: 8000 }, reason: 'timeout', message: /^The card took longer than 8000 ms; its worker was stopped and replaced\.$/ },
] as const;

describe('one bad card does not stop the batch', () => {
  for (const c of cases) {
    test(c.name, async () => {
      process.env[c.hook] = c.marker;
      const out = join(tempDir(), 'out');
      const inputs: BatchArticle[] = [
        { id: 'before.txt', text: articleText(1) },
        { id: 'bad.txt', text: articleText(2, 2, c.marker) },
        { id: 'after.txt', text: articleText(3) },
      ];
      const result = await renderOnTestWorker(inputs, { out, ...c.options });
      expect(result.stats).toMatchObject({ articles: 3, cards: 4, rendered: 3, failed: 1 });
      expect(result.failures).toHaveLength(1);
      const failure = result.failures[0];
      expect(failure).toMatchObject({ article: 'bad.txt', stage: 'render', reason: c.reason });
      expect(failure?.message).toMatch(c.message);

      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.failures).toEqual(result.failures);
      const bad = manifest.articles[1]?.cards ?? [];
      const failed = bad.find((card) => card.status === 'failed');
      expect(failed?.id).toBe(failure?.card);
      expect(failed?.item.kind === 'quote' && failed.item.text).toContain(c.marker);
      expect(failed?.files).toEqual([]);
      expect(failed?.error).toBe(failure?.message);
      // the other quote of the same article and the articles after it were made
      for (const card of manifest.articles.flatMap((a) => a.cards)) {
        if (card === failed) continue;
        expect(card.status).toBe('rendered');
        expect(existsSync(join(out, `${card.id}.png`))).toBe(true);
      }
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('not made.');
    });
  }

  test('a failed card is tried again on the next run', async () => {
    process.env.TEST_CRASH_ON = 'QCRASHNOW';
    const out = join(tempDir(), 'out');
    const inputs = [{ id: 'bad.txt', text: articleText(2, 2, 'QCRASHNOW') }];
    const first = await renderOnTestWorker(inputs, { out, concurrency: 1 });
    expect(first.stats).toMatchObject({ rendered: 1, failed: 1 });
    delete process.env.TEST_CRASH_ON;
    const second = await renderArticles(inputs, { out, concurrency: 1 });
    expect(second.stats).toMatchObject({ rendered: 1, cached: 1, failed: 0 });
  });
});

describe('workers write the cards themselves', () => {
  test('a card the worker cannot write is a write failure of that card; the others are written', async () => {
    const out = join(tempDir(), 'out');
    const inputs: BatchArticle[] = [
      { id: 'one.txt', text: articleText(1) },
      { id: 'two.txt', text: articleText(2) },
    ];
    const first = await renderArticles(inputs, { out, concurrency: 1 });
    expect(first.stats.failed).toBe(0);
    // the second run must draw again (no manifest), and a folder stands where one card's PNG goes
    const [blocked, ...rest] = first.cards;
    const blockedPath = join(out, `${blocked?.id}.png`);
    rmSync(join(out, 'manifest.json'));
    rmSync(blockedPath);
    mkdirSync(blockedPath);
    const again = await renderArticles(inputs, { out, concurrency: 1 });
    expect(again.stats).toMatchObject({ rendered: rest.length, failed: 1 });
    expect(again.failures[0]).toMatchObject({ article: 'one.txt', card: blocked?.id, stage: 'write', reason: 'error' });
    expect(again.failures[0]?.message).toMatch(/^Could not write the card's files: EISDIR/);
    for (const card of rest) {
      expect(statSync(join(out, `${card.id}.png`)).size).toBe(card.files[0]?.bytes);
    }
  });
});

describe('where the worker module is found', () => {
  const cases = [
    { name: 'source, run through tsx', url: 'file:///pkg/src/batch/worker-pool.ts', file: 'file:///pkg/src/batch/worker.ts', tsx: true },
    { name: 'ESM build', url: 'file:///pkg/dist/index.js', file: 'file:///pkg/dist/worker.js', tsx: false },
    { name: 'CJS build', url: 'file:///pkg/dist/index.cjs', file: 'file:///pkg/dist/worker.cjs', tsx: false },
    { name: 'CLI bundle', url: 'file:///pkg/dist/cli.js', file: 'file:///pkg/dist/worker.js', tsx: false },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const entry = workerEntry(c.url);
      expect(entry.filename).toBe(c.file);
      expect(entry.execArgv[0] === '--import').toBe(c.tsx);
    });
  }

  test('workers run single-threaded, and their heap grows with the extra fonts they must hold', () => {
    expect(workerFlags([])).toEqual(['--single-threaded', '--max-semi-space-size=2', '--max-old-space-size=128']);
    expect(workerFlags([{ data: new Uint8Array(10 * 1_048_576) }])).toContain('--max-old-space-size=158');
  });

  test("a worker's environment is the caller's, with the fonts file and malloc settings the caller did not set", () => {
    const env = workerEnv({ path: '/tmp/x/fonts.bin', remove: () => {} }, { PATH: '/bin', MALLOC_ARENA_MAX: '4', QUOTECARD_WORKER_FONTS: 'stale', EMPTY: undefined });
    expect(env).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '262144', MALLOC_TRIM_THRESHOLD_: '1048576', QUOTECARD_WORKER_FONTS: '/tmp/x/fonts.bin' });
    expect(workerEnv(undefined, { QUOTECARD_WORKER_FONTS: 'stale' })).not.toHaveProperty('QUOTECARD_WORKER_FONTS');
  });
});

describe('fonts reach the worker processes', () => {
  const hebrew = readFileSync(new URL('./fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff', import.meta.url));

  test('handed over through a private file that is removed afterwards', () => {
    const fonts = [{ name: 'Extra Hebrew', data: new Uint8Array(hebrew), weight: 400 as const }];
    const handoff = handFontsOver(fonts);
    expect(statSync(handoff.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(handoff.path, '..')).mode & 0o777).toBe(0o700);
    expect(takeFonts(handoff.path)).toEqual(fonts);
    handoff.remove();
    expect(existsSync(handoff.path)).toBe(false);
    expect(takeFonts(undefined)).toEqual([]);
  });

  // U+05EF (yod triangle) is in this Hebrew font but not in the bundled Hebrew subset.
  test('a character only the given font has draws without a missing-glyph warning', async () => {
    const input = [{ id: 'yod.txt', text: articleText(1, 1, 'ׯ') }];
    const without = await renderArticles(input, { out: join(tempDir(), 'out'), concurrency: 1 });
    const withFont = await renderArticles(input, { out: join(tempDir(), 'out'), concurrency: 1, fonts: [{ name: 'Extra Hebrew', data: hebrew }] });
    expect(without.cards[0]?.warnings.join(' ')).toContain("Hebrew: ׯ");
    expect(withFont.cards[0]?.status).toBe('rendered');
    expect(withFont.cards[0]?.warnings.join(' ')).not.toContain("Hebrew: ׯ");
  });
});
