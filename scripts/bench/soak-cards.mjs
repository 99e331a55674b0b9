/**
 * The cards of a long run in one process, shared by the bench's memory run and tests/memory.test.ts:
 * quotes and posts, og and square, light and dark, each text different.
 * @param {number} i
 * @returns {{ item: import('../../src/types.js').Item, options: import('../../src/types.js').RenderOptions }}
 */
export function soakCard(i) {
  const item =
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

/**
 * Draw `cards` soak cards with `renderCard` and report the resident set every 50 cards. When the process
 * was started with --expose-gc, every 500 cards it also collects garbage and reports what is still held
 * (`settled`: the JavaScript heap in use and the resident set): the memory a leak would grow, without the
 * collector's own rhythm of letting garbage pile up before it runs.
 * @param {(item: unknown, options: unknown) => Promise<unknown>} renderCard
 * @param {number} cards
 */
export async function soak(renderCard, cards) {
  const samples = [];
  const settled = [];
  const collect = /** @type {(() => void) | undefined} */ (globalThis.gc);
  const started = performance.now();
  for (let i = 0; i < cards; i++) {
    const { item, options } = soakCard(i);
    await renderCard(item, options);
    if ((i + 1) % 50 === 0) samples.push({ card: i + 1, rssMb: process.memoryUsage().rss / 1_048_576 });
    if (collect && (i + 1) % 500 === 0) {
      collect();
      const m = process.memoryUsage();
      settled.push({ card: i + 1, heapMb: m.heapUsed / 1_048_576, rssMb: m.rss / 1_048_576 });
    }
  }
  return { cards, seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, samples, settled };
}

/**
 * Least-squares slope of a memory figure (`key`, the resident set unless told) over the samples from card
 * `from` on, in MB per 1,000 cards.
 * @param {Array<{ card: number } & Record<string, number>>} samples
 * @param {number} [from]
 * @param {string} [key]
 */
export function rssSlope(samples, from = 1000, key = 'rssMb') {
  const late = samples.filter((s) => s.card >= from);
  const n = late.length;
  const mx = late.reduce((sum, p) => sum + p.card, 0) / n;
  const my = late.reduce((sum, p) => sum + p[key], 0) / n;
  const num = late.reduce((sum, p) => sum + (p.card - mx) * (p[key] - my), 0);
  const den = late.reduce((sum, p) => sum + (p.card - mx) ** 2, 0);
  return (num / den) * 1000;
}
