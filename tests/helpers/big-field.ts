/**
 * A child process for tests/hostile-fields.test.ts: draws one ordinary card (fonts loaded, code warm),
 * builds a 10 MB value for one field, draws the card with it and prints one JSON line: the outcome,
 * the time that card took (wall and CPU) and how far the peak resident set rose above the ordinary card's.
 *   node --import tsx tests/helpers/big-field.ts quote.text
 */
import { renderCard } from '../../src/index.js';
import type { Item, RenderOptions } from '../../src/types.js';

const field = process.argv[2] as string;
const SIZE = 10_000_000;
const big = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

function card(): { item: Item; options: RenderOptions } {
  const quote = { kind: 'quote' as const, text: 'We will fix the bridge before winter.', speaker: { name: 'Jane Doe', role: 'mayor' }, partial: false, start: 0, end: 0, confidence: 1 };
  const post = { kind: 'post' as const, network: 'twitter' as const, status: 'full' as const, text: 'Bridge closed tonight.', author: { name: 'Jane Doe', handle: 'janedoe' }, links: [] as string[], start: 0, end: 0, date: '2019-11-19' };
  const words = big('word ');
  switch (field) {
    case 'quote.text': return { item: { ...quote, text: words }, options: {} };
    case 'quote.text (Chinese)': return { item: { ...quote, text: big('中文字') }, options: {} };
    case 'quote.speaker.name': return { item: { ...quote, speaker: { name: words } }, options: {} };
    case 'quote.speaker.role': return { item: { ...quote, speaker: { name: 'Jane Doe', role: words } }, options: {} };
    case 'quote.speaker.mention': return { item: { ...quote, speaker: { mention: words } }, options: {} };
    case 'post.text': return { item: { ...post, text: words }, options: {} };
    case 'post.author.name': return { item: { ...post, author: { name: words } }, options: {} };
    case 'post.author.handle': return { item: { ...post, author: { handle: big('a') } }, options: {} };
    case 'post.url': return { item: { ...post, status: 'link-only', text: undefined, url: `https://twitter.com/x/status/${big('1')}` }, options: {} };
    case 'post.date': return { item: { ...post, date: big('2019-') }, options: {} };
    case 'post.links': return { item: { ...post, links: Array.from({ length: 200_000 }, (_, i) => `https://t.co/${i}`) }, options: {} };
    case 'site': return { item: quote, options: { site: words } };
    case 'date': return { item: quote, options: { date: big('2019-') } };
    case 'locale': return { item: quote, options: { locale: big('en-') } };
    case 'theme.site': return { item: quote, options: { theme: { site: words } } };
    case 'theme.name': return { item: quote, options: { theme: { name: words } } };
    case 'theme.accent': return { item: quote, options: { theme: { accent: big('#') } } };
    case 'theme.fonts.serif': return { item: quote, options: { theme: { fonts: { serif: words } as never } } };
    default: throw new Error(`no such field: ${field}`);
  }
}

await renderCard({ kind: 'quote', text: 'An ordinary card first, so fonts and code are loaded.', speaker: { name: 'Jane Doe' }, partial: false, start: 0, end: 0, confidence: 1 });
const { item, options } = card();
const peak = () => process.resourceUsage().maxRSS / 1024;
const before = peak();
const started = performance.now();
const cpu = process.cpuUsage();
let outcome: string;
try {
  const result = await renderCard(item, options);
  outcome = `drawn: ${result.warnings.find((w) => / cut|left out/.test(w)) ?? 'no cut'}`;
} catch (error) {
  outcome = `${(error as Error).constructor.name}: ${(error as Error).message.slice(0, 120)}`;
}
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ field, outcome, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, peakRiseMb: peak() - before }));
