/**
 * Memory over a long run of cards in one process, without the caller's help (see README, "Rendering,
 * memory and determinism"): native memory handed back every card, and V8's heap kept near its live size.
 * Each case is a fresh child process rendering 600 og quote cards (~8 s).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

interface Soak {
  afterWarmUp: { rss: number; heapTotal: number };
  peak: { rss: number; heapTotal: number };
}

const MB = 1_048_576;
const exec = promisify(execFile);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function soak(env: Record<string, string>): Promise<Soak> {
  const script = join(process.cwd(), 'tests/helpers/memory-soak.ts');
  const { stdout } = await exec(process.execPath, ['--import', tsx, script, '600'], { env: { ...process.env, ...env }, timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Soak;
}

describe('memory over 600 cards in one process', () => {
  test('stays flat, and the heap stays well under what V8 grows to on its own', { timeout: 180_000 }, async () => {
    const [ours, v8Own] = [await soak({ QUOTECARD_HEAP_GROWTH: '' }), await soak({ QUOTECARD_HEAP_GROWTH: 'off' })];
    // flat: after the first 150 cards the resident set grows by less than a card's worth per 10 cards
    expect((ours.peak.rss - ours.afterWarmUp.rss) / MB).toBeLessThan(60);
    // resvg's native memory is handed back even with V8's own policy (a naive loop grows by ~3 MB a card)
    expect((v8Own.peak.rss - v8Own.afterWarmUp.rss) / MB).toBeLessThan(150);
    // the heap growth setting keeps V8's heap clearly smaller than V8's own policy lets it grow
    expect(ours.peak.heapTotal).toBeLessThan(v8Own.peak.heapTotal * 0.85);
  });
});
