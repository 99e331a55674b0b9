/**
 * A child process for tests/memory.test.ts: renders `cards` og quote cards in a row with renderCard()
 * and prints one JSON line: the resident set and V8 heap after a warm-up, and their peaks after it.
 *   node --import tsx tests/helpers/memory-soak.ts 600
 */
import { renderCard } from '../../src/index.js';

const cards = Number(process.argv[2] ?? 600);
const warmUp = Math.floor(cards / 4);
let afterWarmUp = { rss: 0, heapTotal: 0 };
let peak = { rss: 0, heapTotal: 0 };
for (let i = 0; i < cards; i++) {
  await renderCard({
    kind: 'quote',
    text: `We will fix the bridge and the ferry before the storm season, and card ${i} says so in its own words.`,
    speaker: { name: 'Jane Doe', role: 'the mayor' },
    cue: 'said',
    partial: false,
    start: 0,
    end: 0,
    confidence: 0.9,
  });
  if (i % 10 === 0) {
    const { rss, heapTotal } = process.memoryUsage();
    if (i === warmUp - (warmUp % 10)) afterWarmUp = { rss, heapTotal };
    if (i >= warmUp) peak = { rss: Math.max(peak.rss, rss), heapTotal: Math.max(peak.heapTotal, heapTotal) };
  }
}
console.log(JSON.stringify({ afterWarmUp, peak }));
