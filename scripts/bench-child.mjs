/**
 * The parts of `npm run bench` that need a fresh process: the built package (dist/) in plain Node, as
 * users run it, with no tsx loader in the process. Reads its job as JSON on stdin, prints one JSON line.
 *   { "mode": "first-card", "item": {...} }                     → { importMs, firstCardMs }
 *   { "mode": "soak", "cards": [{ "item": {...}, "options": {...} }, ...] } → { cards, seconds, peakRssMb }
 */
import { readFileSync } from 'node:fs';

const t0 = performance.now();
const { renderCard } = await import('../dist/index.js');
const imported = performance.now();
const job = JSON.parse(readFileSync(0, 'utf8'));

if (job.mode === 'first-card') {
  await renderCard(job.item);
  console.log(JSON.stringify({ importMs: imported - t0, firstCardMs: performance.now() - imported }));
} else if (job.mode === 'soak') {
  let peak = 0;
  const start = performance.now();
  for (const [i, card] of job.cards.entries()) {
    await renderCard(card.item, card.options);
    if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  peak = Math.max(peak, process.memoryUsage().rss, hwm ? Number(hwm[1]) * 1024 : 0);
  console.log(JSON.stringify({ cards: job.cards.length, seconds: (performance.now() - start) / 1000, peakRssMb: peak / 1e6 }));
} else {
  throw new Error(`bench-child: unknown mode ${job.mode}`);
}
