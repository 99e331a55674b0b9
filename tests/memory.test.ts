/**
 * Memory over a long run of cards in one process, under V8's own settings (quotecard changes none):
 * resvg's native memory is handed back every card and nothing accumulates. A fresh child process draws
 * 5,000 mixed cards (quotes and posts, og and square, light and dark); every 500 cards it collects garbage
 * and reports what is still held — the JavaScript heap in use and the resident set. Those settled figures
 * are what a leak grows; the resident set between collections rises and falls with the collector's rhythm
 * and the machine's load, so it bounds only the peak.
 *
 * The child runs the library bundled as it ships (esbuild, dependencies left as imports), under plain
 * node: run through tsx, the loader's own thread and isolate add some 40 MB that no user's process has.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { rssSlope } from '../scripts/bench/soak-cards.mjs';

interface Soak {
  cards: number;
  peakRssMb: number;
  settled: Array<{ card: number; heapMb: number; rssMb: number }>;
}

const exec = promisify(execFile);

/** tests/helpers/memory-soak.ts and the library as one ES module one folder below the root, where its fonts/ lookup finds ../fonts. */
async function bundleSoak(): Promise<string> {
  const outfile = join(process.cwd(), '.bench', 'memory-soak.mjs');
  await build({ entryPoints: ['tests/helpers/memory-soak.ts'], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
  return outfile;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

describe('memory over 5,000 cards in one process', () => {
  test('nothing held grows from card 1,000 to card 5,000, and the peak stays under 400 MB', { timeout: 600_000 }, async () => {
    const script = await bundleSoak();
    // --expose-gc only lets the child ask for a collection at its sample points; it tunes nothing
    const { stdout } = await exec(process.execPath, ['--expose-gc', script, '5000'], { timeout: 590_000, maxBuffer: 1 << 22 });
    const soak = JSON.parse(stdout.trim().split('\n').pop() as string) as Soak;
    expect(soak.cards).toBe(5000);
    const late = soak.settled.filter((s) => s.card >= 1000);
    expect(late).toHaveLength(9);
    // JavaScript objects kept: a leak of 1 KB a card would be 1 MB per 1,000 cards
    expect(rssSlope(soak.settled, 1000, 'heapMb')).toBeLessThan(1);
    // native memory kept (a naive resvg loop leaks ~3 MB a card): cards 4,000–5,000 against 1,000–2,000
    const early = median(late.filter((s) => s.card <= 2000).map((s) => s.rssMb));
    const last = median(late.filter((s) => s.card >= 4000).map((s) => s.rssMb));
    expect(last - early).toBeLessThan(40);
    expect(soak.peakRssMb).toBeLessThan(400);
  });
});
