import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { describe, expect, test } from 'vitest';
import { emojiImage, fontPlan, isEmoji, missingGlyphs } from '../src/fonts/index.js';
import { emojiProblem } from '../src/fonts/emoji.js';

const cases = [
  { name: 'plain', input: '😀', expected: '1f600.svg' },
  { name: 'skin tone', input: '👍🏽', expected: '1f44d-1f3fd.svg' },
  { name: 'flag', input: '🇺🇸', expected: '1f1fa-1f1f8.svg' },
  { name: 'subdivision flag (tags)', input: '🏴󠁧󠁢󠁥󠁮󠁧󠁿', expected: '1f3f4-e0067-e0062-e0065-e006e-e0067-e007f.svg' },
  { name: 'ZWJ family', input: '👨‍👩‍👧', expected: '1f468-200d-1f469-200d-1f467.svg' },
  { name: 'ZWJ with VS16 kept', input: '🏳️‍🌈', expected: '1f3f3-fe0f-200d-1f308.svg' },
  { name: 'heart on fire', input: '❤️‍🔥', expected: '2764-fe0f-200d-1f525.svg' },
  { name: 'keycap', input: '1️⃣', expected: '31-20e3.svg' },
  { name: 'keycap #', input: '#️⃣', expected: '23-20e3.svg' },
  { name: 'heart with VS16 dropped', input: '❤️', expected: '2764.svg' },
  { name: 'heart without VS16', input: '❤', expected: '2764.svg' },
  { name: 'ZWJ with skin tone', input: '🧑🏽‍💻', expected: '1f9d1-1f3fd-200d-1f4bb.svg' },
];

describe('Twemoji files', () => {
  test('the emoji pack is found from the module', () => {
    expect(emojiImage('😀').file).toBe('1f600.svg');
    expect(emojiProblem()).toBeUndefined();
  });
  test.each(cases)('$name $input → $expected', ({ input, expected }) => {
    expect(isEmoji(input)).toBe(true);
    const image = emojiImage(input);
    expect(image).toMatchObject({ file: expected, exact: true });
    expect(Buffer.from(image.uri.split(',')[1] ?? '', 'base64').toString()).toMatch(/^<svg/);
    expect(emojiImage(input)).toBe(image);
  });
  test('an emoji sequence Twemoji lacks falls back to its first emoji and is reported', () => {
    const made = '👍\u200d🔥';
    expect(emojiImage(made)).toMatchObject({ file: '1f44d.svg', exact: false });
    expect(missingGlyphs(`ok ${made}`, fontPlan())).toEqual([{ script: 'Emoji', chars: [made] }]);
  });
  test.each([
    { input: '1', expected: false },
    { input: '#', expected: false },
    { input: 'a', expected: false },
    { input: '✈︎', expected: false },
    { input: '✈️', expected: true },
    { input: '©', expected: true },
  ])('isEmoji($input) is $expected, as satori decides', ({ input, expected }) => {
    expect(isEmoji(input)).toBe(expected);
  });
});

describe('emoji as satori draws them', () => {
  test('each emoji becomes an image 1em wide, no box and no warning', async () => {
    const plan = fontPlan();
    const text = cases.map((c) => c.input).join('');
    const svg = await satori(
      { type: 'div', props: { style: { display: 'flex', fontFamily: 'Quotecard Sans', fontSize: 40 }, children: text } } as never,
      { width: 800, height: 60, fonts: plan.satoriFonts as never, loadAdditionalAsset: plan.loadAdditionalAsset as never },
    );
    expect(svg.match(/<image /g)?.length).toBe(cases.length);
    expect(svg.match(/data:image\/svg\+xml;base64/g)?.length).toBe(cases.length);
    expect(svg).not.toMatch(/<path/);
    expect(missingGlyphs(text, plan)).toEqual([]);
    expect(plan.takeNotes()).toEqual([]);
    expect(plan.measurer.width(text, { family: 'Quotecard Sans', fontSize: 40 })).toBe(40 * cases.length);
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    expect(png.width).toBe(800);
  });
});
