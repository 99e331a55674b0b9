/**
 * A child process for tests/memory.test.ts and the bench: draws `cards` cards in a row with renderCard()
 * (quotes and posts, og and square, light and dark, each text different) under V8's own settings, and
 * prints one JSON line: the resident set every 50 cards, the peak, and the time taken.
 *   node --import tsx tests/helpers/memory-soak.ts 5000
 */
import { renderCard } from '../../src/index.js';
import type { Item, RenderOptions } from '../../src/types.js';

const cards = Number(process.argv[2] ?? 5000);

function card(i: number): { item: Item; options: RenderOptions } {
  const item: Item =
    i % 2
      ? {
          kind: 'post',
          network: 'twitter',
          status: 'full',
          author: { name: 'Siobhan Heanue', handle: 'siobhanheanue' },
          text: `Pakistan & the US were also involved in negotiations for a prisoner swap, post ${i}. #Afghanistan`,
          date: '2019-11-19',
          links: [],
          start: 0,
          end: 0,
        }
      : {
          kind: 'quote',
          text: `We will fix the bridge and the ferry before the storm season, and card ${i} says so in its own words.`,
          speaker: { name: 'Jane Doe', role: 'the mayor' },
          partial: false,
          start: 0,
          end: 0,
          confidence: 0.9,
        };
  return { item, options: { size: i % 3 ? 'og' : 'square', theme: i % 4 ? 'light' : 'dark' } };
}

const samples: Array<{ card: number; rssMb: number }> = [];
const started = performance.now();
for (let i = 0; i < cards; i++) {
  const { item, options } = card(i);
  await renderCard(item, options);
  if ((i + 1) % 50 === 0) samples.push({ card: i + 1, rssMb: process.memoryUsage().rss / 1_048_576 });
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ cards, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, samples }));
