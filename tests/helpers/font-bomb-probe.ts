/**
 * A child process for tests/font-bombs.test.ts: draws one ordinary card (fonts loaded, code warm), builds
 * one bomb of tests/helpers/font-bomb-cases.ts, draws a card with it and prints one JSON line: the
 * outcome (error class, code, field and message, or "drawn"), the time that card took (wall and CPU) and
 * how far the peak resident set rose above what the process held with the bomb built.
 *   node --import tsx tests/helpers/font-bomb-probe.ts "cmap group 0..0xFFFFFFFF"
 */
import { renderCard } from '../../src/index.js';
import { BOMBS } from './font-bomb-cases.js';

const name = process.argv[2] as string;
const build = BOMBS[name];
if (!build) throw new Error(`no such bomb: ${name}`);
const quote = { kind: 'quote' as const, text: 'We will fix the bridge before winter.', speaker: { name: 'Jane Doe' }, partial: false, start: 0, end: 0, confidence: 1 };

await renderCard(quote);
const fonts = build();
const peak = () => process.resourceUsage().maxRSS / 1024;
const before = peak();
const started = performance.now();
const cpu = process.cpuUsage();
let outcome: { kind: string; code?: string; field?: string; message?: string };
try {
  await renderCard(quote, { fonts, theme: { fonts: { serif: 'Bomb', sans: 'Bomb' } } });
  outcome = { kind: 'drawn' };
} catch (error) {
  const e = error as Error & { code?: string; field?: string };
  outcome = { kind: e.name, code: e.code, field: e.field, message: e.message.slice(0, 400) };
}
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ name, ...outcome, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, peakRiseMb: peak() - before }));
