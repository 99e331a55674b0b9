import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { planFor } from './helpers/fonts.js';
import { fontPlan } from '../src/fonts/index.js';
import { satoriWidth } from './satori-width.js';

const hebrew = readFileSync(new URL('./fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff2', import.meta.url));

const cases = [
  { name: 'short quote, serif', text: 'Hello, world', family: 'Quotecard Serif', size: 64, weight: 400 },
  { name: 'long quote, serif', text: 'We must show they are willing & able to respond to Afghan desire for peace.', family: 'Quotecard Serif', size: 48, weight: 400 },
  { name: 'kerning pairs', text: 'AVATAR Toyota WAVE office', family: 'Quotecard Serif', size: 56, weight: 700 },
  { name: 'speaker, bold sans', text: 'Zalmay Khalilzad, U.S. special envoy', family: 'Quotecard Sans', size: 28, weight: 700 },
  { name: 'Vietnamese', text: 'Tiếng Việt có dấu: Nguyễn Phú Trọng', family: 'Quotecard Sans', size: 40, weight: 400 },
  { name: 'Greek and Cyrillic', text: 'Ελληνικά κείμενα και Кириллица текст', family: 'Quotecard Serif', size: 40, weight: 400 },
  { name: 'punctuation and numbers', text: '“Quoted,” he said — 1,234.56 € (2019)', family: 'Quotecard Sans', size: 32, weight: 400 },
  { name: 'emoji among words', text: 'Great news 👍🏽 for 🇺🇸 fans 👨‍👩‍👧', family: 'Quotecard Sans', size: 36, weight: 400 },
  { name: 'unknown family falls back', text: 'Fallback text', family: 'No Such Family', size: 30, weight: 400 },
];

describe('Measurer matches satori’s layout', () => {
  test.each(cases)('$name', async ({ text, family, size, weight }) => {
    const plan = fontPlan();
    const ours = plan.measurer.width(text, { family, fontSize: size, weight });
    const theirs = await satoriWidth(plan, text, family, size, weight);
    expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.015);
  });
  test('a user font fills in characters the primary face lacks (per-character fallback)', async () => {
    const plan = planFor([{ name: 'Hebrew', data: hebrew, lang: 'he' }]);
    const text = 'שלום עולם, he said';
    const ours = plan.measurer.width(text, { family: 'Quotecard Sans', fontSize: 40 });
    const theirs = await satoriWidth(plan, text, 'Quotecard Sans', 40);
    expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.015);
    const latinOnly = fontPlan().measurer.width(text, { family: 'Quotecard Sans', fontSize: 40 });
    expect(ours).not.toBeCloseTo(latinOnly, 0);
  });
  test('widths scale with the size and are cached per text', () => {
    const { measurer } = fontPlan();
    const font = { family: 'Quotecard Serif', fontSize: 20 };
    const small = measurer.width('Measured once', font);
    expect(measurer.width('Measured once', { ...font, fontSize: 40 })).toBeCloseTo(small * 2, 6);
    expect(measurer.width('', font)).toBe(0);
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) measurer.width('Measured once', font);
    expect((performance.now() - start) / 10_000).toBeLessThan(0.05);
  });
});
