/**
 * Memory over a long run of cards in one process, under V8's own settings (quotecard changes none):
 * resvg's native memory is handed back every card and nothing accumulates. A fresh child process draws
 * 5,000 mixed cards (quotes and posts, og and square, light and dark) and reports its resident set
 * every 50 cards.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { rssSlope } from '../scripts/bench/soak-cards.mjs';

interface Soak {
  cards: number;
  peakRssMb: number;
  samples: Array<{ card: number; rssMb: number }>;
}

const exec = promisify(execFile);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('memory over 5,000 cards in one process', () => {
  test('no upward trend from card 1,000 to card 5,000, and a peak under 400 MB', { timeout: 600_000 }, async () => {
    const script = join(process.cwd(), 'tests/helpers/memory-soak.ts');
    const { stdout } = await exec(process.execPath, ['--import', tsx, script, '5000'], { timeout: 590_000, maxBuffer: 1 << 22 });
    const soak = JSON.parse(stdout.trim().split('\n').pop() as string) as Soak;
    expect(soak.cards).toBe(5000);
    const late = soak.samples.filter((s) => s.card >= 1000);
    expect(late).toHaveLength(81);
    // a leak of 10 KB a card would be 10 MB per 1,000 cards; a naive resvg loop leaks ~3 MB a card
    expect(rssSlope(soak.samples)).toBeLessThan(8);
    const firstThousand = Math.max(...late.filter((s) => s.card <= 2000).map((s) => s.rssMb));
    const lastThousand = Math.max(...late.filter((s) => s.card > 4000).map((s) => s.rssMb));
    expect(lastThousand - firstThousand).toBeLessThan(40);
    expect(soak.peakRssMb).toBeLessThan(400);
  });
});
