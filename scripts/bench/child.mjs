/**
 * The parts of `npm run bench` that need a fresh process, in plain Node as users run it (no tsx loader).
 * Reads its job as JSON on stdin and prints one JSON line:
 *   { "mode": "first-card", "item": {...} }                       quotecard's built package
 *       → { setupMs, firstCardMs }   (setup: import('quotecard'); the first card reads the fonts)
 *   { "mode": "first-card", "peer": "takumi", "tree": {...} }     a peer from peers.mjs
 *       → { setupMs, firstCardMs }   (setup: importing its modules and reading the fonts)
 *   { "mode": "speed", "peer": "careful" | undefined, "item": {...}, "tree": {...}, "warmUp": 30, "cards": 100 }
 *       ("build": "wasm" with no peer measures quotecard/wasm, dist/wasm.js, instead of the native build)
 *       → { ms: [...], bytes }   one contender alone in its process: each timed card's ms, and the PNG's size
 *   { "mode": "soak", "cards": 5000 }   that many cards of soak-cards.mjs in a row
 *       → { cards, seconds, peakRssMb, samples: [{ card, rssMb }] }   (the resident set every 50 cards)
 */
import { readFileSync } from 'node:fs';

const job = JSON.parse(readFileSync(0, 'utf8'));
const t0 = performance.now();

if (job.mode === 'first-card' && job.peer) {
  const { makePeer, readFonts } = await import('./peers.mjs');
  const draw = await makePeer(job.peer, readFonts(new URL('../../fonts/', import.meta.url)));
  const setup = performance.now();
  await draw(job.tree, 1200, 630);
  console.log(JSON.stringify({ setupMs: setup - t0, firstCardMs: performance.now() - setup }));
} else if (job.mode === 'first-card') {
  const { renderCard } = await import(job.build === 'wasm' ? '../../dist/wasm.js' : '../../dist/index.js');
  const setup = performance.now();
  await renderCard(job.item);
  console.log(JSON.stringify({ setupMs: setup - t0, firstCardMs: performance.now() - setup }));
} else if (job.mode === 'speed') {
  let draw;
  if (job.peer) {
    const { makePeer, readFonts } = await import('./peers.mjs');
    const peer = await makePeer(job.peer, readFonts(new URL('../../fonts/', import.meta.url)));
    draw = () => peer(job.tree, 1200, 630);
  } else {
    const { renderCard } = await import(job.build === 'wasm' ? '../../dist/wasm.js' : '../../dist/index.js');
    draw = async () => (await renderCard(job.item)).png;
  }
  for (let i = 0; i < job.warmUp; i++) await draw();
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < job.cards; i++) {
    const t = performance.now();
    bytes = (await draw()).byteLength;
    ms.push(performance.now() - t);
  }
  console.log(JSON.stringify({ ms, bytes }));
} else if (job.mode === 'soak') {
  const { renderCard } = await import('../../dist/index.js');
  const { soak } = await import('./soak-cards.mjs');
  console.log(JSON.stringify(await soak(renderCard, job.cards)));
} else {
  throw new Error(`bench child: unknown job ${JSON.stringify(job.mode)}`);
}
