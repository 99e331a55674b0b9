/**
 * A child process for tests/memory.test.ts: draws `cards` cards in a row with renderCard() from src
 * (scripts/bench/soak-cards.mjs says which) under V8's own settings and prints one JSON line: the
 * resident set every 50 cards, what is held after a collection every 500 (with --expose-gc), the peak
 * and the time taken.
 *   node --expose-gc --import tsx tests/helpers/memory-soak.ts 5000   (the test runs it bundled, without tsx)
 */
import { soak } from '../../scripts/bench/soak-cards.mjs';
import { renderCard } from '../../src/index.js';

console.log(JSON.stringify(await soak(renderCard as never, Number(process.argv[2] ?? 5000))));
